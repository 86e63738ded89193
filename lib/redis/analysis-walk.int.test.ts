// The analysis walk on a real redis-server: every key once with the facts Redis reports, a sample
// that stops at its size, a db other than 0, and a cancel that stops at once. Pacing
// is measured in analysis-pacing.load.test.ts, alone on the machine.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { walkAll } from '@/test/walk';
import type { WalkedKey, WalkOptions } from './analysis-walk';
import { Registry, type RedisInstance } from './registry';

let server: RedisServer;
let observer: Redis;
let registry: Registry;
let instance: RedisInstance;

const MANY = 30_000;

beforeAll(async () => {
  server = await startTestRedis();
  observer = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
  await observer.connect();
  for (let start = 0; start < MANY; start += 5000) {
    const batch = observer.pipeline();
    for (let i = start; i < start + 5000; i++) batch.set(`bulk:${i}`, 'x'.repeat(i % 50));
    await batch.exec();
  }
  await observer.hset('w:hash', 'a', '1', 'b', '2');
  await observer.rpush('w:list', 'a', 'b', 'c');
  await observer.sadd('w:set', '1', '2', '3', '4');
  await observer.zadd('w:zset', 1, 'a');
  await observer.xadd('w:stream', '*', 'f', 'v');
  await observer.set('w:ttl', 'v', 'PX', 600_000);
  await observer.set(Buffer.from([0xff, 0x00, 0x3a, 0x80]), 'binary');
  await observer.select(3);
  await observer.set('db3:only', 'here');
  await observer.select(0);
  registry = new Registry([{ id: 'walk', name: 'walk', url: redisUrl(server) }]);
  instance = registry.get('walk')!;
});

afterAll(async () => {
  observer?.disconnect();
  await registry?.close();
  await stopRedis(server, { removeDir: true });
});

const walk = (options: Partial<WalkOptions> = {}) => walkAll(instance, options);

describe('the analysis walk', () => {
  it('sees every key once, with its type, TTL, memory, length and (when asked) encoding', async () => {
    const { keys, outcome, dbSize, progress } = await walk();
    const total = MANY + 7;
    expect(dbSize).toBe(total);
    expect(outcome).toEqual({ scanned: total, stoppedBy: 'end' });
    expect(keys).toHaveLength(total);
    expect(new Set(keys.map((key) => key.name.toString('base64'))).size).toBe(total);
    expect(progress.at(-1)!.scanned).toBe(total);
    const byName = new Map(keys.map((key) => [key.name.toString('latin1'), key]));
    expect(byName.get('w:hash')).toMatchObject({ type: 'hash', ttlMs: -1, length: 2, encoding: 'listpack' });
    expect(byName.get('w:list')).toMatchObject({ type: 'list', length: 3 });
    expect(byName.get('w:list')!.encoding).toBeUndefined(); // not a candidate here
    expect(byName.get('w:set')).toMatchObject({ type: 'set', length: 4, encoding: 'intset' });
    expect(byName.get('w:zset')).toMatchObject({ type: 'zset', length: 1 });
    expect(byName.get('w:stream')).toMatchObject({ type: 'stream', length: 1 });
    expect(byName.get('bulk:49')).toMatchObject({ type: 'string', length: 49, ttlMs: -1 });
    expect(byName.get(Buffer.from([0xff, 0x00, 0x3a, 0x80]).toString('latin1'))).toMatchObject({ type: 'string', length: 6 });
    const ttl = byName.get('w:ttl')!.ttlMs;
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
    // MEMORY USAGE as Redis answers it on a connection of the test's own.
    for (const name of ['w:hash', 'bulk:7', 'w:stream']) {
      expect(byName.get(name)!.memoryBytes, name).toBe(await observer.memory('USAGE', name));
    }
  });

  it('walks only the db asked for, and only the names MATCH lets through', async () => {
    const other = await walk({ db: 3 });
    expect(other.dbSize).toBe(1);
    expect(other.keys.map((key) => key.name.toString())).toEqual(['db3:only']);
    const matched = await walk({ match: 'w:*' });
    expect(matched.keys.map((key) => key.name.toString()).sort()).toEqual(['w:hash', 'w:list', 'w:set', 'w:stream', 'w:ttl', 'w:zset']);
  });

  it('stops a sample at its size', async () => {
    const { keys, outcome } = await walk({ maxKeys: 2500 });
    expect(outcome).toEqual({ scanned: 2500, stoppedBy: 'sample' });
    expect(keys).toHaveLength(2500);
  });

  it('stops when cancelled, keeping the batches already asked for', async () => {
    const controller = new AbortController();
    let batches = 0;
    const keys: WalkedKey[] = [];
    const { outcome } = await walk({
      signal: controller.signal,
      onBatch: (batch) => {
        batches += 1;
        if (batches === 2) controller.abort();
        keys.push(...batch);
      },
    });
    expect(outcome.stoppedBy).toBe('cancelled');
    expect(outcome.scanned).toBeLessThan(MANY / 2);
    expect(keys.length).toBe(outcome.scanned);
  });
});
