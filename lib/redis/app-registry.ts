// The server process's registry, built from the environment on first use and kept on globalThis
// so that dev-mode reloads do not leak connections.
import 'server-only';
import { loadConfig } from '@/lib/config/load';
import { Registry } from './registry';

const holder = globalThis as typeof globalThis & { __redlensRegistry?: Registry };

export function appRegistry(): Registry {
  holder.__redlensRegistry ??= new Registry(loadConfig(process.env));
  return holder.__redlensRegistry;
}
