import { describe, expect, it } from 'vitest';
import { clearedSessionCookieHeader, createSessionValue, readSessionValue, sessionCookieHeader, SESSION_TTL_SECONDS } from './session';

const secret = 'a'.repeat(64);
const now = Date.UTC(2026, 10, 25, 12);

describe('session cookie values', () => {
  it('round-trips a signed session until it expires', () => {
    const value = createSessionValue({ sid: 's1', username: 'admin', role: 'admin' }, secret, now);
    expect(readSessionValue(value, secret, now)).toMatchObject({ username: 'admin', role: 'admin' });
    expect(readSessionValue(value, secret, now + (SESSION_TTL_SECONDS - 1) * 1000)).not.toBeNull();
    expect(readSessionValue(value, secret, now + SESSION_TTL_SECONDS * 1000)).toBeNull();
  });

  it('refuses a value signed with another secret', () => {
    const value = createSessionValue({ sid: 's1', username: 'admin', role: 'admin' }, 'b'.repeat(64), now);
    expect(readSessionValue(value, secret, now)).toBeNull();
  });

  it('refuses a payload changed after signing (viewer made admin)', () => {
    const value = createSessionValue({ sid: 's2', username: 'viewer', role: 'viewer' }, secret, now);
    const [, signature] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ sid: 's2', username: 'viewer', role: 'admin', exp: now / 1000 + 60 })).toString('base64url');
    expect(readSessionValue(`${forged}.${signature}`, secret, now)).toBeNull();
  });

  it.each(['', '.', 'abc', 'a.b.c', 'not base64!.sig'])('refuses the malformed value %j', (value) => {
    expect(readSessionValue(value, secret, now)).toBeNull();
  });
});

describe('session cookie headers', () => {
  it('is HttpOnly, SameSite=Strict, expires, and Secure only over HTTPS', () => {
    expect(sessionCookieHeader('v', false)).toBe(`redlens_session=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_SECONDS}`);
    expect(sessionCookieHeader('v', true)).toMatch(/; Secure$/);
    expect(clearedSessionCookieHeader(false)).toContain('Max-Age=0');
  });
});
