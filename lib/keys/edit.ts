// PUT /api/instances/{id}/key (SPEC section 12): the body of a key edit, and its answer. Every
// value, field, member and new name is binary (base64); nothing here reaches Redis unchecked.
// No server imports: the key browser's edit forms build these bodies.
import { z } from 'zod';
import { base64Length, keyB64Param } from './schemas';
import { MAX_DB_INDEX, MAX_KEY_BYTES, REDIS_TYPES, TTL_NONE } from './constants';

/** A value written through the dashboard: at most 512 KiB (the JSON body limit is set to fit it). */
export const MAX_EDIT_VALUE_BYTES = 512 * 1024;
/**
 * The PUT key body limit (every other route keeps 64 KiB): a 512 KiB value is ~700 KB of base64,
 * so it fits with room for its field or member. All elements of one body together are bounded by
 * this, not by MAX_EDIT_VALUE_BYTES each.
 */
export const MAX_EDIT_BODY_BYTES = 1024 * 1024;
/** Fields of one stream entry added at once. */
export const MAX_STREAM_FIELDS = 64;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Exact bytes as standard base64, at most `max` of them (the empty value is legal). */
const bytesB64 = (max: number) => z.string()
  .max(Math.ceil(max / 3) * 4, `must encode at most ${max} bytes`)
  .regex(BASE64, 'must be standard base64 with padding')
  .refine((value) => base64Length(value) <= max, `must encode at most ${max} bytes`);

const valueB64 = bytesB64(MAX_EDIT_VALUE_BYTES);
/** A hash field, set or sorted-set member: as big as a value. */
const elementB64 = bytesB64(MAX_EDIT_VALUE_BYTES);
/** A ZADD score: a finite double, or -inf / +inf as Redis takes them. */
const score = z.union([z.number().finite(), z.enum(['-inf', '+inf'])]);
/** An explicit stream entry id (ms-seq), as XDEL takes it. */
const streamEntryId = z.string().regex(/^\d{1,20}-\d{1,20}$/, 'must be a stream entry id (ms-seq)');

/** One operation per request; its name says the command (rename is RENAMENX). */
export const KeyEditOp = z.union([
  z.strictObject({ set: z.strictObject({ valueB64 }) }),
  z.strictObject({ hset: z.strictObject({ fieldB64: elementB64, valueB64 }) }),
  z.strictObject({ hdel: z.strictObject({ fieldB64: elementB64 }) }),
  z.strictObject({ rpush: z.strictObject({ valueB64 }) }),
  z.strictObject({ lpush: z.strictObject({ valueB64 }) }),
  z.strictObject({ lset: z.strictObject({ index: z.number().int().min(-(2 ** 53) + 1).max(2 ** 53 - 1), valueB64 }) }),
  z.strictObject({ lrem: z.strictObject({ valueB64 }) }),
  z.strictObject({ sadd: z.strictObject({ memberB64: elementB64 }) }),
  z.strictObject({ srem: z.strictObject({ memberB64: elementB64 }) }),
  z.strictObject({ zadd: z.strictObject({ memberB64: elementB64, score }) }),
  z.strictObject({ zrem: z.strictObject({ memberB64: elementB64 }) }),
  z.strictObject({
    xadd: z.strictObject({
      fields: z.array(z.tuple([elementB64, valueB64])).min(1, 'must have at least one field').max(MAX_STREAM_FIELDS),
    }),
  }),
  z.strictObject({ xdel: z.strictObject({ id: streamEntryId }) }),
  z.strictObject({ rename: z.strictObject({ newKeyB64: keyB64Param }) }),
]);
export type KeyEditOpInput = z.infer<typeof KeyEditOp>;
export type KeyEditOpName = KeyEditOpInput extends infer U ? (U extends Record<infer K, unknown> ? K & string : never) : never;

/** The operations that may create a key (`create: true`), and the type each creates. */
export const CREATING_OPS = { set: 'string', hset: 'hash', rpush: 'list', lpush: 'list', sadd: 'set', zadd: 'zset', xadd: 'stream' } as const;

/** The one operation name of a parsed op. */
export const opNameOf = (op: KeyEditOpInput): KeyEditOpName => Object.keys(op)[0] as KeyEditOpName;

/** Both are base64 of the same bytes. A field that failed its own check (zod still runs refinements then) is not. */
function sameBytes(a: string, b: string): boolean {
  if (!BASE64.test(a) || !BASE64.test(b)) return false;
  return atob(a) === atob(b);
}

export const KeyEditBody = z.strictObject({
  db: z.number().int().min(0).max(MAX_DB_INDEX),
  keyB64: keyB64Param,
  /** The type the editor saw: a key of another type now is refused (409), never overwritten. */
  type: z.enum(REDIS_TYPES),
  /** Create the key: refused (409) when it exists. Only with set, hset, rpush, lpush, sadd, zadd, xadd. */
  create: z.boolean().default(false),
  /** With `create`: the new key's TTL in ms (absent or -1: none). A change keeps the key's TTL. */
  ttlMs: z.union([z.literal(TTL_NONE), z.number().int().min(1).max(100 * 365 * 24 * 3600 * 1000)]).optional(),
  op: KeyEditOp,
}).superRefine((body, context) => {
  const name = opNameOf(body.op);
  const creates = (CREATING_OPS as Record<string, string>)[name];
  if (body.create && creates === undefined) {
    context.addIssue({ code: 'custom', path: ['create'], message: `${name} cannot create a key (set, hset, rpush, lpush, sadd, zadd or xadd can)` });
  }
  if (creates !== undefined && creates !== body.type) {
    context.addIssue({ code: 'custom', path: ['op'], message: `${name} works on a ${creates}, not a ${body.type}` });
  }
  if (body.ttlMs !== undefined && !body.create) {
    context.addIssue({ code: 'custom', path: ['ttlMs'], message: 'only with create: true (PATCH changes the TTL of an existing key)' });
  }
  if ('rename' in body.op && base64Length(body.op.rename.newKeyB64) > MAX_KEY_BYTES) {
    context.addIssue({ code: 'custom', path: ['op', 'rename', 'newKeyB64'], message: `must encode at most ${MAX_KEY_BYTES} bytes` });
  }
  // Base64 with other trailing bits decodes to the same bytes: compare the bytes, not the text.
  if ('rename' in body.op && sameBytes(body.op.rename.newKeyB64, body.keyB64)) {
    context.addIssue({ code: 'custom', path: ['op', 'rename', 'newKeyB64'], message: 'is the key\'s own name' });
  }
});
export type KeyEditInput = z.infer<typeof KeyEditBody>;

/** The answer: the key as it is after the change (a rename answers the new name). */
export interface KeyEditReply {
  key: string;
  keyB64: string;
  db: number;
  type: string;
  op: KeyEditOpName;
  created: boolean;
  /** What Redis answered, as a number where it is one (HSET 1 new field, LREM 2 removed, XADD's id as text). */
  result: number | string | null;
}
