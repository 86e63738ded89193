// Test fixtures: pages signed in as admin unless a spec says otherwise, a client for the
// throwaway e2e Redis (loopback only), and a guard that fails a test on any console error,
// uncaught page error or dialog (a dialog would mean injected script ran).
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import Redis from 'ioredis';
import type { Role } from '../../lib/api/roles';
import { readState, type E2eState } from './state';

export const PASSWORDS: Record<Role, string> = { admin: 'e2e-admin-password', viewer: 'e2e-viewer-password' };

// Chromium logs every 4xx/5xx answer as a console error; specs name those they provoke on
// purpose (Redis stopped: 503, blocked: 504; a wrong password: 401).
const RESOURCE_ERROR = /^Failed to load resource: the server responded with a status of (\d+)/;

export async function signIn(request: APIRequestContext, role: Role, baseURL: string): Promise<void> {
  const response = await request.post('/api/auth/login', {
    data: { username: role, password: PASSWORDS[role] },
    headers: { origin: baseURL },
  });
  expect(response.status(), `sign in as ${role}`).toBe(200);
}

interface Fixtures {
  signInAs: Role | null;
  /** HTTP statuses a spec provokes on purpose, whose resource errors the console guard allows. */
  expectedStatuses: number[];
  servers: E2eState;
  mainRedis: Redis;
  /** The API as the signed-in page sees it (same cookies). */
  api: APIRequestContext;
  consoleGuard: void;
}

export const test = base.extend<Fixtures>({
  signInAs: ['admin', { option: true }],
  expectedStatuses: [[401, 503, 504], { option: true }],
  page: async ({ page, signInAs, baseURL }, use) => {
    if (signInAs) await signIn(page.request, signInAs, baseURL!);
    await use(page);
  },
  api: async ({ page }, use) => {
    await use(page.request);
  },
  servers: async ({}, use) => {
    await use(readState());
  },
  mainRedis: async ({ servers }, use) => {
    const client = new Redis({ host: '127.0.0.1', port: servers.main.port, lazyConnect: true, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    await client.connect();
    await use(client);
    client.disconnect();
  },
  consoleGuard: [
    async ({ page, expectedStatuses }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const status = RESOURCE_ERROR.exec(message.text())?.[1];
        if (status && expectedStatuses.includes(Number(status))) return;
        problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('dialog', async (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        await dialog.dismiss();
      });
      await use();
      expect(problems, 'console errors, page errors or dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Total keys over every db, from INFO keyspace. */
export async function totalKeys(redis: Redis): Promise<number> {
  const keyspace = await redis.info('keyspace');
  return [...keyspace.matchAll(/^db\d+:keys=(\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}
