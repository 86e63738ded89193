// The server process's AuthContext, built once (hashing env passwords takes a few ms each).
import { appConfig } from '@/lib/config/app-config';
import { appStore } from '@/lib/store/app-store';
import { buildAuthContext, type AuthContext } from './auth-context';
import { StoredSessions } from './session-registry';

const holder = globalThis as typeof globalThis & { __redlensAuth?: Promise<AuthContext> };

export function appAuth(announce?: (password: string) => void): Promise<AuthContext> {
  holder.__redlensAuth ??= buildAuthContext(appConfig(), process.env, announce, new StoredSessions(appStore())).catch((error: unknown) => {
    holder.__redlensAuth = undefined;
    throw error;
  });
  return holder.__redlensAuth;
}
