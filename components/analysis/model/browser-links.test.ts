import { describe, expect, it } from 'vitest';
import { countUnescapedStars } from '@/lib/keys/glob';
import { MAX_MATCH_BYTES, MAX_MATCH_STARS } from '@/lib/keys/constants';
import { parseKeyBrowserParams } from '@/lib/queries/keys-browser';
import { keyHref, namespaceGlob, namespaceHref } from './browser-links';

const paramsOf = (href: string) => new URL(href, 'http://x').searchParams;

describe('namespaceGlob', () => {
  it('turns folded segments into wildcards and keeps the rest literal', () => {
    expect(namespaceGlob('user:{id}:session')).toBe('user:*:session');
    expect(namespaceGlob('user:{id}:mealplan:{date}')).toBe('user:*:mealplan:*');
    expect(namespaceGlob('search:{hash}')).toBe('search:*');
    expect(namespaceGlob('config')).toBe('config');
  });

  it('escapes glob characters of literal segments', () => {
    expect(namespaceGlob('odd*[name]?:{id}')).toBe('odd\\*\\[name\\]\\?:*');
  });

  it('widens a segment shown with escapes (bytes a URL cannot carry) to a wildcard', () => {
    expect(namespaceGlob('bin\\xff:{id}:x')).toBe('*:*:x');
    expect(namespaceGlob('user:\\u202egnp:{id}')).toBe('user:*:*');
  });

  it('lets a namespace cut for length match whatever followed the cut', () => {
    expect(namespaceGlob('report:{id}:…')).toBe('report:*:*');
    expect(namespaceGlob('averyveryl…')).toBe('averyveryl*');
  });

  it('has no link for the folded (other) row', () => {
    expect(namespaceGlob('(other)')).toBeNull();
  });

  it('stays within the key browser bounds by matching more, never fewer', () => {
    const deep = namespaceGlob('a:{id}:b:{id}:c:{id}:d:{id}:e:{id}:f');
    expect(deep).toBe('a:*:b:*:c:*:d:*');
    expect(countUnescapedStars(deep!)).toBe(MAX_MATCH_STARS);
    const long = namespaceGlob(`${'x'.repeat(300)}:{id}`)!;
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(MAX_MATCH_BYTES);
    expect(long.endsWith('*')).toBe(true);
  });
});

describe('namespaceHref', () => {
  it('opens the key browser of that db, filtered by the glob', () => {
    const href = namespaceHref('prod cache', 3, 'user:{id}:session')!;
    expect(href.startsWith('/instances/prod%20cache/keys?')).toBe(true);
    const state = parseKeyBrowserParams(paramsOf(href));
    expect(state).toMatchObject({ db: 3, q: 'user:*:session', mode: 'glob', key: null });
  });

  it('is null for (other)', () => {
    expect(namespaceHref('a', 0, '(other)')).toBeNull();
  });
});

describe('keyHref', () => {
  const b64 = (name: string) => Buffer.from(name).toString('base64');

  it('opens the key by its bytes and lists it alone', () => {
    const state = parseKeyBrowserParams(paramsOf(keyHref('a', 0, { key: 'recipe:*42', keyB64: b64('recipe:*42') })));
    expect(state).toMatchObject({ db: 0, q: 'recipe:*42', mode: 'exact', key: b64('recipe:*42') });
  });

  it('keeps the bytes but not the search when the name is shown with escapes', () => {
    const keyB64 = Buffer.from([0x6b, 0xff]).toString('base64');
    const state = parseKeyBrowserParams(paramsOf(keyHref('a', 2, { key: 'k\\xff', keyB64 })));
    expect(state).toMatchObject({ db: 2, q: '', key: keyB64 });
  });
});
