import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '@/lib/api/cluster';
import type { InstanceSummary, RecentRates } from '@/lib/api/types';
import type { Finding, HealthResponse } from '@/lib/health/types';
import { TARGETS } from '@/lib/health-targets';
import { parseInfo } from '@/lib/redis/parse/parse-info';
import { sampleRow } from '@/lib/sampler/compute-sample';
import { clusterRow } from '@/lib/sampler/cluster-sample';
import { clusterResponse, fleetWithClusters, worstHealth, type ClusterSamples } from './cluster';

const primary = parseInfo(readFileSync(path.join(import.meta.dirname, '../redis/parse/fixtures/info-primary-7.0.txt'), 'utf8'));
const finding = (id: string, severity: Finding['severity']): Finding => ({ id, severity, title: `${id} title`, detail: 'evidence', value: 1, threshold: 0, remediation: 'fix', since: 1 });
const health = (findings: Finding[]): HealthResponse => ({ status: findings.some((f) => f.severity === 'critical') ? 'critical' : findings.length ? 'warning' : 'ok', findings, evaluatedAt: 5 });

const view: ClusterView = {
  askedNode: '127.0.0.1:7001', discoveredAt: 1,
  state: { state: 'ok', slotsAssigned: 16384, slotsOk: 16384, slotsPfail: 0, slotsFail: 0, knownNodes: 2, size: 1, currentEpoch: 1 },
  nodes: [
    { nodeId: 'A', instanceId: 'shop.a', address: '127.0.0.1:7001', role: 'master', masterNodeId: null, slots: [[0, 16383]], slotCount: 16384, failure: null, linkState: 'connected', migrating: 0, importing: 0 },
    { nodeId: 'B', instanceId: 'shop.b', address: '127.0.0.1:7004', role: 'replica', masterNodeId: 'A', slots: [], slotCount: 0, failure: 'pfail', linkState: 'connected', migrating: 0, importing: 0 },
  ],
};
const recent: RecentRates = { windowSeconds: 60, hitRatio: 0.5, lookups: 10, opsPerSec: 3, evictedPerSec: 0 };
const nodeRow = sampleRow('shop.a', 10_000, primary, null, [0.5]);
const samples: ClusterSamples = {
  latest: (id) => ({
    sections: id === 'shop.a' ? primary : null,
    row: id === 'shop.a' ? nodeRow : id === 'shop' ? clusterRow('shop', 10_000, [{ role: 'master', row: nodeRow }], true) : null,
    health: id === 'shop' ? health([finding('node-failed', 'warning')]) : id === 'shop.a' ? health([finding('memory-near-limit', 'critical')]) : { status: 'ok', findings: [], evaluatedAt: null },
    infoUnavailable: false,
  }),
  recentRates: (id) => (id === 'shop' || id === 'shop.a' ? recent : null),
  clusterView: (id) => (id === 'shop' ? view : null),
};
const summary = (id: string, memberOf?: InstanceSummary['memberOf']): InstanceSummary => ({ id, name: id, address: 'x', tls: false, status: 'up', ...(memberOf && { memberOf }) });

describe('the cluster answers', () => {
  it('the worst health of the cluster and its nodes, a node\'s findings named by its address', () => {
    const worst = worstHealth(health([finding('node-failed', 'warning')]), [{ address: '127.0.0.1:7001', health: health([finding('memory-near-limit', 'critical')]) }]);
    expect(worst).toEqual({
      status: 'critical', counts: { critical: 1, warning: 1, info: 0 }, evaluatedAt: 5,
      top: [{ id: 'memory-near-limit', title: '127.0.0.1:7001: memory-near-limit title', severity: 'critical' }, { id: 'node-failed', title: 'node-failed title', severity: 'warning' }],
    });
  });

  it('each node with the sampler\'s figures, or unknown before its first sample; the whole from the cluster\'s row', () => {
    const answer = clusterResponse('shop', view, samples, TARGETS);
    expect(answer.nodes.map((node) => [node.address, node.status, node.usedMemoryBytes !== null, node.opsPerSec])).toEqual([
      ['127.0.0.1:7001', 'up', true, 3],
      ['127.0.0.1:7004', 'unknown', false, null],
    ]);
    expect(answer.whole).toMatchObject({ nodes: 2, masters: 1, nodesDown: 1, keys: nodeRow.values.keys, usedMemoryBytes: nodeRow.values.usedMemory, pingP95Ms: 0.5, recent });
    expect(answer.whole.health.status).toBe('critical');
  });

  it('the overview: one card for the cluster with its nodes and the worst health; no card for a node', () => {
    const fleet = fleetWithClusters([summary('shop'), summary('shop.a', { clusterId: 'shop', clusterName: 'Shop' })], samples, TARGETS);
    expect(fleet.instances.map((instance) => instance.id)).toEqual(['shop']);
    const [card] = fleet.instances;
    expect(card!.cluster).toEqual({ nodes: 2, masters: 1, nodesDown: 1, state: 'ok' });
    expect(card!.figures).toMatchObject({ role: 'cluster', version: '7.0.15', keys: nodeRow.values.keys, recent });
    expect(card!.health.status).toBe('critical');
  });
});
