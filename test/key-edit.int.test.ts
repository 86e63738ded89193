// Key editing (PUT /api/instances/{id}/key, SPEC section 12) against a real redis-server: each
// operation makes exactly its change (the key's whole content compared before and after, a
// neighbour untouched), binary values, fields and names included; create and rename never
// overwrite; a key of another type is refused; every change is audited without its value; viewers,
// read-only mode and bad bodies are refused before Redis is asked.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResponse } from '@/lib/audit/types';
import type { KeyEditReply } from '@/lib/keys/edit';
import type { KeyDetail } from '@/lib/keys/types';
import { freePort } from '../scripts/lib/redis-server.mjs';
import { call, cookieOf, useAppEnv } from './app-env';
import { eventually, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const ADMIN_PASSWORD = 'key-edit-admin';
const VIEWER_PASSWORD = 'key-edit-viewer';
const ENV = { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD };

const { POST: login } = await import('@/app/api/auth/login/route');
const keyRoute = await import('@/app/api/instances/[id]/key/route');
const { GET: audit } = await import('@/app/api/audit/route');

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64');
/** Bytes no UTF-8 decoder keeps: NUL, 0xff, a lone continuation byte, a newline and a backslash. */
const bin = (label: string) => Buffer.concat([Buffer.from(label), Buffer.from([0x00, 0xff, 0x80, 0x0a, 0x5c, 0xfe])]);
/** A value whose text and base64 the audit log must never contain. */
const SECRET = Buffer.concat([Buffer.from('SECRET-VALUE-9c1e'), Buffer.from([0xff, 0x00])]);

let server: RedisServer;
let redis: Redis;
let admin = '';
let viewer = '';

async function signIn(username: string, password: string): Promise<string> {
  return cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username, password } }));
}

function put(body: unknown, options: { id?: string; cookie?: string } = {}): Promise<Response> {
  const id = options.id ?? 'k';
  return call(keyRoute.PUT, 'PUT', `/api/instances/${id}/key`, { headers: { cookie: options.cookie ?? admin }, params: { id }, body });
}

async function edit(body: Record<string, unknown>): Promise<KeyEditReply> {
  const response = await put({ db: 0, ...body });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as KeyEditReply;
}

async function refused(body: Record<string, unknown>, status: number, code: string): Promise<string> {
  const response = await put({ db: 0, ...body });
  const reply = (await response.json()) as { error: { code: string; message: string } };
  expect(response.status, reply.error.message).toBe(status);
  expect(reply.error.code).toBe(code);
  return reply.error.message;
}

/** Everything a key holds, as exact bytes (the test's own client reads whole values). */
async function contentOf(key: Buffer): Promise<{ type: string; value: unknown }> {
  const type = await redis.type(key);
  const hex = (items: Buffer[]) => items.map((item) => item.toString('hex'));
  switch (type) {
    case 'string': return { type, value: (await redis.getBuffer(key))!.toString('hex') };
    case 'hash': return { type, value: await hashPairs(key) };
    case 'list': return { type, value: hex(await redis.lrangeBuffer(key, 0, -1)) };
    case 'set': return { type, value: hex(await redis.smembersBuffer(key)).sort() };
    case 'zset': {
      const flat = await redis.zrangeBuffer(key, '0', '-1', 'WITHSCORES');
      const pairs: string[] = [];
      for (let i = 0; i < flat.length; i += 2) pairs.push(`${flat[i]!.toString('hex')}=${flat[i + 1]!.toString()}`);
      return { type, value: pairs };
    }
    case 'stream': {
      const entries = (await redis.xrangeBuffer(key, '-', '+')) as unknown as Array<[Buffer, Buffer[]]>;
      return { type, value: entries.map(([id, fields]) => [id.toString(), hex(fields)]) };
    }
    default: return { type, value: null };
  }
}

/** Field=value pairs in hex (ioredis's hgetall keys fields by a string, losing bytes: read them raw). */
async function hashPairs(key: Buffer): Promise<string[]> {
  const flat = await redis.callBuffer('HGETALL', key) as Buffer[];
  const pairs: string[] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push(`${flat[i]!.toString('hex')}=${flat[i + 1]!.toString('hex')}`);
  return pairs.sort();
}

