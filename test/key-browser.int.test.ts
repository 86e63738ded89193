// The key browser's API against a real redis-server: the listing returns exactly the keyspace
// (binary, unicode, markup and glob names included), binary twins stay apart, big values come
// back in pages under 2 MB, and every bad input is a 400 before any Redis call.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabasesReply, KeyDetail, KeysPage } from '@/lib/keys/types';
import { escapeGlob } from '@/lib/keys/glob';
import { freePort } from '../scripts/lib/redis-server.mjs';
import { call, cookieOf, useAppEnv } from './app-env';
import { listAllPages } from './key-pages';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const TOKEN = 'key-browser-token-0123456789';
const ADMIN_PASSWORD = 'key-browser-admin';

const { POST: login } = await import('@/app/api/auth/login/route');
const keysRoute = await import('@/app/api/instances/[id]/keys/route');
const dbsRoute = await import('@/app/api/instances/[id]/keys/databases/route');
const keyRoute = await import('@/app/api/instances/[id]/key/route');
const { GET: audit } = await import('@/app/api/audit/route');

const b64 = (name: string | Buffer) => Buffer.from(name).toString('base64');
const SPECIAL: Array<string | Buffer> = [
  Buffer.concat([Buffer.from('legacy:bin:'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80])]),
  'search:line1\nline2\tcolumn',
  'recipe:crème-brûlée',
  '菜谱:123',
  'recipe:🥑-avocado-toast',
  'وصفة:7',
  'evil:\u202Egnp.exe',
  'recipe:<script>alert(1)</script>',
  'search:[draft]*?',
  'back\\slash',
  '',
  `tmp:import:${'s3://fmp-imports/'.repeat(40)}final.csv`,
];
// One byte apart, and both decode to U+FFFD under lossy UTF-8: only the bytes tell them apart.
const TWIN_A = Buffer.from([0x74, 0x77, 0x69, 0x6e, 0x3a, 0xff]);
const TWIN_B = Buffer.from([0x74, 0x77, 0x69, 0x6e, 0x3a, 0xfe]);

let server: RedisServer;
let redis: Redis;
let adminCookie = '';
const expected = new Set<string>();

const asToken = { headers: { authorization: `Bearer ${TOKEN}` }, params: { id: 'k' } };
const listPage = async (query: string, id = 'k') =>
  call(keysRoute.GET, 'GET', `/api/instances/${id}/keys?${query}`, { ...asToken, params: { id } });
const getKey = (query: string, id = 'k') => call(keyRoute.GET, 'GET', `/api/instances/${id}/key?${query}`, { ...asToken, params: { id } });

async function listAll(query: string): Promise<{ pages: KeysPage[]; keys: KeysPage['keys'] }> {
  const pages = await listAllPages(listPage, query);
  return { pages, keys: pages.flatMap((page) => page.keys) };
}

beforeAll(async () => {
  server = await startTestRedis();
  const closedPort = await freePort();
  useAppEnv({
    instances: [
      { id: 'k', url: redisUrl(server) },
      // Nothing listens here: a request that reached Redis would answer 503, not 400.
      { id: 'gone', url: `redis://127.0.0.1:${closedPort}` },
    ],
    env: { REDLENS_API_TOKEN: TOKEN, REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: 'viewer-pw' },
  });
  redis = new Redis({ port: server.port, lazyConnect: true });
  await redis.connect();
  const pipeline = redis.pipeline();
  for (let i = 0; i < 3000; i += 1) {
    const name = `recipe:${i}`;
    if (i % 5 === 0) pipeline.hset(name, 'title', `Recipe ${i}`);
    else if (i % 7 === 0) pipeline.rpush(name, 'a', 'b');
    else pipeline.set(name, `v${i}`, 'EX', 3600);
    expected.add(b64(name));
  }
  for (const name of [...SPECIAL, TWIN_A, TWIN_B]) {
    pipeline.set(name, `value of ${b64(name)}`);
    expected.add(b64(name));
  }
  await pipeline.exec();
  const login200 = await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
  adminCookie = cookieOf(login200);
});

afterAll(async () => {
  redis.disconnect();
  await stopRedis(server, { removeDir: true });
});

