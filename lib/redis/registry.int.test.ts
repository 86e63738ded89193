// The registry against a real redis-server: data, down, blocked, wrong password, recovery, coalescing.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launch, rawCommand, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { ApiError } from '@/lib/http/errors';
import { fetchInfo } from './info';
import { Registry } from './registry';

async function failureOf(promise: Promise<unknown>): Promise<{ error: ApiError; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { error: error as ApiError, ms: Date.now() - started };
  }
  throw new Error('expected the call to fail');
}

describe('registry against a real Redis', () => {
  let server: RedisServer;
  let registry: Registry;
  let seed: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    seed = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
    seed.on('error', () => undefined); // expected while the test stops Redis
    await seed.connect();
    for (const db of [0, 1, 2]) {
      await seed.select(db);
      const pipeline = seed.pipeline();
      for (let i = 0; i < 10 + db; i++) pipeline.set(`int:${db}:${i}`, 'v', 'EX', 600);
      pipeline.set(`int:${db}:forever`, 'v');
      await pipeline.exec();
    }
    registry = new Registry([{ id: 'a', name: 'A', url: redisUrl(server) }]);
  });

  afterAll(async () => {
    seed.disconnect();
    await registry?.close();
    await stopRedis(server, { removeDir: true });
  });

  const instance = () => registry.get('a')!;

  it('reads INFO with the keys of every db', async () => {
    const info = await fetchInfo(instance());
    expect(info.derived.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(info.derived.keyspace.map((db) => [db.db, db.keys, db.expires])).toEqual([
      [0, 11, 10],
      [1, 12, 11],
      [2, 13, 12],
    ]);
    expect(info.sections.server?.tcp_port).toBe(server.port);
    expect((await instance().summary()).status).toBe('up');
  });

  it('shares one INFO among 40 concurrent page requests', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the previous shared answer expire
    const calls = async () => {
      const stats = await seed.info('commandstats');
      return Number(/cmdstat_info:calls=(\d+)/.exec(stats)?.[1] ?? 0);
    };
    const before = await calls();
    await Promise.all(Array.from({ length: 40 }, () => fetchInfo(instance())));
    const after = await calls();
    // Our 40 share one INFO; the two `calls()` INFOs count themselves once (before sees its own).
    expect(after - before).toBe(2);
  });

  it('answers REDIS_TIMEOUT in under 3 s while Redis is blocked by DEBUG SLEEP', async () => {
    await instance().summary(); // connected and ready before Redis blocks
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const blocker = rawCommand(server.port, 'DEBUG SLEEP 4', 6000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { error, ms } = await failureOf(fetchInfo(instance()));
    expect(error.code).toBe('REDIS_TIMEOUT');
    expect(error.status).toBe(504);
    expect(ms).toBeLessThan(3000);
    await blocker;
    await eventually(async () => expect((await fetchInfo(instance())).derived.totalKeys).toBe(36));
  });

  it('answers REDIS_UNAVAILABLE in under 3 s while Redis is stopped, and recovers by itself', async () => {
    await stopRedis(server);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (let attempt = 0; attempt < 3; attempt++) {
      const { error, ms } = await failureOf(fetchInfo(instance()));
      expect(error.code).toBe('REDIS_UNAVAILABLE');
      expect(error.status).toBe(503);
      expect(ms).toBeLessThan(3000);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    const down = await instance().summary();
    expect(down.status).toBe('down');
    expect(down.error).toMatch(/unreachable|ECONNREFUSED|ready/i);

    await launch(server);
    const started = Date.now();
    await eventually(async () => expect((await instance().summary()).status).toBe('up'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await fetchInfo(instance())).derived.uptimeSeconds).toBeLessThan(60);
  });
});

describe('registry with a wrong password', () => {
  let server: RedisServer;
  let registry: Registry;

  beforeAll(async () => {
    server = await startTestRedis({ password: 'right-password' });
    registry = new Registry([{ id: 'p', name: 'P', url: redisUrl(server, 'wrong-password') }]);
  });

  afterAll(async () => {
    await registry?.close();
    await stopRedis(server, { removeDir: true });
  });

  it('answers REDIS_UNAVAILABLE naming the credentials, without the password', async () => {
    const { error, ms } = await failureOf(fetchInfo(registry.get('p')!));
    expect(error.code).toBe('REDIS_UNAVAILABLE');
    expect(error.message).toMatch(/WRONGPASS|credentials|NOAUTH/);
    expect(error.message).not.toContain('wrong-password');
    expect(ms).toBeLessThan(3000);
    const summary = await registry.get('p')!.summary();
    expect(summary.status).toBe('down');
    expect(JSON.stringify(summary)).not.toContain('wrong-password');
  });
});

describe('registry with an unreachable port', () => {
  it('answers REDIS_UNAVAILABLE fast when nothing listens', async () => {
    const server = await startTestRedis();
    await stopRedis(server, { removeDir: true });
    const registry = new Registry([{ id: 'x', name: 'X', url: redisUrl(server) }]);
    const { error, ms } = await failureOf(fetchInfo(registry.get('x')!));
    expect(error.code).toBe('REDIS_UNAVAILABLE');
    expect(ms).toBeLessThan(3000);
    await registry.close();
  });
});
