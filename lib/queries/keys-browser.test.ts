import { describe, expect, it } from 'vitest';
import type { KeyDetail, KeyValue } from '@/lib/keys/types';
import { keyBrowserSearch, matchFor, nextValuePage, parseKeyBrowserParams } from './keys-browser';

describe('key browser URL state', () => {
  it('round-trips every field, and keeps defaults out of the URL', () => {
    const state = parseKeyBrowserParams(new URLSearchParams('db=2&q=user%3A42&mode=glob&type=hash&cursor=123&view=tree&delim=%2F&key=YWI%3D'));
    expect(state).toEqual({ db: 2, q: 'user:42', mode: 'glob', type: 'hash', cursor: '123', view: 'tree', delimiter: '/', key: 'YWI=' });
    expect(parseKeyBrowserParams(new URLSearchParams(keyBrowserSearch(state).slice(1)))).toEqual(state);
    expect(keyBrowserSearch(parseKeyBrowserParams(new URLSearchParams('')))).toBe('');
  });

  it('falls back to defaults on malformed values', () => {
    expect(parseKeyBrowserParams(new URLSearchParams('db=-1&mode=regex&cursor=abc&view=grid'))).toMatchObject({
      db: null, mode: 'contains', cursor: '0', view: 'list',
    });
  });

  it('leaves the db to the instance unless the URL names one (db=0 included)', () => {
    expect(parseKeyBrowserParams(new URLSearchParams('')).db).toBeNull();
    expect(parseKeyBrowserParams(new URLSearchParams('db=0')).db).toBe(0);
    expect(keyBrowserSearch({ ...parseKeyBrowserParams(new URLSearchParams('')), db: 0 })).toBe('?db=0');
  });

  it('turns the search box into a SCAN pattern per mode', () => {
    expect(matchFor({ q: 'search:[draft]*', mode: 'contains' })).toBe('*search:\\[draft\\]\\**');
    expect(matchFor({ q: 'search:[draft]*', mode: 'exact' })).toBe('search:\\[draft\\]\\*');
    expect(matchFor({ q: 'user:*:session', mode: 'glob' })).toBe('user:*:session');
    expect(matchFor({ q: '', mode: 'glob' })).toBeUndefined();
  });
});

describe('nextValuePage', () => {
  const detail = (value: KeyValue) => ({ value }) as KeyDetail;

  it('continues each type where its last page ended, and stops at the end', () => {
    expect(nextValuePage(detail({ kind: 'string', offset: 65_536, b64: '', bytes: 65_536, truncated: true }))).toEqual({ offset: '131072' });
    expect(nextValuePage(detail({ kind: 'string', offset: 0, b64: '', bytes: 10, truncated: false }))).toBeUndefined();
    expect(nextValuePage(detail({ kind: 'hash', cursor: '17', done: false, truncated: true, entries: [] }))).toEqual({ cursor: '17' });
    expect(nextValuePage(detail({ kind: 'set', cursor: '0', done: true, truncated: false, members: [] }))).toBeUndefined();
    expect(nextValuePage(detail({ kind: 'list', offset: 100, truncated: true, items: Array(100).fill({ index: 0, value: { text: '', bytes: 0 } }) }))).toEqual({ offset: '200' });
    expect(nextValuePage(detail({ kind: 'zset', by: 'score', offset: 0, truncated: true, members: Array(3).fill({ member: { text: '', bytes: 0 }, score: '1' }) }))).toEqual({ offset: '3' });
    expect(nextValuePage(detail({ kind: 'stream', order: 'desc', truncated: true, entries: [], next: '5-0' }))).toEqual({ end: '5-0' });
    expect(nextValuePage(detail({ kind: 'stream', order: 'asc', truncated: true, entries: [], next: '5-0' }))).toEqual({ start: '5-0' });
    expect(nextValuePage(detail({ kind: 'stream', order: 'asc', truncated: false, entries: [] }))).toBeUndefined();
    expect(nextValuePage(detail({ kind: 'too-large', truncated: true, capBytes: 4, elementBytes: 10, at: '0' }))).toBeUndefined();
  });
});
