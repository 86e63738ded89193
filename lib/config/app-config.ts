// The server process's configuration, read from the environment once.
import { loadConfig } from './load';
import type { RedlensConfig } from './schema';

const holder = globalThis as typeof globalThis & { __redlensConfig?: RedlensConfig };

export function appConfig(): RedlensConfig {
  holder.__redlensConfig ??= loadConfig(process.env);
  return holder.__redlensConfig;
}
