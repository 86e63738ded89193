// A key's detail and its value, one bounded page at a time (SPEC section 7: STRLEN + GETRANGE
// for strings; HSCAN / LRANGE / SSCAN / ZRANGE / XRANGE pages for collections; never GET,
// HGETALL, SMEMBERS or LRANGE 0 -1). Per-type behaviour is one small reader per type.
import 'server-only';
import type { ChainableCommander } from 'ioredis';
import type Redis from 'ioredis';
import { ELEMENT_PREVIEW_BYTES, MEMORY_SAMPLES, STRING_SLICE_BYTES, TTL_GONE } from '@/lib/keys/constants';
import type { KeyQueryInput } from '@/lib/keys/schemas';
import type { KeyDetail, KeyValue, ShownBytes } from '@/lib/keys/types';
import { notFound } from '@/lib/http/errors';
import { checkDb, onDb } from './db-connections';
import { keyName } from './keys';
import { displayBytes } from './parse/display-bytes';
import type { RedisInstance } from './registry';

/** Raw preview bytes a page may show in all, so a response stays well under 2 MB. */
const PAGE_PREVIEW_BUDGET = 256 * 1024;

/** Cuts elements for display: each to ELEMENT_PREVIEW_BYTES, the page to PAGE_PREVIEW_BUDGET. */
export class Shower {
  private remaining = PAGE_PREVIEW_BUDGET;

  show(bytes: Buffer): ShownBytes {
    let end = Math.min(bytes.length, ELEMENT_PREVIEW_BYTES, this.remaining);
    // Cut on a UTF-8 boundary so a multi-byte character is not shown as escapes.
    if (end < bytes.length) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    this.remaining -= end;
    const shown: ShownBytes = { text: displayBytes(bytes.subarray(0, end)).text, bytes: bytes.length };
    if (end < bytes.length) shown.cut = true;
    return shown;
  }
}

type Results = Array<[Error | null, unknown]>;
interface Reader {
  /** Queues the length command and the page read on `pipeline`. */
  queue(pipeline: ChainableCommander, key: Buffer, query: KeyQueryInput): void;
  /** Turns the replies (after the length) into the value. */
  read(replies: unknown[], query: KeyQueryInput, length: number): KeyValue;
}

const pairs = (flat: Buffer[]) => {
  const out: Array<[Buffer, Buffer]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
};
const scanArgs = (query: KeyQueryInput) => [query.cursor, ...(query.match !== undefined ? ['MATCH', query.match] : []), 'COUNT', String(query.count)];

const READERS: Record<string, Reader> = {
  string: {
    queue: (p, key, q) => p.strlen(key).getrangeBuffer(key, q.offset, q.offset + STRING_SLICE_BYTES - 1),
    read: ([slice], q, length) => {
      const bytes = slice as Buffer;
      return { kind: 'string', offset: q.offset, b64: bytes.toString('base64'), bytes: bytes.length, truncated: q.offset + bytes.length < length };
    },
  },
  hash: {
    queue: (p, key, q) => p.hlen(key).callBuffer('HSCAN', key, ...scanArgs(q)),
    read: ([reply]) => {
      const [cursor, flat] = reply as [Buffer, Buffer[]];
      const shower = new Shower();
      return {
        kind: 'hash', cursor: cursor.toString(), done: cursor.toString() === '0', truncated: cursor.toString() !== '0',
        entries: pairs(flat).map(([field, value]) => ({ field: shower.show(field), value: shower.show(value) })),
      };
    },
  },
  list: {
    queue: (p, key, q) => p.llen(key).lrangeBuffer(key, q.offset, q.offset + q.count - 1),
    read: ([items], q, length) => {
      const shower = new Shower();
      const values = items as Buffer[];
      return {
        kind: 'list', offset: q.offset, truncated: q.offset + values.length < length,
        items: values.map((value, i) => ({ index: q.offset + i, value: shower.show(value) })),
      };
    },
  },
  set: {
    queue: (p, key, q) => p.scard(key).callBuffer('SSCAN', key, ...scanArgs(q)),
    read: ([reply]) => {
      const [cursor, members] = reply as [Buffer, Buffer[]];
      const shower = new Shower();
      const done = cursor.toString() === '0';
      return { kind: 'set', cursor: cursor.toString(), done, truncated: !done, members: members.map((m) => shower.show(m)) };
    },
  },
  zset: {
    queue: (p, key, q) => {
      p.zcard(key);
      if (q.by === 'rank') p.callBuffer('ZRANGE', key, String(q.offset), String(q.offset + q.count - 1), 'WITHSCORES');
      else p.callBuffer('ZRANGE', key, q.min, q.max, 'BYSCORE', 'LIMIT', String(q.offset), String(q.count + 1), 'WITHSCORES');
    },
    read: ([reply], q, length) => {
      const shower = new Shower();
      let entries = pairs(reply as Buffer[]);
      // By score the total in range is unknown: one extra member tells whether more follow.
      const more = q.by === 'score' ? entries.length > q.count : q.offset + entries.length < length;
      entries = entries.slice(0, q.count);
      return {
        kind: 'zset', by: q.by, offset: q.offset, truncated: more,
        members: entries.map(([member, score], i) => ({
          ...(q.by === 'rank' && { rank: q.offset + i }),
          member: shower.show(member),
          score: score.toString(),
        })),
      };
    },
  },
  stream: {
    queue: (p, key, q) => {
      p.xlen(key);
      if (q.order === 'asc') p.callBuffer('XRANGE', key, q.start, q.end, 'COUNT', String(q.count + 1));
      else p.callBuffer('XREVRANGE', key, q.end, q.start, 'COUNT', String(q.count + 1));
      p.call('XINFO', 'GROUPS', key);
    },
    read: ([range, groups], q) => {
      const shower = new Shower();
      const entries = (range as Array<[Buffer, Buffer[]]>).map(([id, fields]) => ({
        id: id.toString(),
        fields: pairs(fields).map(([f, v]) => [shower.show(f), shower.show(v)] as [ShownBytes, ShownBytes]),
      }));
      const next = entries.length > q.count ? entries[q.count]!.id : undefined;
      const value: KeyValue = {
        kind: 'stream', order: q.order, truncated: next !== undefined, entries: entries.slice(0, q.count), ...(next !== undefined && { next }),
      };
      if (groups instanceof Error) value.groupsError = `XINFO GROUPS failed: ${groups.message}`;
      else value.groups = (groups as unknown[][]).map(parseGroup);
      return value;
    },
  },
};

