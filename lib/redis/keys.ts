// The key browser's listing and admin actions. SCAN is bounded per request in round trips, in
// time, in keys and in name bytes (SPEC sections 5 and 7), and per instance in concurrent
// listings and in Redis time (key-browser-limits.ts); a page's TYPE, PTTL and MEMORY USAGE go
// out in one RespPipe write.
import 'server-only';
import type Redis from 'ioredis';
import { isExactPattern, unescapeGlob } from '@/lib/keys/glob';
import type { KeyName, KeyRow, KeysPage, KeyTtlReply, KeyDeleteReply } from '@/lib/keys/types';
import type { KeysQueryInput } from '@/lib/keys/schemas';
import { MAX_COUNT, MEMORY_SAMPLES, SCAN_MAX_CALLS, SCAN_MAX_MS, TTL_GONE, TTL_NONE } from '@/lib/keys/constants';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import { isClusterCursor } from '@/lib/keys/cluster-cursor';
import { displayBytes, displayName } from '@/lib/display-bytes';
import { checkDb, checkedDb, onDb, type DbConnection } from './db-connections';
import { keyBrowserLimits } from './key-browser-limits';
import type { OwnTraffic } from './own-traffic';
import { parseInfo } from './parse/parse-info';
import { RespError } from './parse/resp';
import type { RedisTimeBudget } from './redis-time-budget';
import type { RedisInstance } from './registry';
import type { Command, RespPipe } from './resp-pipe';
import { isRefusal } from './scan-gate';

export function keyName(key: Buffer): KeyName {
  return { key: displayName(key), keyB64: key.toString('base64') };
}

export type ScanReply = [Buffer, Buffer[]];

/** What key reads send through: a db's RespPipe, or one that says ASKING before each command. */
export type Sender = Pick<RespPipe, 'send'>;

/**
 * A Redis Cluster's ASK (a slot being migrated, the key already on the importing node): that node
 * serves a command only right after ASKING on the same connection. A RespPipe writes each batch
 * whole, in order, so ASKING in front of every command of the batch holds.
 */
export function askingSender(pipe: Sender): Sender {
  return {
    send: async (commands) => (await pipe.send(commands.flatMap((command) => [['ASKING'], command]))).filter((_, i) => i % 2 === 1),
  };
}

/** Type, TTL and (optionally) memory of some keys in one write; vanished keys are left out. */
export async function describeKeys(
  pipe: Sender,
  names: Buffer[],
  ids: string[],
  options: { knownType?: string; memory: boolean },
): Promise<{ rows: KeyRow[]; memoryError?: string }> {
  const perKey = (options.knownType ? 0 : 1) + 1 + (options.memory ? 1 : 0);
  const commands: Command[] = [];
  for (const name of names) {
    if (!options.knownType) commands.push(['TYPE', name]);
    commands.push(['PTTL', name]);
    if (options.memory) commands.push(['MEMORY', 'USAGE', name, 'SAMPLES', String(MEMORY_SAMPLES)]);
  }
  const replies = await pipe.send(commands);
  const rows: KeyRow[] = [];
  let memoryError: string | undefined;
  for (let i = 0; i < names.length; i += 1) {
    let at = i * perKey;
    const type = options.knownType ?? replies[at++];
    const ttl = replies[at++];
    const memory = options.memory ? replies[at] : undefined;
    // TYPE and PTTL are what the listing is for: a denial of either fails the page (502).
    if (RespError.is(type)) throw type;
    if (RespError.is(ttl)) throw ttl;
    if (type === 'none' || ttl === TTL_GONE) continue; // expired or deleted since SCAN saw it
    const name = names[i]!;
    // Built field by field, not by spreading keyName(): this loop runs a million times a listing.
    const row: KeyRow = {
      key: displayName(name),
      keyB64: ids[i]!,
      type: typeof type === 'string' ? type : String(type),
      ttlMs: typeof ttl === 'number' ? ttl : TTL_NONE,
    };
    if (RespError.is(memory)) memoryError ??= `MEMORY USAGE failed: ${memory.message}`;
    else if (typeof memory === 'number') row.memoryBytes = memory;
    rows.push(row);
  }
  return { rows, ...(memoryError !== undefined && { memoryError }) };
}

