// The own-traffic model (parse/own-lookups.ts) against a real redis-server: every command Redlens
// sends, on an existing key and on a missing one, through the wiring Redlens uses (the registry's
// counted ioredis client, a db's counted RespPipes). INFO, read on a connection of the test's
// own, must grow by exactly what Redlens counted (commands, keyspace hits and misses), and by what
// Redis is known to count for that command.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { KeyQuery, KeysQuery } from '@/lib/keys/schemas';
import { KeyEditBody } from '@/lib/keys/edit';
import { KeysExportQuery } from '@/lib/keys/export';
import { walkKeyspace } from './analysis-walk';
import { exportKeys } from './export-keys';
import { walkBulkDelete } from './bulk-delete-walk';
import { onDb } from './db-connections';
import { editKey } from './key-edit';
import { scanKeys } from './keys';
import { parseInfo } from './parse/parse-info';
import type { OwnEffect } from './parse/own-lookups';
import { Registry, type RedisInstance } from './registry';
import type { Command } from './resp-pipe';
import { readKey } from './values';

let server: RedisServer;
let observer: Redis;
let registry: Registry;
let instance: RedisInstance;

const MANY = 40;

beforeAll(async () => {
  server = await startTestRedis();
  observer = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
  await observer.connect();
  await observer.set('k:string', 'hello world');
  await observer.hset('k:hash', 'f1', 'v1', 'f2', 'v2');
  await observer.rpush('k:list', 'a', 'b', 'c');
  await observer.sadd('k:set', 'a', 'b');
  await observer.zadd('k:zset', 1, 'a', 2, 'b');
  await observer.xadd('k:stream', '*', 'f', 'v');
  await observer.xgroup('CREATE', 'k:stream', 'g', '0');
  for (let i = 0; i < MANY; i++) await observer.set(`k:many:${i}`, 'v', 'EX', 600);
  registry = new Registry([{ id: 'own', name: 'own', url: redisUrl(server) }]);
  instance = registry.get('own')!;
});

afterAll(async () => {
  observer?.disconnect();
  await registry?.close();
  await stopRedis(server, { removeDir: true });
});

async function stats(): Promise<OwnEffect> {
  const s = parseInfo(await observer.info('stats')).stats ?? {};
  return { commands: Number(s.total_commands_processed), hits: Number(s.keyspace_hits), misses: Number(s.keyspace_misses) };
}

const minus = (a: OwnEffect, b: OwnEffect): OwnEffect => ({ commands: a.commands - b.commands, hits: a.hits - b.hits, misses: a.misses - b.misses });
const effect = (commands: number, hits = 0, misses = 0): OwnEffect => ({ commands, hits, misses });

/**
 * What Redis counted and what Redlens counted while `send` ran. Redis counts a command after it
 * ran, so the observer's first INFO is in the second one's figures: one command taken out.
 */
async function measure(send: () => Promise<unknown>): Promise<{ redis: OwnEffect; redlens: OwnEffect }> {
  const before = await stats();
  const ownBefore = instance.traffic.snapshot();
  await send().catch(() => undefined); // error replies are part of what is measured
  await new Promise((resolve) => setImmediate(resolve));
  const ownAfter = instance.traffic.snapshot();
  const after = await stats();
  return { redis: minus(minus(after, before), effect(1)), redlens: minus(ownAfter, ownBefore) };
}

/** The key listing's pipe (TYPE, PTTL, MEMORY USAGE), the value pipe, the shared ioredis client. */
const onPipe = (...commands: Command[]) => () => onDb(instance, 0, ({ pipe }) => pipe.send(commands));
const onValues = (...commands: Command[]) => () => onDb(instance, 0, ({ values }) => values.send(commands));
const onClient = (work: (client: Redis) => Promise<unknown>) => () => instance.run(work);

const HIT = effect(1, 1, 0);
const MISS = effect(1, 0, 1);
const RAN = effect(1);

type Case = [name: string, send: () => Promise<unknown>, expected: OwnEffect];

