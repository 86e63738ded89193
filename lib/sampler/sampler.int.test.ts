// The sampler against a real Redis: rates from deltas, a restart, a down Redis, and how many
// INFO calls 40 polling viewers cost Redis.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useAppEnv } from '@/test/app-env';
import { eventually, launch, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';

let server: RedisServer;
let redis: Redis;
let harness: ReturnType<typeof samplerHarness>;

beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis({ port: server.port, host: '127.0.0.1' });
  redis.on('error', () => undefined);
  harness = samplerHarness({ a: redisUrl(server) });
});
afterAll(async () => {
  redis.disconnect();
  await harness.close();
  await stopRedis(server, { removeDir: true });
});

describe('sampler rates', () => {
  it('turns known hits, misses and evictions into rates and a window hit ratio', async () => {
    await redis.set('present', 'v');
    await harness.step('a');
    const pipeline = redis.pipeline();
    for (let i = 0; i < 300; i++) pipeline.get('present');
    for (let i = 0; i < 100; i++) pipeline.get(`absent:${i}`);
    await pipeline.exec();
    const { row } = await harness.step('a');
    expect(row!.up).toBe(true);
    expect(row!.values.hitRatio).toBe(0.75);
    expect(row!.values.hitsPerSec! / row!.values.missesPerSec!).toBeCloseTo(3, 10);
    expect(row!.values.pingP95Ms).toBeGreaterThan(0);

    // Evictions: a tight maxmemory, then writes that do not fit.
    const before = Number(/evicted_keys:(\d+)/.exec(await redis.info('stats'))![1]);
    await redis.config('SET', 'maxmemory-policy', 'allkeys-random');
    await redis.config('SET', 'maxmemory', String(Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]) + 512 * 1024));
    await harness.step('a');
    const hitsBefore = Number(/keyspace_hits:(\d+)/.exec(await redis.info('stats'))![1]);
    const writes = redis.pipeline();
    for (let i = 0; i < 3000; i++) writes.set(`fill:${i}`, 'x'.repeat(1024));
    for (let i = 0; i < 50; i++) writes.get('nothing-here');
    await writes.exec();
    const evicted = Number(/evicted_keys:(\d+)/.exec(await redis.info('stats'))![1]) - before;
    expect(evicted).toBeGreaterThan(100);
    const hits = Number(/keyspace_hits:(\d+)/.exec(await redis.info('stats'))![1]) - hitsBefore;
    const { row: after } = await harness.step('a');
    // Both rates share one time base, so their ratio is the ratio of the counts.
    expect(after!.values.evictedPerSec! / after!.values.missesPerSec!).toBeCloseTo(evicted / 50, 1);
    expect(hits).toBe(0);
    await redis.config('SET', 'maxmemory', '0');
  });

  it('records a gap, not a negative or giant rate, across a Redis restart', async () => {
    await harness.step('a');
    await stopRedis(server);
    await launch(server);
    // The client reconnects by itself, with a backoff of up to 2 s.
    await eventually(async () => expect((await harness.registry.get('a')!.summary()).status).toBe('up'));
    const { row } = await harness.step('a');
    expect(row!.up).toBe(true);
    expect(row!.values.opsPerSec).toBeNull();
    expect(row!.values.hitRatio).toBeNull();
    const { row: next } = await harness.step('a');
    expect(next!.values.opsPerSec).toBeGreaterThanOrEqual(0);
    expect(next!.values.opsPerSec).toBeLessThan(100_000);
  });

  it('records a down Redis as down, with a finding that clears when it is back', async () => {
    await stopRedis(server);
    const { row } = await harness.step('a');
    expect(row!.up).toBe(false);
    expect(row!.values.usedMemory).toBeNull();
    expect(harness.findingIds('a')).toContain('instance-down');
    await launch(server);
    await eventually(async () => expect((await harness.registry.get('a')!.summary()).status).toBe('up'));
    await harness.step('a');
    expect(harness.findingIds('a')).not.toContain('instance-down');
    const down = harness.findings.events('a', 0, Date.now() + 10 ** 9).find((event) => event.id === 'instance-down');
    expect(down?.endedAt).not.toBeNull();
  });

  it('keeps every series queryable, with the down sample as a gap', () => {
    const { series } = harness.history.query('a', '1h', harness.clock.now + 1000);
    const memory = series.usedMemory.filter(([, value]) => value !== null);
    expect(memory.length).toBeGreaterThan(3);
    expect(series.usedMemory.length).toBeLessThanOrEqual(1000);
  });
});

describe('page traffic', () => {
  it('40 viewers polling INFO for 10 s cost Redis about one INFO a second', async () => {
    useAppEnv({ instances: [{ id: 'a', url: redisUrl(server) }], env: { REDLENS_API_TOKEN: 'load-token' } });
    const { GET } = await import('@/app/api/instances/[id]/info/route');
    const infoCalls = async () => Number(/cmdstat_info:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    const before = await infoCalls();
    const deadline = Date.now() + 10_000;
    let requests = 0;
    const viewer = async () => {
      while (Date.now() < deadline) {
        const response = await call(GET, 'GET', '/api/instances/a/info', { params: { id: 'a' }, headers: { authorization: 'Bearer load-token' } });
        expect(response.status).toBe(200);
        requests += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all(Array.from({ length: 40 }, viewer));
    const calls = (await infoCalls()) - before - 1; // the measuring INFO itself
    expect(requests).toBeGreaterThan(400);
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(calls).toBeLessThanOrEqual(12);
  }, 30_000);
});

describe('sampler failures', () => {
  it('a store that cannot be written fails the sample, not the server', async () => {
    const broken = samplerHarness({ a: redisUrl(server) });
    broken.db.close(); // every write now throws
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await expect(broken.sampler.tick()).resolves.toBeUndefined();
    } finally {
      console.error = original;
      await broken.close();
    }
    expect(errors.length).toBeGreaterThan(0);
  });
});
