// A Redis Cluster as Redlens sees it (GET /api/instances/{id}/cluster), shared by the server and
// the cluster page. No server imports.

/** An inclusive range of hash slots. */
export type SlotRange = [start: number, end: number];

/** One node as CLUSTER NODES describes it, with the registry id of its own pages. */
export interface ClusterNodeView {
  /** The node's 40-character cluster id. */
  nodeId: string;
  /** The instance id Redlens gives the node: its pages are /instances/{instanceId}. */
  instanceId: string;
  /** host:port */
  address: string;
  role: 'master' | 'replica';
  /** For a replica: the cluster id of its master. */
  masterNodeId: string | null;
  slots: SlotRange[];
  slotCount: number;
  /** `pfail`: the answering node suspects it; `fail`: the cluster agreed it is down. */
  failure: 'pfail' | 'fail' | null;
  linkState: 'connected' | 'disconnected';
  /** Slots moving out of (migrating) or into (importing) this node: a reshard in progress. */
  migrating: number;
  importing: number;
}

/** CLUSTER INFO's state, as the node that answered sees it. */
export interface ClusterStateView {
  state: 'ok' | 'fail';
  slotsAssigned: number;
  slotsOk: number;
  slotsPfail: number;
  slotsFail: number;
  knownNodes: number;
  /** Masters serving at least one slot. */
  size: number;
  currentEpoch: number;
}

export interface ClusterView {
  /** The node whose CLUSTER NODES and CLUSTER INFO these are (host:port). */
  askedNode: string;
  /** unix ms */
  discoveredAt: number;
  state: ClusterStateView;
  /** Masters first (by their first slot), then replicas beside their master's order. */
  nodes: ClusterNodeView[];
}
