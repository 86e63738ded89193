// Shapes of the HTTP API's JSON replies, shared by route handlers and the browser.
// No server imports here.
import type { Thresholds } from '@/lib/health-targets';

export type InstanceStatus = 'up' | 'down';

export interface InstanceSummary {
  id: string;
  name: string;
  /** host:port (and /db when not 0); never a password. */
  address: string;
  tls: boolean;
  /** TLS with rejectUnauthorized: false: the server's certificate is not verified (the page warns). */
  tlsInsecure?: boolean;
  status: InstanceStatus;
  /** Why the instance is down, in words an operator can act on. */
  error?: string;
  /** A node of a Redis Cluster instance: the cluster it belongs to (its page lists the nodes). */
  memberOf?: { clusterId: string; clusterName: string };
}

export interface InstancesResponse {
  instances: InstanceSummary[];
}

/** A value of an INFO field: a number, a string, or a `k=v,...` record (keyspace, commandstats). */
export type InfoValue = number | string | Record<string, number | string>;
export type InfoSection = Record<string, InfoValue>;
/** INFO sections keyed by their lower-cased name: server, clients, memory, ..., keyspace. */
export type InfoSections = Record<string, InfoSection>;

export interface KeyspaceDb {
  db: number;
  keys: number;
  expires: number;
  /** Average TTL of the keys that have one, in milliseconds (0 when none has). */
  avgTtlMs: number;
}

/** Figures computed from one INFO reply; counters are since the last Redis restart. */
export interface DerivedInfo {
  version: string;
  mode: string;
  role: 'primary' | 'replica';
  uptimeSeconds: number;
  runId: string;
  memory: {
    usedBytes: number;
    rssBytes: number;
    peakBytes: number;
    /** null when maxmemory is 0 ("no limit"). */
    maxmemoryBytes: number | null;
    /** used / maxmemory in 0..1; null when there is no limit. */
    usedRatio: number | null;
    policy: string;
    fragmentationRatio: number;
    fragmentationBytes: number;
    totalSystemBytes: number;
  };
  stats: {
    opsPerSec: number;
    totalCommands: number;
    keyspaceHits: number;
    keyspaceMisses: number;
    /** hits / (hits + misses) in 0..1 since restart; null before the first lookup. */
    hitRatio: number | null;
    evictedKeys: number;
    expiredKeys: number;
    totalConnectionsReceived: number;
    rejectedConnections: number;
    inputKbps: number;
    outputKbps: number;
  };
  clients: {
    connected: number;
    blocked: number;
    max: number;
  };
  persistence: {
    loading: boolean;
    rdbLastBgsaveOk: boolean;
    rdbChangesSinceLastSave: number;
    rdbLastSaveTime: number;
    aofEnabled: boolean;
    aofLastWriteOk: boolean;
  };
  replication: {
    connectedReplicas: number;
    /** Only for replicas. */
    primary?: {
      host: string;
      port: number;
      linkUp: boolean;
      lastIoSecondsAgo: number;
      syncInProgress: boolean;
    };
  };
  keyspace: KeyspaceDb[];
  totalKeys: number;
}

/** What INFO answered for one instance (lib/redis/info.ts). */
export interface InstanceInfo {
  instance: { id: string; name: string };
  sections: InfoSections;
  derived: DerivedInfo;
  /** When Redis answered, ISO 8601. */
  fetchedAt: string;
}

/** GET /api/instances/{id}/info: INFO, with the thresholds its figures are judged by. */
export interface InfoResponse extends InstanceInfo {
  /** The health thresholds in force (the config file's over the defaults), for the target notes. */
  thresholds: Thresholds;
  /** The sampler's rates over the rule window (own traffic out); null until it has two samples. */
  recent: RecentRates | null;
}

/** Redlens's own store (GET /api/store, admins only): ok, or what is wrong and since when. */
export interface StoreStatus {
  ok: boolean;
  /** What is wrong, in words an operator can act on. */
  problem?: string;
  /** ISO time since when the store has had a problem. */
  since?: string;
}

/** Rates over the rule window; what the fleet card and the instance header show (the sampler's recentRates). */
export interface RecentRates {
  windowSeconds: number;
  /** 0..1; null without lookups. */
  hitRatio: number | null;
  lookups: number;
  opsPerSec: number;
  evictedPerSec: number;
}
