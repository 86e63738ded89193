// Test fixtures: a client for the throwaway e2e Redis (loopback only) and a guard that fails
// a test on any console error or uncaught page error.
import { test as base, expect } from '@playwright/test';
import Redis from 'ioredis';
import { readState, type E2eState } from './state';

// A 503 the page expects (Redis stopped on purpose) is logged by Chromium as a resource error.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of (503|504)/;

export const test = base.extend<{ servers: E2eState; mainRedis: Redis; consoleGuard: void }>({
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
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_CONSOLE.test(message.text())) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await use();
      expect(problems, 'console errors on the page').toEqual([]);
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
