// The key browser's listing and admin actions. SCAN is bounded per request in round trips and
// in time (SPEC section 7); a page's TYPE, PTTL and MEMORY USAGE go out in one RespPipe write.
import 'server-only';
import type Redis from 'ioredis';
import { isExactPattern, unescapeGlob } from '@/lib/keys/glob';
import type { KeyName, KeyRow, KeysPage, KeyTtlReply, KeyDeleteReply } from '@/lib/keys/types';
import type { KeysQueryInput } from '@/lib/keys/schemas';
import { MAX_COUNT, MEMORY_SAMPLES, SCAN_MAX_CALLS, SCAN_MAX_MS, TTL_GONE, TTL_NONE } from '@/lib/keys/constants';
import { notFound } from '@/lib/http/errors';
import { checkDb, onDb } from './db-connections';
import { displayBytes } from './parse/display-bytes';
import { RespError } from './parse/resp';
import type { RedisInstance } from './registry';
import type { Command, RespPipe } from './resp-pipe';

/** True when every byte is printable ASCII other than the backslash: shown as it is. */
function isPlainAscii(key: Buffer): boolean {
  for (let i = 0; i < key.length; i += 1) {
    const byte = key[i]!;
    if (byte < 0x20 || byte > 0x7e || byte === 0x5c) return false;
  }
  return true;
}

/** A name as the UI shows it (escapes visible); most names take the plain-ASCII fast path. */
function displayName(key: Buffer): string {
  return isPlainAscii(key) ? key.toString('latin1') : displayBytes(key).text;
}

export function keyName(key: Buffer): KeyName {
  return { key: displayName(key), keyB64: key.toString('base64') };
}

type ScanReply = [Buffer, Buffer[]];

/** Type, TTL and (optionally) memory of some keys in one write; vanished keys are left out. */
export async function describeKeys(
  pipe: RespPipe,
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

async function exactLookup(client: Redis, pipe: RespPipe, query: KeysQueryInput, match: string): Promise<KeysPage> {
  const name = Buffer.from(unescapeGlob(match));
  const [dbSize, described] = await Promise.all([client.dbsize(), describeKeys(pipe, [name], [name.toString('base64')], { memory: query.memory })]);
  const rows = described.rows.filter((row) => query.type === undefined || row.type === query.type);
  return {
    db: query.db, cursor: '0', done: true, keys: rows, scanned: rows.length, scannedExact: true,
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

/** One page of the keyspace: at most `count` keys plus what SCAN's last bucket held. */
export async function scanKeys(instance: RedisInstance, query: KeysQueryInput): Promise<KeysPage> {
  await checkDb(instance, query.db);
  return onDb(instance, query.db, async ({ client, pipe }) => {
    if (query.match !== undefined && isExactPattern(query.match)) return exactLookup(client, pipe, query, query.match);
    const filtered = query.match !== undefined || query.type !== undefined;
    const started = performance.now();
    const dbSize = client.dbsize(); // goes out with the first SCAN: no extra round trip
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
      const args: Array<string | number> = [cursor];
      if (query.match !== undefined) args.push('MATCH', query.match);
      args.push('COUNT', hint);
      if (query.type !== undefined) args.push('TYPE', query.type);
      const [next, batch] = (await client.callBuffer('SCAN', args)) as ScanReply;
      calls += 1;
      const batchBytes = batch.reduce((sum, name) => sum + name.length, 0);
      if (nameBytes + batchBytes > PAGE_NAME_BYTES && batch.length > 1 && calls < SCAN_MAX_CALLS) {
        // Huge names would make the answer huge. SCAN cannot resume inside a batch, but the same
        // cursor with a smaller COUNT walks a prefix of the same buckets: ask again for fewer.
        hint = Math.max(1, Math.floor((hint * Math.max(PAGE_NAME_BYTES - nameBytes, 0)) / batchBytes));
        if (names.length > 0 && hint === 1) {
          stoppedBy = 'size';
          break;
        }
        continue;
      }
      nameBytes += batchBytes;
      cursor = next.toString();
      // Without a filter every walked key comes back; with one, COUNT is what Redis walked, roughly.
      scanned += filtered ? hint : batch.length;
      for (const name of batch) {
        const id = name.toString('base64');
        if (seen.has(id)) continue; // SCAN may return a key twice while the table rehashes
        seen.add(id);
        names.push(name);
        ids.push(id);
      }
      if (cursor === '0' || names.length >= query.count) break;
      if (nameBytes >= PAGE_NAME_BYTES) {
        stoppedBy = 'size';
        break;
      }
      if (calls >= SCAN_MAX_CALLS) {
        stoppedBy = 'calls';
        break;
      }
      if (performance.now() - started >= SCAN_MAX_MS) {
        stoppedBy = 'time';
        break;
      }
      hint = nextScanHint(query.count - names.length, hint, batch.length, filtered);
    }
    const described = await describeKeys(pipe, names, ids, { memory: query.memory, ...(query.type !== undefined && { knownType: query.type }) });
    return {
      db: query.db, cursor, done: cursor === '0', keys: described.rows, scanned, scannedExact: !filtered,
      dbSize: await dbSize, scanCalls: calls, exact: false,
      ...(stoppedBy !== undefined && { stoppedBy }),
      ...(described.memoryError !== undefined && { memoryError: described.memoryError }),
    };
  });
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
