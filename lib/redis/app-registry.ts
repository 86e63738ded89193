// The server process's registry, built from the environment on first use and kept on globalThis
// so that dev-mode reloads do not leak connections.
import 'server-only';
import { appConfig } from '@/lib/config/app-config';
import { Registry } from './registry';

const holder = globalThis as typeof globalThis & { __redlensRegistry?: Registry };

export function appRegistry(): Registry {
  holder.__redlensRegistry ??= new Registry(appConfig().instances);
  return holder.__redlensRegistry;
}