describe('GET /api/instances/{id}/keys', () => {
  it('returns exactly the keyspace: no key missing, none invented, each once', async () => {
    const { keys, pages } = await listAll('count=100');
    const ids = keys.map((key) => key.keyB64);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(expected);
    // count is a hard cap (issue 9): SCAN's last batch no longer overshoots it.
    expect(pages.every((page) => page.keys.length <= 100)).toBe(true);
    expect(pages[0]!.dbSize).toBe(expected.size);
    expect(pages.reduce((sum, page) => sum + page.scanned, 0)).toBeGreaterThanOrEqual(expected.size);
  });

  it('reports type, TTL and memory, and shows names as escaped text', async () => {
    const { keys } = await listAll('count=1000');
    const byId = new Map(keys.map((key) => [key.keyB64, key]));
    expect(byId.get(b64('recipe:0'))).toMatchObject({ type: 'hash', ttlMs: -1, key: 'recipe:0' });
    expect(byId.get(b64('recipe:1'))!.ttlMs).toBeGreaterThan(3_500_000);
    expect(byId.get(b64('recipe:7'))!.type).toBe('list');
    expect(byId.get(b64('recipe:1'))!.memoryBytes).toBeGreaterThan(0);
    expect(byId.get(b64(SPECIAL[0]!))!.key).toBe('legacy:bin:\\xff\\xfe\\x00\\xc3(\\x80');
    expect(byId.get(b64('search:line1\nline2\tcolumn'))!.key).toBe('search:line1\\nline2\\tcolumn');
    expect(byId.get(b64('evil:\u202Egnp.exe'))!.key).toBe('evil:\\u202egnp.exe');
    expect(byId.get(b64('recipe:<script>alert(1)</script>'))!.key).toBe('recipe:<script>alert(1)</script>');
  });

  it('filters by type with SCAN TYPE, and by pattern', async () => {
    const hashes = await listAll('count=500&type=hash');
    expect(hashes.keys.length).toBe(600);
    expect(hashes.keys.every((key) => key.type === 'hash')).toBe(true);
    const matched = await listAll(`count=500&match=${encodeURIComponent('recipe:1?')}`);
    expect(matched.keys.map((key) => key.key).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `recipe:1${i}`).sort());
  });

  it('answers a pattern without wildcards with one exact lookup', async () => {
    const response = await listPage(`match=${encodeURIComponent(escapeGlob('search:[draft]*?'))}`);
    const page = (await response.json()) as KeysPage;
    expect(page).toMatchObject({ exact: true, done: true, cursor: '0', scanCalls: 0 });
    expect(page.keys.map((key) => key.key)).toEqual(['search:[draft]*?']);
    const missing = (await (await listPage('match=no-such-key')).json()) as KeysPage;
    expect(missing.keys).toEqual([]);
  });

  it('bounds each request in SCAN calls and in time on a sparse pattern', async () => {
    const page = (await (await listPage(`count=1000&match=${encodeURIComponent('*zzz-no-match*')}`)).json()) as KeysPage;
    expect(page.scanCalls).toBeLessThanOrEqual(50);
    expect(page.keys).toEqual([]);
  });

  it('lists another db through SELECT, and refuses a db the server does not have', async () => {
    await redis.select(3);
    await redis.set('only-in-db3', '1');
    await redis.select(0);
    const db3 = await listAll('db=3&count=10');
    expect(db3.keys.map((key) => key.key)).toEqual(['only-in-db3']);
    const db0 = await listAll('db=0&count=1000');
    expect(db0.keys.some((key) => key.key === 'only-in-db3')).toBe(false);
    expect((await listPage('db=16')).status).toBe(400);
    const dbs = (await (await call(dbsRoute.GET, 'GET', '/api/instances/k/keys/databases', asToken)).json()) as DatabasesReply;
    expect(dbs).toMatchObject({ databases: 16, source: 'config' });
    expect(dbs.keyspace.find((entry) => entry.db === 3)?.keys).toBe(1);
  });
});

