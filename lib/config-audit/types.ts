// The config audit's and the fleet drift's answers (GET /api/instances/{id}/config,
// GET /api/fleet/config-drift). No server imports: the pages read the same shapes.

export type AuditStatus = 'ok' | 'warn' | 'info';

export interface SettingFix {
  /** `CONFIG SET name value`, the value quoted when it holds spaces. */
  command: string;
  /** The redis.conf line(s), one per line. */
  conf: string;
}

/** One row of SPEC section 3, judged against what the server reports. */
export interface AuditedSetting {
  /** The name the server reports (Redis 6: `*-ziplist-*`, Redis 7: `*-listpack-*`). */
  name: string;
  /** null when this Redis does not report the setting. */
  value: string | null;
  /** The recommendation in words (`allkeys-lru (or allkeys-lfu)`, `> 0 and <= 10000`). */
  recommended: string;
  status: AuditStatus;
  why: string;
  /** What the fix sets. */
  fixValue: string;
  fix: SettingFix;
  /** An admin may change it from Redlens (SPEC section 3's allowlist). */
  allowlisted: boolean;
}

export interface OtherSetting {
  name: string;
  value: string;
  allowlisted: boolean;
}

export interface ConfigAuditResponse {
  /** INFO server's redis_version, or null when INFO did not say. */
  version: string | null;
  settings: AuditedSetting[];
  summary: Record<AuditStatus, number>;
  /** Settings whose values Redlens never shows (passwords and the like). */
  redacted: string[];
  /** Every other setting the server reports, by name (aliases of an audited name left out). */
  other: OtherSetting[];
}

export interface ConfigSetResponse {
  name: string;
  before: string | null;
  after: string | null;
}

export interface DriftValue {
  instance: string;
  /** null: this instance does not report the setting (an older Redis). */
  value: string | null;
}

export interface DriftSetting {
  /** The Redis 7 spelling; a Redis 6 instance's `*-ziplist-*` value is compared under it. */
  name: string;
  /** Section 3's recommendation, for the settings it covers. */
  recommended?: string;
  values: DriftValue[];
}

export interface DriftInstance {
  instance: string;
  name: string;
  reachable: boolean;
  /** Why it was not compared. */
  error?: string;
  /**
   * A Redis Cluster instance, compared once for all its nodes (which are not listed apart): its
   * value of a setting is the one its nodes agree on, or CLUSTER_VALUES_DIFFER when they do not.
   */
  cluster?: {
    nodes: number;
    /** nodes whose settings could be read */
    read: number;
    /** settings whose values differ between its nodes (its own config page lists them) */
    drifting: number;
  };
}

/** A cluster's value in the fleet drift for a setting its nodes do not agree on. */
export const CLUSTER_VALUES_DIFFER = '(differs between its nodes)';

/** One node of a Redis Cluster instance in its config audit: its own audit, summed up. */
export interface ClusterNodeAudit {
  /** The node's instance id: its own config page (and its apply) is /instances/{instanceId}/config. */
  instanceId: string;
  /** host:port */
  address: string;
  role: 'master' | 'replica';
  reachable: boolean;
  /** Why it could not be read. */
  error?: string;
  version: string | null;
  /** Its audit's statuses counted; null when it could not be read. */
  summary: Record<AuditStatus, number> | null;
  /** Its audit's worst status (warn, then info, then ok); null when it could not be read. */
  worst: AuditStatus | null;
}

/**
 * GET /api/instances/{cluster}/config: each node's audit summed up and the drift between the
 * nodes (`values[].instance` is a node's instance id). Settings are applied per node.
 */
export interface ClusterConfigResponse {
  kind: 'cluster';
  nodes: ClusterNodeAudit[];
  /** Settings whose values differ between the nodes that answered (each node's own ports and files left out). */
  drift: DriftSetting[];
}

export interface ConfigDriftResponse {
  /** Every configured instance, and whether its settings could be read. */
  instances: DriftInstance[];
  /** The settings whose values differ among the instances that answered, recommended ones first. */
  settings: DriftSetting[];
}
