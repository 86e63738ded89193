// A Redis Cluster as the cluster page and the overview card show it: the topology (its nodes,
// roles, slots, state) beside what the sampler last recorded of each node and of the whole. No
// INFO per request: the sampler read each node's, and summed the whole at its last tick.
import 'server-only';
import type { ClusterView } from '@/lib/api/cluster';
import type { InstanceSummary } from '@/lib/api/types';
import { SEVERITY_RANK, type Finding, type HealthResponse, type Severity } from '@/lib/health/types';
import type { Thresholds } from '@/lib/health-targets';
import { deriveInfo } from '@/lib/redis/derive-info';
import { fleetInstance, healthOf, type FleetSamples } from './fleet';
import { FLEET_TOP_FINDINGS, type ClusterNodeStatus, type ClusterResponse, type ClusterWhole, type FleetFigures, type FleetHealth, type FleetInstance, type FleetResponse } from './types';

/** What the cluster answers read of the sampler (lib/sampler/sampler.ts). */
export interface ClusterSamples extends FleetSamples {
  clusterView(id: string): ClusterView | null;
}

function nodeStatus(node: ClusterView['nodes'][number], samples: FleetSamples): ClusterNodeStatus {
  const { row, sections, health } = samples.latest(node.instanceId);
  const up = row?.up === true;
  const primary = up && sections ? deriveInfo(sections).replication.primary : undefined;
  return {
    ...node,
    status: row === null ? 'unknown' : up ? 'up' : 'down',
    sampledAt: row?.ts ?? null,
    usedMemoryBytes: up ? row.values.usedMemory : null,
    opsPerSec: up ? (samples.recentRates(node.instanceId)?.opsPerSec ?? null) : null,
    connectedClients: up ? row.values.connectedClients : null,
    keys: up ? row.values.keys : null,
    health: healthOf(health),
    replication: node.role === 'replica' && primary
      ? { master: `${primary.host}:${primary.port}`, linkUp: primary.linkUp, lastIoSecondsAgo: primary.lastIoSecondsAgo, syncInProgress: primary.syncInProgress }
      : null,
  };
}

/**
 * The worst of the cluster's own findings and its nodes': counts summed, the most severe named
 * (a node's with its address in front), the status the worst of all.
 */
export function worstHealth(own: HealthResponse, nodes: Array<{ address: string; health: HealthResponse }>): FleetHealth {
  const all: Array<Pick<Finding, 'id' | 'title' | 'severity'>> = [
    ...own.findings,
    ...nodes.flatMap(({ address, health }) => health.findings.map((finding) => ({ ...finding, title: `${address}: ${finding.title}` }))),
  ];
  const counts: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  for (const finding of all) counts[finding.severity] += 1;
  const status = counts.critical > 0 ? 'critical' : counts.warning > 0 ? 'warning' : 'ok';
  // Stable: the cluster's own first among equals.
  const top = [...all].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).slice(0, FLEET_TOP_FINDINGS).map(({ id, title, severity }) => ({ id, title, severity }));
  return { status, counts, top, evaluatedAt: own.evaluatedAt };
}

function wholeOf(clusterId: string, nodes: ClusterNodeStatus[], samples: FleetSamples): ClusterWhole {
  const { row, health } = samples.latest(clusterId);
  const up = row?.up === true;
  return {
    sampledAt: row?.ts ?? null,
    usedMemoryBytes: up ? row.values.usedMemory : null,
    connectedClients: up ? row.values.connectedClients : null,
    keys: up ? row.values.keys : null,
    recent: samples.recentRates(clusterId),
    pingP95Ms: up ? row.values.pingP95Ms : null,
    nodes: nodes.length,
    masters: nodes.filter((node) => node.role === 'master').length,
    nodesDown: nodes.filter((node) => node.status === 'down' || node.failure !== null).length,
    health: worstHealth(health, nodes.map((node) => ({ address: node.address, health: samples.latest(node.instanceId).health }))),
  };
}

/**
 * GET /api/instances/{id}/cluster: `view` (the topology now, or the last one when no node
 * answered now: `unavailable` says why) with the sampler's figures.
 */
export function clusterResponse(clusterId: string, view: ClusterView, samples: FleetSamples, thresholds: Thresholds, unavailable: string | null = null): ClusterResponse {
  const nodes = view.nodes.map((node) => nodeStatus(node, samples));
  return { ...view, unavailable, nodes, whole: wholeOf(clusterId, nodes, samples), thresholds };
}

/** "7.0.15", or every version when the nodes differ (during a rolling upgrade). */
function versionOf(view: ClusterView, samples: FleetSamples): string {
  const versions = [...new Set(view.nodes.flatMap((node) => {
    const { sections } = samples.latest(node.instanceId);
    return sections ? [deriveInfo(sections).version] : [];
  }))].sort();
  return versions.length === 0 ? 'unknown' : versions.length === 1 ? versions[0]! : `mixed: ${versions.join(', ')}`;
}

/**
 * The overview card of a cluster: one card for the whole (its nodes are not cards of their own),
 * with its node count and the worst health of all; null before the sampler's first discovery.
 */
export function clusterFleetInstance(summary: InstanceSummary, samples: ClusterSamples): FleetInstance | null {
  const view = samples.clusterView(summary.id);
  if (!view) return null;
  const nodes = view.nodes.map((node) => nodeStatus(node, samples));
  const whole = wholeOf(summary.id, nodes, samples);
  const { row } = samples.latest(summary.id);
  const figures: FleetFigures | null = summary.status === 'up' && row?.up
    ? {
        sampledAt: row.ts, version: versionOf(view, samples), role: 'cluster',
        usedMemoryBytes: row.values.usedMemory, maxmemoryBytes: row.values.maxmemory, connectedClients: row.values.connectedClients,
        keys: row.values.keys, fragmentationRatio: row.values.fragmentationRatio, pingP95Ms: row.values.pingP95Ms, recent: whole.recent,
      }
    : null;
  return {
    ...summary, infoUnavailable: false, health: whole.health, figures,
    cluster: { nodes: whole.nodes, masters: whole.masters, nodesDown: whole.nodesDown, state: view.state.state },
  };
}

/**
 * GET /api/fleet: one card per instance, a cluster's as the whole; its nodes (listed with
 * `memberOf` in GET /api/instances) are left out here.
 */
export function fleetWithClusters(summaries: InstanceSummary[], samples: ClusterSamples, thresholds: Thresholds): FleetResponse {
  return {
    instances: summaries.filter((summary) => !summary.memberOf).map((summary) => clusterFleetInstance(summary, samples) ?? fleetInstance(summary, samples)),
    thresholds,
  };
}