async function exactLookup(client: Redis, pipe: Sender, db: number, query: KeysQueryInput, match: string): Promise<KeysPage> {
  const name = Buffer.from(unescapeGlob(match));
  const [dbSize, described] = await Promise.all([client.dbsize(), describeKeys(pipe, [name], [name.toString('base64')], { memory: query.memory })]);
  const rows = described.rows.filter((row) => query.type === undefined || row.type === query.type);
  return {
    db, cursor: '0', done: true, keys: rows, scanned: rows.length, scannedExact: true,
    dbSize, scanCalls: 0, exact: true,
    ...(described.memoryError !== undefined && { memoryError: described.memoryError }),
  };
}

/** Name bytes a page may carry: each appears twice in the JSON (shown and base64), under 2 MB. */
const PAGE_NAME_BYTES = 384 * 1024;

/** The next SCAN COUNT: what is still wanted, scaled up when a filter lets few keys through. */
export function nextScanHint(remaining: number, lastHint: number, lastReturned: number, filtered: boolean): number {
  if (!filtered) return Math.max(1, remaining);
  const passRatio = Math.max(lastReturned / lastHint, 0.001);
  return Math.min(MAX_COUNT, Math.max(remaining, Math.ceil(remaining / passRatio)));
}

/**
 * The COUNT that should bring back at most `room` more keys and `roomBytes` more name bytes,
 * given what `count` brought back; 0 when the batch fits as it is.
 */
export function shrunkCount(count: number, fresh: number, freshBytes: number, room: number, roomBytes: number): number {
  const overKeys = fresh > room;
  const overBytes = freshBytes > roomBytes;
  if (!overKeys && !overBytes) return 0;
  const byKeys = overKeys ? Math.floor((count * room) / fresh) : count;
  const byBytes = overBytes ? Math.floor((count * Math.max(roomBytes, 0)) / freshBytes) : count;
  return Math.max(1, Math.min(byKeys, byBytes, count - 1));
}

const TOO_MANY_LISTINGS = 'Too many key listings are running on this instance at once; try again shortly.';

/**
 * One page of the keyspace: at most `count` keys (see shrunkCount; the one exception is a first
 * SCAN call that, at COUNT 1, returns a single hash bucket holding more than `count` keys: SCAN
 * cannot resume inside a bucket, so that page carries the whole bucket). At most SCAN_SLOTS
 * listings per instance run at once; the rest wait in line, then get a 429 with Retry-After.
 */
/**
 * What is left of a page's SCAN bounds when one request lists several servers (a Redis
 * Cluster's masters, lib/redis/cluster-keys.ts): the page's deadline and its remaining calls.
 */
export interface ScanBudget {
  /** performance.now() past which no further SCAN goes out. */
  deadline: number;
  maxCalls: number;
}

export async function scanKeys(
  instance: RedisInstance, query: KeysQueryInput, options: { budget?: ScanBudget; asking?: boolean } = {},
): Promise<KeysPage> {
  if (isClusterCursor(query.cursor)) throw badRequest(`cursor: a cluster cursor, but "${instance.id}" is not a Redis Cluster instance`);
  const db = await checkedDb(instance, query.db);
  if (query.match !== undefined && isExactPattern(query.match)) {
    const match = query.match;
    return onDb(instance, db, ({ client, pipe }) => exactLookup(client, options.asking ? askingSender(pipe) : pipe, db, query, match));
  }
  const { listings, redisTime } = keyBrowserLimits(instance);
  const slot = await listings.acquire();
  if (isRefusal(slot)) {
    throw new ApiError('TOO_MANY_REQUESTS', TOO_MANY_LISTINGS, { retryAfterSeconds: slot.retryAfterMs / 1000 });
  }
  try {
    return await onDb(instance, db, (connection) => scanPage(connection, db, query, redisTime, instance.traffic, options));
  } finally {
    slot();
  }
}

