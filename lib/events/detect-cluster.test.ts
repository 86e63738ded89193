import { describe, expect, it } from 'vitest';
import type { ClusterNodeView, ClusterView } from '@/lib/api/cluster';
import { detectClusterEvents, FRESH_CLUSTER_MEMORY } from './detect-cluster';

const node = (over: Partial<ClusterNodeView>): ClusterNodeView => ({
  nodeId: 'A', instanceId: 'shop.a', address: '127.0.0.1:7001', role: 'master', masterNodeId: null, slots: [[0, 5460]], slotCount: 5461,
  failure: null, linkState: 'connected', migrating: 0, importing: 0, ...over,
});
const state = { state: 'ok' as const, slotsAssigned: 16384, slotsOk: 16384, slotsPfail: 0, slotsFail: 0, knownNodes: 2, size: 1, currentEpoch: 6 };
const before: ClusterView = {
  askedNode: '127.0.0.1:7001', discoveredAt: 1, state,
  nodes: [node({}), node({ nodeId: 'B', instanceId: 'shop.b', address: '127.0.0.1:7004', role: 'replica', masterNodeId: 'A', slots: [], slotCount: 0 })],
};
const after: ClusterView = {
  ...before, state: { ...state, currentEpoch: 7 },
  nodes: [
    node({ nodeId: 'B', instanceId: 'shop.b', address: '127.0.0.1:7004' }),
    node({ role: 'replica', masterNodeId: 'B', slots: [], slotCount: 0 }),
  ],
};

describe('cluster events', () => {
  it('a replica that took over its master\'s slots is one role-change naming both and the slots', () => {
    const first = detectClusterEvents(FRESH_CLUSTER_MEMORY, 1, before, null);
    expect(first.events).toEqual([]);
    const { events } = detectClusterEvents(first.memory, 2, after, null);
    expect(events).toEqual([{
      at: 2, kind: 'role-change',
      title: 'Failover: node 127.0.0.1:7004 took over slots 0-5460 from 127.0.0.1:7001',
      detail: '127.0.0.1:7004 was a replica of 127.0.0.1:7001 and is now a master serving 5,461 slots (0-5460); 127.0.0.1:7001 is now its replica. Seen by 127.0.0.1:7001, cluster epoch 7.',
      before: { node: '127.0.0.1:7004', role: 'replica', master: '127.0.0.1:7001' },
      after: { node: '127.0.0.1:7004', role: 'master', slots: '0-5460' },
    }]);
  });

  it('the same view twice is nothing; a master demoted without a failover is its own role-change', () => {
    const memory = detectClusterEvents(FRESH_CLUSTER_MEMORY, 1, before, null).memory;
    expect(detectClusterEvents(memory, 2, before, null).events).toEqual([]);
    const other = node({ nodeId: 'C', instanceId: 'shop.c', address: '127.0.0.1:7002', slots: [[5461, 16383]], slotCount: 10923 });
    const demoted: ClusterView = { ...before, nodes: [other, node({ role: 'replica', masterNodeId: 'C', slots: [], slotCount: 0 }), before.nodes[1]!] };
    const { events } = detectClusterEvents(detectClusterEvents(FRESH_CLUSTER_MEMORY, 1, { ...before, nodes: [...before.nodes, other] }, null).memory, 2, demoted, null);
    expect(events.map((e) => [e.kind, e.title])).toEqual([['role-change', 'Node 127.0.0.1:7001 became a replica of 127.0.0.1:7002']]);
  });

  it('no node answering is down once, answering again is up with the gap', () => {
    const memory = detectClusterEvents(FRESH_CLUSTER_MEMORY, 0, before, null).memory;
    const down = detectClusterEvents(memory, 10_000, null, 'connection refused');
    expect(down.events).toEqual([{ at: 10_000, kind: 'down', title: 'No node of the cluster answers', detail: 'connection refused' }]);
    const still = detectClusterEvents(down.memory, 20_000, null, 'connection refused');
    expect(still.events).toEqual([]);
    const up = detectClusterEvents(still.memory, 40_000, before, null);
    expect(up.events.map((e) => [e.kind, e.detail])).toEqual([['up', '127.0.0.1:7001 told the topology after 30 s without an answer.']]);
  });
});
