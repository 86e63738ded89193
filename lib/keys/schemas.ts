// Input of the key browser's routes, composed from small fragments (SPEC section 5 bounds).
// Everything a request can carry is checked here, before any Redis call. No server imports.
import { z } from 'zod';
import { isClusterCursor, parseClusterCursor } from './cluster-cursor';
import { countUnescapedStars } from './glob';
import {
  DEFAULT_ELEMENTS, DEFAULT_PAGE_KEYS, MAX_COUNT, MAX_DB_INDEX, MAX_ELEMENTS, MAX_KEY_BYTES,
  MAX_MATCH_BYTES, MAX_MATCH_STARS, MAX_STREAM_ID_PART, MODULE_TYPE_NAME, REDIS_TYPES, TTL_NONE,
} from './constants';

const utf8Length = (value: string) => new TextEncoder().encode(value).length;
/** Bytes that a (valid, padded) base64 string decodes to. */
export const base64Length = (value: string) => (value.length / 4) * 3 - (value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0);

const MAX_CURSOR = BigInt('18446744073709551615');
/** A whole decimal number of at most `max`, as query strings carry it. */
const decimalInt = (min: number, max: number) =>
  z.string().regex(/^\d{1,16}$/, 'must be a whole decimal number').transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const dbParam = decimalInt(0, MAX_DB_INDEX);
export const cursorParam = z.string()
  .regex(/^\d{1,20}$/, 'must be a decimal SCAN cursor')
  .refine((value) => !/^\d+$/.test(value) || BigInt(value) <= MAX_CURSOR, 'is larger than a 64-bit cursor');
/** A listing's cursor: a SCAN cursor, or on a Redis Cluster one per master (lib/keys/cluster-cursor.ts). */
export const listingCursorParam = z.string().refine(
  (value) => (isClusterCursor(value) ? parseClusterCursor(value) !== null : cursorParam.safeParse(value).success),
  'must be a decimal SCAN cursor, or a cluster cursor the listing handed out',
);
export const countParam = (fallback: number, max: number) => decimalInt(1, max).default(fallback);

/** A SCAN MATCH pattern: at most 256 bytes, at most 4 unescaped `*`, no NUL. */
export const matchParam = z.string()
  .refine((value) => utf8Length(value) <= MAX_MATCH_BYTES, `must be at most ${MAX_MATCH_BYTES} bytes`)
  .refine((value) => !value.includes('\0'), 'must not contain NUL')
  .refine((value) => countUnescapedStars(value) <= MAX_MATCH_STARS, `must have at most ${MAX_MATCH_STARS} *`);

/** A type SCAN TYPE can match: a core type, or a module type's 9-character name (ReJSON-RL). */
export const typeParam = z.string().refine(
  (value) => (REDIS_TYPES as readonly string[]).includes(value) || MODULE_TYPE_NAME.test(value),
  `must be one of ${REDIS_TYPES.join(', ')}, or a module type name (9 characters)`,
);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** A key's exact bytes as standard base64 (the empty key is a legal Redis key). */
export const keyB64Param = z.string()
  .max(Math.ceil(MAX_KEY_BYTES / 3) * 4, `must encode at most ${MAX_KEY_BYTES} bytes`)
  .regex(BASE64, 'must be standard base64 with padding')
  .refine((value) => base64Length(value) <= MAX_KEY_BYTES, `must encode at most ${MAX_KEY_BYTES} bytes`);

const flag = z.enum(['0', '1']).transform((value) => value === '1');

export const KeysQuery = z.strictObject({
  /** Absent: the instance's default db (the /db of its URL). */
  db: dbParam.optional(),
  cursor: listingCursorParam.default('0'),
  match: matchParam.optional(),
  type: typeParam.optional(),
  count: countParam(DEFAULT_PAGE_KEYS, MAX_COUNT),
  /** MEMORY USAGE per key (default on); a full export can skip it. */
  memory: flag.default(true),
});
export type KeysQueryInput = z.infer<typeof KeysQuery>;

const scoreBound = z.string().regex(/^\(?(?:[+-]?inf|[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i, 'must be a score, -inf or +inf, optionally after "("');
/** `-`, `+`, or ms[-seq] (optionally exclusive with `(`), each part at most 2^64-1 as Redis requires. */
const streamId = z.string()
  .regex(/^(?:[-+]|\(?\d{1,20}(?:-\d{1,20})?)$/, 'must be a stream id, - or +')
  .refine((value) => (value.match(/\d+/g) ?? []).every((part) => BigInt(part) <= MAX_STREAM_ID_PART), 'has a part above 2^64-1');

export const KeyQuery = z.strictObject({
  /** Absent: the instance's default db (the /db of its URL). */
  db: dbParam.optional(),
  keyB64: keyB64Param,
  /** HSCAN / SSCAN cursor. */
  cursor: cursorParam.default('0'),
  /** String byte offset, list index, sorted-set rank or score-page offset. */
  offset: decimalInt(0, Number.MAX_SAFE_INTEGER).default(0),
  count: countParam(DEFAULT_ELEMENTS, MAX_ELEMENTS),
  /** Hash field / set member filter (a glob, as HSCAN MATCH takes it). */
  match: matchParam.optional(),
  by: z.enum(['rank', 'score']).default('rank'),
  min: scoreBound.default('-inf'),
  max: scoreBound.default('+inf'),
  start: streamId.default('-'),
  end: streamId.default('+'),
  /** asc (XRANGE) by default: XREVRANGE is not in SPEC section 7's least-privilege ACL. */
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type KeyQueryInput = z.infer<typeof KeyQuery>;

export const KeyAddress = z.strictObject({
  /** Absent: the instance's default db (the /db of its URL). */
  db: dbParam.optional(),
  keyB64: keyB64Param,
});

export const KeyTtlBody = z.strictObject({
  db: z.number().int().min(0).max(MAX_DB_INDEX),
  keyB64: keyB64Param,
  /** Milliseconds from now; -1 removes the TTL. At most about 100 years. */
  ttlMs: z.union([z.literal(TTL_NONE), z.number().int().min(1).max(100 * 365 * 24 * 3600 * 1000)]),
});
export type KeyTtlInput = z.infer<typeof KeyTtlBody>;
