// The server process's store, opened on first use in the configured data directory, and watched
// for faults (store-health.ts) from then on.
import { appConfig } from '@/lib/config/app-config';
import { openStore, type Store } from './sqlite';
import { currentStoreHealth, StoreHealth, watchStore, type StoreStatus } from './store-health';

const holder = globalThis as typeof globalThis & { __redlensStore?: Store };

export function appStore(): Store {
  if (!holder.__redlensStore) {
    const dataDir = appConfig().dataDir;
    const store = openStore(dataDir);
    holder.__redlensStore = store;
    watchStore(new StoreHealth(store, dataDir));
  }
  return holder.__redlensStore;
}

/** The store's state for the admin banner: a fresh look at the file system, never a write. */
export function appStoreStatus(): StoreStatus {
  try {
    appStore();
  } catch (error) {
    return { ok: false, problem: `The store cannot be opened: ${error instanceof Error ? error.message : String(error)}` };
  }
  return currentStoreHealth()?.check({ probeWrite: false }) ?? { ok: true };
}
