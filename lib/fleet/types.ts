// Shapes of the fleet answer (GET /api/fleet: every instance's status, health and headline
// figures in one reply, for the overview), shared by the server and the overview. No server imports.
import type { ClusterView, ClusterNodeView } from '@/lib/api/cluster';
import type { InstanceSummary } from '@/lib/api/types';
import type { HealthResponse, Severity } from '@/lib/health/types';
import type { Thresholds } from '@/lib/health-targets';
import type { RecentRates } from '@/lib/api/types';

/** How many findings a card names; the instance page lists them all. */
export const FLEET_TOP_FINDINGS = 3;

export interface FleetFinding {
  id: string;
  title: string;
  severity: Severity;
}

export interface FleetHealth {
  status: HealthResponse['status'];
  /** Active findings per severity. */
  counts: Record<Severity, number>;
  /** The most severe active findings (at most FLEET_TOP_FINDINGS), most severe first. */
  top: FleetFinding[];
  /** When the sampler last evaluated the rules (unix ms); null before the first sample. */
  evaluatedAt: number | null;
}

/** The sampler's latest figures of an instance that answered INFO; nothing here asks Redis. */
export interface FleetFigures {
  /** When the sampler read them, unix ms. */
  sampledAt: number;
  /** The nodes' version for a cluster ("7.0.15", or "mixed: 7.0.15, 7.2.4"). */
  version: string;
  role: 'primary' | 'replica' | 'cluster';
  usedMemoryBytes: number | null;
  /** null when maxmemory is 0 (no limit). */
  maxmemoryBytes: number | null;
  connectedClients: number | null;
  /** Keys of every db. */
  keys: number | null;
  fragmentationRatio: number | null;
  /** p95 of the sampler's PING round trips, ms. */
  pingP95Ms: number | null;
  /**
   * Hit ratio and ops/s over the rule window (about the last minute, its length in `windowSeconds`),
   * Redlens's own traffic out; null until the sampler has two samples.
   */
  recent: RecentRates | null;
}

/** A Redis Cluster instance's card: its nodes as the sampler's last discovery listed them. */
export interface FleetCluster {
  nodes: number;
  masters: number;
  /** Nodes whose last sample did not answer, or that the cluster flags fail / pfail. */
  nodesDown: number;
  /** cluster_state as the node that answered the last discovery saw it. */
  state: 'ok' | 'fail';
}

export interface FleetInstance extends InstanceSummary {
  /** Up by PING, but INFO is renamed or denied: no figures, which is not "down". */
  infoUnavailable: boolean;
  /** For a cluster: the worst of its own findings and every node's (node findings named by address). */
  health: FleetHealth;
  /** null while down, while INFO is unavailable, and before the first sample; for a cluster, the whole. */
  figures: FleetFigures | null;
  /** Set for a Redis Cluster instance once the sampler has discovered it (its nodes are not cards of their own). */
  cluster?: FleetCluster;
}

/** One node on the cluster page (GET /api/instances/{id}/cluster): the topology's line and the sampler's figures. */
export interface ClusterNodeStatus extends ClusterNodeView {
  /** How the sampler's last sample of the node went; 'unknown' before its first. */
  status: 'up' | 'down' | 'unknown';
  /** When that sample was taken (unix ms); null before the first. */
  sampledAt: number | null;
  usedMemoryBytes: number | null;
  /** Over the rule window (about the last minute), Redlens's own commands out. */
  opsPerSec: number | null;
  connectedClients: number | null;
  /** Keys of every db (db 0 on a cluster); a replica's are copies of its master's. */
  keys: number | null;
  /** The node's own findings. */
  health: FleetHealth;
  /** For a replica: the link to its master, as its own INFO replication says; null otherwise or before a sample. */
  replication: { master: string; linkUp: boolean; lastIoSecondsAgo: number; syncInProgress: boolean } | null;
}

/** The cluster as a whole, from the sampler's last cluster sample (lib/sampler/cluster-sample.ts). */
export interface ClusterWhole {
  /** When the whole was last summed (unix ms); null before the first cluster sample. */
  sampledAt: number | null;
  /** Every node's, masters and replicas. */
  usedMemoryBytes: number | null;
  connectedClients: number | null;
  /** The masters' (replicas hold copies). */
  keys: number | null;
  /** The masters' commands and every node's lookups over the rule window, own traffic out. */
  recent: RecentRates | null;
  /** The worst node's p95 PING round trip at the last sample, ms. */
  pingP95Ms: number | null;
  nodes: number;
  masters: number;
  nodesDown: number;
  /** The worst of the cluster's own findings and every node's. */
  health: FleetHealth;
}

export interface ClusterResponse extends Omit<ClusterView, 'nodes'> {
  /**
   * Set when no node answered CLUSTER NODES now (why): the nodes and state are then those of the
   * last discovery (`discoveredAt`); null when they are fresh.
   */
  unavailable: string | null;
  nodes: ClusterNodeStatus[];
  whole: ClusterWhole;
  /** The health thresholds in force, for the verdicts beside the figures. */
  thresholds: Thresholds;
}

export interface FleetResponse {
  instances: FleetInstance[];
  /** The health thresholds in force (the config file's over the defaults): the cards' verdicts. */
  thresholds: Thresholds;
}
