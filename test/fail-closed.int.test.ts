// The route wrapper's edges through real handlers and a real Redis: bodies read as bounded
// streams, empty bodies where a route takes none, the audit row written (pending) before a change
// and the change refused when it cannot be, sign-out that holds when the store fails, sessions
// bound to their username, and the Host check against DNS rebinding.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listAudit } from '@/lib/audit/audit-log';
import { createSessionValue, readSessionValue } from '@/lib/auth/session';
import { route } from '@/lib/http/route';
import { server as redlens } from '@/lib/server/root';
import { call, cookieOf, TEST_ORIGIN, useAppEnv } from './app-env';
import { rawCommand, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const ADMIN_PASSWORD = 'fail-closed-admin';
const VIEWER_PASSWORD = 'fail-closed-viewer';
const SESSION_SECRET = 's'.repeat(64);

const { POST: login } = await import('@/app/api/auth/login/route');
const { POST: logout } = await import('@/app/api/auth/logout/route');
const { GET: me } = await import('@/app/api/auth/me/route');
const keyRoute = await import('@/app/api/instances/[id]/key/route');
const resetRoute = await import('@/app/api/instances/[id]/slowlog/reset/route');

let server: RedisServer;
beforeAll(async () => {
  server = await startTestRedis();
  useAppEnv({
    instances: [{ id: 'f', url: redisUrl(server) }],
    env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD, REDLENS_SESSION_SECRET: SESSION_SECRET },
  });
});
afterAll(async () => {
  await stopRedis(server, { removeDir: true });
});

async function signIn(role: 'admin' | 'viewer'): Promise<string> {
  const response = await call(login, 'POST', '/api/auth/login', {
    body: { username: role, password: role === 'admin' ? ADMIN_PASSWORD : VIEWER_PASSWORD },
  });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

/** A body of `total` bytes streamed in 16 KiB chunks, counting how much the reader pulled. */
function streamedBody(total: number) {
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      counter.cancelled = true;
    },
    // Nothing is produced ahead of a read: `pulled` counts what the reader asked for.
  }, { highWaterMark: 0 });
  return { stream, counter };
}

const postRaw = (handler: (request: Request) => Promise<Response>, body: BodyInit | null, headers: Record<string, string> = {}) =>
  handler(new Request(`${TEST_ORIGIN}/api/test`, {
    method: 'POST',
    headers: { host: '127.0.0.1:3000', origin: TEST_ORIGIN, 'x-forwarded-for': '127.0.0.1', ...headers },
    body,
    // Node's fetch needs this to send a stream as a request body.
    ...(body instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit));

describe('request bodies', () => {
  const echo = route({ role: 'anyone', body: z.object({ note: z.string() }).partial().strict() }, ({ body }) => ({ body }));

  it('stops reading a 100 MB streamed body at 64 KiB, cancels the stream, and answers 413', async () => {
    const { stream, counter } = streamedBody(100 * 1024 * 1024);
    const started = performance.now();
    const response = await postRaw(echo, stream);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024 + 16 * 1024);
    expect(counter.cancelled).toBe(true);
  });

  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const { stream, counter } = streamedBody(1024);
    const response = await postRaw(echo, stream, { 'content-length': '10000000000' });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBe(0);
  });

  it('refuses sign-in bodies over the limit the same way', async () => {
    const { stream, counter } = streamedBody(10 * 1024 * 1024);
    const response = await postRaw(login, stream);
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThan(128 * 1024);
  });

  it('accepts a body of exactly the limit, and answers 400 for one that is not JSON', async () => {
    const json = JSON.stringify({ note: 'x'.repeat(64 * 1024 - 11) });
    expect(Buffer.byteLength(json)).toBe(64 * 1024);
    expect((await postRaw(echo, json)).status).toBe(200);
    expect((await postRaw(echo, '{"note":')).status).toBe(400);
  });

  it('accepts an empty body as {} where a route takes no parameters (curl -X POST)', async () => {
    const admin = await signIn('admin');
    for (const body of [null, '', '{}']) {
      const response = await postRaw((request) => resetRoute.POST(request, { params: Promise.resolve({ id: 'f' }) }), body, { cookie: admin });
      expect(response.status, `body ${JSON.stringify(body)}`).toBe(200);
      expect(await response.json()).toMatchObject({ reset: true });
    }
    // A route that needs fields still refuses an empty body.
    expect((await postRaw(login, null)).status).toBe(400);
    expect((await postRaw(echo, '{"other":1}')).status).toBe(400);
  });
});

