// Every API route x every kind of caller -> the status SPEC sections 5-7 require. A route added
// under app/api without a row here fails the completeness test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cookieOf, useAppEnv } from './app-env';
import { rawCommand, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const ADMIN_PASSWORD = 'matrix-admin-password';
const VIEWER_PASSWORD = 'matrix-viewer-password';
const TOKEN = 'matrix-api-token-0123456789';

const ACTORS = ['anonymous', 'anonymousSubrequest', 'viewer', 'admin', 'token', 'adminForeignOrigin', 'adminNoOrigin'] as const;
type Actor = (typeof ACTORS)[number];
/** `after`: run after each call of the row (a started job is waited for, so the next caller may start one). */
type Row = { path: string; params?: Record<string, string>; body?: unknown; expected: Record<Actor, number>; after?: () => Promise<void> };

const READ = { anonymous: 401, anonymousSubrequest: 401, viewer: 200, admin: 200, token: 200, adminForeignOrigin: 200, adminNoOrigin: 200 };

const MATRIX: Record<string, Row> = {
  'GET /api/healthz': {
    path: '/api/healthz',
    expected: { anonymous: 200, anonymousSubrequest: 200, viewer: 200, admin: 200, token: 200, adminForeignOrigin: 200, adminNoOrigin: 200 },
  },
  'POST /api/auth/login': {
    path: '/api/auth/login',
    body: { username: 'admin', password: ADMIN_PASSWORD },
    expected: { anonymous: 200, anonymousSubrequest: 200, viewer: 200, admin: 200, token: 200, adminForeignOrigin: 403, adminNoOrigin: 403 },
  },
  'POST /api/auth/logout': {
    path: '/api/auth/logout',
    expected: { anonymous: 401, anonymousSubrequest: 401, viewer: 200, admin: 200, token: 200, adminForeignOrigin: 403, adminNoOrigin: 403 },
  },
  'GET /api/auth/me': { path: '/api/auth/me', expected: READ },
  'GET /api/instances': { path: '/api/instances', expected: READ },
  'GET /api/instances/[id]/info': { path: '/api/instances/m/info', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/metrics': { path: '/api/instances/m/metrics?range=1h', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/health': { path: '/api/instances/m/health', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/events': { path: '/api/instances/m/events', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/changes': { path: '/api/instances/m/changes', params: { id: 'm' }, expected: READ },
  'GET /api/fleet': { path: '/api/fleet', expected: READ },
  'GET /api/metrics': { path: '/api/metrics', expected: READ },
  'GET /api/instances/[id]/slowlog': { path: '/api/instances/m/slowlog', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/commands': { path: '/api/instances/m/commands', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/latency': { path: '/api/instances/m/latency', params: { id: 'm' }, expected: READ },
  // A plain instance: {sentinel: null} (test/sentinel.int.test.ts asks real sentinels).
  'GET /api/instances/[id]/sentinel': { path: '/api/instances/m/sentinel', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/report': { path: '/api/instances/m/report?week=2026-W01', params: { id: 'm' }, expected: READ },
  'GET /api/report': { path: '/api/report?week=2026-W01&format=md', expected: READ },
  // A plain instance: 400, not a cluster (test/cluster-page.int.test.ts asks a real cluster).
  'GET /api/instances/[id]/cluster': { path: '/api/instances/m/cluster', params: { id: 'm' }, expected: { anonymous: 401, anonymousSubrequest: 401, viewer: 400, admin: 400, token: 400, adminForeignOrigin: 400, adminNoOrigin: 400 } },
  'GET /api/instances/[id]/slowlog/archive': { path: '/api/instances/m/slowlog/archive', params: { id: 'm' }, expected: READ },
  'POST /api/instances/[id]/slowlog/reset': {
    path: '/api/instances/m/slowlog/reset',
    params: { id: 'm' },
    body: {},
    expected: { anonymous: 401, anonymousSubrequest: 401, viewer: 403, admin: 200, token: 403, adminForeignOrigin: 403, adminNoOrigin: 403 },
  },
  'GET /api/store': {
    path: '/api/store',
    expected: { anonymous: 401, anonymousSubrequest: 401, viewer: 403, admin: 200, token: 403, adminForeignOrigin: 200, adminNoOrigin: 200 },
  },
  'GET /api/audit': {
    path: '/api/audit',
    expected: { anonymous: 401, anonymousSubrequest: 401, viewer: 403, admin: 200, token: 403, adminForeignOrigin: 200, adminNoOrigin: 200 },
  },
};

// Key browser rows: each key route acts on a key of its own, seeded below (keyB64 of "matrix:...").
const ADMIN_ONLY = { anonymous: 401, anonymousSubrequest: 401, viewer: 403, admin: 200, token: 403, adminForeignOrigin: 403, adminNoOrigin: 403 };
const matrixKey = (name: string) => encodeURIComponent(Buffer.from(`matrix:${name}`).toString('base64'));
Object.assign(MATRIX, {
  'GET /api/instances/[id]/keys': { path: '/api/instances/m/keys?count=10', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/keys/databases': { path: '/api/instances/m/keys/databases', params: { id: 'm' }, expected: READ },
  'GET /api/instances/[id]/key': { path: `/api/instances/m/key?db=0&keyB64=${matrixKey('read')}`, params: { id: 'm' }, expected: READ },
  'DELETE /api/instances/[id]/key': { path: `/api/instances/m/key?db=0&keyB64=${matrixKey('delete')}`, params: { id: 'm' }, expected: ADMIN_ONLY },
  'PATCH /api/instances/[id]/key': {
    path: '/api/instances/m/key', params: { id: 'm' },
    body: { db: 0, keyB64: Buffer.from('matrix:ttl').toString('base64'), ttlMs: 60_000 }, expected: ADMIN_ONLY,
  },
} satisfies Record<string, Row>);

// Keyspace analysis rows: viewers may start, read and cancel a run (SPEC section 5). One runs per
// instance at a time, so each start is waited for; the run rows read a run started in beforeAll.
const VIEWER_MUTATION = { anonymous: 401, anonymousSubrequest: 401, viewer: 200, admin: 200, token: 200, adminForeignOrigin: 403, adminNoOrigin: 403 };
const analysisSettled = async () => {
  const { server } = await import('@/lib/server/root');
  const jobs = server().jobs;
  await Promise.all(jobs.list('m', 'analysis', 10).map((run) => jobs.settled(run.id)));
};
Object.assign(MATRIX, {
  'GET /api/instances/[id]/analysis': { path: '/api/instances/m/analysis', params: { id: 'm' }, expected: READ },
  'POST /api/instances/[id]/analysis': {
    path: '/api/instances/m/analysis', params: { id: 'm' }, body: { db: 0, mode: 'full' },
    expected: { ...VIEWER_MUTATION, viewer: 202, admin: 202, token: 202 }, after: analysisSettled,
  },
  // path and params get the run's id in beforeAll.
  'GET /api/instances/[id]/analysis/[runId]': { path: '', expected: READ },
  'DELETE /api/instances/[id]/analysis/[runId]': { path: '', expected: VIEWER_MUTATION },
} satisfies Record<string, Row>);

// Key editing, bulk delete and export rows (SPEC section 12). The edit replaces matrix:edit's
// value; the bulk delete is a dry run (deletes nothing); the job rows read and cancel a dry run
// started in beforeAll (finished: cancel answers it as it is).
const bulkDeleteSettled = async () => {
  const { server } = await import('@/lib/server/root');
  const jobs = server().jobs;
  await Promise.all(jobs.list('m', 'bulk-delete', 10).map((job) => jobs.settled(job.id)));
};
Object.assign(MATRIX, {
  'PUT /api/instances/[id]/key': {
    path: '/api/instances/m/key', params: { id: 'm' },
    body: { db: 0, keyB64: Buffer.from('matrix:edit').toString('base64'), type: 'string', op: { set: { valueB64: Buffer.from('2').toString('base64') } } },
    expected: ADMIN_ONLY,
  },
  'POST /api/instances/[id]/keys/delete': {
    path: '/api/instances/m/keys/delete', params: { id: 'm' }, body: { db: 0, match: 'matrix:bulk:*', dryRun: true },
    expected: { ...ADMIN_ONLY, admin: 202 }, after: bulkDeleteSettled,
  },
  // path and params get the job's id in beforeAll.
  'GET /api/instances/[id]/jobs/[jobId]': { path: '', expected: READ },
  'DELETE /api/instances/[id]/jobs/[jobId]': { path: '', expected: ADMIN_ONLY },
  'GET /api/instances/[id]/keys/export': { path: '/api/instances/m/keys/export?match=matrix:*', params: { id: 'm' }, expected: READ },
  'POST /api/instances/[id]/keys/meta': {
    path: '/api/instances/m/keys/meta', params: { id: 'm' }, body: { db: 0, keysB64: [Buffer.from('matrix:read').toString('base64')] },
    expected: VIEWER_MUTATION,
  },
} satisfies Record<string, Row>);
// Weekly report delivery (SPEC section 13): the reports sent to the webhook; the [id] row reads
// one recorded in beforeAll.
Object.assign(MATRIX, {
  'GET /api/reports/sent': { path: '/api/reports/sent', expected: READ },
  // path and params get the sent report's id in beforeAll.
  'GET /api/reports/sent/[id]': { path: '', expected: READ },
  // Admins only; this server has no `reports` configured, so the admin's call is a 409 that says so.
  'POST /api/reports/sent/[id]/resend': { path: '', expected: { ...ADMIN_ONLY, admin: 409 } },
} satisfies Record<string, Row>);

// Clients rows (SPEC section 11): the kill's body gets the id of a connection opened in beforeAll,
// which only the admin's call kills (every other caller is refused before Redis is asked).
Object.assign(MATRIX, {
  'GET /api/instances/[id]/clients': { path: '/api/instances/m/clients', params: { id: 'm' }, expected: READ },
  'POST /api/instances/[id]/clients/kill': { path: '/api/instances/m/clients/kill', params: { id: 'm' }, body: { clientId: 0 }, expected: ADMIN_ONLY },
} satisfies Record<string, Row>);

// Config audit rows (SPEC section 3): the apply sets slowlog-max-len to its default, 128.
Object.assign(MATRIX, {
  'GET /api/instances/[id]/config': { path: '/api/instances/m/config', params: { id: 'm' }, expected: READ },
  'PATCH /api/instances/[id]/config': {
    path: '/api/instances/m/config', params: { id: 'm' }, body: { name: 'slowlog-max-len', value: '128' }, expected: ADMIN_ONLY,
  },
  'GET /api/fleet/config-drift': { path: '/api/fleet/config-drift', expected: READ },
} satisfies Record<string, Row>);

const API_DIR = path.join(import.meta.dirname, '..', 'app', 'api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === 'route.ts' ? [full] : [];
  });
}

/** "GET /api/instances/[id]/info" for every exported method of every route file. */
function declaredRoutes(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const urlPath = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join('/')}`;
    const methods = [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return methods.map((method) => `${method} ${urlPath}`);
  });
}

describe('API authorization matrix', () => {
  let server: RedisServer;
  const cookies: Partial<Record<'viewer' | 'admin', string>> = {};
  type Handler = Parameters<typeof call>[0];
  const handlers: Record<string, Handler> = {};

  beforeAll(async () => {
    server = await startTestRedis();
    useAppEnv({
      instances: [{ id: 'm', name: 'Matrix', url: redisUrl(server) }],
      env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD, REDLENS_API_TOKEN: TOKEN },
    });
    for (const key of Object.keys(MATRIX)) {
      const [method, urlPath] = key.split(' ') as [string, string];
      const routeModule = (await import(/* @vite-ignore */ path.join(API_DIR, urlPath.replace(/^\/api\//, ''), 'route.ts'))) as Record<string, Handler>;
      handlers[key] = routeModule[method]!;
    }
    for (const role of ['viewer', 'admin'] as const) {
      const response = await call(handlers['POST /api/auth/login']!, 'POST', '/api/auth/login', {
        body: { username: role, password: role === 'admin' ? ADMIN_PASSWORD : VIEWER_PASSWORD },
      });
      expect(response.status).toBe(200);
      cookies[role] = cookieOf(response);
    }
  });

  // The keys the key browser rows read, expire and delete.
  beforeAll(async () => {
    expect(await rawCommand(server.port, 'MSET matrix:read 1 matrix:ttl 1 matrix:delete 1 matrix:edit 1 matrix:bulk:1 1')).toBe('+OK');
  });

  // The run the analysis run rows read and cancel (a finished run: cancel answers it as it is).
  beforeAll(async () => {
    const response = await call(handlers['POST /api/instances/[id]/analysis']!, 'POST', '/api/instances/m/analysis', {
      headers: { cookie: cookies.viewer }, body: { db: 0, mode: 'full' }, params: { id: 'm' },
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await analysisSettled();
    for (const key of ['GET /api/instances/[id]/analysis/[runId]', 'DELETE /api/instances/[id]/analysis/[runId]']) {
      Object.assign(MATRIX[key]!, { path: `/api/instances/m/analysis/${id}`, params: { id: 'm', runId: id } });
    }
  });

  // The bulk delete job the job rows read and cancel: a finished dry run.
  beforeAll(async () => {
    const response = await call(handlers['POST /api/instances/[id]/keys/delete']!, 'POST', '/api/instances/m/keys/delete', {
      headers: { cookie: cookies.admin }, body: { db: 0, match: 'matrix:bulk:*', dryRun: true }, params: { id: 'm' },
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await bulkDeleteSettled();
    for (const key of ['GET /api/instances/[id]/jobs/[jobId]', 'DELETE /api/instances/[id]/jobs/[jobId]']) {
      Object.assign(MATRIX[key]!, { path: `/api/instances/m/jobs/${id}`, params: { id: 'm', jobId: id } });
    }
  });

  // The sent report the [id] row reads: claimed in the store as the weekly delivery claims a week.
  beforeAll(async () => {
    const { server } = await import('@/lib/server/root');
    const id = server().sentReports.claim('2026-W01', Date.now(), '# Weekly report: the fleet, 2026-W01\n');
    expect(id).not.toBeNull();
    Object.assign(MATRIX['GET /api/reports/sent/[id]']!, { path: `/api/reports/sent/${id}`, params: { id: String(id) } });
    Object.assign(MATRIX['POST /api/reports/sent/[id]/resend']!, { path: `/api/reports/sent/${id}/resend`, params: { id: String(id) } });
  });

  // The connection the kill row's admin call kills.
  let killVictim: Redis | undefined;
  beforeAll(async () => {
    killVictim = new Redis({ host: '127.0.0.1', port: server.port, connectionName: 'matrix-kill', maxRetriesPerRequest: 0, retryStrategy: () => null });
    killVictim.on('error', () => undefined);
    MATRIX['POST /api/instances/[id]/clients/kill']!.body = { clientId: Number(await killVictim.client('ID')) };
  });

  afterAll(async () => {
    killVictim?.disconnect();
    await stopRedis(server, { removeDir: true });
  });

  it('has a row for every route under app/api, and no row for a route that is gone', () => {
    expect(declaredRoutes().sort()).toEqual(Object.keys(MATRIX).sort());
  });

  // Signing out revokes a session, so each case signs in afresh rather than share one cookie.
  async function signedIn(role: 'viewer' | 'admin'): Promise<string> {
    const response = await call(handlers['POST /api/auth/login']!, 'POST', '/api/auth/login', {
      body: { username: role, password: role === 'admin' ? ADMIN_PASSWORD : VIEWER_PASSWORD },
    });
    return cookieOf(response);
  }

  async function headersOf(actor: Actor | 'adminRebindHost'): Promise<Record<string, string | undefined>> {
    switch (actor) {
      case 'anonymous':
        return {};
      case 'anonymousSubrequest':
        // CVE-2025-29927: this header made Next skip middleware; it must change nothing here.
        return { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };
      case 'viewer':
        return { cookie: await signedIn('viewer') };
      case 'admin':
        return { cookie: await signedIn('admin') };
      case 'token':
        return { authorization: `Bearer ${TOKEN}` };
      case 'adminForeignOrigin':
        return { cookie: await signedIn('admin'), origin: 'http://evil.example' };
      case 'adminNoOrigin':
        return { cookie: await signedIn('admin'), origin: undefined };
      case 'adminRebindHost':
        return { cookie: await signedIn('admin'), host: 'rebind.evil.example:3000', origin: 'http://rebind.evil.example:3000' };
    }
  }

  const cases = Object.entries(MATRIX).flatMap(([key, row]) => [
    ...ACTORS.map((actor) => [key, actor, row.expected[actor]] as const),
    // DNS rebinding: the admin's cookie, sent to the attacker's hostname with its matching
    // Origin. Every change (and sign-in) is refused; reads answer as they do for the admin.
    [key, 'adminRebindHost', key.startsWith('GET ') ? row.expected.admin : 403] as const,
  ]);

  it.each(cases)('%s as %s -> %i', async (key, actor, expected) => {
    const row = MATRIX[key]!;
    const [method] = key.split(' ') as [string];
    const response = await call(handlers[key]!, method, row.path, { headers: await headersOf(actor), body: row.body, params: row.params });
    await row.after?.();
    expect(response.status).toBe(expected);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    if (expected >= 400) {
      const body = await response.json();
      expect(body.error.code).toBe({ 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 409: 'CONFLICT' }[expected as 400 | 401 | 403 | 409]);
    }
  });

  it('refuses a token it does not know, even next to a valid session cookie', async () => {
    const response = await call(handlers['GET /api/instances']!, 'GET', '/api/instances', {
      headers: { authorization: 'Bearer wrong-token', cookie: cookies.admin },
    });
    expect(response.status).toBe(401);
  });

  it('refuses a forged session cookie', async () => {
    const forged = `${cookies.viewer!.split('.')[0]}.AAAA`;
    const response = await call(handlers['GET /api/auth/me']!, 'GET', '/api/auth/me', { headers: { cookie: forged } });
    expect(response.status).toBe(401);
  });
});
