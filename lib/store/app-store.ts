// The server process's store, opened on first use in the configured data directory.
import { appConfig } from '@/lib/config/app-config';
import { openStore, type Store } from './sqlite';

const holder = globalThis as typeof globalThis & { __redlensStore?: Store };

export function appStore(): Store {
  holder.__redlensStore ??= openStore(appConfig().dataDir);
  return holder.__redlensStore;
}