/** A lookup command on an existing key (a hit) and on a missing one (a miss). */
const lookup = (name: string, on: typeof onPipe, command: (key: string) => Command): Case[] => [
  [`${name} of an existing key`, on(command(keyFor(name))), HIT],
  [`${name} of a missing key`, on(command('k:missing')), MISS],
];

/** An existing key the command can read: by the command's type prefix, a string otherwise. */
function keyFor(name: string): string {
  if (/^X/.test(name)) return 'k:stream';
  if (/^(STRLEN|GETRANGE)/.test(name)) return 'k:string';
  if (/^H/.test(name)) return 'k:hash';
  if (/^L/.test(name)) return 'k:list';
  if (/^S/.test(name)) return 'k:set';
  if (/^Z/.test(name)) return 'k:zset';
  return 'k:string';
}

describe('own traffic model against a real Redis', () => {
  // First: the connections' own handshakes (CLIENT SETNAME, SELECT) are counted too.
  it('counts the handshake of every connection Redlens opens', async () => {
    for (const [name, send] of [
      ['the shared client', onClient((client) => client.ping())],
      ['the listing pipe', onPipe(['PING'])],
      ['the value pipe', onValues(['PING'])],
      ['a db duplicate and its pipes', () => onDb(instance, 1, async ({ client, pipe, values }) => Promise.all([client.ping(), pipe.send([['PING']]), values.send([['PING']])]))],
    ] as const) {
      const { redis, redlens } = await measure(send);
      expect(redlens, name).toEqual(redis);
      expect(redis.commands, name).toBeGreaterThanOrEqual(2); // CLIENT SETNAME and PING at least
    }
  });

  const cases: Case[] = [
    ...lookup('TYPE', onPipe, (key) => ['TYPE', key]),
    // Through ioredis the replies are strings, not Buffers.
    ['TYPE (ioredis) of an existing key', onClient((c) => c.type('k:string')), HIT],
    ['TYPE (ioredis) of a missing key', onClient((c) => c.type('k:missing')), MISS],
    ['GETRANGE (ioredis) of an existing key', onClient((c) => c.getrange('k:string', 0, 1023)), HIT],
    ['GETRANGE (ioredis) of a missing key', onClient((c) => c.getrange('k:missing', 0, 1023)), MISS],
    ...lookup('PTTL', onPipe, (key) => ['PTTL', key]),
    ...lookup('OBJECT ENCODING', onValues, (key) => ['OBJECT', 'ENCODING', key]),
    ...lookup('STRLEN', onValues, (key) => ['STRLEN', key]),
    ...lookup('GETRANGE', onValues, (key) => ['GETRANGE', key, '0', '1023']),
    ...lookup('HLEN', onValues, (key) => ['HLEN', key]),
    ...lookup('HSCAN', onValues, (key) => ['HSCAN', key, '0', 'COUNT', '10']),
    ...lookup('HSCAN MATCH', onValues, (key) => ['HSCAN', key, '0', 'MATCH', 'f*', 'COUNT', '10']),
    ...lookup('LLEN', onValues, (key) => ['LLEN', key]),
    ...lookup('LRANGE', onValues, (key) => ['LRANGE', key, '0', '9']),
    ...lookup('SCARD', onValues, (key) => ['SCARD', key]),
    ...lookup('SSCAN', onValues, (key) => ['SSCAN', key, '0', 'COUNT', '10']),
    ...lookup('ZCARD', onValues, (key) => ['ZCARD', key]),
    ...lookup('ZRANGE by rank', onValues, (key) => ['ZRANGE', key, '0', '9', 'WITHSCORES']),
    ...lookup('ZRANGE BYSCORE', onValues, (key) => ['ZRANGE', key, '-inf', '+inf', 'BYSCORE', 'LIMIT', '0', '11', 'WITHSCORES']),
    ...lookup('XLEN', onValues, (key) => ['XLEN', key]),
    ...lookup('XRANGE', onValues, (key) => ['XRANGE', key, '-', '+', 'COUNT', '11']),
    ...lookup('XREVRANGE', onValues, (key) => ['XREVRANGE', key, '+', '-', 'COUNT', '11']),
    ...lookup('XINFO GROUPS', onValues, (key) => ['XINFO', 'GROUPS', key]),
    ['EXISTS of an existing key', onValues(['EXISTS', 'k:hash']), HIT],
    ['EXISTS of a missing key', onValues(['EXISTS', 'k:missing']), MISS],
    ['EXISTS of two keys, one missing', onValues(['EXISTS', 'k:hash', 'k:missing']), effect(1, 1, 1)],
    // Type checked after the lookup: a hit, then the error.
    ['HLEN of a string (WRONGTYPE)', onValues(['HLEN', 'k:string']), HIT],
    ['LRANGE of a hash (WRONGTYPE)', onValues(['LRANGE', 'k:hash', '0', '9']), HIT],
    ['ZRANGE of a string (WRONGTYPE)', onValues(['ZRANGE', 'k:string', '0', '9', 'WITHSCORES']), HIT],
    ['XINFO GROUPS of a string (WRONGTYPE)', onValues(['XINFO', 'GROUPS', 'k:string']), HIT],
    // MEMORY USAGE finds the key without counting a lookup.
    ['MEMORY USAGE of an existing key', onPipe(['MEMORY', 'USAGE', 'k:string', 'SAMPLES', '5']), RAN],
    ['MEMORY USAGE of a missing key', onPipe(['MEMORY', 'USAGE', 'k:missing', 'SAMPLES', '5']), RAN],
    // The analysis asks without SAMPLES (Redis's default sampling, as redis-cli does).
    ['MEMORY USAGE (no SAMPLES) of an existing key', onPipe(['MEMORY', 'USAGE', 'k:hash']), RAN],
    ['MEMORY USAGE (no SAMPLES) of a missing key', onPipe(['MEMORY', 'USAGE', 'k:missing']), RAN],
    ['SCAN on a pipe', onPipe(['SCAN', '0', 'COUNT', '1000']), RAN],
    ['DBSIZE on a pipe', onPipe(['DBSIZE']), RAN],
    // The config, clients and latency pages (issue 13): no lookups.
    ['CONFIG SET', onClient((c) => c.config('SET', 'maxmemory-samples', '5')), RAN],
    ['CLIENT LIST', onClient((c) => c.client('LIST')), RAN],
    ['CLIENT INFO', onClient((c) => c.call('CLIENT', 'INFO')), RAN],
    // The cluster topology's questions (a Redis without cluster support answers them with an
    // error, which Redis counts the same as an answer).
    ['CLUSTER NODES', onClient((c) => c.call('CLUSTER', 'NODES')), RAN],
    ['CLUSTER INFO', onClient((c) => c.call('CLUSTER', 'INFO')), RAN],
    // The key detail on a Redis Cluster during a slot migration (values.ts askingSender).
    ['ASKING on the value pipe', onValues(['ASKING']), RAN],
    ['LATENCY LATEST', onClient((c) => c.call('LATENCY', 'LATEST')), RAN],
    ['LATENCY HISTORY', onClient((c) => c.call('LATENCY', 'HISTORY', 'command')), RAN],
    ['LATENCY DOCTOR', onClient((c) => c.call('LATENCY', 'DOCTOR')), RAN],
    // No lookups.
    ['SCAN', onClient((c) => c.callBuffer('SCAN', ['0', 'COUNT', 100])), RAN],
    ['SCAN MATCH', onClient((c) => c.callBuffer('SCAN', ['0', 'MATCH', 'k:many:*', 'COUNT', 100])), RAN],
    ['DBSIZE', onClient((c) => c.dbsize()), RAN],
    ['INFO', onClient((c) => c.info('everything')), RAN],
    ['PING', onClient((c) => c.ping()), RAN],
    ['SLOWLOG GET', onClient((c) => c.callBuffer('SLOWLOG', 'GET', '16')), RAN],
    ['SLOWLOG LEN', onClient((c) => c.slowlog('LEN')), RAN],
    ['CONFIG GET', onClient((c) => c.config('GET', 'slowlog-*')), RAN],
    ['SELECT', onClient((c) => c.select(0)), RAN],
    ['CLIENT SETNAME', onClient((c) => c.client('SETNAME', 'redlens')), RAN],
    // Writes look their key up without counting it.
    ['PEXPIRE of an existing key', onClient((c) => c.pexpire('k:many:0', 600_000)), RAN],
    ['PEXPIRE of a missing key', onClient((c) => c.pexpire('k:missing', 600_000)), RAN],
    ['PERSIST of an existing key', onClient((c) => c.persist('k:many:1')), RAN],
    ['PERSIST of a missing key', onClient((c) => c.persist('k:missing')), RAN],
    ['UNLINK of an existing key', onClient((c) => c.unlink('k:many:2')), RAN],
    ['UNLINK of a missing key', onClient((c) => c.unlink('k:missing')), RAN],
    // The bulk delete UNLINKs many keys a call on its pipe: one command, no lookups.
    ['UNLINK of many missing keys on a pipe', onPipe(['UNLINK', 'k:missing', 'k:missing:2', 'k:missing:3']), RAN],
    // MULTI, each queued command at EXEC, EXEC.
    ['MULTI { INFO server; SLOWLOG GET -1 } EXEC', onClient((c) => c.multi().info('server').callBuffer('SLOWLOG', 'GET', '-1').exec()), effect(4)],
    ['MULTI { INFO server; SLOWLOG GET -1; SLOWLOG RESET } EXEC', onClient((c) => c.multi().info('server').callBuffer('SLOWLOG', 'GET', '-1').slowlog('RESET').exec()), effect(5)],
    // Refused by Redis before it runs: not counted; an aborted EXEC still ran.
    ['MULTI with a refused command (EXECABORT)', onClient((c) => c.multi().ping().call('NOSUCHCOMMAND').exec()), effect(2)],
    ['an unknown command', onClient((c) => c.call('NOSUCHCOMMAND')), effect(0)],
    ['an unknown subcommand', onValues(['OBJECT', 'NOSUCH', 'k:string']), effect(0)],
    ['a wrong number of arguments', onValues(['TYPE']), effect(0)],
    // AUTH ran and refused the password: counted.
    ['AUTH with a wrong password', onClient((c) => c.call('AUTH', 'nobody', 'wrong')), RAN],
  ];

  it.each(cases)('%s', async (_name, send, expected) => {
    const { redis, redlens } = await measure(send);
    expect(redis).toEqual(expected);
    expect(redlens).toEqual(redis);
  });

  it('counts a whole key listing and reading a key of every type as Redis does', async () => {
    const listing = await measure(async () => {
      let cursor = '0';
      do {
        const page = await scanKeys(instance, KeysQuery.parse({ db: '0', cursor, count: '10' }));
        cursor = page.cursor;
      } while (cursor !== '0');
    });
    expect(listing.redlens).toEqual(listing.redis);
    // TYPE and PTTL of each key (MEMORY USAGE counts no lookup).
    expect(listing.redis.hits).toBeGreaterThanOrEqual(2 * (MANY - 1));

    const keys = ['k:string', 'k:hash', 'k:list', 'k:set', 'k:zset', 'k:stream', 'k:missing'];
    const reads = await measure(() =>
      Promise.all(keys.map((key) => readKey(instance, Buffer.from(key), KeyQuery.parse({ db: '0', keyB64: Buffer.from(key).toString('base64') })).catch(() => null))),
    );
    expect(reads.redlens).toEqual(reads.redis);
    expect(reads.redis.misses).toBeGreaterThanOrEqual(2); // the missing key's TYPE and PTTL
    expect(reads.redis.hits).toBeGreaterThanOrEqual(6 * 4); // TYPE, PTTL, OBJECT ENCODING, EXISTS, ...
  });

  it('counts a whole keyspace analysis walk (its own redlens-analysis connection) as Redis does', async () => {
    const walked = await measure(() =>
      walkKeyspace(instance, {
        db: 0, signal: new AbortController().signal, onBatch: () => undefined,
        // Every collection gets an OBJECT ENCODING here, so that lookup is in the figures too.
        wantsEncoding: (type) => type !== 'string',
      }),
    );
    expect(walked.redlens).toEqual(walked.redis);
    // TYPE, PTTL and the length of each key, OBJECT ENCODING of the collections.
    expect(walked.redis.hits).toBeGreaterThanOrEqual(3 * MANY);
  });

  it('counts a whole bulk delete walk (redlens-bulk-delete: SCAN ... TYPE in a MULTI, UNLINK of 500 keys a call) as Redis does', async () => {
    const seeding = observer.pipeline();
    for (let i = 0; i < 1200; i++) seeding.set(`k:bulk:${i}`, 'v');
    await seeding.exec();
    const walk = (dryRun: boolean, type?: string) => () => walkBulkDelete(instance, {
      db: 0, match: 'k:bulk:*', ...(type !== undefined && { type }), dryRun, unlinkKeys: 500, listKeys: 100,
      signal: new AbortController().signal, onBatch: () => undefined,
    });
    const typed = await measure(walk(true, 'string'));
    expect(typed.redlens).toEqual(typed.redis);
    expect(typed.redis.hits).toBeGreaterThanOrEqual(1200); // SCAN ... TYPE looked each k:bulk key up
    const deleted = await measure(walk(false));
    expect(deleted.redlens).toEqual(deleted.redis);
    expect(await observer.exists('k:bulk:0', 'k:bulk:600', 'k:bulk:1199')).toBe(0);
  });

  // SCAN ... TYPE looks every key it walks up (Redis 7.0) and the reply does not say how many:
  // the key browser reads the count between two INFO stats in one MULTI (lib/redis/keys.ts).
  it('counts the lookups of a type-filtered listing, which its SCAN replies cannot tell', async () => {
    const listing = await measure(async () => {
      let cursor = '0';
      do {
        const page = await scanKeys(instance, KeysQuery.parse({ db: '0', cursor, count: '10', match: 'k:many:*', type: 'hash' }));
        cursor = page.cursor;
      } while (cursor !== '0');
    });
    expect(listing.redis.hits).toBeGreaterThanOrEqual(MANY - 1); // every k:many key but the one UNLINKed above
    expect(listing.redlens).toEqual(listing.redis);
  });

  // The key export (scan all) walks on a redlens-export pipe; with a type, SCAN ... TYPE goes in
  // a MULTI between two INFO stats on that pipe, which is how its lookups are known.
  it.each([['names only', {}], ['MATCH', { match: 'k:many:*' }], ['MATCH and TYPE', { match: 'k:*', type: 'hash' }], ['TYPE', { type: 'string' }]])(
    'counts a whole key export (%s) on its own connection as Redis does',
    async (_label, filters) => {
      const exported = await measure(async () => {
        const started = await exportKeys(instance, KeysExportQuery.parse({ db: '0', ...filters }), new AbortController().signal);
        await new Response(started.body).text();
      });
      expect(exported.redlens).toEqual(exported.redis);
      expect(exported.redis.commands).toBeGreaterThan(2); // DBSIZE, SCAN, PING at least
    },
  );

  it('knows how many connections it holds: those CLIENT LIST names redlens*', async () => {
    // The shared client, a db's duplicate and its pipes.
    await scanKeys(instance, KeysQuery.parse({ db: '1', cursor: '0', count: '10' }));
    await scanKeys(instance, KeysQuery.parse({ db: '0', cursor: '0', count: '10' }));
    const list = String(await observer.client('LIST'));
    const ours = list.split('\n').filter((line) => / name=redlens/.test(line)).length;
    expect(ours).toBeGreaterThanOrEqual(3);
    expect(instance.traffic.connections).toBe(ours);
  });

  it('counts its calls per command as commandstats does', async () => {
    const calls = async () => {
      const s = parseInfo(await observer.info('commandstats')).commandstats ?? {};
      return Object.fromEntries(Object.entries(s).map(([name, value]) => [name.replace(/^cmdstat_/, ''), Number((value as Record<string, number>).calls)]));
    };
    const before = await calls();
    const ownBefore = instance.traffic.callsByCommand();
    await scanKeys(instance, KeysQuery.parse({ db: '0', cursor: '0', count: '10', memory: '1' }));
    await instance.run((client) => client.config('GET', 'maxmemory'));
    const after = await calls();
    const ownAfter = instance.traffic.callsByCommand();
    for (const name of ['scan', 'type', 'pttl', 'memory|usage', 'config|get']) {
      const own = (ownAfter.get(name) ?? 0) - (ownBefore.get(name) ?? 0);
      expect(own, name).toBeGreaterThan(0);
      expect(own, name).toBe((after[name] ?? 0) - (before[name] ?? 0));
    }
  });
});