/** keyspace_hits and keyspace_misses of an INFO stats reply. */
function lookupsOf(info: unknown): { hits: number; misses: number } {
  const stats = parseInfo(String(info)).stats ?? {};
  return { hits: Number(stats.keyspace_hits ?? 0), misses: Number(stats.keyspace_misses ?? 0) };
}

/** INFO stats, SCAN, INFO stats as one MULTI ... EXEC, on an ioredis client or a RespPipe. */
async function infoScanInfo(connection: Redis | RespPipe, args: Array<string | number>): Promise<unknown[]> {
  if ('multi' in connection) {
    const replies = await connection.multi().info('stats').callBuffer('SCAN', args).info('stats').exec();
    // EXEC answers null only under WATCH, which this never sends.
    if (!replies) throw new Error('SCAN: EXEC answered null');
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0];
    return replies.map(([, value]) => value);
  }
  const replies = await connection.send([['MULTI'], ['INFO', 'stats'], ['SCAN', ...args.map(String)], ['INFO', 'stats'], ['EXEC']]);
  const exec = replies.at(-1);
  const failed = [...replies, ...(Array.isArray(exec) ? exec : [])].find((reply) => RespError.is(reply));
  if (failed) throw failed;
  if (!Array.isArray(exec)) throw new Error('SCAN: EXEC answered null');
  return exec;
}

/**
 * SCAN ... TYPE looks up every key it walks that passes MATCH (Redis counts each as a keyspace
 * hit), and its reply does not say how many it walked. Between two INFO stats in one MULTI
 * nothing else runs, so their difference is exactly its lookups: counted as Redlens's own
 * (SPEC section 8), so a type-filtered listing (or export) does not lift the hit ratio it reports.
 */
export async function scanWithType(connection: Redis | RespPipe, args: Array<string | number>, traffic: OwnTraffic): Promise<ScanReply> {
  const [before, scan, after] = await infoScanInfo(connection, args);
  const start = lookupsOf(before);
  const end = lookupsOf(after);
  traffic.noteLookups(end.hits - start.hits, end.misses - start.misses);
  return scan as ScanReply;
}

