// The config audit of a Redis Cluster instance on a real 3-master, 3-replica cluster: each node's
// audit summed up, the drift between its nodes (a setting changed on one master only), applying
// per node only, and the fleet drift comparing the cluster once beside a plain Redis.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './cluster-setup';
import { call, cookieOf, useAppEnv } from './app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';
import { server as redlens } from '@/lib/server/root';
import type { RedisInstance } from '@/lib/redis/registry';
import { CLUSTER_VALUES_DIFFER, type ClusterConfigResponse, type ConfigDriftResponse } from '@/lib/config-audit/types';

let cluster: TestCluster;
let plain: RedisServer;
let adminCookie: string;
let masters: RedisInstance[];
let changed: Redis;
const ADMIN_PASSWORD = 'cluster-config-admin-password';

const configRoute = await import('@/app/api/instances/[id]/config/route');
const { GET: fleetDrift } = await import('@/app/api/fleet/config-drift/route');
const { POST: login } = await import('@/app/api/auth/login/route');

beforeAll(async () => {
  [cluster, plain] = await Promise.all([startTestCluster(), startTestRedis()]);
  useAppEnv({
    instances: [{ id: 'shop', name: 'Shop', cluster: cluster.urls.slice(0, 1) }, { id: 'plain', name: 'Plain', url: redisUrl(plain) }],
    env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  adminCookie = cookieOf(await call(login, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
  masters = await redlens().registry.get('shop')!.topology!.masters();
  changed = new Redis({ host: '127.0.0.1', port: Number(masters[1]!.address.split(':').at(-1)), lazyConnect: true });
}, 60_000);

afterAll(async () => {
  changed?.disconnect();
  await redlens().registry.close();
  await Promise.all([cluster?.stop(), plain && stopRedis(plain, { removeDir: true })]);
});

const readClusterConfig = async () => {
  const response = await call(configRoute.GET, 'GET', '/api/instances/shop/config', { params: { id: 'shop' }, headers: { cookie: adminCookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as ClusterConfigResponse;
};

describe('the config audit of a cluster', () => {
  it('audits every node, summed up, with a link id for each node’s own page', async () => {
    const body = await readClusterConfig();
    expect(body.kind).toBe('cluster');
    expect(body.nodes).toHaveLength(6);
    expect(body.nodes.filter((node) => node.role === 'master').map((node) => node.instanceId).sort()).toEqual(masters.map((m) => m.id).sort());
    for (const node of body.nodes) {
      expect(node).toMatchObject({ reachable: true, version: expect.stringMatching(/^\d+\.\d+/) });
      // The node's own page audits the same settings: the summary is its audit's.
      const own = await call(configRoute.GET, 'GET', `/api/instances/${node.instanceId}/config`, { params: { id: node.instanceId }, headers: { cookie: adminCookie } });
      expect(own.status).toBe(200);
      const { summary } = (await own.json()) as { summary: ClusterConfigResponse['nodes'][number]['summary'] };
      expect(node.summary).toEqual(summary);
      expect(node.worst).toBe(summary!.warn > 0 ? 'warn' : summary!.info > 0 ? 'info' : 'ok');
    }
    expect(body.drift.find((setting) => setting.name === 'maxmemory-policy')).toBeUndefined();
  });

  it('shows a setting changed on one master only as drift, with each node’s value', async () => {
    await changed.config('SET', 'maxmemory-policy', 'allkeys-lfu');
    const body = await readClusterConfig();
    const policy = body.drift.find((setting) => setting.name === 'maxmemory-policy');
    expect(policy).toBeDefined();
    expect(policy!.values).toHaveLength(6);
    for (const { instance, value } of policy!.values) expect(value).toBe(instance === masters[1]!.id ? 'allkeys-lfu' : 'noeviction');
    // Each node's own ports and files are not drift.
    expect(body.drift.map((setting) => setting.name)).not.toContain('port');
    expect(body.drift.map((setting) => setting.name)).not.toContain('cluster-config-file');
  });

  it('applies a setting per node only: on the cluster as a whole it is a 400 naming the nodes', async () => {
    const response = await call(configRoute.PATCH, 'PATCH', '/api/instances/shop/config', {
      params: { id: 'shop' }, headers: { cookie: adminCookie }, body: { name: 'maxmemory-policy', value: 'allkeys-lru' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain(masters[0]!.id);
    expect(await changed.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'allkeys-lfu']);
  });

  it('compares the cluster once in the fleet drift, its nodes not listed apart', async () => {
    const response = await call(fleetDrift, 'GET', '/api/fleet/config-drift', { headers: { cookie: adminCookie } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ConfigDriftResponse;
    expect(body.instances.map((instance) => instance.instance).sort()).toEqual(['plain', 'shop']);
    const shop = body.instances.find((instance) => instance.instance === 'shop')!;
    expect(shop).toMatchObject({ reachable: true, cluster: { nodes: 6, read: 6 } });
    expect(shop.cluster!.drifting).toBeGreaterThanOrEqual(1);
    const policy = body.settings.find((setting) => setting.name === 'maxmemory-policy')!;
    expect(policy.values).toEqual([{ instance: 'shop', value: CLUSTER_VALUES_DIFFER }, { instance: 'plain', value: 'noeviction' }]);
    // cluster-enabled differs between the cluster and the plain Redis: real fleet drift.
    expect(body.settings.find((setting) => setting.name === 'cluster-enabled')?.values).toEqual([
      { instance: 'shop', value: 'yes' }, { instance: 'plain', value: 'no' },
    ]);
  });
});