const NEIGHBOUR = bin('neighbour:');

/** The neighbour's DUMP and TTL: whatever an edit did, this key must be exactly as it was. */
async function neighbourState(): Promise<[string, number]> {
  return [(await redis.dumpBuffer(NEIGHBOUR)).toString('hex'), await redis.pttl(NEIGHBOUR)];
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
    env: ENV,
  });
  redis = new Redis({ port: server.port, lazyConnect: true });
  await redis.connect();
  await redis.hset(NEIGHBOUR, bin('f'), bin('v'));
  await redis.pexpire(NEIGHBOUR, 3_600_000);
  admin = await signIn('admin', ADMIN_PASSWORD);
  viewer = await signIn('viewer', VIEWER_PASSWORD);
});

afterAll(async () => {
  redis.disconnect();
  await stopRedis(server, { removeDir: true });
});

describe('each operation makes exactly its change, binary-safe', () => {
  let neighbour: [string, number];
  beforeAll(async () => {
    neighbour = await neighbourState();
  });
  afterAll(async () => {
    const [dump, ttl] = await neighbourState();
    expect(dump).toBe(neighbour[0]);
    expect(ttl).toBeGreaterThan(neighbour[1] - 120_000);
  });

  it('string set replaces the value and keeps the TTL (KEEPTTL)', async () => {
    const key = bin('str:');
    await redis.set(key, 'old', 'PX', 600_000);
    const reply = await edit({ keyB64: b64(key), type: 'string', op: { set: { valueB64: b64(bin('new')) } } });
    expect(reply).toMatchObject({ keyB64: b64(key), type: 'string', op: 'set', created: false, result: 'OK' });
    expect(await redis.getBuffer(key)).toEqual(bin('new'));
    expect(await redis.pttl(key)).toBeGreaterThan(590_000);
    // A key without a TTL keeps having none.
    const plain = bin('str-plain:');
    await redis.set(plain, 'x');
    await edit({ keyB64: b64(plain), type: 'string', op: { set: { valueB64: '' } } });
    expect(await redis.getBuffer(plain)).toEqual(Buffer.alloc(0));
    expect(await redis.pttl(plain)).toBe(-1);
  });

  it('hset sets a new and an existing field, hdel deletes one; the other fields stay', async () => {
    const key = bin('hash:');
    await redis.hset(key, bin('a'), bin('1'), bin('b'), bin('2'));
    const before = await hashPairs(key);
    const added = await edit({ keyB64: b64(key), type: 'hash', op: { hset: { fieldB64: b64(bin('c')), valueB64: b64(bin('3')) } } });
    expect(added.result).toBe(1);
    expect(await hashPairs(key)).toEqual([...before, `${bin('c').toString('hex')}=${bin('3').toString('hex')}`].sort());
    const changed = await edit({ keyB64: b64(key), type: 'hash', op: { hset: { fieldB64: b64(bin('a')), valueB64: b64(bin('one')) } } });
    expect(changed.result).toBe(0);
    const afterSet = await hashPairs(key);
    expect(afterSet).toContain(`${bin('a').toString('hex')}=${bin('one').toString('hex')}`);
    expect(afterSet).toHaveLength(3);
    await edit({ keyB64: b64(key), type: 'hash', op: { hdel: { fieldB64: b64(bin('b')) } } });
    expect(await hashPairs(key)).toEqual(afterSet.filter((pair) => !pair.startsWith(`${bin('b').toString('hex')}=`)));
    expect(await redis.pttl(key)).toBe(-1);
  });

  it('rpush and lpush add at either end, lset sets by index, lrem removes every occurrence', async () => {
    const key = bin('list:');
    const [x, y, z] = [bin('x'), bin('y'), bin('z')];
    await redis.rpush(key, x, y, x, z);
    await edit({ keyB64: b64(key), type: 'list', op: { rpush: { valueB64: b64(bin('right')) } } });
    await edit({ keyB64: b64(key), type: 'list', op: { lpush: { valueB64: b64(bin('left')) } } });
    expect(await redis.lrangeBuffer(key, 0, -1)).toEqual([bin('left'), x, y, x, z, bin('right')]);
    await edit({ keyB64: b64(key), type: 'list', op: { lset: { index: 2, valueB64: b64(bin('Y')) } } });
    await edit({ keyB64: b64(key), type: 'list', op: { lset: { index: -1, valueB64: b64(bin('last')) } } });
    expect(await redis.lrangeBuffer(key, 0, -1)).toEqual([bin('left'), x, bin('Y'), x, z, bin('last')]);
    const removed = await edit({ keyB64: b64(key), type: 'list', op: { lrem: { valueB64: b64(x) } } });
    expect(removed.result).toBe(2);
    expect(await redis.lrangeBuffer(key, 0, -1)).toEqual([bin('left'), bin('Y'), z, bin('last')]);
    // An index the list does not have: 409, nothing changed.
    await refused({ keyB64: b64(key), type: 'list', op: { lset: { index: 10, valueB64: b64('no') } } }, 409, 'CONFLICT');
    expect(await redis.lrangeBuffer(key, 0, -1)).toEqual([bin('left'), bin('Y'), z, bin('last')]);
  });

  it('sadd and srem add and remove exactly one member', async () => {
    const key = bin('set:');
    await redis.sadd(key, bin('m1'), bin('m2'));
    const before = await contentOf(key);
    await edit({ keyB64: b64(key), type: 'set', op: { sadd: { memberB64: b64(bin('m3')) } } });
    expect(await contentOf(key)).toEqual({ type: 'set', value: [...(before.value as string[]), bin('m3').toString('hex')].sort() });
    await edit({ keyB64: b64(key), type: 'set', op: { srem: { memberB64: b64(bin('m1')) } } });
    expect(await contentOf(key)).toEqual({ type: 'set', value: [bin('m2'), bin('m3')].map((m) => m.toString('hex')).sort() });
  });

  it('zadd adds with a score and changes an existing score, zrem removes', async () => {
    const key = bin('zset:');
    await redis.zadd(key, 1, bin('a'), 2, bin('b'));
    expect((await edit({ keyB64: b64(key), type: 'zset', op: { zadd: { memberB64: b64(bin('c')), score: 1.5 } } })).result).toBe(1);
    expect((await edit({ keyB64: b64(key), type: 'zset', op: { zadd: { memberB64: b64(bin('a')), score: 10 } } })).result).toBe(0);
    await edit({ keyB64: b64(key), type: 'zset', op: { zadd: { memberB64: b64(bin('inf')), score: '-inf' } } });
    expect(await contentOf(key)).toEqual({
      type: 'zset', value: [`${bin('inf').toString('hex')}=-inf`, `${bin('c').toString('hex')}=1.5`, `${bin('b').toString('hex')}=2`, `${bin('a').toString('hex')}=10`],
    });
    await edit({ keyB64: b64(key), type: 'zset', op: { zrem: { memberB64: b64(bin('b')) } } });
    expect(await contentOf(key)).toEqual({
      type: 'zset', value: [`${bin('inf').toString('hex')}=-inf`, `${bin('c').toString('hex')}=1.5`, `${bin('a').toString('hex')}=10`],
    });
  });

  it('xadd appends one entry with binary fields, xdel deletes one by id', async () => {
    const key = bin('stream:');
    const first = await redis.xadd(key, '*', 'f', 'v');
    const reply = await edit({ keyB64: b64(key), type: 'stream', op: { xadd: { fields: [[b64(bin('f1')), b64(bin('v1'))], [b64(bin('f2')), b64('')]] } } });
    expect(typeof reply.result).toBe('string');
    const entries = (await contentOf(key)).value as Array<[string, string[]]>;
    expect(entries).toEqual([
      [first, ['f', 'v'].map((s) => Buffer.from(s).toString('hex'))],
      [reply.result, [bin('f1'), bin('v1'), bin('f2'), Buffer.alloc(0)].map((b) => b.toString('hex'))],
    ]);
    expect((await edit({ keyB64: b64(key), type: 'stream', op: { xdel: { id: first } } })).result).toBe(1);
    expect(((await contentOf(key)).value as unknown[]).map((entry) => (entry as [string])[0])).toEqual([reply.result]);
  });

  it('renames with RENAMENX: value and TTL move, an existing name is never overwritten', async () => {
    const from = bin('rename-from:');
    const to = bin('rename-to:');
    await redis.set(from, SECRET, 'PX', 600_000);
    const reply = await edit({ keyB64: b64(from), type: 'string', op: { rename: { newKeyB64: b64(to) } } });
    expect(reply).toMatchObject({ keyB64: b64(to), op: 'rename' });
    expect(await redis.exists(from)).toBe(0);
    expect(await redis.getBuffer(to)).toEqual(SECRET);
    expect(await redis.pttl(to)).toBeGreaterThan(590_000);

    const taken = bin('rename-taken:');
    await redis.set(taken, 'mine');
    const message = await refused({ keyB64: b64(to), type: 'string', op: { rename: { newKeyB64: b64(taken) } } }, 409, 'CONFLICT');
    expect(message).toMatch(/never overwrites/);
    expect(await redis.getBuffer(to)).toEqual(SECRET);
    expect(await redis.get(taken)).toBe('mine');
  });
});