async function scanPage(
  { client, pipe }: DbConnection, db: number, query: KeysQueryInput, redisTime: RedisTimeBudget, traffic: OwnTraffic,
  { budget, asking = false }: { budget?: ScanBudget; asking?: boolean },
): Promise<KeysPage> {
  const filtered = query.match !== undefined || query.type !== undefined;
  const deadline = budget?.deadline ?? performance.now() + SCAN_MAX_MS;
  const maxCalls = budget?.maxCalls ?? SCAN_MAX_CALLS;
  // Goes out with the first SCAN (no extra round trip); awaited at the end. Marked handled now:
  // when the SCAN loop throws first (a 504), its rejection must not go unhandled.
  const dbSize = client.dbsize();
  dbSize.catch(() => undefined);
  const seen = new Set<string>();
  const names: Buffer[] = [];
  const ids: string[] = [];
  let cursor = query.cursor;
  let hint = query.count;
  let calls = 0;
  let scanned = 0;
  let stoppedBy: KeysPage['stoppedBy'];
  let nameBytes = 0;
  for (;;) {
    if (calls >= maxCalls) {
      stoppedBy = 'calls';
      break;
    }
    // Redis time is shared by every listing on the instance: wait for it, within this page's time.
    if ((calls > 0 && performance.now() >= deadline) || !(await redisTime.pace(deadline))) {
      stoppedBy = 'time';
      break;
    }
    const count = redisTime.count(hint);
    const args: Array<string | number> = [cursor];
    if (query.match !== undefined) args.push('MATCH', query.match);
    args.push('COUNT', count);
    if (query.type !== undefined) args.push('TYPE', query.type);
    const sent = performance.now();
    const [next, batch] = query.type === undefined ? ((await client.callBuffer('SCAN', args)) as ScanReply) : await scanWithType(client, args, traffic);
    redisTime.record(count, performance.now() - sent);
    calls += 1;
    // SCAN may return a key twice while the table rehashes: only new names count.
    const fresh = new Map<string, Buffer>();
    let freshBytes = 0;
    for (const name of batch) {
      const id = name.toString('base64');
      if (seen.has(id) || fresh.has(id)) continue;
      fresh.set(id, name);
      freshBytes += name.length;
    }
    const room = query.count - names.length;
    const smaller = shrunkCount(count, fresh.size, freshBytes, room, PAGE_NAME_BYTES - nameBytes);
    if (smaller > 0 && count > 1) {
      // Too many keys (count is a hard cap) or too many name bytes (the answer stays under 2 MB).
      // SCAN cannot resume inside a batch, but the same cursor with a smaller COUNT walks a
      // prefix of the same buckets: ask again for fewer.
      hint = smaller;
      continue;
    }
    if (smaller > 0 && names.length > 0) {
      // Even one bucket is too much for this page: it starts the next one. A full page is the
      // normal end; only name bytes are an early stop.
      if (fresh.size <= room) stoppedBy = 'size';
      break;
    }
    cursor = next.toString();
    nameBytes += freshBytes;
    // Without a filter every walked key comes back; with one, COUNT is what Redis walked, roughly.
    scanned += filtered ? count : batch.length;
    for (const [id, name] of fresh) {
      seen.add(id);
      names.push(name);
      ids.push(id);
    }
    if (cursor === '0' || names.length >= query.count) break;
    if (nameBytes >= PAGE_NAME_BYTES) {
      stoppedBy = 'size';
      break;
    }
    hint = nextScanHint(query.count - names.length, count, batch.length, filtered);
  }
  // Not charged to the Redis time budget: at most 3 O(1) commands per key shown, and Redis reads
  // a pipeline 16 KB at a time, so other clients' commands interleave with it. Charging its
  // round trip (mostly our own parsing) made a plain listing 3.7x slower for no gain in latency.
  // On a Redis Cluster node while a slot migrates to it, the keys already moved are listed by its
  // SCAN but served only after ASKING (lib/redis/cluster-keys.ts asks for it then).
  const { rows, memoryError } = await describeKeys(asking ? askingSender(pipe) : pipe, names, ids, { memory: query.memory, ...(query.type !== undefined && { knownType: query.type }) });
  return {
    db, cursor, done: cursor === '0', keys: rows, scanned, scannedExact: !filtered,
    dbSize: await dbSize, scanCalls: calls, exact: false,
    ...(stoppedBy !== undefined && { stoppedBy }),
    ...(memoryError !== undefined && { memoryError }),
  };
}

/** UNLINK exactly this key (SPEC section 7: a delete removes exactly the key asked for). */
export async function deleteKey(instance: RedisInstance, db: number, key: Buffer): Promise<KeyDeleteReply> {
  await checkDb(instance, db);
  const removed = await onDb(instance, db, ({ client }) => client.unlink(key));
  if (removed === 0) throw notFound('The key does not exist (any more): nothing was deleted.');
  return { ...keyName(key), deleted: true };
}

/** PEXPIRE, or PERSIST for ttlMs -1; answers the TTL Redis now reports. */
export async function setKeyTtl(instance: RedisInstance, db: number, key: Buffer, ttlMs: number): Promise<KeyTtlReply> {
  await checkDb(instance, db);
  const ttl = await onDb(instance, db, async ({ client }) => {
    const replies = await client.pipeline()
      .call(ttlMs === TTL_NONE ? 'PERSIST' : 'PEXPIRE', ...(ttlMs === TTL_NONE ? [key] : [key, String(ttlMs)]))
      .pttl(key)
      .exec();
    for (const [error] of replies ?? []) if (error) throw error;
    return Number(replies?.[1]?.[1]);
  });
  if (ttl === TTL_GONE) throw notFound('The key does not exist (any more): no TTL was changed.');
  return { ...keyName(key), ttlMs: ttl };
}


/** How an audit entry names a key: the db, the name as shown, and its exact bytes. */
export function auditKeyTarget(db: number, key: Buffer): string {
  return `db${db} ${displayBytes(key).text} (keyB64 ${key.toString('base64')})`;
}
