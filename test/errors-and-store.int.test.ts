// Through the route handlers, as Next calls them: a renamed INFO is "up" with a 502 INFO, and the
// admins' store status reports a deleted redlens.db while viewers may not read it.
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cookieOf, useAppEnv } from './app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';
import { GET as info } from '@/app/api/instances/[id]/info/route';
import { GET as instances } from '@/app/api/instances/route';
import { GET as store } from '@/app/api/store/route';
import { POST as login } from '@/app/api/auth/login/route';
import { server as redlens } from '@/lib/server/root';
import { STORE_FILE } from '@/lib/store/sqlite';

const ADMIN_PASSWORD = 'errors-admin-password';
const VIEWER_PASSWORD = 'errors-viewer-password';

describe('routes with INFO renamed away, and the store status', () => {
  let server: RedisServer;
  let dataDir: string;
  const cookies: Partial<Record<'viewer' | 'admin', string>> = {};

  beforeAll(async () => {
    server = await startTestRedis({ args: ['--rename-command', 'INFO', ''] });
    ({ dataDir } = useAppEnv({
      instances: [{ id: 'n', name: 'No INFO', url: redisUrl(server) }],
      env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD },
    }));
    for (const role of ['viewer', 'admin'] as const) {
      const response = await call(login, 'POST', '/api/auth/login', {
        body: { username: role, password: role === 'admin' ? ADMIN_PASSWORD : VIEWER_PASSWORD },
      });
      expect(response.status).toBe(200);
      cookies[role] = cookieOf(response);
    }
  });

  afterAll(async () => {
    await redlens().registry.close();
    await stopRedis(server, { removeDir: true });
  });

  it('lists the instance as up and answers its INFO with 502 REDIS_COMMAND_DENIED', async () => {
    const list = await call(instances, 'GET', '/api/instances', { headers: { cookie: cookies.viewer } });
    expect(list.status).toBe(200);
    expect((await list.json()).instances).toEqual([expect.objectContaining({ id: 'n', status: 'up' })]);

    const response = await call(info, 'GET', '/api/instances/n/info', { headers: { cookie: cookies.viewer }, params: { id: 'n' } });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: {
        code: 'REDIS_COMMAND_DENIED',
        message: 'Redis does not offer the INFO command: it is renamed or disabled (rename-command in redis.conf), or this Redis version lacks it.',
      },
    });
  });

  it('tells admins, and only admins, that redlens.db was deleted', async () => {
    const healthy = await call(store, 'GET', '/api/store', { headers: { cookie: cookies.admin } });
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true });
    expect((await call(store, 'GET', '/api/store', { headers: { cookie: cookies.viewer } })).status).toBe(403);
    expect((await call(store, 'GET', '/api/store')).status).toBe(401);

    unlinkSync(path.join(dataDir, STORE_FILE));
    const faulty = await call(store, 'GET', '/api/store', { headers: { cookie: cookies.admin } });
    expect(faulty.status).toBe(200);
    const body = await faulty.json();
    expect(body).toMatchObject({ ok: false, problem: expect.stringMatching(/redlens\.db was deleted while Redlens runs/) });
    expect(Number.isNaN(Date.parse(body.since))).toBe(false);
  });
});
