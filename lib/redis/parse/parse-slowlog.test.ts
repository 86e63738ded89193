import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSlowlog, SlowlogParseError } from './parse-slowlog';

type Encoded = number | { b64: string } | Encoded[];
const decode = (value: Encoded): unknown =>
  Array.isArray(value) ? value.map(decode) : typeof value === 'object' ? Buffer.from(value.b64, 'base64') : value;

// Captured with ioredis callBuffer('SLOWLOG', 'GET', '10') from Redis 7.0.15.
const reply = decode(JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'slowlog-get-7.0.json'), 'utf8')));

describe('parseSlowlog on a Redis 7.0 reply', () => {
  const entries = parseSlowlog(reply);

  it('reads every entry newest first with ids, times, durations and clients', () => {
    expect(entries.map((e) => e.id)).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0].slice(0, entries.length));
    expect(entries[0]).toMatchObject({ args: ['sort', 's', 'ALPHA', 'LIMIT', '0', '5'], clientName: 'capture' });
    expect(entries[0]!.client).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(entries[0]!.timestamp).toBeGreaterThan(1_700_000_000);
    expect(entries.every((e) => Number.isInteger(e.durationMicros))).toBe(true);
  });

  it('keeps Redis\'s note on cut argument lists (SADD s + 40 members: 31 kept)', () => {
    const sadd = entries.find((e) => e.args[0] === 'sadd')!;
    expect(sadd.args).toHaveLength(32);
    expect(sadd.args[31]).toBe('... (11 more arguments)');
  });

  it('escapes binary arguments', () => {
    expect(entries.find((e) => e.args[0] === 'set' && e.args[1]!.startsWith('bin:'))?.args[1]).toBe('bin:\\xff\\x00\\n');
  });
});

describe('parseSlowlog on bad replies', () => {
  it.each([['not an array', 'OK'], ['a short entry', [[1, 2]]], ['a text id', [[Buffer.from('x'), 1, 1, []]]]])('throws on %s', (_n, bad) => {
    expect(() => parseSlowlog(bad)).toThrow(SlowlogParseError);
  });

  it('reads an empty slow log', () => expect(parseSlowlog([])).toEqual([]));
});
