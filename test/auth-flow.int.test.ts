// Sign-in through the real route handlers: throttling, cookie flags, audit, read-only, and the
// admin password generated on first start.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAuthContext } from '@/lib/auth/auth-context';
import { verifyPassword } from '@/lib/auth/password';
import { loadConfig } from '@/lib/config/load';
import { route } from '@/lib/http/route';
import { call, cookieOf, useAppEnv } from './app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const { POST: login } = await import('@/app/api/auth/login/route');
const { POST: logout } = await import('@/app/api/auth/logout/route');
const { GET: audit } = await import('@/app/api/audit/route');

let server: RedisServer;
beforeAll(async () => {
  server = await startTestRedis();
});
afterAll(async () => {
  await stopRedis(server, { removeDir: true });
});

const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
  call(login, 'POST', '/api/auth/login', { body: { username, password }, headers });

describe('sign-in', () => {
  beforeAll(() => {
    useAppEnv({
      instances: [{ id: 'a', url: redisUrl(server) }],
      env: { REDLENS_ADMIN_PASSWORD: 'admin-secret', REDLENS_VIEWER_PASSWORD: 'viewer-secret' },
    });
  });

  it('sets an HttpOnly, SameSite=Strict cookie with an expiry, Secure only over HTTPS', async () => {
    const plain = await signIn('viewer', 'viewer-secret');
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({ username: 'viewer', role: 'viewer', readOnly: false });
    const cookie = plain.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^redlens_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const secure = await signIn('viewer', 'viewer-secret', { 'x-forwarded-proto': 'https', origin: 'https://127.0.0.1:3000' });
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('gives one answer for an unknown user and a wrong password', async () => {
    const unknown = await signIn('nobody', 'x', { 'x-forwarded-for': '192.0.2.50' });
    const wrong = await signIn('admin', 'x', { 'x-forwarded-for': '192.0.2.50' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('answers 429 after 5 wrong passwords from one address, even with the right one, for the rest of the minute', async () => {
    const from = { 'x-forwarded-for': '192.0.2.10' };
    for (let i = 0; i < 5; i++) expect((await signIn('admin', `wrong-${i}`, from)).status).toBe(401);
    const throttled = await signIn('admin', 'admin-secret', from);
    expect(throttled.status).toBe(429);
    expect((await throttled.json()).error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(50);
    // Another address, and another username from the same address, are not locked out.
    expect((await signIn('admin', 'admin-secret', { 'x-forwarded-for': '192.0.2.11' })).status).toBe(200);
    expect((await signIn('viewer', 'viewer-secret', from)).status).toBe(200);
  });

  it('refuses a malformed body with 400', async () => {
    for (const body of [{}, { username: 'admin' }, { username: 'admin', password: 'x', extra: 1 }, 'text']) {
      const response = await call(login, 'POST', '/api/auth/login', { body });
      expect(response.status).toBe(400);
    }
    const notJson = await login(new Request('http://127.0.0.1:3000/api/auth/login', {
      method: 'POST', headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, body: '{"username":',
    }));
    expect(notJson.status).toBe(400);
  });

  it('writes every sign-in and sign-out to the audit log, which admins can filter', async () => {
    const signedOut = cookieOf(await signIn('admin', 'admin-secret', { 'x-forwarded-for': '192.0.2.99' }));
    expect((await call(logout, 'POST', '/api/auth/logout', { headers: { cookie: signedOut } })).status).toBe(200);
    // Signed out on the server: the same cookie, replayed, is refused.
    expect((await call(audit, 'GET', '/api/audit', { headers: { cookie: signedOut } })).status).toBe(401);
    const admin = cookieOf(await signIn('admin', 'admin-secret'));

    const all = await (await call(audit, 'GET', '/api/audit', { headers: { cookie: admin } })).json();
    const actions = all.entries.map((e: { action: string; actor: string; outcome: string }) => `${e.action} ${e.actor} ${e.outcome}`);
    expect(actions[0]).toBe('auth.login admin ok');
    expect(actions[1]).toBe('auth.logout admin ok');
    expect(actions[2]).toBe('auth.login admin ok');
    expect(actions).toContain('auth.login nobody denied');
    expect(actions).toContain('auth.login admin throttled');
    expect(all.entries[2]).toMatchObject({ address: '192.0.2.99', role: 'admin' });

    const throttled = await (await call(audit, 'GET', '/api/audit?outcome=throttled', { headers: { cookie: admin } })).json();
    expect(throttled.entries.length).toBeGreaterThan(0);
    expect(throttled.entries.every((e: { outcome: string }) => e.outcome === 'throttled')).toBe(true);

    const paged = await (await call(audit, 'GET', '/api/audit?limit=2', { headers: { cookie: admin } })).json();
    expect(paged.entries).toHaveLength(2);
    const older = await (await call(audit, 'GET', `/api/audit?limit=2&before=${paged.nextBefore}`, { headers: { cookie: admin } })).json();
    expect(older.entries[0].id).toBeLessThan(paged.entries[1].id);

    for (const bad of ['?limit=0', '?limit=abc', '?outcome=maybe', '?colour=red']) {
      expect((await call(audit, 'GET', `/api/audit${bad}`, { headers: { cookie: admin } })).status).toBe(400);
    }
  });
});

describe('read-only mode', () => {
  it('refuses every admin mutation with 403, reads still work', async () => {
    useAppEnv({ instances: [{ id: 'a', url: redisUrl(server) }], env: { REDLENS_ADMIN_PASSWORD: 'admin-secret', REDLENS_READ_ONLY: '1' } });
    const mutation = route({ role: 'admin', body: z.object({}), audit: 'test.mutation' }, () => ({ changed: true }));
    const read = route({ role: 'admin' }, () => ({ read: true }));
    const response = await signIn('admin', 'admin-secret');
    expect(await response.json()).toMatchObject({ readOnly: true });
    const cookie = cookieOf(response);
    const refused = await call(mutation, 'POST', '/api/test', { headers: { cookie }, body: {} });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/read-only/);
    expect((await call(read, 'GET', '/api/test', { headers: { cookie } })).status).toBe(200);
    const entries = (await (await call(audit, 'GET', '/api/audit?action=test.mutation', { headers: { cookie } })).json()).entries;
    expect(entries).toMatchObject([{ actor: 'admin', outcome: 'denied' }]);
  });
});

describe('the admin password generated on first start', () => {
  it('is announced once, kept only as a hash (mode 0600), and signs in', async () => {
    const { dataDir } = useAppEnv({ instances: [{ id: 'a', url: redisUrl(server) }] });
    const announced: string[] = [];
    const config = loadConfig(process.env);
    const first = await buildAuthContext(config, process.env, (password) => announced.push(password));
    await buildAuthContext(config, process.env, (password) => announced.push(password));
    expect(announced).toHaveLength(1);
    const password = announced[0]!;
    expect(password.length).toBeGreaterThanOrEqual(20);

    const hashFile = path.join(dataDir, 'admin-password.scrypt');
    const stored = readFileSync(hashFile, 'utf8');
    expect(stored).not.toContain(password);
    expect(statSync(hashFile).mode & 0o777).toBe(0o600);
    expect(await verifyPassword(password, first.users.get('admin')!.passwordHash)).toBe(true);
    expect(statSync(path.join(dataDir, 'session-secret')).mode & 0o777).toBe(0o600);

    expect((await signIn('admin', password)).status).toBe(200);
  });
});
