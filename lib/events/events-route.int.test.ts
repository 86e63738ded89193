// GET /api/instances/{id}/events through the real handler: the sampler's events and the changes
// made through Redlens (a slow log reset with who did it; the audit log's admin actions, once
// each), newest first; bad ranges refused with 400 before anything is read.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsResponse } from '@/lib/events/types';
import { server as redlens } from '@/lib/server/root';
import { call, cookieOf, useAppEnv } from '@/test/app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';

const ADMIN_PASSWORD = 'events-admin';
const VIEWER_PASSWORD = 'events-viewer';

const { POST: login } = await import('@/app/api/auth/login/route');
const { GET: events } = await import('@/app/api/instances/[id]/events/route');
const { DELETE: deleteKey } = await import('@/app/api/instances/[id]/key/route');
const { POST: resetSlowlog } = await import('@/app/api/instances/[id]/slowlog/reset/route');

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis({ port: server.port, host: '127.0.0.1' });
  useAppEnv({
    instances: [{ id: 'ev', url: redisUrl(server) }],
    env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD, REDLENS_SESSION_SECRET: 'e'.repeat(64) },
  });
});
afterAll(async () => {
  redis.disconnect();
  await redlens().registry.close();
  await stopRedis(server, { removeDir: true });
});

async function signIn(username: 'admin' | 'viewer'): Promise<string> {
  const response = await call(login, 'POST', '/api/auth/login', { body: { username, password: username === 'admin' ? ADMIN_PASSWORD : VIEWER_PASSWORD } });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

const getEvents = (cookie: string | undefined, search = '') =>
  call(events, 'GET', `/api/instances/ev/events${search}`, { params: { id: 'ev' }, headers: { cookie } });

describe('GET /api/instances/{id}/events', () => {
  it('lists recorded events and changes made through Redlens, newest first, each once', async () => {
    const admin = await signIn('admin');
    const start = Date.now();
    redlens().events.record('ev', [{ at: start - 60_000, kind: 'restart', title: 'Redis restarted', detail: '10 keys before, 0 after.', before: { runId: 'a', keys: 10 }, after: { runId: 'b', keys: 0, uptimeSeconds: 3 } }]);

    await redis.set('doomed', '1');
    const keyB64 = Buffer.from('doomed').toString('base64');
    const deleted = await call(deleteKey, 'DELETE', `/api/instances/ev/key?keyB64=${encodeURIComponent(keyB64)}`, { params: { id: 'ev' }, headers: { cookie: admin } });
    expect(deleted.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reset = await call(resetSlowlog, 'POST', '/api/instances/ev/slowlog/reset', { params: { id: 'ev' }, headers: { cookie: admin }, body: {} });
    expect(reset.status).toBe(200);

    const response = await getEvents(await signIn('viewer'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as EventsResponse;
    expect(body.truncated).toBe(false);
    expect(body.events.map((event) => [event.kind, event.title, event.actor])).toEqual([
      ['slowlog-reset', 'Slow log reset by admin through Redlens', 'admin'],
      ['admin-action', 'Key deleted by admin', 'admin'],
      ['restart', 'Redis restarted', undefined],
    ]);
    const times = body.events.map((event) => event.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.events[1]!.detail).toBe('key.delete on db0 doomed (keyB64 ZG9vbWVk) by admin through Redlens.');
    expect(body.events[0]!.detail).toMatch(/^\d+ entr(y|ies) archived, then SLOWLOG RESET\.$/);
  });

  it('answers only the range asked for, and says when it cut the list', async () => {
    const viewer = await signIn('viewer');
    const now = Date.now();
    const older = (await (await getEvents(viewer, `?from=0&to=${now - 30_000}`)).json()) as EventsResponse;
    expect(older.events.map((event) => event.kind)).toEqual(['restart']);
    const one = (await (await getEvents(viewer, '?limit=1')).json()) as EventsResponse;
    expect(one.events).toHaveLength(1);
    expect(one.truncated).toBe(true);
  });

  it.each([
    ['from not a number', '?from=yesterday'],
    ['to not a number', '?to=1e400x'],
    ['from after to', '?from=2000&to=1000'],
    ['a negative time', '?from=-5'],
    ['limit 0', '?limit=0'],
    ['an unknown parameter', '?kind=restart'],
  ])('400 BAD_REQUEST for %s', async (_, search) => {
    const response = await getEvents(await signIn('viewer'), search);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('401 without a session', async () => {
    expect((await getEvents(undefined)).status).toBe(401);
  });
});