describe('audit first, fail closed', () => {
  const store = () => redlens().store;
  // query_only makes every write fail with SQLITE_READONLY, as a full or read-only disk would.
  const breakStore = () => store().pragma('query_only = 1');
  const fixStore = () => store().pragma('query_only = 0');
  beforeEach(fixStore);
  afterAll(fixStore);

  it('writes the audit row as pending before the handler runs, and the outcome after', async () => {
    const admin = await signIn('admin');
    let seenWhileRunning: string | undefined;
    const probe = route({ role: 'admin', body: z.object({}).strict(), audit: 'test.probe' }, ({ auditTarget }) => {
      auditTarget('probe-target');
      seenWhileRunning = listAudit(store(), { action: 'test.probe', limit: 1 })[0]?.outcome;
      return { ran: true };
    });
    expect((await call(probe, 'POST', '/api/test', { headers: { cookie: admin }, body: {} })).status).toBe(200);
    expect(seenWhileRunning).toBe('pending');
    expect(listAudit(store(), { action: 'test.probe', limit: 1 })[0]).toMatchObject({ outcome: 'ok', target: 'probe-target', actor: 'admin' });
  });

  it('refuses DELETE and PATCH of a key with 503 when the audit row cannot be written, and Redis is untouched', async () => {
    const admin = await signIn('admin');
    expect(await rawCommand(server.port, 'SET fail:closed 1 EX 600')).toBe('+OK');
    const keyB64 = Buffer.from('fail:closed').toString('base64');
    breakStore();
    const deleted = await call(keyRoute.DELETE, 'DELETE', `/api/instances/f/key?db=0&keyB64=${encodeURIComponent(keyB64)}`, {
      headers: { cookie: admin }, params: { id: 'f' },
    });
    const expired = await call(keyRoute.PATCH, 'PATCH', '/api/instances/f/key', {
      headers: { cookie: admin }, params: { id: 'f' }, body: { db: 0, keyB64, ttlMs: 5_000 },
    });
    fixStore();
    for (const response of [deleted, expired]) {
      expect(response.status).toBe(503);
      expect((await response.json()).error.code).toBe('STORE_UNAVAILABLE');
    }
    expect(await rawCommand(server.port, 'EXISTS fail:closed')).toBe(':1');
    expect(Number((await rawCommand(server.port, 'TTL fail:closed')).slice(1))).toBeGreaterThan(500);
  });

  it('never runs the handler of any audited route when the row cannot be written', async () => {
    const admin = await signIn('admin');
    let ran = false;
    const probe = route({ role: 'admin', audit: 'test.never' }, () => {
      ran = true;
      return {};
    });
    breakStore();
    const response = await call(probe, 'POST', '/api/test', { headers: { cookie: admin } });
    fixStore();
    expect(response.status).toBe(503);
    expect(ran).toBe(false);
  });

  it('signs out in memory when the store cannot record it: 503 that says so, the cookie cleared and refused after', async () => {
    const viewer = await signIn('viewer');
    breakStore();
    const response = await call(logout, 'POST', '/api/auth/logout', { headers: { cookie: viewer } });
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe('STORE_UNAVAILABLE');
    expect(body.error.message).toMatch(/signed out of this Redlens server/);
    expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await call(me, 'GET', '/api/auth/me', { headers: { cookie: viewer } })).status).toBe(401);
    fixStore();
    expect((await call(me, 'GET', '/api/auth/me', { headers: { cookie: viewer } })).status).toBe(401);
  });

  it('refuses a sign-in it cannot record (503), and the refused attempts are still refused', async () => {
    breakStore();
    const good = await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
    const bad = await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'wrong' } });
    fixStore();
    expect(good.status).toBe(503);
    expect(good.headers.get('set-cookie')).toBeNull();
    expect(bad.status).toBe(401);
  });
});

describe('sessions', () => {
  it("are bound to their username: a viewer's live session id re-signed as admin is refused", async () => {
    const viewer = await signIn('viewer');
    const session = readSessionValue(viewer.split('=')[1]!, SESSION_SECRET)!;
    expect(session.username).toBe('viewer');
    const forged = createSessionValue({ sid: session.sid, username: 'admin', role: 'admin' }, SESSION_SECRET);
    expect((await call(me, 'GET', '/api/auth/me', { headers: { cookie: `redlens_session=${forged}` } })).status).toBe(401);
    expect((await call(me, 'GET', '/api/auth/me', { headers: { cookie: viewer } })).status).toBe(200);
  });
});

describe('the Host check', () => {
  it('refuses sign-in and changes sent to a host the dashboard does not serve, even with a matching Origin', async () => {
    const rebinding = { host: 'evil.example:3000', origin: 'http://evil.example:3000' };
    const signInThere = await call(login, 'POST', '/api/auth/login', {
      headers: rebinding, body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(signInThere.status).toBe(403);
    expect((await signInThere.json()).error.code).toBe('FORBIDDEN');

    const admin = await signIn('admin');
    expect(await rawCommand(server.port, 'SET host:check 1')).toBe('+OK');
    const keyB64 = encodeURIComponent(Buffer.from('host:check').toString('base64'));
    const deleted = await call(keyRoute.DELETE, 'DELETE', `/api/instances/f/key?db=0&keyB64=${keyB64}`, {
      headers: { ...rebinding, cookie: admin }, params: { id: 'f' },
    });
    expect(deleted.status).toBe(403);
    expect(await rawCommand(server.port, 'EXISTS host:check')).toBe(':1');
    // localhost is the same loopback server: accepted.
    const local = await call(login, 'POST', '/api/auth/login', {
      headers: { host: 'localhost:3000', origin: 'http://localhost:3000' }, body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(local.status).toBe(200);
  });
});
