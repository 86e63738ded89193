// The keyspace analysis end to end on a real redis-server, through its routes (SPEC sections 5
// and 10): a full run is exact (DBSIZE keys; each namespace's keys and memory as a direct walk on
// a connection of the test's own computes them; the TTL histogram, the policy violations, the top
// keys and the encoding findings exactly the seeded ones); a sample of 200,000 keys is within 5 %
// and says it is an estimate; a cancel stops Redis work at once and keeps what was counted; a
// dashboard restart mid-run reads `interrupted` and nothing hangs.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useAppEnv } from '@/test/app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { server as appServer } from '@/lib/server/root';
import { namespaceOf } from './namespace';
import type { AnalysisRunDetail, AnalysisRunSummary, TtlBucket } from './types';
import * as runsRoute from '@/app/api/instances/[id]/analysis/route';
import * as runRoute from '@/app/api/instances/[id]/analysis/[runId]/route';

const TOKEN = 'analysis-test-token-0123456789';
const EXACT_DB = 0;
const BIG_DB = 2;
const BIG_KEYS = 200_000;

let redis: RedisServer;
let observer: Redis;

const HOUR = 3600;
const DAY = 24 * HOUR;

/** A seeded key: how to write it (on `observer`), its TTL in seconds (none: undefined) and its TTL bucket. */
interface Seed {
  name: Buffer;
  write: (client: Redis, name: Buffer) => Promise<unknown>;
  ttl?: number;
  bucket: TtlBucket;
}

const str = (value: string) => (client: Redis, name: Buffer) => client.set(name, value);
const seeds: Seed[] = [];
const seed = (name: string | Buffer, write: Seed['write'], bucket: TtlBucket, ttl?: number) =>
  seeds.push({ name: Buffer.isBuffer(name) ? name : Buffer.from(name), write, bucket, ...(ttl !== undefined && { ttl }) });

for (let i = 1; i <= 30; i++) seed(`user:${i}:session`, str(`session-${i}`), '1-4h', 2 * HOUR);
for (let i = 31; i <= 35; i++) seed(`user:${i}:session`, str(`session-${i}`), 'none'); // no TTL: violations
for (const uuid of ['3f2a9c1e-8b4d-4e6f-9a1b-2c3d4e5f6a7b', '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'deadbeef-0000-4111-8222-333344445555']) {
  seed(`session:${uuid}`, str('s'), '1-7d', 2 * DAY); // over 24 h: violations
}
for (let i = 0; i < 10; i++) seed(`search:${(0x1000_0000_0000 + i * 7919).toString(16)}`, str('results'), '<1h', 10 * 60);
for (let i = 0; i < 3; i++) seed(`search:${(0xabc0_0000_0000 + i).toString(16)}`, str('results'), '4-12h', 5 * HOUR); // over 30 min
for (let i = 1; i <= 20; i++) seed(`recipe:${i}`, str(`{"id":${i}}`), '12-24h', 13 * HOUR);
seed('popular:recipes:vegan', (c, n) => c.zadd(n, 1, 'a', 2, 'b'), 'none'); // no TTL: a violation
seed('popular:recipes:keto', (c, n) => c.zadd(n, 1, 'a'), '>7d', 8 * DAY); // any TTL will do
seed('progress:42:weight', (c, n) => c.rpush(n, '72.5', '72.1'), '>7d', 10 * DAY);
seed('blob:big:1', str('x'.repeat(200_000)), 'none');
seed('blob:big:2', str('y'.repeat(100_000)), 'none');
seed('big:list', (c, n) => c.rpush(n, ...Array.from({ length: 20_000 }, (_, i) => String(i))), 'none');
seed('big:hash', (c, n) => c.hset(n, Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, 'v']))), 'none');
// 20 entries, under the entries thresholds, but one value past the -value one: not compact.
seed('enc:hash', (c, n) => c.hset(n, { ...Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`f${i}`, 'v'])), long: 'z'.repeat(100) }), 'none');
seed('enc:zset', (c, n) => c.zadd(n, ...Array.from({ length: 19 }, (_, i) => [i, `m${i}`]).flat(), 99, 'w'.repeat(100)), 'none');
seed('ok:hash', (c, n) => c.hset(n, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'v']))), 'none');
seed(Buffer.from([0xff, 0xfe, 0x3a, 0x01]), str('binary name'), 'none');
seed('café:ünï:42', str('unicode name'), 'none');
seed('😀:1', str('emoji name'), 'none');