describe('round trip with the key detail', () => {
  it('reads each whole element\'s exact bytes (b64), which an edit sends back', async () => {
    const key = bin('roundtrip:');
    const field = bin('field-');
    await redis.hset(key, field, bin('v'), 'long', 'x'.repeat(5000));
    const detail = await call(keyRoute.GET, 'GET', `/api/instances/k/key?keyB64=${encodeURIComponent(b64(key))}`, { headers: { cookie: admin }, params: { id: 'k' } });
    const body = (await detail.json()) as KeyDetail;
    if (body.value.kind !== 'hash') throw new Error(`a hash, not ${body.value.kind}`);
    const entry = body.value.entries.find((e) => e.field.text.startsWith('field-'))!;
    expect(entry.field.b64).toBe(b64(field));
    expect(entry.value.b64).toBe(b64(bin('v')));
    // A value cut for display has no exact bytes to send back.
    const long = body.value.entries.find((e) => e.field.text === 'long')!.value;
    expect(long.cut).toBe(true);
    expect(long.b64).toBeUndefined();
    await edit({ keyB64: b64(key), type: 'hash', op: { hdel: { fieldB64: entry.field.b64 } } });
    expect(await redis.hkeys(key)).toEqual(['long']);
  });
});

describe('create', () => {
  it('creates a key of each type, with a TTL when asked, in one step', async () => {
    const cases: Array<[string, Record<string, unknown>, unknown]> = [
      ['string', { set: { valueB64: b64(bin('v')) } }, bin('v').toString('hex')],
      ['hash', { hset: { fieldB64: b64(bin('f')), valueB64: b64(bin('v')) } }, [`${bin('f').toString('hex')}=${bin('v').toString('hex')}`]],
      ['list', { rpush: { valueB64: b64(bin('v')) } }, [bin('v').toString('hex')]],
      ['set', { sadd: { memberB64: b64(bin('v')) } }, [bin('v').toString('hex')]],
      ['zset', { zadd: { memberB64: b64(bin('v')), score: 3 } }, [`${bin('v').toString('hex')}=3`]],
    ];
    for (const [type, op, value] of cases) {
      const key = bin(`created-${type}:`);
      const reply = await edit({ keyB64: b64(key), type, create: true, ttlMs: 120_000, op });
      expect(reply, type).toMatchObject({ created: true, type });
      expect(await contentOf(key), type).toEqual({ type, value });
      const ttl = await redis.pttl(key);
      expect(ttl, type).toBeGreaterThan(110_000);
      expect(ttl, type).toBeLessThanOrEqual(120_000);
    }
    const stream = bin('created-stream:');
    const reply = await edit({ keyB64: b64(stream), type: 'stream', create: true, op: { xadd: { fields: [[b64('a'), b64(bin('b'))]] } } });
    expect(await contentOf(stream)).toEqual({ type: 'stream', value: [[reply.result, [Buffer.from('a').toString('hex'), bin('b').toString('hex')]]] });
    expect(await redis.pttl(stream)).toBe(-1);
  });

  it('refuses (409) a key that exists, of any type, and leaves it as it was', async () => {
    const key = bin('exists:');
    await redis.rpush(key, 'keep');
    for (const [type, op] of [['list', { rpush: { valueB64: b64('x') } }], ['string', { set: { valueB64: b64('x') } }]] as const) {
      const message = await refused({ keyB64: b64(key), type, create: true, op }, 409, 'CONFLICT');
      expect(message).toMatch(/exists/);
    }
    expect(await redis.lrange(key, 0, -1)).toEqual(['keep']);
  });
});

