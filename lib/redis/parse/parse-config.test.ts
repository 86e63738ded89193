import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigParseError, parseConfigGet } from './parse-config';
import { RespParser } from './resp';

/** The first reply of a RESP capture, as the wire carried it. */
const captured = (name: string) =>
  new RespParser().feed(readFileSync(path.join(import.meta.dirname, 'fixtures', name)))[0];

describe('parseConfigGet', () => {
  it('reads CONFIG GET slowlog-* of Redis 7.0 as name -> value', () => {
    expect(parseConfigGet(captured('config-get-slowlog-7.0.resp'))).toEqual({
      'slowlog-log-slower-than': '10000',
      'slowlog-max-len': '128',
    });
  });

  it('reads the strings ioredis hands back, and no match as nothing', () => {
    expect(parseConfigGet(['databases', '16'])).toEqual({ databases: '16' });
    expect(parseConfigGet([])).toEqual({});
  });

  it.each([
    ['a non-array', 'OK'],
    ['an odd number of items', ['databases']],
    ['a non-text value', ['databases', 16]],
  ])('throws on %s', (_name, reply) => {
    expect(() => parseConfigGet(reply)).toThrow(ConfigParseError);
  });
});
