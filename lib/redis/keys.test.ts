import { describe, expect, it } from 'vitest';
import { VALUE_PAGE_BYTES, VALUE_REPLY_MAX_BYTES } from '@/lib/keys/constants';
import { keyName, nextScanHint, shrunkCount } from './keys';
import { Shower, valuePageCount } from './values';

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

describe('shrunkCount', () => {
  it('is 0 when the batch fits', () => {
    expect(shrunkCount(1000, 990, 10_000, 1000, 100_000)).toBe(0);
  });

  it('asks for fewer when the batch would pass count or the name-byte budget', () => {
    expect(shrunkCount(1000, 1002, 10_000, 1000, 100_000)).toBe(998);
    expect(shrunkCount(1000, 1000, 10_000, 500, 100_000)).toBe(500);
    expect(shrunkCount(100, 100, 400_000, 1000, 100_000)).toBe(25);
    expect(shrunkCount(10, 10, 10, 0, 100)).toBe(1);
  });
});

describe('valuePageCount', () => {
  it('keeps what was asked for small elements or an unknown size', () => {
    expect(valuePageCount(100, 50_000, 1000)).toBe(100);
    expect(valuePageCount(100, null, 1000)).toBe(100);
    expect(valuePageCount(100, 1000, 0)).toBe(100);
  });

  it('reads fewer big elements, about VALUE_PAGE_BYTES a page, and none past the cap', () => {
    expect(valuePageCount(100, 100 * 100_000, 100)).toBe(Math.floor(VALUE_PAGE_BYTES / 100_000));
    expect(valuePageCount(100, 10 * 2 * VALUE_PAGE_BYTES, 10)).toBe(1);
    expect(valuePageCount(100, 100 * (VALUE_REPLY_MAX_BYTES + 1), 100)).toBe(0);
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
