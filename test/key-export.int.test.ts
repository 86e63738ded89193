// "Scan all" against a real redis-server (SPEC section 12): GET .../keys/export streams every
// matching name exactly once from one request (a million keys), filters exactly, keeps binary
// names intact, and stops Redis's SCAN work when its reader stops or goes; POST .../keys/meta
// describes exactly the rows asked for. Every bad input is a 400 before any Redis call.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDoneLine, KeysMetaReply } from '@/lib/keys/export';
import { MAX_META_KEYS } from '@/lib/keys/export';
import { NdjsonDecoder } from '@/lib/keys/ndjson';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { freePort } from '../scripts/lib/redis-server.mjs';
import { call, cookieOf, useAppEnv } from './app-env';
import { readExport } from './read-export';
import { eventually, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const TOKEN = 'key-export-token-0123456789';
const VIEWER_PASSWORD = 'key-export-viewer';
const MILLION = 1_000_000;

const { POST: login } = await import('@/app/api/auth/login/route');
const exportRoute = await import('@/app/api/instances/[id]/keys/export/route');
const metaRoute = await import('@/app/api/instances/[id]/keys/meta/route');

const b64 = (name: string | Buffer) => Buffer.from(name).toString('base64');
const BINARY = Buffer.concat([Buffer.from('exp:bin:'), Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x0a])]);
const TWIN_A = Buffer.from([0x65, 0x78, 0x70, 0x3a, 0xff]);
const TWIN_B = Buffer.from([0x65, 0x78, 0x70, 0x3a, 0xfe]);

let server: RedisServer;
let redis: Redis;
let viewerCookie = '';

