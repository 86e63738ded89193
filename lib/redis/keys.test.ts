import { describe, expect, it } from 'vitest';
import { keyName, nextScanHint } from './keys';
import { parseGroup, Shower } from './values';

describe('nextScanHint', () => {
  it('asks for what is still missing when nothing is filtered', () => {
    expect(nextScanHint(300, 1000, 1000, false)).toBe(300);
  });

  it('walks further when a filter lets few keys through, up to COUNT 1000', () => {
    expect(nextScanHint(500, 500, 50, true)).toBe(1000);
    expect(nextScanHint(100, 200, 100, true)).toBe(200);
    expect(nextScanHint(100, 200, 0, true)).toBe(1000);
  });
});

describe('keyName', () => {
  it('shows plain names as they are and escapes the rest', () => {
    expect(keyName(Buffer.from('recipe:42'))).toEqual({ key: 'recipe:42', keyB64: 'cmVjaXBlOjQy' });
    expect(keyName(Buffer.from('a\\b')).key).toBe('a\\\\b');
    expect(keyName(Buffer.from([0x61, 0xff])).key).toBe('a\\xff');
    expect(keyName(Buffer.from('crème')).key).toBe('crème');
  });
});

describe('Shower', () => {
  it('cuts a long element on a UTF-8 boundary and says how long it was', () => {
    const shown = new Shower().show(Buffer.from('é'.repeat(600)));
    expect(shown.cut).toBe(true);
    expect(shown.bytes).toBe(1200);
    expect(shown.text).toBe('é'.repeat(512));
  });

  it('stops showing element text once the page budget is spent', () => {
    const shower = new Shower();
    const big = Buffer.alloc(1024, 'x');
    for (let i = 0; i < 256; i += 1) shower.show(big);
    expect(shower.show(big)).toEqual({ text: '', bytes: 1024, cut: true });
  });
});

describe('parseGroup', () => {
  it('reads XINFO GROUPS as Redis 7 answers it', () => {
    expect(parseGroup(['name', 'workers', 'consumers', 2, 'pending', 5, 'last-delivered-id', '1-0', 'entries-read', 3, 'lag', 1])).toEqual({
      name: 'workers', consumers: 2, pending: 5, lastDeliveredId: '1-0', lag: 1,
    });
    expect(parseGroup(['name', 'g', 'consumers', 0, 'pending', 0, 'last-delivered-id', '0-0', 'lag', null]).lag).toBeNull();
  });
});
