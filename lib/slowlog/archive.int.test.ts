// The slow log archive on a real Redis: across reset, rotation and restart, fail-closed reset,
// and warnings on real entries.
import Redis from 'ioredis';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/http/errors';
import { eventually, launch, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';
import { STORE_FILE } from '@/lib/store/sqlite';
import { SlowlogArchive } from './archive';
import { archiveAndReset, readSlowlog } from './live';

let server: RedisServer;
let redis: Redis;
let harness: ReturnType<typeof samplerHarness>;

beforeAll(async () => {
  server = await startTestRedis({ args: ['--slowlog-log-slower-than', '0', '--slowlog-max-len', '128'] });
  redis = new Redis({ port: server.port, host: '127.0.0.1' }).on('error', () => undefined);
  harness = samplerHarness({ s: redisUrl(server) });
});
afterAll(async () => {
  redis.disconnect();
  await harness.close();
  await stopRedis(server, { removeDir: true });
});
beforeEach(async () => {
  await redis.config('SET', 'slowlog-max-len', '128');
  await redis.slowlog('RESET');
});

const instance = () => harness.registry.get('s')!;
const archived = () => harness.slowlog.query('s', { limit: 5000 });
const keysOf = () => archived().entries.map((entry) => `${entry.runId}/${entry.id}`);

describe('slow log archive', () => {
  it('keeps every entry across a reset, archived before the reset answers', async () => {
    for (let i = 0; i < 5; i++) await redis.set(`reset:${i}`, 'v');
    await harness.step('s'); // the sampler archives what it sees
    for (let i = 0; i < 7; i++) await redis.get(`reset:after:${i}`);
    const before = keysOf().length;
    const result = await archiveAndReset(instance(), harness.slowlog);
    expect(result.reset).toBe(true);
    expect(result.archived).toBeGreaterThanOrEqual(7);
    expect(await redis.slowlog('LEN')).toBeLessThanOrEqual(1); // only what ran after the reset
    const keys = keysOf();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(before + 7);
    const commands = archived().entries.map((entry) => entry.args.join(' '));
    for (let i = 0; i < 7; i++) expect(commands).toContain(`get reset:after:${i}`);
    // The sampler sees no gap after a reset it did not do itself but Redlens archived.
    await redis.set('after-reset', 'v');
    await harness.step('s');
    expect(archived().gaps).toEqual([]);
  });

  it('records a gap when entries rotate out between samples', async () => {
    await harness.step('s');
    const gapsBefore = archived().gaps.length;
    await redis.config('SET', 'slowlog-max-len', '4');
    for (let i = 0; i < 30; i++) await redis.get(`flood:${i}`);
    await harness.step('s');
    const { gaps } = archived(); // newest first
    expect(gaps.length).toBe(gapsBefore + 1);
    expect(gaps[0]!.missed).toBeGreaterThanOrEqual(20);
  });

  it('keeps entries apart across a Redis restart (ids start again): no collision, no duplicate', async () => {
    await redis.set('before-restart', 'v');
    await harness.step('s');
    const firstRun = new Set(archived().entries.map((entry) => entry.runId));
    const countBefore = keysOf().length;
    await stopRedis(server);
    await launch(server);
    await eventually(async () => expect((await instance().summary()).status).toBe('up'));
    await redis.config('SET', 'slowlog-log-slower-than', '0');
    await redis.set('after-restart', 'v');
    await harness.step('s');
    await harness.step('s');
    const keys = keysOf();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(countBefore);
    const runs = new Set(archived().entries.map((entry) => entry.runId));
    expect(runs.size).toBe(firstRun.size + 1);
    expect(archived().entries.some((entry) => entry.args.join(' ') === 'set before-restart v')).toBe(true);
    expect(archived().entries.some((entry) => entry.args.join(' ') === 'set after-restart v')).toBe(true);
  });

  it('refuses to reset when the archive cannot be written, and leaves Redis untouched', async () => {
    for (let i = 0; i < 3; i++) await redis.get(`kept:${i}`);
    const length = await redis.slowlog('LEN');
    const readOnly = new Database(path.join(harness.dataDir, STORE_FILE), { readonly: true });
    try {
      const error = await archiveAndReset(instance(), new SlowlogArchive(readOnly)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(500);
      expect((error as ApiError).message).toContain('NOT reset');
    } finally {
      readOnly.close();
    }
    expect(Number(await redis.slowlog('LEN'))).toBeGreaterThanOrEqual(Number(length));
  });

  it('resets once when asked twice at the same time', async () => {
    for (let i = 0; i < 4; i++) await redis.get(`twice:${i}`);
    const [a, b] = await Promise.all([archiveAndReset(instance(), harness.slowlog), archiveAndReset(instance(), harness.slowlog)]);
    expect(a).toBe(b);
  });

  it('flags KEYS, SORT, SMEMBERS, HGETALL and LRANGE 0 -1 with advice, and ranks fingerprints', async () => {
    await redis.sadd('set', 'a', 'b');
    await redis.hset('hash', 'f', 'v');
    await redis.rpush('list', 'x', 'y');
    await redis.keys('*');
    await redis.sort('list', 'ALPHA');
    await redis.smembers('set');
    await redis.hgetall('hash');
    await redis.lrange('list', 0, -1);
    for (let i = 0; i < 3; i++) await redis.get(`user:${100 + i}:session`);
    const live = await readSlowlog(instance());
    const flagged = new Set(live.entries.map((entry) => entry.warning?.pattern).filter(Boolean));
    expect(flagged).toEqual(new Set(['KEYS', 'SORT', 'SMEMBERS', 'HGETALL', 'LRANGE 0 -1']));
    expect(live.entries.find((entry) => entry.warning?.pattern === 'KEYS')!.warning!.advice).toContain('SCAN');
    expect(live.analysis.find((stat) => stat.fingerprint === 'GET user:{id}:session')?.count).toBe(3);
    expect(live.config).toMatchObject({ slowerThanMicros: 0, maxLen: 128 });
  });
});