// Key edits (lib/redis/key-edit.ts): writes look their key up for write, which Redis 7 does not
// count as a hit or a miss; WATCH finds no key at all. Each on an existing key and a missing one.
describe('own traffic of key edits against a real Redis', () => {
  beforeAll(async () => {
    await observer.set('w:string', 'v', 'EX', 600);
    await observer.hset('w:hash', 'f', 'v', 'g', 'v');
    await observer.rpush('w:list', 'a', 'b', 'a');
    await observer.sadd('w:set', 'a', 'b', 'c');
    await observer.zadd('w:zset', 1, 'a', 2, 'b');
    await observer.xadd('w:stream', '1-1', 'f', 'v');
    await observer.xadd('w:stream', '2-1', 'f', 'v');
    await observer.set('w:rename', 'v');
  });

  const writes: Case[] = [
    ['WATCH of an existing key', onClient((c) => c.watch('w:string').then(() => c.unwatch())), effect(2)],
    ['WATCH of a missing key', onClient((c) => c.watch('k:missing').then(() => c.unwatch())), effect(2)],
    ['UNWATCH', onClient((c) => c.unwatch()), RAN],
    ['SET KEEPTTL of an existing key', onClient((c) => c.set('w:string', 'v2', 'KEEPTTL')), RAN],
    ['SET of a missing key', onClient((c) => c.set('w:new-string', 'v')), RAN],
    ['HSET of an existing key', onClient((c) => c.hset('w:hash', 'h', 'v')), RAN],
    ['HSET of a missing key', onClient((c) => c.hset('w:new-hash', 'h', 'v')), RAN],
    ['HDEL of an existing key', onClient((c) => c.hdel('w:hash', 'h')), RAN],
    ['HDEL of a missing key', onClient((c) => c.hdel('k:missing', 'h')), RAN],
    ['RPUSH of an existing key', onClient((c) => c.rpush('w:list', 'c')), RAN],
    ['LPUSH of a missing key', onClient((c) => c.lpush('w:new-list', 'c')), RAN],
    ['LSET of an existing key', onClient((c) => c.lset('w:list', 0, 'z')), RAN],
    ['LSET out of range (an error the command returns)', onClient((c) => c.lset('w:list', 99, 'z')), RAN],
    ['LSET of a missing key', onClient((c) => c.lset('k:missing', 0, 'z')), RAN],
    ['LREM of an existing key', onClient((c) => c.lrem('w:list', 0, 'a')), RAN],
    ['LREM of a missing key', onClient((c) => c.lrem('k:missing', 0, 'a')), RAN],
    ['SADD of an existing key', onClient((c) => c.sadd('w:set', 'd')), RAN],
    ['SREM of an existing key', onClient((c) => c.srem('w:set', 'a')), RAN],
    ['SREM of a missing key', onClient((c) => c.srem('k:missing', 'a')), RAN],
    ['ZADD of an existing key', onClient((c) => c.zadd('w:zset', 5, 'a')), RAN],
    ['ZADD of a missing key', onClient((c) => c.zadd('w:new-zset', 5, 'a')), RAN],
    ['ZREM of an existing key', onClient((c) => c.zrem('w:zset', 'b')), RAN],
    ['ZREM of a missing key', onClient((c) => c.zrem('k:missing', 'b')), RAN],
    ['XADD NOMKSTREAM of an existing key', onClient((c) => c.call('XADD', 'w:stream', 'NOMKSTREAM', '*', 'f', 'v')), RAN],
    ['XADD NOMKSTREAM of a missing key (nothing created)', onClient((c) => c.call('XADD', 'k:missing', 'NOMKSTREAM', '*', 'f', 'v')), RAN],
    ['XDEL of an existing key', onClient((c) => c.xdel('w:stream', '1-1')), RAN],
    ['XDEL of a missing key', onClient((c) => c.xdel('k:missing', '1-1')), RAN],
    ['RENAMENX of an existing key', onClient((c) => c.renamenx('w:rename', 'w:renamed')), RAN],
    ['RENAMENX onto an existing name', onClient((c) => c.renamenx('w:renamed', 'w:string')), RAN],
    ['RENAMENX of a missing key (an error the command returns)', onClient((c) => c.renamenx('k:missing', 'w:nowhere')), RAN],
    ['PEXPIRE inside MULTI with SET', onClient((c) => c.multi().set('w:ttl', 'v').pexpire('w:ttl', 60_000).exec()), effect(4)],
    // WATCH, a write of our own that touches the watched key, MULTI, EXEC answering nil: the
    // queued SET never ran and is not counted.
    ['EXEC aborted by WATCH (nil)', onClient(async (c) => {
      await c.watch('w:string');
      await c.set('w:string', 'touched', 'KEEPTTL');
      const reply = await c.multi().set('w:string', 'never', 'KEEPTTL').exec();
      if (reply !== null) throw new Error('EXEC should have answered nil');
    }), effect(4)],
  ];

  it.each(writes)('%s', async (_name, send, expected) => {
    const { redis, redlens } = await measure(send);
    expect(redis).toEqual(expected);
    expect(redlens).toEqual(redis);
  });

  const body = (input: Record<string, unknown>) => KeyEditBody.parse({ db: 0, ...input });
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const edits: Array<[string, ReturnType<typeof body>]> = [
    ['set', body({ keyB64: b64('w:string'), type: 'string', op: { set: { valueB64: b64('edited') } } })],
    ['hset', body({ keyB64: b64('w:hash'), type: 'hash', op: { hset: { fieldB64: b64('f'), valueB64: b64('x') } } })],
    ['lset', body({ keyB64: b64('w:list'), type: 'list', op: { lset: { index: 0, valueB64: b64('x') } } })],
    ['zadd', body({ keyB64: b64('w:zset'), type: 'zset', op: { zadd: { memberB64: b64('q'), score: 2 } } })],
    ['xadd', body({ keyB64: b64('w:stream'), type: 'stream', op: { xadd: { fields: [[b64('f'), b64('v')]] } } })],
    ['create with a TTL', body({ keyB64: b64('w:created'), type: 'set', create: true, ttlMs: 60_000, op: { sadd: { memberB64: b64('m') } } })],
    ['rename', body({ keyB64: b64('w:renamed'), type: 'string', op: { rename: { newKeyB64: b64('w:renamed-again') } } })],
    ['a refused type (WATCH, TYPE, UNWATCH)', body({ keyB64: b64('w:hash'), type: 'string', op: { set: { valueB64: b64('x') } } })],
    ['a refused create (the key exists)', body({ keyB64: b64('w:hash'), type: 'hash', create: true, op: { hset: { fieldB64: b64('f'), valueB64: b64('x') } } })],
    ['a missing key', body({ keyB64: b64('k:missing'), type: 'list', op: { rpush: { valueB64: b64('x') } } })],
    ['another db (SELECT on the edit connection)', body({ db: 2, keyB64: b64('w:db2'), type: 'string', create: true, op: { set: { valueB64: b64('x') } } })],
  ];

  it.each(edits)('a whole edit on its own connection: %s', async (_name, input) => {
    const { redis, redlens } = await measure(() => editKey(instance, input));
    expect(redlens).toEqual(redis);
    expect(redis.commands).toBeGreaterThanOrEqual(3); // WATCH, TYPE and UNWATCH or MULTI ... EXEC
  });
});