const asToken = (id = 'x') => ({ headers: { authorization: `Bearer ${TOKEN}` }, params: { id } });
const startExport = (query: string, id = 'x') => call(exportRoute.GET, 'GET', `/api/instances/${id}/keys/export?${query}`, asToken(id));
const postMeta = (body: unknown, id = 'x', headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  call(metaRoute.POST, 'POST', `/api/instances/${id}/keys/meta`, { headers, params: { id }, body });


async function scanCalls(): Promise<number> {
  const stats = parseInfo(await redis.info('commandstats')).commandstats ?? {};
  return Number((stats.cmdstat_scan as Record<string, number> | undefined)?.calls ?? 0);
}

async function exportConnections(): Promise<number> {
  const list = String(await redis.client('LIST'));
  return list.split('\n').filter((line) => / name=redlens-export /.test(line)).length;
}

beforeAll(async () => {
  server = await startTestRedis();
  const closedPort = await freePort();
  useAppEnv({
    instances: [
      { id: 'x', url: redisUrl(server) },
      // Nothing listens here: a request that reached Redis would answer 503, not 400.
      { id: 'gone', url: `redis://127.0.0.1:${closedPort}` },
    ],
    env: { REDLENS_API_TOKEN: TOKEN, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD, REDLENS_ADMIN_PASSWORD: 'key-export-admin' },
  });
  redis = new Redis({ port: server.port, lazyConnect: true });
  await redis.connect();
  // db 0: a million keys (key:0 .. key:999999), made inside Redis in about a second.
  await redis.call('DEBUG', 'POPULATE', String(MILLION), 'key');
  // db 1: a small keyspace of every type, binary names among them.
  await redis.select(1);
  const pipeline = redis.pipeline();
  for (let i = 0; i < 300; i += 1) {
    if (i % 3 === 0) pipeline.hset(`exp:hash:${i}`, 'f', 'v');
    else if (i % 3 === 1) pipeline.set(`exp:str:${i}`, 'v', 'EX', 3600);
    else pipeline.rpush(`exp:list:${i}`, 'a');
  }
  pipeline.set(BINARY, 'binary').set(TWIN_A, 'a').set(TWIN_B, 'b').set('other:1', 'x').zadd('other:z', 1, 'm');
  await pipeline.exec();
  await redis.select(0);
  const signedIn = await call(login, 'POST', '/api/auth/login', { body: { username: 'viewer', password: VIEWER_PASSWORD } });
  viewerCookie = cookieOf(signedIn);
}, 60_000);

afterAll(async () => {
  redis?.disconnect();
  await stopRedis(server, { removeDir: true });
});

describe('GET /api/instances/{id}/keys/export', () => {
  it('streams a million keys, each exactly once, from one request', async () => {
    const response = await startExport('db=0');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-redlens-db-size')).toBe(String(MILLION));
    const { names, last } = await readExport(response);
    const ids = new Set(names.map((line) => (line as { keyB64: string }).keyB64));
    expect(names.length).toBe(MILLION);
    expect(ids.size).toBe(MILLION);
    expect(await redis.dbsize()).toBe(MILLION);
    // The names are the db's own: spot-check both ends of DEBUG POPULATE's range.
    for (const name of ['key:0', 'key:1', 'key:999999', 'key:500000']) expect(ids.has(b64(name))).toBe(true);
    expect(last).toEqual({ done: true, scanned: MILLION, keys: MILLION } satisfies ExportDoneLine);
    await eventually(async () => expect(await exportConnections()).toBe(0));
  }, 60_000);

  it('stops SCANning when the reader stops reading, and closes its connection when it goes', async () => {
    const before = await scanCalls();
    const response = await startExport('db=0');
    const reader = response.body!.getReader();
    const decoder = new NdjsonDecoder();
    let lines = 0;
    while (lines < 1000) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      lines += decoder.push(value!).length;
    }
    // The reader stops: at most the queued batch and the prefetched SCAN follow, then nothing.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const paused = await scanCalls();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await scanCalls()).toBe(paused);
    // A full walk of a million keys takes about a thousand SCANs.
    expect(paused - before).toBeLessThan(10);
    expect(await exportConnections()).toBe(1);

    // The client disconnects: the stream is cancelled, its connection closed, SCAN stays still.
    await reader.cancel();
    await eventually(async () => expect(await exportConnections()).toBe(0), 2_000);
    expect(await scanCalls()).toBe(paused);
  });

  it('stops within a second when the request is aborted mid-walk', async () => {
    const controller = new AbortController();
    const before = await scanCalls();
    const request = new Request('http://127.0.0.1:3000/api/instances/x/keys/export?db=0', {
      headers: { host: '127.0.0.1:3000', authorization: `Bearer ${TOKEN}` }, signal: controller.signal,
    });
    const response = await exportRoute.GET(request, { params: Promise.resolve({ id: 'x' }) });
    const reader = response.body!.getReader();
    let lines = 0;
    const decoder = new NdjsonDecoder();
    // Keeps reading as fast as it can, so the walk never waits on its reader.
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        lines += decoder.push(value!).length;
        if (lines >= 1000 && !controller.signal.aborted) controller.abort();
      }
    })();
    await eventually(async () => expect(controller.signal.aborted).toBe(true), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const settled = await scanCalls();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await scanCalls()).toBe(settled);
    expect(settled - before).toBeLessThan(20);
    await reader.cancel().catch(() => undefined);
    await reading;
    await eventually(async () => expect(await exportConnections()).toBe(0), 2_000);
  });

  it('filters by pattern and by type exactly, and keeps binary names byte for byte', async () => {
    const all = await readExport(await startExport('db=1'));
    const ids = all.names.map((line) => (line as { keyB64: string }).keyB64);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(305);
    expect(ids).toContain(b64(BINARY));
    // Twins one byte apart stay apart; the binary name shows its escapes.
    expect(ids).toContain(b64(TWIN_A));
    expect(ids).toContain(b64(TWIN_B));
    const binary = all.names.find((line) => (line as { keyB64: string }).keyB64 === b64(BINARY)) as { key: string };
    expect(binary.key).toBe('exp:bin:\\xff\\x00\\xc3(\\n');
    expect(all.last).toMatchObject({ done: true, keys: 305 });

    const hashes = await readExport(await startExport(`db=1&type=hash&match=${encodeURIComponent('exp:*')}`));
    const hashIds = new Set(hashes.names.map((line) => (line as { keyB64: string }).keyB64));
    expect(hashIds).toEqual(new Set(Array.from({ length: 100 }, (_, i) => b64(`exp:hash:${i * 3}`))));

    const lists = await readExport(await startExport(`db=1&match=${encodeURIComponent('exp:list:2?')}`));
    expect(new Set(lists.names.map((line) => (line as { key: string }).key)))
      .toEqual(new Set(['exp:list:20', 'exp:list:23', 'exp:list:26', 'exp:list:29']));

    const zsets = await readExport(await startExport('db=1&type=zset'));
    expect(zsets.names).toEqual([{ key: 'other:z', keyB64: b64('other:z') }]);
    expect(zsets.last).toMatchObject({ done: true, keys: 1 });
  });

  const longMatch = encodeURIComponent('a'.repeat(257));
  const cases: Array<[string, string]> = [
    ['db=-1', 'negative db'],
    ['db=x', 'db not a number'],
    ['db=4096', 'db above any server'],
    [`match=${longMatch}`, 'match over 256 bytes'],
    [`match=${encodeURIComponent('*a'.repeat(5))}`, 'match with 5 stars'],
    ['match=a%00b', 'match with NUL'],
    ['type=bogus', 'type not a Redis type'],
    ['count=10', 'a parameter the export does not take'],
  ];
  it.each(cases)('GET keys/export?%s (%s) is a 400', async (query) => {
    const response = await startExport(query, 'gone');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BAD_REQUEST');
  });

  it('and the unreachable instance really is unreachable (503), so the 400s above made no call', async () => {
    expect((await startExport('db=0', 'gone')).status).toBe(503);
  });

  it('needs a signed-in user', async () => {
    const response = await call(exportRoute.GET, 'GET', '/api/instances/x/keys/export', { params: { id: 'x' } });
    expect(response.status).toBe(401);
  });
});

