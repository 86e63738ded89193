import { describe, expect, it } from 'vitest';
import { CREATING_OPS, KeyEditBody, MAX_EDIT_BODY_BYTES, MAX_EDIT_VALUE_BYTES, MAX_STREAM_FIELDS, opNameOf } from './edit';

const A = 'YQ=='; // "a"
const ok = (body: Record<string, unknown>) => KeyEditBody.safeParse({ db: 0, keyB64: A, ...body });
const messages = (body: Record<string, unknown>) => {
  const parsed = ok(body);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('KeyEditBody', () => {
  it('takes one operation of each kind on its type', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['string', { set: { valueB64: A } }],
      ['string', { set: { valueB64: '' } }],
      ['hash', { hset: { fieldB64: A, valueB64: A } }],
      ['hash', { hdel: { fieldB64: A } }],
      ['list', { rpush: { valueB64: A } }],
      ['list', { lpush: { valueB64: A } }],
      ['list', { lset: { index: -1, valueB64: A } }],
      ['list', { lrem: { valueB64: A } }],
      ['set', { sadd: { memberB64: A } }],
      ['set', { srem: { memberB64: A } }],
      ['zset', { zadd: { memberB64: A, score: -1.5 } }],
      ['zset', { zadd: { memberB64: A, score: '+inf' } }],
      ['zset', { zrem: { memberB64: A } }],
      ['stream', { xadd: { fields: [[A, A], [A, '']] } }],
      ['stream', { xdel: { id: '1700000000000-0' } }],
      ['hash', { rename: { newKeyB64: 'Yg==' } }],
    ];
    for (const [type, op] of cases) {
      const parsed = ok({ type, op });
      expect(parsed.success, JSON.stringify(op)).toBe(true);
      expect(parsed.data && opNameOf(parsed.data.op)).toBe(Object.keys(op)[0]);
    }
  });

  it('defaults create to false and leaves ttlMs out', () => {
    const parsed = KeyEditBody.parse({ db: 0, keyB64: A, type: 'string', op: { set: { valueB64: A } } });
    expect(parsed.create).toBe(false);
    expect(parsed.ttlMs).toBeUndefined();
  });

  it('creates only with the ops that can, each on the type it creates, with an optional TTL', () => {
    for (const [name, type] of Object.entries(CREATING_OPS)) {
      const op = name === 'set' || name === 'rpush' || name === 'lpush' ? { [name]: { valueB64: A } }
        : name === 'hset' ? { hset: { fieldB64: A, valueB64: A } }
          : name === 'zadd' ? { zadd: { memberB64: A, score: 1 } }
            : name === 'xadd' ? { xadd: { fields: [[A, A]] } }
              : { sadd: { memberB64: A } };
      expect(ok({ type, create: true, ttlMs: 60_000, op }).success, name).toBe(true);
      expect(ok({ type, create: true, ttlMs: -1, op }).success, name).toBe(true);
    }
    expect(messages({ type: 'hash', create: true, op: { hdel: { fieldB64: A } } })).toEqual(['create: hdel cannot create a key (set, hset, rpush, lpush, sadd, zadd or xadd can)']);
    expect(messages({ type: 'string', create: true, op: { rename: { newKeyB64: 'Yg==' } } })[0]).toMatch(/^create: rename cannot create/);
  });

  it('refuses an op on another type than its own', () => {
    expect(messages({ type: 'string', op: { hset: { fieldB64: A, valueB64: A } } })).toEqual(['op: hset works on a hash, not a string']);
    expect(messages({ type: 'set', op: { zadd: { memberB64: A, score: 1 } } })).toEqual(['op: zadd works on a zset, not a set']);
  });

  it('takes a TTL only when creating, and only a positive whole number or -1', () => {
    expect(messages({ type: 'string', ttlMs: 1000, op: { set: { valueB64: A } } })[0]).toMatch(/^ttlMs: only with create/);
    for (const ttlMs of [0, -2, 1.5, 'soon']) expect(ok({ type: 'string', create: true, ttlMs, op: { set: { valueB64: A } } }).success, String(ttlMs)).toBe(false);
  });

  it('bounds values, fields and stream entries', () => {
    const max = Buffer.alloc(MAX_EDIT_VALUE_BYTES).toString('base64');
    const over = Buffer.alloc(MAX_EDIT_VALUE_BYTES + 1).toString('base64');
    expect(ok({ type: 'string', op: { set: { valueB64: max } } }).success).toBe(true);
    expect(ok({ type: 'string', op: { set: { valueB64: over } } }).success).toBe(false);
    expect(ok({ type: 'hash', op: { hset: { fieldB64: over, valueB64: A } } }).success).toBe(false);
    const fields = (n: number) => Array.from({ length: n }, () => [A, A]);
    expect(ok({ type: 'stream', op: { xadd: { fields: fields(MAX_STREAM_FIELDS) } } }).success).toBe(true);
    expect(ok({ type: 'stream', op: { xadd: { fields: fields(MAX_STREAM_FIELDS + 1) } } }).success).toBe(false);
    expect(ok({ type: 'stream', op: { xadd: { fields: [] } } }).success).toBe(false);
    // The largest value fits the body limit, as base64 inside JSON.
    expect(JSON.stringify({ db: 0, keyB64: A, type: 'string', op: { set: { valueB64: max } } }).length).toBeLessThan(MAX_EDIT_BODY_BYTES);
  });

  it('refuses base64 that is not standard with padding, and scores and ids Redis would not take', () => {
    for (const valueB64 of ['YQ', 'Y Q==', 'YQ==\n', '****', 'YQ==YQ==x']) expect(ok({ type: 'string', op: { set: { valueB64 } } }).success, valueB64).toBe(false);
    for (const score of [Number.NaN, Number.POSITIVE_INFINITY, 'inf', '1', null]) expect(ok({ type: 'zset', op: { zadd: { memberB64: A, score } } }).success, String(score)).toBe(false);
    for (const id of ['*', '$', '1', '1-', '-1', 'a-b', '123456789012345678901-0']) expect(ok({ type: 'stream', op: { xdel: { id } } }).success, id).toBe(false);
    for (const index of [1.5, '1', 2 ** 53]) expect(ok({ type: 'list', op: { lset: { index, valueB64: A } } }).success, String(index)).toBe(false);
  });

  it('refuses two ops at once, unknown ops, unknown fields and a rename to the same bytes', () => {
    expect(ok({ type: 'hash', op: { hset: { fieldB64: A, valueB64: A }, hdel: { fieldB64: A } } }).success).toBe(false);
    expect(ok({ type: 'string', op: { append: { valueB64: A } } }).success).toBe(false);
    expect(ok({ type: 'string', op: { set: { valueB64: A, extra: 1 } } }).success).toBe(false);
    expect(ok({ type: 'string', ifVersion: 1, op: { set: { valueB64: A } } }).success).toBe(false);
    expect(messages({ type: 'string', op: { rename: { newKeyB64: A } } })).toEqual(["op.rename.newKeyB64: is the key's own name"]);
    // "YR==" has other trailing bits than "YQ==" but decodes to the same "a".
    expect(messages({ type: 'string', op: { rename: { newKeyB64: 'YR==' } } })).toEqual(["op.rename.newKeyB64: is the key's own name"]);
    // A bad keyB64 is reported as such, not thrown on by the same-name check.
    expect(KeyEditBody.safeParse({ db: 0, keyB64: 'not base64!', type: 'string', op: { rename: { newKeyB64: A } } }).success).toBe(false);
  });

  it('refuses a db out of range, a module type and a missing op', () => {
    expect(ok({ db: -1, type: 'string', op: { set: { valueB64: A } } }).success).toBe(false);
    expect(ok({ db: 4096, type: 'string', op: { set: { valueB64: A } } }).success).toBe(false);
    expect(ok({ type: 'ReJSON-RL', op: { set: { valueB64: A } } }).success).toBe(false);
    expect(ok({ type: 'string' }).success).toBe(false);
  });
});
