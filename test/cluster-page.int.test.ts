// The cluster as a whole on a real 3-master, 3-replica Redis Cluster: the cluster view with each
// node's figures (GET /api/instances/{id}/cluster), the whole-cluster history row summed from the
// nodes' samples, a failover (CLUSTER FAILOVER on a replica) as a role-change event on the
// cluster, and a master stopped with its replica as node-failed and cluster-state-fail findings.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterView } from '@/lib/api/cluster';
import type { ChangesResponse } from '@/lib/changes/types';
import type { InstancesResponse } from '@/lib/api/types';
import { clusterResponse } from '@/lib/fleet/cluster';
import type { ClusterResponse, FleetResponse } from '@/lib/fleet/types';
import { clusterNodeId } from '@/lib/redis/registry';
import { server as redlens } from '@/lib/server/root';
import { call, useAppEnv } from './app-env';
import { startTestCluster, type TestCluster } from './cluster-setup';
import { eventually, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';
import { samplerHarness } from './sampler-harness';

let cluster: TestCluster;
let plain: RedisServer;
let harness: ReturnType<typeof samplerHarness>;
const clients: Redis[] = [];
const TOKEN = 'cluster-page-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, origin: undefined };

/** A client of one node of the test's own (not counted as Redlens's traffic). */
function nodeClient(port: number): Redis {
  const client = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, connectionName: 'cluster-page-test' });
  client.on('error', () => undefined);
  clients.push(client);
  return client;
}
const infoField = async (client: Redis, section: string, name: string) => Number(new RegExp(`^${name}:(\\S+)`, 'm').exec(await client.info(section))![1]);
const portOf = (address: string) => Number(address.slice(address.lastIndexOf(':') + 1));

beforeAll(async () => {
  [cluster, plain] = await Promise.all([startTestCluster(), startTestRedis()]);
  harness = samplerHarness({ shop: { url: cluster.urls[0]!, cluster: { seeds: cluster.urls.slice(0, 2) } } });
  useAppEnv({
    instances: [{ id: 'web', name: 'Web', cluster: cluster.urls.slice(0, 1) }, { id: 'plain', name: 'Plain', url: redisUrl(plain) }],
    env: { REDLENS_API_TOKEN: TOKEN },
  });
  // Keys on every master: 300 of them, and their copies on the replicas.
  const writer = cluster.client();
  await writer.connect();
  for (let i = 0; i < 300; i++) await writer.set(`page:${i}`, 'x'.repeat(100));
  // Not left to retry its slots cache once the test stops the nodes.
  writer.disconnect();
  // A new cluster's replicas are still syncing for a moment: start from linked replicas.
  for (const port of cluster.ports) {
    const client = nodeClient(port);
    await eventually(async () => expect(await client.info('replication')).toMatch(/^role:master|^master_link_status:up/m), 15_000);
  }
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await harness?.close();
  await redlens().registry.close();
  await cluster?.stop();
  if (plain) await stopRedis(plain, { removeDir: true });
});