describe('POST /api/instances/{id}/keys/meta', () => {
  it('answers type, TTL and memory of exactly the keys asked for, and names the ones gone', async () => {
    await redis.select(1);
    await redis.set('exp:gone', 'soon');
    const asked = ['exp:hash:0', 'exp:str:1', 'exp:list:2', 'exp:gone', 'exp:never'].map(b64).concat(b64(BINARY));
    await redis.del('exp:gone');
    const response = await postMeta({ db: 1, keysB64: asked });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as KeysMetaReply;
    expect(reply.db).toBe(1);
    expect(reply.keys.map((row) => row.keyB64)).toEqual([b64('exp:hash:0'), b64('exp:str:1'), b64('exp:list:2'), b64(BINARY)]);
    expect(reply.missing).toEqual([b64('exp:gone'), b64('exp:never')]);
    const [hash, str, list, binary] = reply.keys;
    expect(hash).toMatchObject({ key: 'exp:hash:0', type: 'hash', ttlMs: -1 });
    expect(str).toMatchObject({ key: 'exp:str:1', type: 'string' });
    expect(str!.ttlMs).toBeGreaterThan(3_500_000);
    expect(str!.ttlMs).toBeLessThanOrEqual(3_600_000);
    expect(list).toMatchObject({ type: 'list', ttlMs: -1 });
    expect(binary).toMatchObject({ key: 'exp:bin:\\xff\\x00\\xc3(\\n', type: 'string' });
    // Memory as Redis reports it for each key.
    for (const row of reply.keys) {
      expect(row.memoryBytes).toBe(await redis.call('MEMORY', 'USAGE', Buffer.from(row.keyB64, 'base64'), 'SAMPLES', '5'));
    }
    await redis.select(0);
  });

  it('skips memory when told to, and a viewer may ask from the dashboard', async () => {
    const response = await postMeta({ db: 0, keysB64: [b64('key:7')], memory: false }, 'x', { cookie: viewerCookie });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as KeysMetaReply;
    expect(reply.keys).toEqual([{ key: 'key:7', keyB64: b64('key:7'), type: 'string', ttlMs: -1 }]);
    expect(reply.missing).toEqual([]);
  });

  it('refuses a cross-site request from a signed-in browser (Origin check)', async () => {
    const response = await postMeta({ db: 0, keysB64: [b64('key:7')] }, 'x', { cookie: viewerCookie, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  const tooMany = Array.from({ length: MAX_META_KEYS + 1 }, (_, i) => b64(`key:${i}`));
  const bodies: Array<[unknown, string]> = [
    [{ db: 0, keysB64: tooMany }, '201 keys'],
    [{ db: 0, keysB64: [] }, 'no keys'],
    [{ db: 0, keysB64: ['not base64!'] }, 'a bad keyB64'],
    [{ db: 0, keysB64: [Buffer.alloc(4097).toString('base64')] }, 'a key over 4 KiB'],
    [{ db: -1, keysB64: [b64('a')] }, 'negative db'],
    [{ db: 4096, keysB64: [b64('a')] }, 'db above any server'],
    [{ db: '0', keysB64: [b64('a')] }, 'db as a string'],
    [{ keysB64: [b64('a')] }, 'no db'],
    [{ db: 0, keysB64: [b64('a')], memory: 'yes' }, 'memory not a boolean'],
    [{ db: 0, keysB64: [b64('a')], surprise: 1 }, 'an unknown field'],
    ['nonsense', 'not an object'],
  ];
  it.each(bodies)('POST keys/meta %# (%s) is a 400', async (body) => {
    const response = await postMeta(body, 'gone');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BAD_REQUEST');
  });

  it('and the unreachable instance answers 503 to a good body', async () => {
    expect((await postMeta({ db: 0, keysB64: [b64('a')] }, 'gone')).status).toBe(503);
  });
});
