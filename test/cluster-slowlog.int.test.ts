// The slow log of a Redis Cluster instance on a real 3-master, 3-replica cluster: every node's
// entries merged newest first with the node beside each, "Reset all nodes" archiving each node
// before its reset with one audit entry per node, and the archive of the cluster being the
// archives of its nodes together.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './cluster-setup';
import { stopRedis } from './redis';
import { call, cookieOf, useAppEnv } from './app-env';
import { server as redlens } from '@/lib/server/root';
import { listAudit } from '@/lib/audit/audit-log';
import type { RedisInstance } from '@/lib/redis/registry';
import type { ClusterSlowlogResetResponse, SlowlogArchiveResponse, SlowlogLiveResponse } from '@/lib/slowlog/types';

let cluster: TestCluster;
let adminCookie: string;
let masters: RedisInstance[];
/** A direct connection to each master, by its instance id (the test's own commands, not Redlens's). */
const direct = new Map<string, Redis>();
const ADMIN_PASSWORD = 'cluster-slowlog-admin-password';

const routes = {
  live: (await import('@/app/api/instances/[id]/slowlog/route')).GET,
  reset: (await import('@/app/api/instances/[id]/slowlog/reset/route')).POST,
  archive: (await import('@/app/api/instances/[id]/slowlog/archive/route')).GET,
};
const { POST: login } = await import('@/app/api/auth/login/route');

const portOf = (instance: RedisInstance) => Number(instance.address.split(':').at(-1));
const marker = (instance: RedisInstance, round: string) => `marker-${round}-${portOf(instance)}`;

/** Logs every command on each master, then one ECHO per master that names it. */
async function logMarkers(round: string): Promise<void> {
  for (const master of masters) {
    const client = direct.get(master.id)!;
    await client.config('SET', 'slowlog-log-slower-than', '0');
    await client.echo(marker(master, round));
  }
}

