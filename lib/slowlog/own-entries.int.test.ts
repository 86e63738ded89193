// Redlens's own slow log entries (client name `redlens…`, SPEC section 8) through the real
// handlers: hidden by default in the live view and the archive (entries, counts, charts and
// fingerprints), counted as hidden, shown with `own=show`; any other `own` is a 400.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlowlogArchiveResponse, SlowlogLiveResponse } from '@/lib/slowlog/types';
import { server as redlens } from '@/lib/server/root';
import { call, cookieOf, useAppEnv } from '@/test/app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';

const VIEWER_PASSWORD = 'own-viewer';
const { POST: login } = await import('@/app/api/auth/login/route');
const { GET: live } = await import('@/app/api/instances/[id]/slowlog/route');
const { GET: archive } = await import('@/app/api/instances/[id]/slowlog/archive/route');

let server: RedisServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestRedis({ args: ['--slowlog-log-slower-than', '0', '--slowlog-max-len', '1000'] });
  useAppEnv({
    instances: [{ id: 'ow', url: redisUrl(server) }],
    env: { REDLENS_ADMIN_PASSWORD: 'own-admin', REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD, REDLENS_SESSION_SECRET: 'o'.repeat(64) },
  });
  const response = await call(login, 'POST', '/api/auth/login', { body: { username: 'viewer', password: VIEWER_PASSWORD } });
  cookie = cookieOf(response);
  // The application's slow commands, then Redlens's own (a key listing's SCAN, a read).
  const app = new Redis({ port: server.port, host: '127.0.0.1', connectionName: 'app' });
  const own = new Redis({ port: server.port, host: '127.0.0.1', connectionName: 'redlens-keys' });
  await app.set('app:k', 'v');
  await app.hgetall('app:h');
  await own.scan('0', 'COUNT', '1000');
  await own.type('app:k');
  app.disconnect();
  own.disconnect();
  // The sampler archives them (its own INFO, PINGs and SLOWLOG GET are Redlens's too).
  await redlens().sampler.sample(redlens().registry.get('ow')!);
});

afterAll(async () => {
  await redlens().registry.close();
  await stopRedis(server, { removeDir: true });
});

const get = (handler: typeof live, path: string) => call(handler, 'GET', path, { params: { id: 'ow' }, headers: { cookie } });
const names = (entries: Array<{ clientName: string }>) => new Set(entries.map((entry) => entry.clientName));
const ownNames = (entries: Array<{ clientName: string }>) => [...names(entries)].filter((name) => name.startsWith('redlens'));

describe("Redlens's own slow log entries", () => {
  it('are hidden from the live view by default, counted, and shown with own=show', async () => {
    const hidden = (await (await get(live, '/api/instances/ow/slowlog')).json()) as SlowlogLiveResponse;
    expect(ownNames(hidden.entries)).toEqual([]);
    expect(hidden.entries.map((entry) => entry.args[0]?.toLowerCase())).toEqual(expect.arrayContaining(['set', 'hgetall']));
    expect(hidden.own.shown).toBe(false);
    expect(hidden.own.hidden).toBeGreaterThanOrEqual(2);
    expect(hidden.analysis.some((stat) => stat.fingerprint.startsWith('redlens: ') || stat.fingerprint === 'SCAN')).toBe(false);

    const shown = (await (await get(live, '/api/instances/ow/slowlog?own=show')).json()) as SlowlogLiveResponse;
    expect(shown.own).toEqual({ shown: true, hidden: 0 });
    expect(ownNames(shown.entries)).toContain('redlens-keys');
    expect(shown.entries.length).toBeGreaterThanOrEqual(hidden.entries.length + hidden.own.hidden);
    // Shown, they rank apart under the marked fingerprint.
    expect(shown.analysis.map((stat) => stat.fingerprint)).toContain('redlens: SCAN');
  });

  it('are hidden from the archive by default: entries, totals, charts and fingerprints', async () => {
    const hidden = (await (await get(archive, '/api/instances/ow/slowlog/archive')).json()) as SlowlogArchiveResponse;
    expect(ownNames(hidden.entries)).toEqual([]);
    expect(hidden.entries.length).toBeGreaterThanOrEqual(2);
    expect(hidden.total).toBe(hidden.entries.length);
    expect(hidden.analysis.fingerprints.map((stat) => stat.fingerprint)).not.toContain('redlens: SCAN');
    expect(hidden.analysis.perMinute.reduce((sum, [, n]) => sum + n, 0)).toBe(hidden.entries.length);

    const shown = (await (await get(archive, '/api/instances/ow/slowlog/archive?own=show')).json()) as SlowlogArchiveResponse;
    expect(shown.own).toEqual({ shown: true, hidden: 0 });
    expect(ownNames(shown.entries)).toContain('redlens-keys');
    expect(shown.total).toBe(shown.entries.length);
    expect(hidden.own).toEqual({ shown: false, hidden: shown.entries.length - hidden.entries.length });
    expect(shown.analysis.fingerprints.map((stat) => stat.fingerprint)).toContain('redlens: SCAN');

    // A search leaves them out too, unless shown.
    const search = (await (await get(archive, '/api/instances/ow/slowlog/archive?q=scan')).json()) as SlowlogArchiveResponse;
    expect(search.entries).toEqual([]);
    const searchShown = (await (await get(archive, '/api/instances/ow/slowlog/archive?q=scan&own=show')).json()) as SlowlogArchiveResponse;
    expect(searchShown.entries.map((entry) => entry.clientName)).toEqual(['redlens-keys']);
  });

  it('exports without them unless asked', async () => {
    const csv = await (await get(archive, '/api/instances/ow/slowlog/archive?format=csv')).text();
    expect(csv).not.toContain('redlens');
    const withOwn = await (await get(archive, '/api/instances/ow/slowlog/archive?format=csv&own=show')).text();
    expect(withOwn).toContain('redlens-keys');
  });

  it('refuses any other own with a 400 before reading anything', async () => {
    for (const [handler, path] of [[live, '/api/instances/ow/slowlog?own=yes'], [archive, '/api/instances/ow/slowlog/archive?own=1']] as const) {
      const response = await get(handler, path);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
  });
});