describe('binary twins', () => {
  it('are told apart, read apart, and a delete removes exactly one', async () => {
    const { keys } = await listAll('count=1000&match=twin:*');
    expect(keys.map((key) => key.keyB64).sort()).toEqual([b64(TWIN_A), b64(TWIN_B)].sort());
    expect(new Set(keys.map((key) => key.key)).size).toBe(2);
    const a = (await (await getKey(`keyB64=${encodeURIComponent(b64(TWIN_A))}`)).json()) as KeyDetail;
    expect(a.value.kind === 'string' && Buffer.from(a.value.b64, 'base64').toString()).toBe(`value of ${b64(TWIN_A)}`);
    const removed = await call(keyRoute.DELETE, 'DELETE', `/api/instances/k/key?db=0&keyB64=${encodeURIComponent(b64(TWIN_A))}`, {
      headers: { cookie: adminCookie }, params: { id: 'k' },
    });
    expect(removed.status).toBe(200);
    expect(await redis.exists(TWIN_A)).toBe(0);
    expect(await redis.exists(TWIN_B)).toBe(1);
    const again = await call(keyRoute.DELETE, 'DELETE', `/api/instances/k/key?db=0&keyB64=${encodeURIComponent(b64(TWIN_A))}`, {
      headers: { cookie: adminCookie }, params: { id: 'k' },
    });
    expect(again.status).toBe(404);
    expect((await getKey(`keyB64=${encodeURIComponent(b64(TWIN_A))}`)).status).toBe(404);
    const log = await (await call(audit, 'GET', '/api/audit?action=key.delete', { headers: { cookie: adminCookie } })).json();
    expect(log.entries[1]).toMatchObject({ instance: 'k', action: 'key.delete', outcome: 'ok', target: `db0 twin:\\xff (keyB64 ${b64(TWIN_A)})` });
  });
});

describe('PATCH /api/instances/{id}/key', () => {
  const patch = (body: unknown) => call(keyRoute.PATCH, 'PATCH', '/api/instances/k/key', { headers: { cookie: adminCookie }, params: { id: 'k' }, body });

  it('sets and removes a TTL, audited', async () => {
    await redis.set('ttl:me', 'x');
    const set = await patch({ db: 0, keyB64: b64('ttl:me'), ttlMs: 60_000 });
    expect(set.status).toBe(200);
    expect((await set.json()).ttlMs).toBeGreaterThan(59_000);
    const removed = await patch({ db: 0, keyB64: b64('ttl:me'), ttlMs: -1 });
    expect((await removed.json()).ttlMs).toBe(-1);
    expect(await redis.pttl('ttl:me')).toBe(-1);
    expect((await patch({ db: 0, keyB64: b64('ttl:none'), ttlMs: 1000 })).status).toBe(404);
    const log = await (await call(audit, 'GET', '/api/audit?action=key.ttl', { headers: { cookie: adminCookie } })).json();
    expect(log.entries[0]).toMatchObject({ instance: 'k', outcome: 'failed' });
    expect(log.entries[1]).toMatchObject({ instance: 'k', outcome: 'ok', target: `db0 ttl:me (keyB64 ${b64('ttl:me')}) ttlMs=-1` });
  });
});

