import { describe, expect, it } from 'vitest';
import { editToast, parseIndex, parseScore, parseTtl, shortText, ttlText, type EditDone } from './edit-messages';

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64');
const done = (patch: Partial<EditDone>): EditDone => ({ key: 'recipe:1', db: 0, op: 'set', created: false, result: 'OK', ...patch });

describe('editToast', () => {
  it('says what was done, to which key, in which db', () => {
    expect(editToast(done({ op: 'hset', subjectB64: b64('title'), result: 1 }))).toEqual({ message: 'Set field title of recipe:1 (db0)', tone: 'success' });
    expect(editToast(done({ op: 'rename', newKey: 'recipe:2', db: 3 })).message).toBe('Renamed recipe:1 to recipe:2 (db3)');
    expect(editToast(done({ op: 'sadd', subjectB64: b64('m'), result: 1 })).message).toBe('Added member m to recipe:1 (db0)');
    expect(editToast(done({ op: 'zadd', subjectB64: b64('m'), detail: '2.5', result: 0 })).message).toBe('Set the score of m in recipe:1 to 2.5 (db0)');
    expect(editToast(done({ op: 'zadd', subjectB64: b64('m'), detail: '2.5', result: 1 })).message).toBe('Added member m with score 2.5 to recipe:1 (db0)');
    expect(editToast(done({ op: 'lrem', subjectB64: b64('x'), result: 2 })).message).toBe('Removed 2 elements equal to x from recipe:1 (db0)');
    expect(editToast(done({ op: 'xadd', result: '1-0' })).message).toBe('Added entry 1-0 to recipe:1 (db0)');
    expect(editToast(done({ op: 'lset', detail: '-1' })).message).toBe('Set index -1 of recipe:1 (db0)');
    expect(editToast(done({ op: 'hset', created: true })).message).toBe('Created recipe:1 (db0)');
    expect(editToast(done({ key: '' })).message).toBe('Set the value of (empty name) (db0)');
  });

  it('says so, as information, when nothing changed', () => {
    expect(editToast(done({ op: 'srem', subjectB64: b64('m'), result: 0 }))).toEqual({ message: 'm was not a member of recipe:1 (db0)', tone: 'info' });
    expect(editToast(done({ op: 'lrem', subjectB64: b64('x'), result: 0 })).tone).toBe('info');
    expect(editToast(done({ op: 'xdel', detail: '1-0', result: 0 })).tone).toBe('info');
    expect(editToast(done({ op: 'hdel', subjectB64: b64('f'), result: 0 })).tone).toBe('info');
  });

  it('shows binary elements escaped and long ones cut to one line', () => {
    expect(shortText(b64(Buffer.from([0x61, 0xff, 0x0a])))).toBe('a\\xff\\n');
    expect(shortText('')).toBe('(empty)');
    const long = shortText(b64('x'.repeat(500)));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('typed inputs', () => {
  it('reads scores as ZADD takes them', () => {
    expect(parseScore(' 1.5 ')).toEqual({ score: 1.5 });
    expect(parseScore('-inf')).toEqual({ score: '-inf' });
    expect(parseScore('INF')).toEqual({ score: '+inf' });
    expect(parseScore('1e3')).toEqual({ score: 1000 });
    for (const bad of ['', 'abc', 'NaN', '1e400']) expect(parseScore(bad), bad).toHaveProperty('error');
  });

  it('reads list indexes, negative from the end', () => {
    expect(parseIndex('3')).toEqual({ index: 3 });
    expect(parseIndex('-1')).toEqual({ index: -1 });
    for (const bad of ['', '1.5', 'x', '1e3']) expect(parseIndex(bad), bad).toHaveProperty('error');
  });

  it('reads a TTL in a unit, empty meaning none', () => {
    expect(parseTtl('', 'h')).toEqual({ ttlMs: undefined });
    expect(parseTtl('1.5', 'min')).toEqual({ ttlMs: 90_000 });
    for (const bad of ['0', '-1', 'x']) expect(parseTtl(bad, 's'), bad).toHaveProperty('error');
    expect(ttlText(3_600_000)).toBe('1 h');
    expect(ttlText(90_000)).toBe('90 s');
  });
});
