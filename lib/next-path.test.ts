import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './next-path';

describe('safeNextPath', () => {
  it('keeps a page of the dashboard with its query and hash', () => {
    expect(safeNextPath('/instances/default/slowlog?view=archive&range=7d&q=KEYS')).toBe(
      '/instances/default/slowlog?view=archive&range=7d&q=KEYS',
    );
    expect(safeNextPath('/instances/a%20b/keys?pattern=user%3A*#top')).toBe('/instances/a%20b/keys?pattern=user%3A*#top');
    expect(safeNextPath('/')).toBe('/');
    // A query may hold anything, even a malformed escape: it is not where a browser goes.
    expect(safeNextPath('/instances/x/keys?pattern=100%25&q=//evil.example')).toBe('/instances/x/keys?pattern=100%25&q=//evil.example');
  });

  it.each([
    ['//evil.example', 'protocol-relative'],
    ['//evil.example/instances', 'protocol-relative with a path'],
    ['https://evil.example', 'absolute'],
    ['https://evil.example/instances/default', 'absolute with a path'],
    ['javascript:alert(1)', 'a script URL'],
    ['/\\evil.example', 'backslash (a slash to browsers)'],
    ['\\\\evil.example', 'two backslashes'],
    ['/%2F%2Fevil.example', 'encoded slashes'],
    ['%2F%2Fevil.example', 'encoded, not starting with a slash'],
    ['/%5Cevil.example', 'encoded backslash'],
    ['/%252F%252Fevil.example', 'double-encoded slashes'],
    ['/\t/evil.example', 'a tab that URL parsers strip'],
    ['/%09/evil.example', 'an encoded tab'],
    ['instances/default', 'a relative path'],
    ['', 'empty'],
    ['/login?next=/', 'the sign-in page itself'],
    ['/api/fleet', 'the API'],
    ['/_next/static/x.js', "Next's assets"],
    [`/${'a'.repeat(3000)}`, 'too long'],
  ])('refuses %s (%s) for the overview', (raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });

  it('treats a missing or repeated parameter as none', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
  });
});

describe('signInPathFor', () => {
  it('carries the page asked for, encoded', () => {
    expect(signInPathFor('/instances/default/slowlog?view=archive&q=KEYS')).toBe(
      '/login?next=%2Finstances%2Fdefault%2Fslowlog%3Fview%3Darchive%26q%3DKEYS',
    );
  });

  it('needs no next for the overview or a refused path', () => {
    expect(signInPathFor('/')).toBe('/login');
    expect(signInPathFor('//evil.example')).toBe('/login');
    expect(signInPathFor(null)).toBe('/login');
  });
});