const TOTAL = seeds.length;

beforeAll(async () => {
  redis = await startTestRedis();
  observer = new Redis({ port: redis.port, host: '127.0.0.1', lazyConnect: true });
  await observer.connect();
  for (const { name, write, ttl } of seeds) {
    await write(observer, name);
    if (ttl !== undefined) await observer.expire(name, ttl);
  }
  // Keys of another db are not this db's.
  await observer.select(1);
  await observer.set('user:1:session', 'other db');
  // 200,000 keys for the sample, cancel and restart runs: 60 % strings of varied size (half with a
  // TTL), 30 % sessions with a TTL, 10 % hashes.
  await observer.select(BIG_DB);
  for (let start = 0; start < BIG_KEYS; start += 10_000) {
    const batch = observer.pipeline();
    for (let i = start; i < start + 10_000; i++) {
      const kind = i % 10;
      if (kind < 6) {
        if (i % 2 === 0) batch.set(`cache:recipe:${i}`, 'r'.repeat(20 + ((i * 7919) % 400)), 'EX', 3 * HOUR);
        else batch.set(`cache:recipe:${i}`, 'r'.repeat(20 + ((i * 7919) % 400)));
      } else if (kind < 9) batch.set(`user:${i}:session`, 's'.repeat(30), 'EX', 20 * HOUR);
      else batch.hset(`user:${i}:preferences`, 'diet', 'vegan', 'kcal', String(i), 'lang', 'en');
    }
    await batch.exec();
  }
  await observer.select(0);
  useAppEnv({ instances: [{ id: 'a', name: 'Analysis', url: redisUrl(redis) }], env: { REDLENS_API_TOKEN: TOKEN } });
}, 60_000);

afterAll(async () => {
  appServer().jobs.close();
  await appServer().registry.close();
  observer?.disconnect();
  await stopRedis(redis, { removeDir: true });
});

const auth = { authorization: `Bearer ${TOKEN}` };

async function start(body: unknown): Promise<string> {
  const response = await call(runsRoute.POST, 'POST', '/api/instances/a/analysis', { headers: auth, body, params: { id: 'a' } });
  expect(response.status).toBe(202);
  const started = (await response.json()) as { id: string; status: string };
  expect(started.status).toBe('running');
  return started.id;
}

async function getRun(id: string, compareTo?: string): Promise<AnalysisRunDetail> {
  const query = compareTo ? `?compareTo=${compareTo}` : '';
  const response = await call(runRoute.GET, 'GET', `/api/instances/a/analysis/${id}${query}`, { headers: auth, params: { id: 'a', runId: id } });
  expect(response.status).toBe(200);
  return (await response.json()) as AnalysisRunDetail;
}

async function finished(id: string): Promise<AnalysisRunDetail> {
  await appServer().jobs.settled(id);
  return getRun(id);
}

/** SCAN + MEMORY USAGE (Redis's default sampling, as the analysis asks) on the test's own connection. */
async function directWalk(db: number): Promise<Map<string, { name: Buffer; memory: number; ttlMs: number }>> {
  const client = observer.duplicate();
  await client.select(db);
  const keys = new Map<string, { name: Buffer; memory: number; ttlMs: number }>();
  let cursor = '0';
  do {
    const [next, names] = (await client.scanBuffer(cursor, 'COUNT', 1000)) as [Buffer, Buffer[]];
    cursor = next.toString();
    const batch = client.pipeline();
    for (const name of names) batch.memory('USAGE', name).pttl(name);
    const replies = (await batch.exec())!;
    names.forEach((name, i) => keys.set(name.toString('base64'), { name, memory: Number(replies[2 * i]![1]), ttlMs: Number(replies[2 * i + 1]![1]) }));
  } while (cursor !== '0');
  client.disconnect();
  return keys;
}

