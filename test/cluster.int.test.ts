// A Redis Cluster instance on a real 3-master, 3-replica cluster: every node discovered (each an
// instance of its own), keys routed to the master of their slot, a per-node view refused on the
// cluster as a whole, and a seed that stops answering replaced by the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './cluster-setup';
import { call, useAppEnv } from './app-env';
import { server as redlens } from '@/lib/server/root';
import { clusterNodeId } from '@/lib/redis/registry';

let cluster: TestCluster;
const TOKEN = 'cluster-api-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, origin: undefined };

beforeAll(async () => {
  cluster = await startTestCluster();
  // Two seeds: the first is asked first, the other answers when it cannot.
  useAppEnv({ instances: [{ id: 'shop', name: 'Shop', cluster: cluster.urls.slice(0, 2) }], env: { REDLENS_API_TOKEN: TOKEN } });
}, 60_000);

afterAll(async () => {
  await redlens().registry.close();
  await cluster?.stop();
});

describe('a cluster instance', () => {
  it('discovers every master and replica, masters in slot order, each a node instance of the registry', async () => {
    const topology = redlens().registry.get('shop')!.topology!;
    const view = await topology.refresh();
    expect(view.state).toMatchObject({ state: 'ok', slotsAssigned: 16384, slotsOk: 16384, knownNodes: 6, size: 3 });
    expect(view.nodes).toHaveLength(6);
    const masters = view.nodes.filter((node) => node.role === 'master');
    expect(masters.map((node) => node.slots[0]![0])).toEqual([0, 5461, 10923]);
    expect(masters.reduce((sum, node) => sum + node.slotCount, 0)).toBe(16384);
    const ids = redlens().registry.list().map((instance) => instance.id).sort();
    expect(ids).toEqual(['shop', ...cluster.ports.map((port) => clusterNodeId('shop', '127.0.0.1', port))].sort());
    for (const node of view.nodes) {
      const instance = redlens().registry.get(node.instanceId)!;
      expect(instance.memberOf).toEqual({ clusterId: 'shop', clusterName: 'Shop' });
      expect(instance.address).toBe(node.address);
    }
  });

  it('routes a key to the master serving its slot, as CLUSTER KEYSLOT and the cluster say', async () => {
    const client = cluster.client();
    await client.connect();
    const topology = redlens().registry.get('shop')!.topology!;
    for (const key of ['user:1', 'user:2', 'cart:{7}', 'feed:99', Buffer.from([0xff, 0x00])].map((name) => Buffer.from(name))) {
      const node = await topology.nodeForKey(key);
      await client.set(key, 'v');
      // The node's own connection answers for the key, without a redirection.
      expect(await node.run((connection) => connection.exists(key))).toBe(1);
    }
  });

  it('answers its PING through a node, and refuses a per-node view naming its nodes', async () => {
    const summary = await redlens().registry.get('shop')!.summary();
    expect(summary).toMatchObject({ id: 'shop', status: 'up' });
    expect(summary.address).toMatch(/^cluster of 6 nodes/);
    const { GET } = await import('@/app/api/instances/[id]/info/route');
    const response = await call(GET, 'GET', '/api/instances/shop/info', { params: { id: 'shop' }, headers: auth });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain(clusterNodeId('shop', '127.0.0.1', cluster.ports[0]!));
    // A node's own page answers.
    const node = clusterNodeId('shop', '127.0.0.1', cluster.ports[2]!);
    const nodeInfo = await call(GET, 'GET', `/api/instances/${node}/info`, { params: { id: node }, headers: auth });
    expect(nodeInfo.status).toBe(200);
  });
});
