import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXinfoGroup, parseXinfoGroups, XinfoParseError } from './parse-xinfo-groups';
import { RespParser } from './resp';

/** The first reply of a RESP capture, as the key browser's RespPipe reads it off the wire. */
const captured = (name: string) =>
  new RespParser().feed(readFileSync(path.join(import.meta.dirname, 'fixtures', name)))[0];

describe('parseXinfoGroups', () => {
  // XINFO GROUPS of a stream with three groups: `billing` read everything (two consumers, two
  // pending), `shipping` was created at `$`, `audit` was created at 0 after an XDEL, so Redis
  // cannot tell its lag (nil).
  it('reads every group of a Redis 7.0 reply', () => {
    expect(parseXinfoGroups(captured('xinfo-groups-7.0.resp'))).toEqual([
      { name: 'audit', consumers: 0, pending: 0, lastDeliveredId: '0-0', lag: null },
      { name: 'billing', consumers: 2, pending: 2, lastDeliveredId: '1700000000002-0', lag: 0 },
      { name: 'shipping', consumers: 0, pending: 0, lastDeliveredId: '1700000000002-0', lag: 0 },
    ]);
  });

  it('answers a stream without groups with none', () => {
    expect(parseXinfoGroups([])).toEqual([]);
  });

  it.each([
    ['a non-array', 'OK'],
    ['a group that is not an array', [['name', 'g'], 'x']],
  ])('throws on %s', (_name, reply) => {
    expect(() => parseXinfoGroups(reply)).toThrow(XinfoParseError);
  });
});

describe('parseXinfoGroup', () => {
  it('reads XINFO GROUPS as Redis 7 answers it', () => {
    expect(parseXinfoGroup(['name', 'workers', 'consumers', 2, 'pending', 5, 'last-delivered-id', '1-0', 'entries-read', 3, 'lag', 1])).toEqual({
      name: 'workers', consumers: 2, pending: 5, lastDeliveredId: '1-0', lag: 1,
    });
    expect(parseXinfoGroup(['name', 'g', 'consumers', 0, 'pending', 0, 'last-delivered-id', '0-0', 'lag', null]).lag).toBeNull();
  });

  it('leaves lag out for Redis before 7, which does not send it', () => {
    expect(parseXinfoGroup(['name', 'g', 'consumers', 1, 'pending', 0, 'last-delivered-id', '0-0'])).toEqual({
      name: 'g', consumers: 1, pending: 0, lastDeliveredId: '0-0',
    });
  });
});