describe('GET /api/instances/{id}/key: big values in pages under 2 MB', () => {
  beforeAll(async () => {
    await redis.set('big:string', Buffer.alloc(10 * 1024 * 1024, 'x'));
    for (const [name, total, add] of [
      ['big:set', 200_000, (p: ReturnType<Redis['pipeline']>, from: number) => p.sadd('big:set', ...Array.from({ length: 1000 }, (_, i) => `member-${from + i}`))],
      ['big:hash', 100_000, (p: ReturnType<Redis['pipeline']>, from: number) => p.hset('big:hash', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`field-${from + i}`, 'v'.repeat(50)])))],
      ['big:list', 100_000, (p: ReturnType<Redis['pipeline']>, from: number) => p.rpush('big:list', ...Array.from({ length: 1000 }, (_, i) => `item-${from + i}`))],
      ['big:zset', 100_000, (p: ReturnType<Redis['pipeline']>, from: number) => p.zadd('big:zset', ...Array.from({ length: 1000 }, (_, i) => [from + i, `m-${from + i}`]).flat())],
    ] as const) {
      const pipeline = redis.pipeline();
      for (let from = 0; from < total; from += 1000) add(pipeline, from);
      await pipeline.exec();
      expect(name).toBeTruthy();
    }
    for (let i = 0; i < 300; i += 1) await redis.xadd('big:stream', '*', 'n', String(i), 'payload', 'p'.repeat(20));
    await redis.xgroup('CREATE', 'big:stream', 'workers', '0');
  }, 60_000);

  async function detail(name: string, extra = ''): Promise<{ body: KeyDetail; bytes: number }> {
    const response = await getKey(`keyB64=${encodeURIComponent(b64(name))}${extra}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { body: JSON.parse(text) as KeyDetail, bytes: Buffer.byteLength(text) };
  }

  it('reads a 10 MB string 64 KiB at a time, truncated', async () => {
    const { body, bytes } = await detail('big:string');
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    expect(body).toMatchObject({ type: 'string', length: 10 * 1024 * 1024 });
    expect(body.value).toMatchObject({ kind: 'string', offset: 0, bytes: 65_536, truncated: true });
    const last = await detail('big:string', `&offset=${10 * 1024 * 1024 - 10}`);
    expect(last.body.value).toMatchObject({ bytes: 10, truncated: false });
  });

  it('pages a 200k-member set, a 100k-field hash, a 100k list and a 100k sorted set', async () => {
    const set = await detail('big:set');
    expect(set.bytes).toBeLessThan(2 * 1024 * 1024);
    expect(set.body).toMatchObject({ type: 'set', length: 200_000, encoding: 'hashtable' });
    expect(set.body.value.kind === 'set' && set.body.value.members.length).toBeLessThanOrEqual(120);
    expect(set.body.value).toMatchObject({ done: false, truncated: true });

    const hash = await detail('big:hash', `&match=${encodeURIComponent('field-4242*')}&count=100`);
    expect(hash.body.length).toBe(100_000);
    expect(hash.bytes).toBeLessThan(2 * 1024 * 1024);

    const list = await detail('big:list', '&offset=99990&count=50');
    expect(list.body.value).toMatchObject({ kind: 'list', offset: 99_990, truncated: false });
    expect(list.body.value.kind === 'list' && list.body.value.items.map((item) => item.index)).toEqual(Array.from({ length: 10 }, (_, i) => 99_990 + i));

    const byRank = await detail('big:zset', '&offset=10&count=3');
    expect(byRank.body.value).toMatchObject({ kind: 'zset', truncated: true, members: [{ rank: 10, score: '10' }, { rank: 11 }, { rank: 12 }] });
    const byScore = await detail('big:zset', '&by=score&min=500&max=(503');
    expect(byScore.body.value.kind === 'zset' && byScore.body.value.members.map((m) => m.member.text)).toEqual(['m-500', 'm-501', 'm-502']);
  });

  it('pages a stream newest first and lists its consumer groups', async () => {
    const oldest = await detail('big:stream', '&count=100');
    expect(oldest.body.value.kind === 'stream' && oldest.body.value.entries[0]!.fields[0]![1].text).toBe('0');
    const first = await detail('big:stream', '&count=100&order=desc');
    const value = first.body.value;
    expect(value.kind).toBe('stream');
    if (value.kind !== 'stream') return;
    expect(value.entries).toHaveLength(100);
    expect(value.entries[0]!.fields[0]![1].text).toBe('299');
    expect(value.groups).toEqual([expect.objectContaining({ name: 'workers', consumers: 0, pending: 0 })]);
    const second = await detail('big:stream', `&count=100&order=desc&end=${value.next}`);
    expect(second.body.value.kind === 'stream' && second.body.value.entries[0]!.fields[0]![1].text).toBe('199');
  });

  it('is a 404 for a key that is gone', async () => {
    expect((await getKey(`keyB64=${b64('never-there')}`)).status).toBe(404);
  });
});

describe('bad input is a 400 with no Redis call (SPEC section 5)', () => {
  const longMatch = encodeURIComponent('a'.repeat(257));
  const fiveStars = encodeURIComponent('*a'.repeat(5));
  const bigKey = encodeURIComponent(Buffer.alloc(4097).toString('base64'));
  const cases: Array<[string, string]> = [
    ['count=0', 'count 0'],
    ['count=1001', 'count above 1000'],
    ['count=abc', 'count not a number'],
    ['count=1.5', 'count not whole'],
    ['cursor=-1', 'negative cursor'],
    ['cursor=abc', 'cursor not decimal'],
    ['cursor=18446744073709551616', 'cursor above 2^64-1'],
    ['db=-1', 'negative db'],
    ['db=x', 'db not a number'],
    ['db=4096', 'db above any server'],
    [`match=${longMatch}`, 'match over 256 bytes'],
    [`match=${fiveStars}`, 'match with 5 stars'],
    ['type=bogus', 'type not a Redis type'],
    ['match=a%00b', 'match with NUL'],
    ['type=no%20way', 'type not a name'],
    ['memory=yes', 'memory not 0/1'],
    ['surprise=1', 'unknown parameter'],
  ];
  it.each(cases)('GET keys?%s (%s)', async (query) => {
    const response = await listPage(query, 'gone');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BAD_REQUEST');
  });

  const keyCases: Array<[string, string]> = [
    ['', 'keyB64 missing'],
    ['keyB64=%%%', 'keyB64 not base64'],
    ['keyB64=YWJj', 'fine key but db=-1 below', ],
    [`keyB64=${bigKey}`, 'key over 4 KiB'],
    ['keyB64=YQ', 'base64 without padding'],
    ['keyB64=YQ==&count=101', 'element count above 100'],
    ['keyB64=YQ==&by=weight', 'unknown order'],
    ['keyB64=YQ==&min=abc', 'bad score'],
    ['keyB64=YQ==&start=abc', 'bad stream id'],
    ['keyB64=YQ==&start=18446744073709551616-0', 'stream id over 64 bits'],
    ['keyB64=YQ==&end=0-18446744073709551616', 'stream id sequence over 64 bits'],
    ['keyB64=YQ==&offset=-1', 'negative offset'],
  ];
  it.each(keyCases)('GET key?%s (%s)', async (query, label) => {
    const response = await getKey(label.includes('db=-1') ? `${query}&db=-1` : query, 'gone');
    expect(response.status).toBe(400);
  });

  const bodies: Array<[unknown, string]> = [
    [{ db: 0, keyB64: 'YQ==', ttlMs: 0 }, 'ttl 0'],
    [{ db: 0, keyB64: 'YQ==', ttlMs: -2 }, 'ttl -2'],
    [{ db: 0, keyB64: 'YQ==', ttlMs: 1.5 }, 'ttl not whole'],
    [{ db: '0', keyB64: 'YQ==', ttlMs: 1000 }, 'db as a string'],
    [{ db: 0, keyB64: 'not base64!', ttlMs: 1000 }, 'bad keyB64'],
    [{ db: 0, ttlMs: 1000 }, 'no keyB64'],
    ['nonsense', 'not an object'],
  ];
  it.each(bodies)('PATCH key %j (%s)', async (body) => {
    const response = await call(keyRoute.PATCH, 'PATCH', '/api/instances/gone/key', { headers: { cookie: adminCookie }, params: { id: 'gone' }, body });
    expect(response.status).toBe(400);
  });

  it('DELETE key without a valid keyB64', async () => {
    const response = await call(keyRoute.DELETE, 'DELETE', '/api/instances/gone/key?db=0&keyB64=***', { headers: { cookie: adminCookie }, params: { id: 'gone' } });
    expect(response.status).toBe(400);
  });

  it('and the unreachable instance really is unreachable (503), so the 400s above made no call', async () => {
    expect((await listPage('count=10', 'gone')).status).toBe(503);
  });
});

describe('with the least-privilege ACL user of SPEC section 7', () => {
  const READ_ACL = '+ping +info +dbsize +select +scan +type +ttl +pttl +exists +strlen +getrange +hlen +hscan +llen +lrange +scard +sscan +zcard +zscan +zrange +xlen +xrange +xinfo|stream +memory|usage +object|encoding +slowlog|get +slowlog|len +latency|latest +latency|history +client|info +client|setname +config|get +client|list';
  let cookie = '';

  beforeAll(async () => {
    await redis.call('ACL', 'SETUSER', 'redlens', 'on', '>acl-pw', 'resetchannels', 'resetkeys', '%R~*', '-@all', ...READ_ACL.split(' '));
    useAppEnv({
      instances: [{ id: 'acl', url: `redis://redlens:acl-pw@127.0.0.1:${server.port}` }],
      env: { REDLENS_API_TOKEN: TOKEN, REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD },
    });
    cookie = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
  });

  it('lists with type, TTL and memory, and reads every type; denied extras are named, not fatal', async () => {
    const page = (await (await listPage('count=50&match=big:*', 'acl')).json()) as KeysPage;
    expect(page.keys.length).toBeGreaterThan(0);
    expect(page.keys.every((key) => key.memoryBytes !== undefined)).toBe(true);
    for (const name of ['big:string', 'big:hash', 'big:list', 'big:set', 'big:zset', 'big:stream']) {
      const response = await getKey(`keyB64=${encodeURIComponent(b64(name))}`, 'acl');
      expect(response.status, name).toBe(200);
      const body = (await response.json()) as KeyDetail;
      if (body.value.kind === 'stream') expect(body.value.groupsError).toMatch(/NOPERM|xinfo/i);
    }
    const db3 = await listPage('db=3', 'acl');
    expect(db3.status).toBe(200);
  });

  it('names the command an admin action needs when the ACL lacks it (502)', async () => {
    const response = await call(keyRoute.DELETE, 'DELETE', `/api/instances/acl/key?db=0&keyB64=${encodeURIComponent(b64('recipe:1'))}`, {
      headers: { cookie }, params: { id: 'acl' },
    });
    expect(response.status).toBe(502);
    expect((await response.json()).error.message).toMatch(/unlink/i);
    const newestFirst = await getKey(`keyB64=${encodeURIComponent(b64('big:stream'))}&order=desc`, 'acl');
    expect(newestFirst.status).toBe(502);
    expect((await newestFirst.json()).error.message).toMatch(/xrevrange/i);
  });
});