const b64 = (name: string | Buffer) => (Buffer.isBuffer(name) ? name : Buffer.from(name)).toString('base64');

describe('keyspace analysis on a real Redis', () => {
  it('counts a full run exactly', async () => {
    const id = await start({ db: EXACT_DB, mode: 'full' });
    const run = await finished(id);
    expect(run).toMatchObject({ status: 'done', db: EXACT_DB, mode: 'full', keys: TOTAL, error: null });
    const result = run.result!;
    const direct = await directWalk(EXACT_DB);
    expect(direct.size).toBe(TOTAL);
    const memoryOf = (name: string | Buffer) => direct.get(b64(name))!.memory;
    const sum = (names: Iterable<{ memory: number }>) => [...names].reduce((total, key) => total + key.memory, 0);

    expect(result).toMatchObject({ estimated: false, fractionSeen: 1, scanned: TOTAL, dbSize: await observer.dbsize() });
    expect(result.totals).toEqual({ keys: TOTAL, memoryBytes: sum(direct.values()) });

    // Each namespace as a direct walk computes it.
    const expected = new Map<string, { keys: number; memoryBytes: number }>();
    for (const { name, memory } of direct.values()) {
      const row = expected.get(namespaceOf(name)) ?? { keys: 0, memoryBytes: 0 };
      expected.set(namespaceOf(name), { keys: row.keys + 1, memoryBytes: row.memoryBytes + memory });
    }
    expect(new Map(result.namespaces.map((row) => [row.namespace, { keys: row.keys, memoryBytes: row.memoryBytes }]))).toEqual(expected);
    const namespace = (name: string) => result.namespaces.find((row) => row.namespace === name);
    expect(namespace('user:{id}:session')).toMatchObject({ keys: 35, withoutTtl: 5 });
    expect(namespace('session:{id}')?.keys).toBe(4);
    expect(namespace('search:{id}')?.keys).toBe(13);
    expect(namespace('recipe:{id}')?.keys).toBe(20);

    // The TTL histogram: exactly the seeded buckets, in keys and in bytes.
    const histogram = Object.fromEntries(result.ttlHistogram.map((row) => [row.bucket, row]));
    const seededIn = (bucket: TtlBucket) => seeds.filter((s) => s.bucket === bucket);
    expect(Object.fromEntries(Object.entries(histogram).map(([bucket, row]) => [bucket, row.keys]))).toEqual({
      none: 16, '<1h': 10, '1-4h': 30, '4-12h': 3, '12-24h': 20, '1-7d': 4, '>7d': 2,
    });
    for (const row of result.ttlHistogram) {
      expect(row.memoryBytes, row.bucket).toBe(sum(seededIn(row.bucket).map((s) => ({ memory: memoryOf(s.name) }))));
    }

    // The policy audit: the seeded violations, and no others.
    const policy = Object.fromEntries(result.ttlPolicy.map((row) => [row.pattern, { keys: row.keys, violations: row.violations }]));
    expect(policy).toMatchObject({
      'user:{id}:session': { keys: 35, violations: 5 },
      'session:{id}': { keys: 4, violations: 4 },
      'search:{hash}': { keys: 13, violations: 3 },
      'recipe:{id}': { keys: 20, violations: 0 },
      'popular:recipes:{category}': { keys: 2, violations: 1 },
      'progress:{id}...': { keys: 1, violations: 0 },
      'user:{id}:preferences': { keys: 0, violations: 0 },
    });
    expect(result.unclassified.keys).toBe(10);
    const sessionExamples = result.ttlPolicy.find((row) => row.pattern === 'user:{id}:session')!.examples;
    expect(sessionExamples.map((example) => example.reason)).toEqual(Array(5).fill('no-ttl'));
    expect(sessionExamples.map((example) => example.key).sort()).toEqual(['user:31:session', 'user:32:session', 'user:33:session', 'user:34:session', 'user:35:session']);
    expect(result.ttlPolicy.find((row) => row.pattern === 'search:{hash}')!.examples.every((example) => example.reason === 'ttl-too-long')).toBe(true);

    // The top keys are the seeded big ones, with what the key browser needs to open them.
    expect(result.topByMemory.slice(0, 4).map((key) => key.keyB64)).toEqual(['blob:big:1', 'big:list', 'blob:big:2', 'big:hash']
      .sort((a, b) => memoryOf(b) - memoryOf(a)).map((name) => b64(name)));
    expect(result.topByMemory.find((key) => key.key === 'blob:big:1')).toMatchObject({
      type: 'string', ttlMs: -1, length: 200_000, memoryBytes: memoryOf('blob:big:1'), namespace: 'blob:big:{id}',
    });
    // By length: collections (a string's length is bytes, not elements).
    expect(result.topByLength.slice(0, 2).map((key) => [key.key, key.length])).toEqual([['big:list', 20_000], ['big:hash', 5_000]]);
    // Binary and unicode names come back as their exact bytes.
    const keyB64s = new Set(result.namespaces.map((row) => row.example.keyB64));
    expect(keyB64s.has(b64(Buffer.from([0xff, 0xfe, 0x3a, 0x01])))).toBe(true);
    expect(keyB64s.has(b64('café:ünï:42'))).toBe(true);

    // The seeded non-compact encodings, and only those.
    expect(result.encodingFindings.map((finding) => [finding.key, finding.encoding]).sort()).toEqual([['enc:hash', 'hashtable'], ['enc:zset', 'skiplist']]);
  });

  it('lists runs newest first, compares two per namespace, and answers 404 for runs it does not have', async () => {
    await observer.set('recipe:999', 'new');
    const second = await finished(await start({ db: EXACT_DB, mode: 'full' }));
    const list = await call(runsRoute.GET, 'GET', '/api/instances/a/analysis', { headers: auth, params: { id: 'a' } });
    const { runs } = (await list.json()) as { runs: AnalysisRunSummary[] };
    expect(runs[0]).toMatchObject({ id: second.id, status: 'done', keys: TOTAL + 1, db: EXACT_DB, mode: 'full' });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.map((run) => run.startedAt)).toEqual([...runs.map((run) => run.startedAt)].sort((a, b) => b - a));

    const first = runs.find((run) => run.id !== second.id && run.keys === TOTAL)!;
    const compared = await getRun(second.id, first.id);
    expect(compared.comparison?.otherRunId).toBe(first.id);
    expect(compared.comparison?.namespaces.find((row) => row.namespace === 'recipe:{id}')).toMatchObject({ keysThen: 20, keysNow: 21 });
    expect(compared.comparison?.namespaces.find((row) => row.namespace === 'user:{id}:session')).toMatchObject({ keysThen: 35, keysNow: 35 });
    await observer.del('recipe:999');

    for (const [runId, query] of [['nosuchrun', ''], [second.id, '?compareTo=nosuchrun']]) {
      const response = await call(runRoute.GET, 'GET', `/api/instances/a/analysis/${runId}${query}`, { headers: auth, params: { id: 'a', runId: runId! } });
      expect(response.status).toBe(404);
    }
    // A db the server does not have, or a bad body: 400, nothing started.
    for (const body of [{ db: 16, mode: 'full' }, { db: 0, mode: 'all' }, { db: 0, mode: 'full', match: 'a*b*c*d*e*f' }]) {
      const response = await call(runsRoute.POST, 'POST', '/api/instances/a/analysis', { headers: auth, body, params: { id: 'a' } });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('estimates a sampled run within 5 % on 200,000 keys, and says it is an estimate', async () => {
    const direct = await directWalk(BIG_DB);
    expect(direct.size).toBe(BIG_KEYS);
    const truth = { memory: 0, noTtl: 0, namespaces: new Map<string, { keys: number; memory: number }>() };
    for (const { name, memory, ttlMs } of direct.values()) {
      truth.memory += memory;
      if (ttlMs === -1) truth.noTtl += 1;
      const namespace = namespaceOf(name);
      const row = truth.namespaces.get(namespace) ?? { keys: 0, memory: 0 };
      truth.namespaces.set(namespace, { keys: row.keys + 1, memory: row.memory + memory });
    }
    const run = await finished(await start({ db: BIG_DB, mode: 'sample', sampleKeys: 50_000 }));
    const result = run.result!;
    expect(run.status).toBe('done');
    expect(result).toMatchObject({ mode: 'sample', estimated: true, scanned: 50_000, dbSize: BIG_KEYS, fractionSeen: 0.25 });
    const within5 = (estimate: number, actual: number, what: string) =>
      expect(Math.abs(estimate - actual) / actual, `${what}: ${estimate} vs ${actual}`).toBeLessThan(0.05);
    within5(result.totals.keys, BIG_KEYS, 'keys');
    within5(result.totals.memoryBytes, truth.memory, 'memory');
    within5(result.ttlHistogram.find((row) => row.bucket === 'none')!.keys, truth.noTtl, 'keys without TTL');
    expect(truth.namespaces.size).toBe(3);
    for (const [namespace, actual] of truth.namespaces) {
      const row = result.namespaces.find((figures) => figures.namespace === namespace)!;
      within5(row.keys, actual.keys, `${namespace} keys`);
      within5(row.memoryBytes, actual.memory, `${namespace} memory`);
    }
  });

  it('cancels a run mid-way: cancelled, what was counted kept, and Redis work stops at once', async () => {
    const id = await start({ db: BIG_DB, mode: 'full' });
    while (((await getRun(id)).progress?.scanned ?? 0) < 20_000) await new Promise((resolve) => setTimeout(resolve, 10));
    const cancelledAt = performance.now();
    const response = await call(runRoute.DELETE, 'DELETE', `/api/instances/a/analysis/${id}`, { headers: auth, params: { id: 'a', runId: id } });
    const stoppedMs = performance.now() - cancelledAt;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, status: 'cancelled' });
    expect(stoppedMs).toBeLessThan(1000);

    // Nothing more reaches Redis: between two INFOs a second apart, only the first INFO ran.
    const commands = async () => Number(/total_commands_processed:(\d+)/.exec(await observer.info('stats'))![1]);
    const before = await commands();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await commands()) - before).toBe(1);

    const run = await getRun(id);
    expect(run.status).toBe('cancelled');
    const result = run.result!;
    expect(result.scanned).toBe(run.progress!.scanned);
    expect(result.scanned).toBeGreaterThanOrEqual(20_000);
    expect(result.scanned).toBeLessThan(BIG_KEYS);
    expect(result).toMatchObject({ estimated: false, dbSize: BIG_KEYS });
    expect(result.totals.keys).toBe(result.scanned);
    expect(result.fractionSeen).toBeCloseTo(result.scanned / BIG_KEYS, 6);
  });

  it('reads a run as interrupted after a dashboard restart mid-run, and nothing hangs', async () => {
    const id = await start({ db: BIG_DB, mode: 'full' });
    while (((await getRun(id)).progress?.scanned ?? 0) < 10_000) await new Promise((resolve) => setTimeout(resolve, 10));
    // The dashboard dies: its store closes under the running walk, and a new server starts on the
    // same data directory (the composition root's slot forgotten, as a new process would have it).
    const old = appServer();
    old.store.close();
    delete (globalThis as Record<string, unknown>).__redlensServer;
    try {
      const run = await getRun(id);
      expect(run).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/stopped/) });
      // Progress reaches the store at most once a second: what the dead dashboard last wrote.
      expect(run.progress).toMatchObject({ dbSize: BIG_KEYS });
      expect(run.progress!.scanned).toBeLessThan(BIG_KEYS);
      // The instance is free again in the new server.
      const next = await start({ db: EXACT_DB, mode: 'sample', sampleKeys: 1000 });
      expect((await finished(next)).status).toBe('done');
    } finally {
      old.jobs.close();
      await old.jobs.settled(id);
      await old.registry.close();
    }
  });
});