describe('a key that is not what the editor saw', () => {
  it('refuses (409) a key of another type now, and changes nothing', async () => {
    const key = bin('retyped:');
    await redis.set(key, 'was a string');
    await redis.del(key);
    await redis.hset(key, 'now', 'a hash');
    const message = await refused({ keyB64: b64(key), type: 'string', op: { set: { valueB64: b64('x') } } }, 409, 'CONFLICT');
    expect(message).toMatch(/hash now/);
    expect(await redis.hgetall(key)).toEqual({ now: 'a hash' });
    // WRONGTYPE can never reach the answer as a 500: every op checks first.
    await refused({ keyB64: b64(key), type: 'list', op: { rpush: { valueB64: b64('x') } } }, 409, 'CONFLICT');
    expect(await redis.type(key)).toBe('hash');
  });

  it('refuses (409) when another client rewrites the key between the type check and the write', async () => {
    // CLIENT PAUSE WRITE holds every write, in arrival order, and lets reads through: the other
    // client's SET is held first; the edit's WATCH and TYPE still see the hash, its write is held
    // behind the SET. When the pause ends the SET runs, then EXEC, which finds the watched key
    // touched and writes nothing. Without the WATCH the HSET would meet a string (or, had the
    // other client deleted the key, create a new hash).
    const key = bin('raced:');
    await redis.hset(key, 'was', 'a hash');
    const other = redis.duplicate();
    try {
      await other.ping();
      await redis.call('CLIENT', 'PAUSE', '600', 'WRITE');
      const rewrite = other.multi().del(key).set(key, 'now a string').exec();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const message = await refused({ keyB64: b64(key), type: 'hash', op: { hset: { fieldB64: b64('f'), valueB64: b64(SECRET) } } }, 409, 'CONFLICT');
      expect(message).toMatch(/changed while Redlens was writing/);
      await rewrite;
      expect(await redis.type(key)).toBe('string');
      expect(await redis.get(key)).toBe('now a string');
    } finally {
      await redis.call('CLIENT', 'UNPAUSE');
      other.disconnect();
    }
  });

  it('answers 404 for a missing key without create, and creates nothing (XADD included)', async () => {
    const key = bin('missing:');
    for (const [type, op] of [
      ['string', { set: { valueB64: b64('x') } }],
      ['hash', { hset: { fieldB64: b64('f'), valueB64: b64('x') } }],
      ['list', { lpush: { valueB64: b64('x') } }],
      ['set', { sadd: { memberB64: b64('x') } }],
      ['zset', { zadd: { memberB64: b64('x'), score: 1 } }],
      ['stream', { xadd: { fields: [[b64('f'), b64('x')]] } }],
      ['string', { rename: { newKeyB64: b64('somewhere') } }],
    ] as const) {
      await refused({ keyB64: b64(key), type, op }, 404, 'NOT_FOUND');
    }
    expect(await redis.exists(key, 'somewhere')).toBe(0);
  });

  it('serializes concurrent edits on one instance: each lands once, none is lost', async () => {
    // One edit connection per instance, one WATCH ... EXEC at a time on it.
    const key = bin('concurrent:');
    await redis.sadd(key, 'seed');
    const members = Array.from({ length: 40 }, (_, i) => bin(`member-${i}:`));
    const replies = await Promise.all(members.map((member) =>
      put({ db: 0, keyB64: b64(key), type: 'set', op: { sadd: { memberB64: b64(member) } } }).then((response) => response.status)));
    expect(replies).toEqual(members.map(() => 200));
    expect(await contentOf(key)).toEqual({ type: 'set', value: [Buffer.from('seed'), ...members].map((m) => m.toString('hex')).sort() });
  });
});