describe('a db opened by many requests at once', () => {
  it('connects and SELECTs once, and every request reads that db', async () => {
    useAppEnv({ instances: [{ id: 'k', url: redisUrl(server) }], env: { REDLENS_API_TOKEN: TOKEN } });
    await redis.select(7);
    await redis.set('only-in-db7', '1');
    await redis.select(0);
    const pages = await Promise.all(Array.from({ length: 8 }, () => listPage('db=7&count=10').then((r) => r.json() as Promise<KeysPage>)));
    for (const page of pages) expect(page.keys.map((key) => key.key)).toEqual(['only-in-db7']);
  });
});

describe('a page of very long names', () => {
  it('stays under 2 MB, loses no key, and says it stopped for size', async () => {
    useAppEnv({ instances: [{ id: 'k', url: redisUrl(server) }], env: { REDLENS_API_TOKEN: TOKEN } });
    await redis.select(9);
    const pipeline = redis.pipeline();
    const expectedLong = new Set<string>();
    for (let i = 0; i < 600; i += 1) {
      const name = `long:${i}:${'x'.repeat(4000)}`;
      pipeline.set(name, '1');
      expectedLong.add(b64(name));
    }
    await pipeline.exec();
    await redis.select(0);
    const seen = new Set<string>();
    let cursor = '0';
    let sawSizeStop = false;
    do {
      const response = await listPage(`db=9&count=1000&cursor=${cursor}`);
      const text = await response.text();
      expect(Buffer.byteLength(text)).toBeLessThan(2 * 1024 * 1024);
      const page = JSON.parse(text) as KeysPage;
      if (page.stoppedBy === 'size') sawSizeStop = true;
      for (const key of page.keys) seen.add(key.keyB64);
      cursor = page.cursor;
      if (page.done) break;
    } while (cursor !== '0' || seen.size === 0);
    expect(seen).toEqual(expectedLong);
    expect(sawSizeStop).toBe(true);
  });
});
