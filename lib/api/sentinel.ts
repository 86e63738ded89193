// The sentinels' view of a Sentinel instance (GET /api/instances/{id}/sentinel), shared by the
// route and the instance page. No server imports.

/** The master group as one sentinel sees it (SENTINEL MASTER <name>). */
export interface SentinelMasterView {
  name: string;
  /** ip:port the sentinels name as the master now. */
  address: string;
  /** master, s_down, o_down, failover_in_progress, ... as the sentinel reports them. */
  flags: string[];
  /** Sentinels that must agree the master is down before a failover starts. */
  quorum: number;
  replicas: number;
  /** Other sentinels this one knows (itself not counted). */
  otherSentinels: number;
  downAfterMs: number | null;
  failoverTimeoutMs: number | null;
  /** Raised by every failover. */
  configEpoch: number | null;
}

/** A replica or another sentinel (SENTINEL REPLICAS / SENTINELS <name>). */
export interface SentinelPeerView {
  /** ip:port */
  address: string;
  flags: string[];
  runId: string | null;
  /** Milliseconds since it last answered a PING of the sentinel's; null when never. */
  lastOkPingMs: number | null;
  /** A replica's master link (`ok` / `err`) and the master it follows; absent for a sentinel. */
  masterLinkStatus?: string;
  following?: string;
  replicaOffset?: number;
  priority?: number;
}

export interface SentinelView {
  masterName: string;
  /** The sentinels of the configuration, as "host:port". */
  configured: string[];
  /** The sentinel that answered. */
  answeredBy: string;
  /** Sentinels asked before it that did not answer, with why. */
  unreachable: Array<{ address: string; error: string }>;
  master: SentinelMasterView;
  replicas: SentinelPeerView[];
  sentinels: SentinelPeerView[];
}

/** `sentinel` is null for an instance that is not a Sentinel deployment. */
export interface SentinelResponse {
  sentinel: SentinelView | null;
}