describe('limits', () => {
  it('takes a 512 KiB value (a body over 64 KiB) and refuses a body over 1 MiB with 413', async () => {
    const key = bin('big:');
    await redis.set(key, 'small');
    const value = Buffer.alloc(512 * 1024, 0xab);
    await edit({ keyB64: b64(key), type: 'string', op: { set: { valueB64: value.toString('base64') } } });
    // Buffer.equals: a deep toEqual walks 512 Ki elements one by one.
    expect((await redis.getBuffer(key))!.equals(value)).toBe(true);
    const tooBig = await put({ db: 0, keyB64: b64(key), type: 'string', op: { set: { valueB64: 'A'.repeat(1024 * 1024) } } });
    expect(tooBig.status).toBe(413);
    expect((await redis.getBuffer(key))!.equals(value)).toBe(true);
    // Every other route keeps 64 KiB.
    const patch = await call(keyRoute.PATCH, 'PATCH', '/api/instances/k/key', {
      headers: { cookie: admin }, params: { id: 'k' }, body: { db: 0, keyB64: b64(key), ttlMs: 1000, pad: 'x'.repeat(70 * 1024) },
    });
    expect(patch.status).toBe(413);
  });
});

describe('audit', () => {
  it('records every change with the key and the operation, never the value', async () => {
    const key = bin('audited:');
    await edit({ keyB64: b64(key), type: 'hash', create: true, ttlMs: 60_000, op: { hset: { fieldB64: b64('f'), valueB64: b64(SECRET) } } });
    await edit({ keyB64: b64(key), type: 'hash', op: { hset: { fieldB64: b64('g'), valueB64: b64(SECRET) } } });
    await edit({ keyB64: b64(key), type: 'hash', op: { hdel: { fieldB64: b64('g') } } });
    await refused({ keyB64: b64(key), type: 'string', op: { set: { valueB64: b64(SECRET) } } }, 409, 'CONFLICT');
    await edit({ keyB64: b64(key), type: 'hash', op: { rename: { newKeyB64: b64('audited:renamed') } } });
    const response = await call(audit, 'GET', '/api/audit?action=key.edit&limit=200', { headers: { cookie: admin } });
    const text = await response.text();
    const log = JSON.parse(text) as AuditResponse;
    const target = `db0 audited:\\x00\\xff\\x80\\n\\\\\\xfe (keyB64 ${b64(key)})`;
    expect(log.entries.slice(0, 5).map((entry) => [entry.outcome, entry.target])).toEqual([
      ['ok', `${target} op=rename to audited:renamed (keyB64 ${b64('audited:renamed')})`],
      ['failed', `${target} op=set`],
      ['ok', `${target} op=hdel`],
      ['ok', `${target} op=hset`],
      ['ok', `${target} op=hset create ttlMs=60000`],
    ]);
    expect(log.entries[0]).toMatchObject({ actor: 'admin', instance: 'k', action: 'key.edit' });
    // Neither the value's text nor its base64 appear anywhere in the audit log.
    for (const needle of ['SECRET-VALUE', b64(SECRET), b64(SECRET).slice(0, 16)]) expect(text).not.toContain(needle);
  });
});

