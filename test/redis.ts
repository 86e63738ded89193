// Private redis-servers for integration tests: a free loopback port, a temp dir, stopped by pid.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRedis, type RedisServer } from '../scripts/lib/redis-server.mjs';

export { launch, rawCommand, stopRedis, type RedisServer } from '../scripts/lib/redis-server.mjs';

export function startTestRedis(options: { password?: string; args?: string[]; conf?: string } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'redlens-test-redis-'));
  return startRedis({ dir, ...options });
}

export const redisUrl = (server: RedisServer, password?: string) =>
  `redis://${password ? `:${encodeURIComponent(password)}@` : ''}127.0.0.1:${server.port}`;

/** Polls `check` until it passes or `timeoutMs` runs out; rethrows the last failure. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
