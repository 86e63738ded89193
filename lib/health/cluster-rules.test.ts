import { describe, expect, it } from 'vitest';
import type { ClusterNodeView, ClusterView } from '@/lib/api/cluster';
import { evaluateClusterHealth } from './cluster-rules';

const node = (over: Partial<ClusterNodeView>): ClusterNodeView => ({
  nodeId: 'm1', instanceId: 'shop.m1', address: '127.0.0.1:7001', role: 'master', masterNodeId: null, slots: [[0, 5460]], slotCount: 5461,
  failure: null, linkState: 'connected', migrating: 0, importing: 0, ...over,
});
const healthy: ClusterView = {
  askedNode: '127.0.0.1:7002', discoveredAt: 1,
  state: { state: 'ok', slotsAssigned: 16384, slotsOk: 16384, slotsPfail: 0, slotsFail: 0, knownNodes: 6, size: 3, currentEpoch: 6 },
  nodes: [node({}), node({ nodeId: 'r1', instanceId: 'shop.r1', address: '127.0.0.1:7004', role: 'replica', masterNodeId: 'm1', slots: [], slotCount: 0 })],
};

describe('the cluster\'s own health', () => {
  it('finds nothing on a healthy cluster', () => {
    expect(evaluateClusterHealth(healthy, null)).toEqual([]);
  });

  it('a master and its replica failed: cluster-state-fail, slots-not-covered and node-failed naming both, with what to do', () => {
    const view: ClusterView = {
      ...healthy,
      state: { ...healthy.state, state: 'fail', slotsOk: 10923, slotsFail: 5461 },
      nodes: healthy.nodes.map((n) => ({ ...n, failure: 'fail' as const, linkState: 'disconnected' as const })),
    };
    const results = evaluateClusterHealth(view, null);
    expect(results.map((r) => [r.id, r.severity])).toEqual([['cluster-state-fail', 'critical'], ['slots-not-covered', 'critical'], ['node-failed', 'critical']]);
    const [state, slots, nodes] = results;
    expect(state!.detail).toBe('127.0.0.1:7002 reports cluster_state:fail: 10,923 of 16,384 slots ok, 16,384 assigned, 0 pfail, 5,461 fail. Clients get CLUSTERDOWN for every key. Masters flagged fail: 127.0.0.1:7001 (master, slots 0-5460).');
    expect(state!.remediation).toContain('CLUSTER FAILOVER FORCE');
    expect(slots!.detail).toBe('5,461 slots are on failed masters (slots_fail): 127.0.0.1:7001 (master, slots 0-5460). Keys in those slots can be neither read nor written.');
    expect(nodes!.title).toBe('2 cluster nodes failed');
    expect(nodes!.detail).toContain('127.0.0.1:7001 (master, slots 0-5460) is flagged fail, link disconnected; 127.0.0.1:7004 (replica of 127.0.0.1:7001) is flagged fail');
    expect(nodes!.remediation).toMatch(/Restart the failed nodes/);
  });

  it('a suspected replica is a warning; unassigned slots say how to assign them', () => {
    const pfail = evaluateClusterHealth({ ...healthy, nodes: [healthy.nodes[0]!, { ...healthy.nodes[1]!, failure: 'pfail' }] }, null);
    expect(pfail.map((r) => [r.id, r.severity, r.title])).toEqual([['node-failed', 'warning', 'Cluster node 127.0.0.1:7004 failed']]);
    const unassigned = evaluateClusterHealth({ ...healthy, state: { ...healthy.state, slotsAssigned: 16000, slotsOk: 16000 } }, null);
    expect(unassigned.map((r) => r.id)).toEqual(['slots-not-covered']);
    expect(unassigned[0]!.detail).toContain('384 of 16,384 hash slots are assigned to no node');
    expect(unassigned[0]!.remediation).toContain('redis-cli --cluster fix');
  });

  it('no node answering is the cluster down, with the reason', () => {
    expect(evaluateClusterHealth(null, 'No node of cluster "shop" told its topology')).toEqual([
      expect.objectContaining({ id: 'instance-down', severity: 'critical', detail: 'No node of cluster "shop" told its topology' }),
    ]);
  });
});