describe('who may edit', () => {
  const body = { db: 0, keyB64: b64('viewer:target'), type: 'string', create: true, op: { set: { valueB64: b64('x') } } };

  it('refuses a viewer (403) and writes nothing', async () => {
    const response = await put(body, { cookie: viewer });
    expect(response.status).toBe(403);
    expect(await redis.exists('viewer:target')).toBe(0);
  });

  it('refuses a cross-site PUT (Origin check)', async () => {
    const response = await call(keyRoute.PUT, 'PUT', '/api/instances/k/key', {
      headers: { cookie: admin, origin: 'https://evil.example' }, params: { id: 'k' }, body,
    });
    expect(response.status).toBe(403);
    expect(await redis.exists('viewer:target')).toBe(0);
  });
});

describe('bad bodies are a 400 with no Redis call', () => {
  const key = b64('a');
  const cases: Array<[string, unknown]> = [
    ['no op', { db: 0, keyB64: key, type: 'string' }],
    ['two ops', { db: 0, keyB64: key, type: 'hash', op: { hset: { fieldB64: key, valueB64: key }, hdel: { fieldB64: key } } }],
    ['unknown op', { db: 0, keyB64: key, type: 'string', op: { append: { valueB64: key } } }],
    ['op of another type', { db: 0, keyB64: key, type: 'string', op: { hset: { fieldB64: key, valueB64: key } } }],
    ['value not base64', { db: 0, keyB64: key, type: 'string', op: { set: { valueB64: 'not base64!' } } }],
    ['value without padding', { db: 0, keyB64: key, type: 'string', op: { set: { valueB64: 'YQ' } } }],
    ['value as a number', { db: 0, keyB64: key, type: 'string', op: { set: { valueB64: 5 } } }],
    ['value over 512 KiB', { db: 0, keyB64: key, type: 'string', op: { set: { valueB64: Buffer.alloc(512 * 1024 + 1).toString('base64') } } }],
    ['no keyB64', { db: 0, type: 'string', op: { set: { valueB64: key } } }],
    ['keyB64 over 4 KiB', { db: 0, keyB64: Buffer.alloc(4097).toString('base64'), type: 'string', op: { set: { valueB64: key } } }],
    ['db -1', { db: -1, keyB64: key, type: 'string', op: { set: { valueB64: key } } }],
    ['db as a string', { db: '0', keyB64: key, type: 'string', op: { set: { valueB64: key } } }],
    ['unknown type', { db: 0, keyB64: key, type: 'json', op: { set: { valueB64: key } } }],
    ['create with an op that cannot', { db: 0, keyB64: key, type: 'hash', create: true, op: { hdel: { fieldB64: key } } }],
    ['ttlMs without create', { db: 0, keyB64: key, type: 'string', ttlMs: 1000, op: { set: { valueB64: key } } }],
    ['ttlMs 0', { db: 0, keyB64: key, type: 'string', create: true, ttlMs: 0, op: { set: { valueB64: key } } }],
    ['lset index not whole', { db: 0, keyB64: key, type: 'list', op: { lset: { index: 1.5, valueB64: key } } }],
    ['zadd score NaN text', { db: 0, keyB64: key, type: 'zset', op: { zadd: { memberB64: key, score: 'nan' } } }],
    ['zadd score missing', { db: 0, keyB64: key, type: 'zset', op: { zadd: { memberB64: key } } }],
    ['xadd without fields', { db: 0, keyB64: key, type: 'stream', op: { xadd: { fields: [] } } }],
    ['xadd with 65 fields', { db: 0, keyB64: key, type: 'stream', op: { xadd: { fields: Array.from({ length: 65 }, () => [key, key]) } } }],
    ['xdel with a bad id', { db: 0, keyB64: key, type: 'stream', op: { xdel: { id: '*' } } }],
    ['rename to its own name', { db: 0, keyB64: key, type: 'string', op: { rename: { newKeyB64: key } } }],
    ['rename to its own name in other base64', { db: 0, keyB64: 'YQ==', type: 'string', op: { rename: { newKeyB64: 'YR==' } } }],
    ['rename to a name not in base64', { db: 0, keyB64: key, type: 'string', op: { rename: { newKeyB64: '%%%' } } }],
    ['an extra field', { db: 0, keyB64: key, type: 'string', op: { set: { valueB64: key } }, ifVersion: 3, surprise: 1 }],
    ['not an object', 'nonsense'],
  ];
  it.each(cases)('%s', async (_label, body) => {
    const response = await put(body, { id: 'gone' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BAD_REQUEST');
  });

  it('and the unreachable instance really is unreachable (503), so the 400s above made no call', async () => {
    const response = await put({ db: 0, keyB64: key, type: 'string', op: { set: { valueB64: key } } }, { id: 'gone' });
    expect(response.status).toBe(503);
  });
});

describe('with the least-privilege ACL user of SPEC section 7 (admin lines)', () => {
  const READ = '+ping +info +dbsize +select +scan +type +ttl +pttl +exists +strlen +getrange +hlen +hscan +llen +lrange +scard +sscan +zcard +zscan +zrange +xlen +xrange +xinfo|stream +memory|usage +object|encoding +slowlog|get +slowlog|len +latency|latest +latency|history +client|info +client|setname +config|get +client|list';
  const ADMIN = '+slowlog|reset +multi +exec +unlink +pexpire +persist +config|set +client|kill +set +setrange +hset +hdel +rpush +lpush +lset +lrem +sadd +srem +zadd +zrem +xadd +xdel +rename +renamenx';

  it('edits with +watch +unwatch added, and names WATCH when the ACL lacks it (502)', async () => {
    await redis.call('ACL', 'SETUSER', 'editor', 'on', '>acl-pw', 'resetchannels', 'resetkeys', '~*', '-@all', ...READ.split(' '), ...ADMIN.split(' '), '+watch', '+unwatch');
    await redis.call('ACL', 'SETUSER', 'nowatch', 'on', '>acl-pw', 'resetchannels', 'resetkeys', '~*', '-@all', ...READ.split(' '), ...ADMIN.split(' '));
    useAppEnv({
      instances: [
        { id: 'acl', url: `redis://editor:acl-pw@127.0.0.1:${server.port}` },
        { id: 'nowatch', url: `redis://nowatch:acl-pw@127.0.0.1:${server.port}` },
      ],
      env: ENV,
    });
    const cookie = await signIn('admin', ADMIN_PASSWORD);
    const key = bin('acl:');
    for (const op of [{ create: true, ttlMs: 60_000, op: { sadd: { memberB64: b64('a') } } }, { op: { srem: { memberB64: b64('a') } } }, { create: true, op: { sadd: { memberB64: b64('b') } } }, { op: { rename: { newKeyB64: b64('acl:renamed') } } }]) {
      const response = await put({ db: 0, keyB64: b64(key), type: 'set', ...op }, { id: 'acl', cookie });
      expect(response.status, JSON.stringify(op)).toBe(200);
    }
    expect(await redis.smembers('acl:renamed')).toEqual(['b']);
    const denied = await put({ db: 0, keyB64: b64('acl:renamed'), type: 'set', op: { sadd: { memberB64: b64('c') } } }, { id: 'nowatch', cookie });
    expect(denied.status).toBe(502);
    expect((await denied.json()).error.message).toMatch(/watch/i);
    expect(await redis.smembers('acl:renamed')).toEqual(['b']);
  });
});

describe('a replica', () => {
  it('refuses the write with 409 REDIS_READONLY and changes nothing', async () => {
    const replica = await startTestRedis({ args: ['--replicaof', '127.0.0.1', String(server.port)] });
    const replicaClient = new Redis({ port: replica.port, lazyConnect: true });
    try {
      await replicaClient.connect();
      await redis.config('SET', 'repl-diskless-sync-delay', '0'); // the replica's first sync at once, not in 5 s
      await redis.set('replicated', 'before');
      await eventually(async () => expect(await replicaClient.get('replicated')).toBe('before'));
      useAppEnv({ instances: [{ id: 'r', url: redisUrl(replica) }], env: ENV });
      const cookie = await signIn('admin', ADMIN_PASSWORD);
      const response = await put({ db: 0, keyB64: b64('replicated'), type: 'string', op: { set: { valueB64: b64('after') } } }, { id: 'r', cookie });
      expect(response.status).toBe(409);
      expect((await response.json()).error.code).toBe('REDIS_READONLY');
      expect(await replicaClient.get('replicated')).toBe('before');
    } finally {
      replicaClient.disconnect();
      await stopRedis(replica, { removeDir: true });
    }
  });
});

describe('read-only mode', () => {
  it('refuses every edit (403), whatever the role', async () => {
    useAppEnv({ instances: [{ id: 'k', url: redisUrl(server) }], env: { ...ENV, REDLENS_READ_ONLY: '1' } });
    const cookie = await signIn('admin', ADMIN_PASSWORD);
    const response = await put({ db: 0, keyB64: b64('ro:target'), type: 'string', create: true, op: { set: { valueB64: b64('x') } } }, { cookie });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/read-only/);
    expect(await redis.exists('ro:target')).toBe(0);
  });
});