beforeAll(async () => {
  cluster = await startTestCluster();
  useAppEnv({ instances: [{ id: 'shop', name: 'Shop', cluster: cluster.urls.slice(0, 1) }], env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  adminCookie = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
  masters = await redlens().registry.get('shop')!.topology!.masters();
  for (const master of masters) direct.set(master.id, new Redis({ host: '127.0.0.1', port: portOf(master), lazyConnect: true }));
}, 60_000);

afterAll(async () => {
  for (const client of direct.values()) client.disconnect();
  await redlens().registry.close();
  await cluster?.stop();
});


describe('the slow log of a cluster', () => {
  it('merges every node newest first, each entry with its node; Redlens’s own stay hidden', async () => {
    expect(masters).toHaveLength(3);
    await logMarkers('live');
    const response = await call(routes.live, 'GET', '/api/instances/shop/slowlog', { params: { id: 'shop' }, headers: { cookie: adminCookie } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SlowlogLiveResponse;
    expect(body.nodes).toHaveLength(6);
    expect(body.nodes!.filter((node) => node.role === 'master').map((node) => node.instanceId).sort()).toEqual(masters.map((m) => m.id).sort());
    expect(body.nodes!.every((node) => node.error === null && typeof node.length === 'number')).toBe(true);
    expect(body.length).toBe(body.nodes!.reduce((sum, node) => sum + node.length!, 0));
    for (const master of masters) {
      const entry = body.entries.find((candidate) => candidate.args[1] === marker(master, 'live'));
      expect(entry, `the ECHO logged on ${master.address}`).toBeDefined();
      expect(entry!.node).toEqual({ instanceId: master.id, address: master.address });
    }
    // Newest first across nodes.
    const times = body.entries.map((entry) => entry.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.entries.every((entry) => !entry.clientName.startsWith('redlens'))).toBe(true);
    // The nodes differ on slowlog-log-slower-than (0 on the masters only): not one value.
    expect(body.config.slowerThanMicros).toBeNull();
  });

  it('resets every node after archiving it, with a typed result and an audit entry per node', async () => {
    await logMarkers('reset');
    const response = await call(routes.reset, 'POST', '/api/instances/shop/slowlog/reset', { params: { id: 'shop' }, headers: { cookie: adminCookie }, body: {} });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ClusterSlowlogResetResponse;
    expect(body.nodes).toHaveLength(6);
    expect(body).toMatchObject({ reset: 6, failed: 0 });
    expect(body.nodes.every((node) => node.outcome === 'reset' && node.redisReset && node.error === null)).toBe(true);
    expect(body.archived).toBe(body.nodes.reduce((sum, node) => sum + node.archived!, 0));

    for (const master of masters) {
      // Gone from Redis ...
      const held = (await direct.get(master.id)!.slowlog('GET', '-1')) as Array<[number, number, number, string[]]>;
      expect(held.some((entry) => entry[3][1] === marker(master, 'reset'))).toBe(false);
      // ... and kept in the node's own archive.
      const archived = await redlens().slowlog.query(master.id, { limit: 5000, own: 'show' });
      expect(archived.entries.some((entry) => entry.args[1] === marker(master, 'reset'))).toBe(true);
      expect(body.nodes.find((node) => node.instanceId === master.id)!.archived).toBeGreaterThan(0);
    }

    const store = redlens().store;
    const perNode = listAudit(store, { action: 'slowlog.reset', limit: 100 });
    expect(perNode.map((entry) => entry.instance).sort()).toEqual(body.nodes.map((node) => node.instanceId).sort());
    expect(perNode.every((entry) => entry.outcome === 'ok' && entry.actor === 'admin')).toBe(true);
    const whole = listAudit(store, { action: 'slowlog.reset-all', limit: 10 });
    expect(whole).toHaveLength(1);
    expect(whole[0]).toMatchObject({ instance: 'shop', outcome: 'ok', target: expect.stringContaining('6 of 6 nodes reset') });
  });

  it('still resets one node from the node’s own page', async () => {
    const node = masters[1]!;
    await logMarkers('one');
    const response = await call(routes.reset, 'POST', `/api/instances/${node.id}/slowlog/reset`, { params: { id: node.id }, headers: { cookie: adminCookie }, body: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reset: true });
    const stillHeld = (await direct.get(masters[0]!.id)!.slowlog('GET', '-1')) as Array<[number, number, number, string[]]>;
    expect(stillHeld.some((entry) => entry[3][1] === marker(masters[0]!, 'one'))).toBe(true);
  });

  it('answers the archive of the cluster as its nodes’ archives together, keyset-paged', async () => {
    const first = await call(routes.archive, 'GET', '/api/instances/shop/slowlog/archive?limit=2', { params: { id: 'shop' }, headers: { cookie: adminCookie } });
    expect(first.status).toBe(200);
    const page = (await first.json()) as SlowlogArchiveResponse;
    expect(page.entries).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    // Every page in turn: each node's archived entries once each, with their node.
    const seen: SlowlogArchiveResponse['entries'] = [...page.entries];
    let cursor = page.nextCursor;
    for (let pages = 0; cursor && pages < 500; pages++) {
      const next = (await (await call(routes.archive, 'GET', `/api/instances/shop/slowlog/archive?limit=7&before=${encodeURIComponent(cursor)}`, { params: { id: 'shop' }, headers: { cookie: adminCookie } })).json()) as SlowlogArchiveResponse;
      seen.push(...next.entries);
      cursor = next.nextCursor;
    }
    expect(cursor).toBeNull();
    let expected = 0;
    for (const node of redlens().registry.get('shop')!.topology!.known()) {
      const own = await redlens().slowlog.query(node.id, { limit: 5000, own: 'hide' });
      expected += own.entries.length;
      for (const entry of own.entries) {
        expect(seen.filter((candidate) => candidate.runId === entry.runId && candidate.id === entry.id && candidate.node?.instanceId === node.id)).toHaveLength(1);
      }
    }
    expect(seen).toHaveLength(expected);
    for (const master of masters) expect(seen.some((entry) => entry.args[1] === marker(master, 'reset') && entry.node?.instanceId === master.id)).toBe(true);
    const times = seen.map((entry) => entry.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.total).toBe(expected);

    // The export streams the same entries, each CSV line starting with its node.
    const csv = await (await call(routes.archive, 'GET', '/api/instances/shop/slowlog/archive?format=csv&limit=5000', { params: { id: 'shop' }, headers: { cookie: adminCookie } })).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^node,time_utc,duration_us,command,/);
    expect(lines).toHaveLength(expected + 1);
    for (const master of masters) expect(lines.some((line) => line.startsWith(`${master.address},`) && line.includes(marker(master, 'reset')))).toBe(true);
    const json = (await (await call(routes.archive, 'GET', '/api/instances/shop/slowlog/archive?format=json&limit=5000', { params: { id: 'shop' }, headers: { cookie: adminCookie } })).json()) as SlowlogArchiveResponse;
    expect(json.entries.map((entry) => `${entry.node!.instanceId}/${entry.runId}/${entry.id}`)).toEqual(seen.map((entry) => `${entry.node!.instanceId}/${entry.runId}/${entry.id}`));
  });

  // Last: it stops a node for good.
  it('with a node stopped: the merge lists it as not read, and reset all says it failed, audited as failed', async () => {
    const view = await redlens().registry.get('shop')!.topology!.current();
    const replica = view.nodes.find((node) => node.role === 'replica')!;
    const server = cluster.nodes.find((node) => `127.0.0.1:${node.port}` === replica.address)!;
    await stopRedis(server);
    await logMarkers('down');

    const live = (await (await call(routes.live, 'GET', '/api/instances/shop/slowlog', { params: { id: 'shop' }, headers: { cookie: adminCookie } })).json()) as SlowlogLiveResponse;
    const stopped = live.nodes!.find((node) => node.instanceId === replica.instanceId)!;
    expect(stopped.length).toBeNull();
    expect(stopped.error).toEqual(expect.any(String));
    expect(live.nodes!.filter((node) => node.error === null)).toHaveLength(5);
    for (const master of masters) expect(live.entries.some((entry) => entry.args[1] === marker(master, 'down'))).toBe(true);

    const response = await call(routes.reset, 'POST', '/api/instances/shop/slowlog/reset', { params: { id: 'shop' }, headers: { cookie: adminCookie }, body: {} });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ClusterSlowlogResetResponse;
    expect(body).toMatchObject({ reset: 5, failed: 1 });
    expect(body.nodes.find((node) => node.instanceId === replica.instanceId)).toMatchObject({
      outcome: 'failed', archived: null, redisReset: false, error: { code: 'REDIS_UNAVAILABLE' },
    });
    const audited = listAudit(redlens().store, { action: 'slowlog.reset', instance: replica.instanceId, limit: 10 });
    expect(audited[0]).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('REDIS_UNAVAILABLE') });
    const whole = listAudit(redlens().store, { action: 'slowlog.reset-all', limit: 1 });
    expect(whole[0]!.target).toContain('5 of 6 nodes reset');
    expect(whole[0]!.target).toContain('1 failed');
  });
});