/** XINFO GROUPS answers flat [name, value, ...] arrays per group. */
export function parseGroup(flat: unknown[]) {
  const record: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[String(flat[i])] = flat[i + 1];
  const lag = record.lag;
  return {
    name: String(record.name ?? ''),
    consumers: Number(record.consumers ?? 0),
    pending: Number(record.pending ?? 0),
    lastDeliveredId: String(record['last-delivered-id'] ?? ''),
    ...(lag !== undefined && { lag: lag === null ? null : Number(lag) }),
  };
}

const WRONGTYPE = /^WRONGTYPE/;

async function readOnce(client: Redis, key: Buffer, query: KeyQueryInput): Promise<KeyDetail | 'retry'> {
  const head = (await client.pipeline()
    .type(key)
    .pttl(key)
    .call('OBJECT', 'ENCODING', key)
    .call('MEMORY', 'USAGE', key, 'SAMPLES', String(MEMORY_SAMPLES))
    .exec()) as Results;
  const [[typeError, type], [ttlError, ttl], [encodingError, encoding], [memoryError, memory]] = head as [
    Results[number], Results[number], Results[number], Results[number]];
  if (typeError) throw typeError;
  if (ttlError) throw ttlError;
  if (type === 'none' || ttl === TTL_GONE) throw notFound('The key does not exist (any more): it expired or was deleted.');
  const notes: string[] = [];
  if (encodingError) notes.push(`OBJECT ENCODING failed: ${encodingError.message}`);
  if (memoryError) notes.push(`MEMORY USAGE failed: ${memoryError.message}`);

  const reader = READERS[String(type)];
  let length = 0;
  let value: KeyValue = { kind: 'unsupported' };
  if (reader) {
    const pipeline = client.pipeline().exists(key);
    reader.queue(pipeline, key, query);
    const results = (await pipeline.exec()) as Results;
    const [, exists] = results[0]!;
    const [lengthError, lengthValue] = results[1]!;
    const rest = results.slice(2);
    // The key changed type (or vanished) between the two round trips: read it again.
    if (lengthError && WRONGTYPE.test(lengthError.message)) return 'retry';
    if (lengthError) throw lengthError;
    if (exists === 0) throw notFound('The key does not exist (any more): it expired or was deleted.');
    const replies = rest.map(([error, reply], i) => {
      if (!error) return reply;
      if (WRONGTYPE.test(error.message)) return RETRY;
      // Consumer groups are extra: a denied XINFO leaves the entries readable.
      if (String(type) === 'stream' && i === rest.length - 1) return error;
      throw error;
    });
    if (replies.includes(RETRY)) return 'retry';
    length = Number(lengthValue);
    value = reader.read(replies, query, length);
  }
  return {
    ...keyName(key), db: query.db, type: String(type), ttlMs: Number(ttl),
    encoding: encodingError ? null : String(encoding), length,
    memoryBytes: memoryError || memory === null ? null : Number(memory),
    notes, value, fetchedAt: new Date().toISOString(),
  };
}
const RETRY = Symbol('retry');

/** The detail of one key with one page of its value; 404 when the key is gone. */
export async function readKey(instance: RedisInstance, key: Buffer, query: KeyQueryInput): Promise<KeyDetail> {
  await checkDb(instance, query.db);
  return onDb(instance, query.db, async ({ client }) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const detail = await readOnce(client, key, query);
      if (detail !== 'retry') return detail;
    }
    throw notFound('The key keeps changing type while it is read; try again.');
  });
}