describe('the cluster page', () => {
  it('lists its 6 nodes with roles, slots and the sampler\'s figures of each, and the whole', async () => {
    await harness.step('shop');
    await harness.step('shop');
    const view = harness.sampler.clusterView('shop')!;
    const answer = clusterResponse('shop', view, harness.sampler, harness.config.thresholds);
    expect(answer.state.state).toBe('ok');
    expect(answer.nodes).toHaveLength(6);
    expect(answer.nodes.map((node) => node.role)).toEqual(['master', 'master', 'master', 'replica', 'replica', 'replica']);
    expect(answer.nodes.filter((node) => node.role === 'master').map((node) => node.slots)).toEqual([[[0, 5460]], [[5461, 10922]], [[10923, 16383]]]);
    for (const node of answer.nodes) {
      expect(node.instanceId).toBe(clusterNodeId('shop', '127.0.0.1', portOf(node.address)));
      expect(node.status).toBe('up');
      expect(node.usedMemoryBytes).toBeGreaterThan(100_000);
      expect(node.connectedClients).toBeGreaterThanOrEqual(1);
      // Two samples: a window, so a rate (0 or more), not "none yet".
      expect(node.opsPerSec).toBeGreaterThanOrEqual(0);
      expect(node.health.status).toMatch(/^(ok|warning|critical)$/);
      if (node.role === 'replica') {
        const master = answer.nodes.find((other) => other.nodeId === node.masterNodeId)!;
        expect(node.replication).toMatchObject({ master: master.address, linkUp: true });
      } else {
        expect(node.replication).toBeNull();
      }
    }
    // Each master holds its slots' keys, each replica a copy: the whole counts the masters'.
    const masterKeys = answer.nodes.filter((node) => node.role === 'master').map((node) => node.keys!);
    expect(masterKeys.every((keys) => keys > 50)).toBe(true);
    expect(masterKeys.reduce((sum, keys) => sum + keys, 0)).toBe(300);
    expect(answer.whole).toMatchObject({ keys: 300, nodes: 6, masters: 3, nodesDown: 0 });
    expect(answer.whole.recent?.opsPerSec).toBeGreaterThanOrEqual(0);
  });

  it('records the whole under the cluster\'s id: memory summed over masters and replicas, keys and ops/s over the masters', async () => {
    const { row } = await harness.step('shop');
    const view = harness.sampler.clusterView('shop')!;
    const nodeRows = view.nodes.map((node) => ({ role: node.role, row: harness.sampler.latest(node.instanceId).row! }));
    expect(nodeRows.every(({ row: nodeRow }) => nodeRow.up && nodeRow.ts === row!.ts)).toBe(true);
    const sum = (rows: typeof nodeRows, metric: 'usedMemory' | 'keys' | 'opsPerSec' | 'connectedClients') =>
      rows.reduce((total, { row: nodeRow }) => total + nodeRow.values[metric]!, 0);
    const masters = nodeRows.filter((node) => node.role === 'master');
    expect(row!.instance).toBe('shop');
    expect(row!.values.usedMemory).toBe(sum(nodeRows, 'usedMemory'));
    expect(row!.values.connectedClients).toBe(sum(nodeRows, 'connectedClients'));
    expect(row!.values.keys).toBe(sum(masters, 'keys'));
    expect(row!.values.keys).toBe(300);
    expect(row!.values.opsPerSec).toBeCloseTo(sum(masters, 'opsPerSec'), 9);
    expect(row!.values.pingP95Ms).toBe(Math.max(...nodeRows.map(({ row: nodeRow }) => nodeRow.values.pingP95Ms!)));
    // And against each node's own INFO now: used_memory moves a little between two reads.
    const used = await Promise.all(view.nodes.map((node) => infoField(nodeClient(portOf(node.address)), 'memory', 'used_memory')));
    const total = used.reduce((a, b) => a + b, 0);
    expect(Math.abs(row!.values.usedMemory! - total) / total).toBeLessThan(0.05);
    // The history store has the whole's series beside each node's.
    const stored = harness.history.windowSummary('shop', row!.ts - 1, row!.ts + 1);
    expect(stored).toBeTruthy();
  });

  it('a CLUSTER FAILOVER sent to a replica is a role-change event on the cluster, not a restart', async () => {
    await harness.step('shop');
    const before = harness.sampler.clusterView('shop')!;
    const replica = before.nodes.find((node) => node.role === 'replica')!;
    const master = before.nodes.find((node) => node.nodeId === replica.masterNodeId)!;
    const client = nodeClient(portOf(replica.address));
    expect(await client.call('CLUSTER', 'FAILOVER')).toBe('OK');
    await eventually(async () => expect(await client.info('replication')).toMatch(/^role:master/m), 15_000);
    await eventually(async () => {
      await harness.step('shop');
      const view = harness.sampler.clusterView('shop')!;
      expect(view.nodes.find((node) => node.nodeId === replica.nodeId)?.role).toBe('master');
    }, 15_000);
    const events = harness.eventList('shop');
    const failover = events.find((event) => event.kind === 'role-change');
    expect(failover?.title).toBe(`Failover: node ${replica.address} took over slots ${master.slots.map(([a, b]) => `${a}-${b}`).join(', ')} from ${master.address}`);
    expect(failover?.detail).toContain(`${master.address} is now its replica`);
    expect(events.map((event) => event.kind)).not.toContain('restart');
    // The whole keeps its keys across the failover.
    await eventually(async () => expect((await harness.step('shop')).row!.values.keys).toBe(300), 15_000);
  }, 60_000);

  it('answers the cluster route for the cluster, 400 for a plain instance, and lists the nodes with memberOf', async () => {
    // A node's page opened before anything asked the cluster (Redlens just started): its cluster is asked first.
    const { knownInstance } = await import('@/app/(dashboard)/instances/[id]/known-instance');
    const lastNode = clusterNodeId('web', '127.0.0.1', cluster.ports.at(-1)!);
    expect(redlens().registry.get(lastNode)).toBeUndefined();
    expect(await knownInstance(Promise.resolve({ id: lastNode }))).toEqual({ id: lastNode, cluster: false });
    expect(await knownInstance(Promise.resolve({ id: 'web' }))).toEqual({ id: 'web', cluster: true });

    const { GET: instancesGET } = await import('@/app/api/instances/route');
    const list = (await (await call(instancesGET, 'GET', '/api/instances', { headers: auth })).json()) as InstancesResponse;
    const nodes = list.instances.filter((instance) => instance.memberOf);
    expect(nodes).toHaveLength(6);
    expect(nodes.every((node) => node.memberOf!.clusterId === 'web' && node.memberOf!.clusterName === 'Web')).toBe(true);
    expect(list.instances.find((instance) => instance.id === 'web')).toMatchObject({ status: 'up' });
    expect(list.instances.find((instance) => instance.id === 'web')!.memberOf).toBeUndefined();

    await redlens().sampler.sample(redlens().registry.get('web')!);
    const { GET } = await import('@/app/api/instances/[id]/cluster/route');
    const response = await call(GET, 'GET', '/api/instances/web/cluster', { params: { id: 'web' }, headers: auth });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ClusterResponse;
    expect(body.nodes).toHaveLength(6);
    expect(body.state).toMatchObject({ state: 'ok', slotsAssigned: 16384 });
    expect(body.whole).toMatchObject({ nodes: 6, masters: 3, keys: 300 });
    expect(body.whole.usedMemoryBytes).toBeGreaterThan(0);
    expect(body.nodes.every((node) => node.status === 'up' && node.usedMemoryBytes !== null)).toBe(true);

    const refused = await call(GET, 'GET', '/api/instances/plain/cluster', { params: { id: 'plain' }, headers: auth });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toContain('not a Redis Cluster');

    // The whole's own routes answer for the cluster (they opted in), its history among them.
    const { GET: metricsGET } = await import('@/app/api/instances/[id]/metrics/route');
    // The sampler stamps a sample on its 10 s grid, up to 5 s ahead of now: ask once it is past.
    const stamped = redlens().sampler.latest('web').row!.ts;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stamped - Date.now() + 50)));
    const metrics = await call(metricsGET, 'GET', '/api/instances/web/metrics', { params: { id: 'web' }, headers: auth });
    expect(metrics.status).toBe(200);
    expect((await metrics.json()).series.usedMemory.some(([, value]: [number, number | null]) => value !== null && value > 0)).toBe(true);

    // What changed counts its nodes' slow log entries (the cluster has no slow log of its own).
    const slowNode = nodeClient(cluster.ports[0]!);
    await slowNode.config('SET', 'slowlog-log-slower-than', '0');
    for (let i = 0; i < 20; i++) await slowNode.echo(`slow ${i}`);
    await slowNode.config('SET', 'slowlog-log-slower-than', '10000');
    await redlens().sampler.sample(redlens().registry.get('web')!);
    const { GET: changesGET } = await import('@/app/api/instances/[id]/changes/route');
    const changes = await call(changesGET, 'GET', '/api/instances/web/changes', { params: { id: 'web' }, headers: auth });
    expect(changes.status).toBe(200);
    const slowlogPerMin = ((await changes.json()) as ChangesResponse).figures.find((figure) => figure.id === 'slowlogPerMin')!;
    // At least the 20 ECHOs (and the CONFIG SET after them) over the 15-minute window.
    expect(slowlogPerMin.now! * 15).toBeGreaterThanOrEqual(20);

    // The overview: one card for the cluster, with its node count; no card per node.
    const { GET: fleetGET } = await import('@/app/api/fleet/route');
    const fleet = (await (await call(fleetGET, 'GET', '/api/fleet', { headers: auth })).json()) as FleetResponse;
    expect(fleet.instances.map((instance) => instance.id).sort()).toEqual(['plain', 'web']);
    const card = fleet.instances.find((instance) => instance.id === 'web')!;
    expect(card.cluster).toMatchObject({ nodes: 6, masters: 3, nodesDown: 0, state: 'ok' });
    expect(card.figures).toMatchObject({ role: 'cluster', keys: 300 });
  }, 30_000);

  it('a master stopped with its replica: node-failed and cluster-state-fail on the cluster within a few ticks', async () => {
    await harness.step('shop');
    const view: ClusterView = harness.sampler.clusterView('shop')!;
    const master = view.nodes.find((node) => node.role === 'master' && node.slotCount > 0)!;
    const replica = view.nodes.find((node) => node.masterNodeId === master.nodeId)!;
    for (const node of [master, replica]) await stopRedis(cluster.nodes.find((server) => server.port === portOf(node.address))!);
    const nodeFailed = () => harness.sampler.health('shop').findings.find((finding) => finding.id === 'node-failed');
    await eventually(async () => {
      await harness.step('shop');
      expect(harness.findingIds('shop')).toEqual(expect.arrayContaining(['node-failed', 'cluster-state-fail', 'slots-not-covered']));
      // The replica is flagged too once the masters agree on it (a finding's evidence follows each sample).
      expect(nodeFailed()?.detail).toContain(`${replica.address} (replica of ${master.address}) is flagged`);
    }, 30_000);
    const findings = harness.sampler.health('shop').findings;
    expect(nodeFailed()!.severity).toBe('critical');
    expect(nodeFailed()!.title).toBe('2 cluster nodes failed');
    expect(nodeFailed()!.detail).toContain(`${master.address} (master, slots`);
    const stateFail = findings.find((finding) => finding.id === 'cluster-state-fail')!;
    expect(stateFail.severity).toBe('critical');
    expect(stateFail.detail).toMatch(/cluster_state:fail: [\d,]+ of 16,384 slots ok/);
    expect(stateFail.remediation).toMatch(/CLUSTER FAILOVER FORCE/);
    // The stopped nodes' own samples say down; the whole still sums the four that answer.
    const answer = clusterResponse('shop', harness.sampler.clusterView('shop')!, harness.sampler, harness.config.thresholds);
    expect(answer.nodes.find((node) => node.nodeId === master.nodeId)?.status).toBe('down');
    expect(answer.whole.nodesDown).toBe(2);
    expect(answer.whole.health.status).toBe('critical');
    expect(harness.eventList('shop').map((event) => event.title)).toContain('Opened: The cluster is down (cluster_state:fail)');
  }, 60_000);

  it('every node stopped: the cluster is down (one event, a finding), and its page keeps the last topology, saying so', async () => {
    for (const server of cluster.nodes) await stopRedis(server);
    await harness.step('shop');
    await harness.step('shop');
    expect(harness.findingIds('shop')).toContain('instance-down');
    expect(harness.eventList('shop').filter((event) => event.kind === 'down').map((event) => event.title)).toEqual(['No node of the cluster answers']);
    expect(harness.sampler.latest('shop').row).toMatchObject({ up: false, values: { usedMemory: null } });

    const web = redlens().registry.get('web')!.topology!;
    const last = web.last!;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, last.discoveredAt + 5_100 - Date.now())));
    const { GET } = await import('@/app/api/instances/[id]/cluster/route');
    const response = await call(GET, 'GET', '/api/instances/web/cluster', { params: { id: 'web' }, headers: auth });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ClusterResponse;
    expect(body.unavailable).toMatch(/No node of cluster "web" told its topology/);
    expect(body.discoveredAt).toBe(last.discoveredAt);
    expect(body.nodes).toHaveLength(6);
  }, 60_000);
});
