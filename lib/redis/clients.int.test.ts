// The clients page's API on a real redis-server (SPEC section 11): 60 connections of a named pool
// grouped under that name, the kill removes exactly the client asked for (and is audited),
// Redlens's own connections are refused by name and by id, an unknown id is 404, a viewer 403,
// read-only mode 403, bad input 400.
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, cookieOf, useAppEnv } from '@/test/app-env';
import { eventually, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { GET as listRoute } from '@/app/api/instances/[id]/clients/route';
import { POST as killRoute } from '@/app/api/instances/[id]/clients/kill/route';
import { POST as login } from '@/app/api/auth/login/route';
import { listAudit } from '@/lib/audit/audit-log';
import type { ClientsResponse } from '@/lib/clients/types';
import { server as redlens } from '@/lib/server/root';

const ADMIN_PASSWORD = 'clients-admin-password';
const VIEWER_PASSWORD = 'clients-viewer-password';
const POOL_SIZE = 60;

let redis: RedisServer;
const opened: Redis[] = [];

async function connect(name: string): Promise<Redis> {
  const client = new Redis({ port: redis.port, host: '127.0.0.1', connectionName: name, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  opened.push(client);
  await client.ping();
  return client;
}

const clientId = async (client: Redis) => Number(await client.client('ID'));

function useApp(env: Record<string, string> = {}) {
  useAppEnv({
    instances: [{ id: 'c', name: 'Clients', url: redisUrl(redis) }],
    env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD, ...env },
  });
}

async function signIn(role: 'admin' | 'viewer'): Promise<string> {
  const response = await call(login, 'POST', '/api/auth/login', {
    body: { username: role, password: role === 'admin' ? ADMIN_PASSWORD : VIEWER_PASSWORD },
  });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

async function list(cookie: string): Promise<ClientsResponse> {
  const response = await call(listRoute, 'GET', '/api/instances/c/clients', { headers: { cookie }, params: { id: 'c' } });
  expect(response.status).toBe(200);
  return (await response.json()) as ClientsResponse;
}

const kill = (cookie: string, body: unknown) =>
  call(killRoute, 'POST', '/api/instances/c/clients/kill', { headers: { cookie }, params: { id: 'c' }, body });

/** Client ids Redis lists now, seen from a connection that is not Redlens's. */
async function connectedIds(observer: Redis): Promise<Set<number>> {
  const reply = String(await observer.client('LIST'));
  return new Set([...reply.matchAll(/^id=(\d+) /gm)].map((match) => Number(match[1])));
}

beforeAll(async () => {
  redis = await startTestRedis();
});

afterEach(async () => {
  await redlens().registry.close();
});

afterAll(async () => {
  for (const client of opened) client.disconnect();
  await stopRedis(redis, { removeDir: true });
});

describe('GET /api/instances/{id}/clients', () => {
  it('groups 60 connections of a named pool under that name, and counts Redlens’s own apart', async () => {
    useApp();
    const pool = await Promise.all(Array.from({ length: POOL_SIZE }, () => connect('pool-a')));
    const viewer = await signIn('viewer');
    const body = await list(viewer);

    const poolGroup = body.groups.byName.find((group) => group.key === 'pool-a');
    expect(poolGroup).toMatchObject({ count: POOL_SIZE, own: 0 });
    // Biggest group first.
    expect(body.groups.byName[0]!.key).toBe('pool-a');
    expect(body.groups.byHost.find((group) => group.key === '127.0.0.1')!.count).toBe(body.total);
    const poolIds = new Set(await Promise.all(pool.map(clientId)));
    expect(new Set(body.clients.filter((client) => client.name === 'pool-a').map((client) => client.id))).toEqual(poolIds);

    // Redlens's connection that read the list is its own, and the count without them is the application's.
    const ownRows = body.clients.filter((client) => client.own);
    expect(ownRows.length).toBeGreaterThanOrEqual(1);
    expect(ownRows.every((client) => client.name.startsWith('redlens') && client.flagged.includes('own'))).toBe(true);
    expect(ownRows.some((client) => client.cmd === 'client|list')).toBe(true);
    expect(body.own).toBe(ownRows.length);
    expect(body.total - body.own).toBe(opened.length);
    expect(body).toMatchObject({ truncated: false, limit: 10_000, target: { clientsMax: 50, pool: { min: 2, max: 20 } } });
    for (const client of pool) client.disconnect();
  });

  it('flags a blocked client and a subscriber', async () => {
    useApp();
    const blocked = await connect('blocked-worker');
    void blocked.blpop('clients:test:queue', 0).catch(() => undefined);
    const subscriber = await connect('subscriber');
    await subscriber.subscribe('clients:test:channel');
    const viewer = await signIn('viewer');
    await eventually(async () => {
      const body = await list(viewer);
      expect(body.clients.find((client) => client.name === 'blocked-worker')!.flagged).toContain('blocked');
      expect(body.clients.find((client) => client.name === 'subscriber')!.flagged).toContain('pubsub');
    });
    blocked.disconnect();
    subscriber.disconnect();
  });
});

describe('POST /api/instances/{id}/clients/kill', () => {
  it('kills exactly the client asked for, and audits it', async () => {
    useApp();
    const observer = await connect('observer');
    const target = await connect('kill-me');
    const sibling = await connect('kill-me');
    const targetId = await clientId(target);
    const siblingId = await clientId(sibling);
    const before = await connectedIds(observer);

    const response = await kill(await signIn('admin'), { clientId: targetId });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ killed: true, clientId: targetId, name: 'kill-me', addr: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });

    const after = await connectedIds(observer);
    expect(after.has(targetId)).toBe(false);
    expect(after.has(siblingId)).toBe(true);
    // Nothing else went: every other connection of before is still there.
    expect([...before].filter((id) => id !== targetId && !after.has(id))).toEqual([]);

    const [entry] = listAudit(redlens().store, { action: 'client.kill', limit: 1 });
    expect(entry).toMatchObject({ actor: 'admin', instance: 'c', outcome: 'ok' });
    expect(entry!.target).toMatch(new RegExp(`^client id=${targetId} name=kill-me addr=127\\.0\\.0\\.1:\\d+$`));

    // The same id again: gone, 404.
    expect((await kill(await signIn('admin'), { clientId: targetId })).status).toBe(404);
  });

  it('refuses Redlens’s own connections: by name, and the connection that asks by its id', async () => {
    useApp();
    const observer = await connect('observer');
    const admin = await signIn('admin');
    const body = await list(admin);
    const own = body.clients.find((client) => client.own)!;
    const refused = await kill(admin, { clientId: own.id });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Redlens's own connections/);
    expect((await connectedIds(observer)).has(own.id)).toBe(true);

    // Any connection named redlens…, not only the one that asks.
    const impostor = await connect('redlens-other');
    const impostorId = await clientId(impostor);
    expect((await kill(admin, { clientId: impostorId })).status).toBe(400);
    expect((await connectedIds(observer)).has(impostorId)).toBe(true);

    // The connection that sends the kill, even when it is not named (a name Redis refused, or renamed).
    await redlens().registry.get('c')!.run((client) => client.client('SETNAME', 'renamed'));
    const selfId = await redlens().registry.get('c')!.run(async (client) => Number(await client.client('ID')));
    const self = await kill(admin, { clientId: selfId });
    expect(self.status).toBe(400);
    expect((await connectedIds(observer)).has(selfId)).toBe(true);
    const [entry] = listAudit(redlens().store, { action: 'client.kill', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'failed' });
    expect(entry!.target).toMatch(new RegExp(`^client id=${selfId} name=renamed addr=127\\.0\\.0\\.1:\\d+$`));
  });

  it('answers 404 for an unknown id, 400 for bad input, 403 for a viewer and in read-only mode', async () => {
    useApp();
    const target = await connect('kept');
    const targetId = await clientId(target);
    const admin = await signIn('admin');
    expect((await kill(admin, { clientId: 999_999_999 })).status).toBe(404);
    for (const body of [{}, { clientId: 'x' }, { clientId: -1 }, { clientId: 1.5 }, { clientId: 1, extra: true }]) {
      const response = await kill(admin, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    const viewerKill = await kill(await signIn('viewer'), { clientId: targetId });
    expect(viewerKill.status).toBe(403);

    await redlens().registry.close();
    useApp({ REDLENS_READ_ONLY: '1' });
    expect((await kill(await signIn('admin'), { clientId: targetId })).status).toBe(403);
    expect(await target.ping()).toBe('PONG');
  });
});
