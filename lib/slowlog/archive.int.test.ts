// The slow log archive on a real Redis: across reset, rotation and restart, fail-closed reset,
// and warnings on real entries.
import Redis from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { Registry } from '@/lib/redis/registry';
import { eventually, launch, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';
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
const keysOf = async () => (await archived()).entries.map((entry) => `${entry.runId}/${entry.id}`);

describe('slow log archive', () => {
  it('keeps every entry across a reset, archived before the reset answers', async () => {
    for (let i = 0; i < 5; i++) await redis.set(`reset:${i}`, 'v');
    await harness.step('s'); // the sampler archives what it sees
    for (let i = 0; i < 7; i++) await redis.get(`reset:after:${i}`);
    const before = (await keysOf()).length;
    const result = await archiveAndReset(instance(), harness.slowlog);
    expect(result.reset).toBe(true);
    expect(result.archived).toBeGreaterThanOrEqual(7);
    expect(await redis.slowlog('LEN')).toBeLessThanOrEqual(1); // only what ran after the reset
    const keys = await keysOf();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(before + 7);
    const commands = (await archived()).entries.map((entry) => entry.args.join(' '));
    for (let i = 0; i < 7; i++) expect(commands).toContain(`get reset:after:${i}`);
    // The sampler sees no gap after a reset it did not do itself but Redlens archived.
    await redis.set('after-reset', 'v');
    await harness.step('s');
    expect((await archived()).gaps).toEqual([]);
  });

  it('records a gap when entries rotate out between samples', async () => {
    await harness.step('s');
    const gapsBefore = (await archived()).gaps.length;
    await redis.config('SET', 'slowlog-max-len', '4');
    for (let i = 0; i < 30; i++) await redis.get(`flood:${i}`);
    await harness.step('s');
    const { gaps } = await archived(); // newest first
    expect(gaps.length).toBe(gapsBefore + 1);
    expect(gaps[0]!.missed).toBeGreaterThanOrEqual(20);
  });

  it('keeps entries apart across a Redis restart (ids start again): no collision, no duplicate', async () => {
    await redis.set('before-restart', 'v');
    await harness.step('s');
    const firstRun = new Set((await archived()).entries.map((entry) => entry.runId));
    const countBefore = (await keysOf()).length;
    await stopRedis(server);
    await launch(server);
    await eventually(async () => expect((await instance().summary()).status).toBe('up'));
    await redis.config('SET', 'slowlog-log-slower-than', '0');
    await redis.set('after-restart', 'v');
    await harness.step('s');
    await harness.step('s');
    const keys = await keysOf();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(countBefore);
    const runs = new Set((await archived()).entries.map((entry) => entry.runId));
    expect(runs.size).toBe(firstRun.size + 1);
    expect((await archived()).entries.some((entry) => entry.args.join(' ') === 'set before-restart v')).toBe(true);
    expect((await archived()).entries.some((entry) => entry.args.join(' ') === 'set after-restart v')).toBe(true);
  });

  it('refuses to reset when the archive cannot be written (503, redisReset false), and leaves Redis untouched', async () => {
    for (let i = 0; i < 3; i++) await redis.get(`kept:${i}`);
    const length = await redis.slowlog('LEN');
    // The one connection refuses writes (a second connection cannot open the store: EXCLUSIVE locking).
    harness.db.pragma('query_only = 1');
    try {
      const error = await archiveAndReset(instance(), harness.slowlog).catch((e: unknown) => e);
      expect(ApiError.is(error)).toBe(true);
      expect((error as ApiError).status).toBe(503);
      expect((error as ApiError).code).toBe('STORE_UNAVAILABLE');
      expect((error as ApiError).toBody().error).toMatchObject({ redisReset: false });
    } finally {
      harness.db.pragma('query_only = 0');
    }
    expect(Number(await redis.slowlog('LEN'))).toBeGreaterThanOrEqual(Number(length));
  });

  it('archives what it read before the reset even when every entry was archived already, then what came after', async () => {
    for (let i = 0; i < 5; i++) await redis.get(`twice-read:${i}`);
    await harness.step('s'); // everything is in the archive: the first write inserts nothing new
    const result = await archiveAndReset(instance(), harness.slowlog);
    expect(result.reset).toBe(true);
    const commands = (await archived()).entries.map((entry) => entry.args.join(' '));
    for (let i = 0; i < 5; i++) expect(commands).toContain(`get twice-read:${i}`);
    // The reset's own first read is logged between the two reads: the second archives it.
    expect(commands.slice(0, 3)).toEqual(['info server', 'multi', 'SLOWLOG GET -1']);
  });

  it('answers a MULTI refused by Redis (EXECABORT: a renamed SLOWLOG) with the Redis error, 502, and resets nothing', async () => {
    const renamed = await startTestRedis({ args: ['--slowlog-log-slower-than', '0', '--rename-command', 'SLOWLOG', 'SLOWLOG_RENAMED'] });
    const registry = new Registry([{ id: 'renamed', name: 'renamed', url: redisUrl(renamed) }]);
    try {
      await rawGet(renamed.port, 'GET', 'kept');
      const error = await archiveAndReset(registry.get('renamed')!, harness.slowlog).catch((e: unknown) => e);
      expect(ApiError.is(error)).toBe(true);
      expect((error as ApiError).code).toBe('REDIS_COMMAND_DENIED');
      expect((error as ApiError).status).toBe(502);
      const direct = new Redis({ port: renamed.port, host: '127.0.0.1' }).on('error', () => undefined);
      try {
        expect(Number(await direct.call('SLOWLOG_RENAMED', 'LEN'))).toBeGreaterThan(0);
      } finally {
        direct.disconnect();
      }
    } finally {
      await registry.close();
      await stopRedis(renamed, { removeDir: true });
    }
  });

  it('finds a search with a space: the command line as shown ("get user:7")', async () => {
    await redis.get('user:7');
    await redis.get('user:70');
    await redis.get('other:7');
    await harness.step('s');
    const found = await harness.slowlog.query('s', { q: 'GET user:7', limit: 50 });
    expect(found.entries.map((entry) => entry.args.join(' ')).sort()).toEqual(['get user:7', 'get user:70']);
    expect(found.search).toMatchObject({ complete: true });
    expect(found.analysis.basis).toBe('matches');
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

/** A command on a fresh connection, so the test's own client does not need the renamed command. */
async function rawGet(port: number, ...args: string[]): Promise<void> {
  const client = new Redis({ port, host: '127.0.0.1' }).on('error', () => undefined);
  try {
    await client.call(args[0]!, ...args.slice(1));
  } finally {
    client.disconnect();
  }
}
