// A key's detail and its value, one bounded page at a time (SPEC section 7: STRLEN + GETRANGE
// for strings; HSCAN / LRANGE / SSCAN / ZRANGE / XRANGE pages for collections; never GET,
// HGETALL, SMEMBERS or LRANGE 0 -1). Per-type behaviour is one small reader per type. Page
// sizes come from MEMORY USAGE / length, and replies pass through a byte cap,
// so a list of 10 MB elements cannot pull gigabytes into the dashboard.
import 'server-only';
import {
  ELEMENT_PREVIEW_BYTES, MEMORY_SAMPLES, STRING_SLICE_BYTES, TTL_GONE, VALUE_PAGE_BYTES, VALUE_REPLY_MAX_BYTES,
} from '@/lib/keys/constants';
import type { KeyQueryInput } from '@/lib/keys/schemas';
import type { KeyDetail, KeyValue, ShownBytes } from '@/lib/keys/types';
import { notFound } from '@/lib/api/errors';
import { displayBytes } from '@/lib/display-bytes';
import { checkedDb, onDb } from './db-connections';
import { askingSender, keyName, type Sender } from './keys';
import { parseXinfoGroups } from './parse/parse-xinfo-groups';
import { RespError, type RespReply } from './parse/resp';
import type { RedisInstance } from './registry';
import { isReplyTooLarge, type Command } from './resp-pipe';

/** Raw preview bytes a page may show in all, so a response stays well under 2 MB. */
const PAGE_PREVIEW_BUDGET = 256 * 1024;

/**
 * Cuts elements for display: each to ELEMENT_PREVIEW_BYTES, the page to PAGE_PREVIEW_BUDGET. An
 * element shown whole also carries its bytes as base64 (at most the same budget again).
 */
export class Shower {
  private remaining = PAGE_PREVIEW_BUDGET;

  show(bytes: Buffer): ShownBytes {
    let end = Math.min(bytes.length, ELEMENT_PREVIEW_BYTES, this.remaining);
    // Cut on a UTF-8 boundary so a multi-byte character is not shown as escapes.
    if (end < bytes.length) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    this.remaining -= end;
    const shown: ShownBytes = { text: displayBytes(bytes.subarray(0, end)).text, bytes: bytes.length };
    // The exact bytes of a whole element: what an edit addresses (HDEL field, SREM member).
    if (end < bytes.length) shown.cut = true;
    else shown.b64 = bytes.toString('base64');
    return shown;
  }
}

interface Reader {
  /** The command that tells the value's length (elements, bytes or entries). */
  length: (key: Buffer) => Command;
  /** The commands that read one page of at most `count` elements. */
  page: (key: Buffer, query: KeyQueryInput, count: number) => Command[];
  /** Turns the page's replies into the value. */
  read: (replies: RespReply[], query: KeyQueryInput, length: number, count: number) => KeyValue;
}

const pairs = (flat: Buffer[]) => {
  const out: Array<[Buffer, Buffer]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
};
const scanArgs = (query: KeyQueryInput, count: number) => [query.cursor, ...(query.match !== undefined ? ['MATCH', query.match] : []), 'COUNT', String(count)];

const READERS: Record<string, Reader> = {
  string: {
    length: (key) => ['STRLEN', key],
    page: (key, q) => [['GETRANGE', key, String(q.offset), String(q.offset + STRING_SLICE_BYTES - 1)]],
    read: ([slice], q, length) => {
      const bytes = slice as Buffer;
      return { kind: 'string', offset: q.offset, b64: bytes.toString('base64'), bytes: bytes.length, truncated: q.offset + bytes.length < length };
    },
  },
  hash: {
    length: (key) => ['HLEN', key],
    page: (key, q, count) => [['HSCAN', key, ...scanArgs(q, count)]],
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
    length: (key) => ['LLEN', key],
    page: (key, q, count) => [['LRANGE', key, String(q.offset), String(q.offset + count - 1)]],
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
    length: (key) => ['SCARD', key],
    page: (key, q, count) => [['SSCAN', key, ...scanArgs(q, count)]],
    read: ([reply]) => {
      const [cursor, members] = reply as [Buffer, Buffer[]];
      const shower = new Shower();
      const done = cursor.toString() === '0';
      return { kind: 'set', cursor: cursor.toString(), done, truncated: !done, members: members.map((m) => shower.show(m)) };
    },
  },
  zset: {
    length: (key) => ['ZCARD', key],
    page: (key, q, count) => [q.by === 'rank'
      ? ['ZRANGE', key, String(q.offset), String(q.offset + count - 1), 'WITHSCORES']
      : ['ZRANGE', key, q.min, q.max, 'BYSCORE', 'LIMIT', String(q.offset), String(count + 1), 'WITHSCORES']],
    read: ([reply], q, length, count) => {
      const shower = new Shower();
      let entries = pairs(reply as Buffer[]);
      // By score the total in range is unknown: one extra member tells whether more follow.
      const more = q.by === 'score' ? entries.length > count : q.offset + entries.length < length;
      entries = entries.slice(0, count);
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
    length: (key) => ['XLEN', key],
    page: (key, q, count) => [
      q.order === 'asc' ? ['XRANGE', key, q.start, q.end, 'COUNT', String(count + 1)] : ['XREVRANGE', key, q.end, q.start, 'COUNT', String(count + 1)],
      ['XINFO', 'GROUPS', key],
    ],
    read: ([range, groups], q, _length, count) => {
      const shower = new Shower();
      const entries = (range as Array<[Buffer, Buffer[]]>).map(([id, fields]) => ({
        id: id.toString(),
        fields: pairs(fields).map(([f, v]) => [shower.show(f), shower.show(v)] as [ShownBytes, ShownBytes]),
      }));
      const next = entries.length > count ? entries[count]!.id : undefined;
      const value: KeyValue = {
        kind: 'stream', order: q.order, truncated: next !== undefined, entries: entries.slice(0, count), ...(next !== undefined && { next }),
      };
      if (RespError.is(groups)) value.groupsError = `XINFO GROUPS failed: ${groups.message}`;
      else value.groups = parseXinfoGroups(groups);
      return value;
    },
  },
};

/**
 * Elements a page asks for: what the user asked, fewer when MEMORY USAGE / length says they are
 * big (about VALUE_PAGE_BYTES a page), 0 when one element alone would pass the reply cap.
 * MEMORY USAGE samples a few elements, so this is an estimate: the cap is what holds.
 */
export function valuePageCount(wanted: number, memoryBytes: number | null, length: number): number {
  if (memoryBytes === null || length <= 0) return wanted;
  const perElement = memoryBytes / length;
  if (perElement > VALUE_REPLY_MAX_BYTES) return 0;
  return Math.max(1, Math.min(wanted, Math.floor(VALUE_PAGE_BYTES / perElement)));
}

const WRONGTYPE = /^WRONGTYPE/;
const RETRY = 'retry';
const gone = () => notFound('The key does not exist (any more): it expired or was deleted.');

/** A reply that is an error: WRONGTYPE means the key changed type under us (read again). */
function failureOf(reply: RespReply): RespError | typeof RETRY | null {
  if (!RespError.is(reply)) return null;
  return WRONGTYPE.test(reply.message) ? RETRY : reply;
}

function tooLarge(query: KeyQueryInput, type: string, elementBytes: number | null): KeyValue {
  const at = type === 'hash' || type === 'set' ? query.cursor : type === 'stream' ? (query.order === 'asc' ? query.start : query.end) : String(query.offset);
  return { kind: 'too-large', truncated: true, capBytes: VALUE_REPLY_MAX_BYTES, elementBytes, at };
}

/** One page of the value, read through the capped pipe; a reply past the cap is retried for one element. */
async function readPage(pipe: Sender, reader: Reader, key: Buffer, query: KeyQueryInput, type: string, length: number, count: number): Promise<KeyValue | typeof RETRY> {
  let replies: RespReply[];
  try {
    replies = await pipe.send(reader.page(key, query, count));
  } catch (error) {
    if (!isReplyTooLarge(error)) throw error;
    if (count > 1) return readPage(pipe, reader, key, query, type, length, 1);
    return tooLarge(query, type, null);
  }
  for (const [i, reply] of replies.entries()) {
    const failure = failureOf(reply);
    if (failure === RETRY) return RETRY;
    // Consumer groups are extra: a denied XINFO leaves the entries readable.
    if (failure && !(type === 'stream' && i === replies.length - 1)) throw failure;
  }
  return reader.read(replies, query, length, count);
}

async function readOnce(pipe: Sender, db: number, key: Buffer, query: KeyQueryInput): Promise<KeyDetail | typeof RETRY> {
  const [type, ttl, encoding, memory] = await pipe.send([
    ['TYPE', key], ['PTTL', key], ['OBJECT', 'ENCODING', key], ['MEMORY', 'USAGE', key, 'SAMPLES', String(MEMORY_SAMPLES)],
  ]);
  if (RespError.is(type)) throw type;
  if (RespError.is(ttl)) throw ttl;
  if (type === 'none' || ttl === TTL_GONE) throw gone();
  const notes: string[] = [];
  if (RespError.is(encoding)) notes.push(`OBJECT ENCODING failed: ${encoding.message}`);
  if (RespError.is(memory)) notes.push(`MEMORY USAGE failed: ${memory.message}`);
  const memoryBytes = typeof memory === 'number' ? memory : null;

  const reader = READERS[String(type)];
  let length = 0;
  let value: KeyValue = { kind: 'unsupported' };
  if (reader) {
    const [exists, lengthReply] = await pipe.send([['EXISTS', key], reader.length(key)]);
    const lengthFailure = failureOf(lengthReply!);
    if (lengthFailure === RETRY) return RETRY;
    if (lengthFailure) throw lengthFailure;
    if (exists === 0) throw gone();
    length = Number(lengthReply);
    const count = String(type) === 'string' ? 1 : valuePageCount(query.count, memoryBytes, length);
    const page = count === 0
      ? tooLarge(query, String(type), memoryBytes! / length)
      : await readPage(pipe, reader, key, query, String(type), length, count);
    if (page === RETRY) return RETRY;
    value = page;
  }
  return {
    ...keyName(key), db, type: String(type), ttlMs: Number(ttl),
    encoding: RespError.is(encoding) || encoding === null ? null : String(encoding), length,
    memoryBytes, notes, value, fetchedAt: new Date().toISOString(),
  };
}

/**
 * The detail of one key with one page of its value; 404 when the key is gone. Everything goes
 * through the db's value pipe, whose replies are capped at VALUE_REPLY_MAX_BYTES: a huge element
 * never reaches the dashboard's memory, and the shared client stays free for other requests.
 */
export async function readKey(instance: RedisInstance, key: Buffer, query: KeyQueryInput, options: { asking?: boolean } = {}): Promise<KeyDetail> {
  const db = await checkedDb(instance, query.db);
  return onDb(instance, db, async ({ values }) => {
    const pipe = options.asking ? askingSender(values) : values;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const detail = await readOnce(pipe, db, key, query);
      if (detail !== RETRY) return detail;
    }
    throw notFound('The key keeps changing type while it is read; try again.');
  });
}
