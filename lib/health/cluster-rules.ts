// The health of a Redis Cluster as a whole (SPEC section 2's shape, issue 15): what its own
// state says, from the topology the sampler discovered (CLUSTER INFO and CLUSTER NODES of the
// node that answered). Each node's own findings (memory, clients, replication...) stay on the
// node's instance. Pure.
import type { ClusterNodeView, ClusterView } from '@/lib/api/cluster';
import { CLUSTER_SLOTS, slotRangesText } from '@/lib/slot-ranges';
import type { RuleResult } from './rules';

const count = (n: number) => n.toLocaleString('en-US');

function describeNode(node: ClusterNodeView, nodes: ClusterNodeView[]): string {
  if (node.role === 'master') return `${node.address} (master, ${node.slotCount > 0 ? `slots ${slotRangesText(node.slots)}` : 'no slots'})`;
  const master = nodes.find((other) => other.nodeId === node.masterNodeId);
  return `${node.address} (replica of ${master?.address ?? 'an unknown master'})`;
}

/** No node answered CLUSTER NODES: the whole is unknown (each node's own page says why). */
function clusterDown(down: string): RuleResult {
  return {
    id: 'instance-down', severity: 'critical', title: 'No node of the cluster answers',
    detail: down, value: null, threshold: null,
    remediation: 'Check that the nodes run and are reachable from Redlens (the seed urls, host, port, TLS, password); their own pages say why each one does not answer.',
  };
}

function clusterStateFail({ state, askedNode, nodes }: ClusterView): RuleResult | null {
  if (state.state !== 'fail') return null;
  const failed = nodes.filter((node) => node.failure === 'fail' && node.role === 'master' && node.slotCount > 0);
  const why = failed.length > 0 ? ` Masters flagged fail: ${failed.map((node) => describeNode(node, nodes)).join('; ')}.` : '';
  return {
    id: 'cluster-state-fail', severity: 'critical', title: 'The cluster is down (cluster_state:fail)',
    detail:
      `${askedNode} reports cluster_state:fail: ${count(state.slotsOk)} of ${count(CLUSTER_SLOTS)} slots ok, ${count(state.slotsAssigned)} assigned, ` +
      `${count(state.slotsPfail)} pfail, ${count(state.slotsFail)} fail. Clients get CLUSTERDOWN for every key.${why}`,
    value: 'fail', threshold: 'ok',
    remediation:
      'Bring the failed masters back (start redis-server on their host and port), or promote a replica of each (CLUSTER FAILOVER FORCE on it); ' +
      'slots no node serves are assigned with redis-cli --cluster fix.',
  };
}

function slotsNotCovered({ state, nodes }: ClusterView): RuleResult | null {
  const unassigned = CLUSTER_SLOTS - state.slotsAssigned;
  if (unassigned <= 0 && state.slotsFail === 0) return null;
  const failedMasters = nodes.filter((node) => node.role === 'master' && node.failure === 'fail' && node.slotCount > 0);
  const parts = [
    ...(unassigned > 0 ? [`${count(unassigned)} of ${count(CLUSTER_SLOTS)} hash slots are assigned to no node (slots_assigned ${count(state.slotsAssigned)})`] : []),
    ...(state.slotsFail > 0 ? [`${count(state.slotsFail)} slots are on failed masters (slots_fail)${failedMasters.length > 0 ? `: ${failedMasters.map((node) => describeNode(node, nodes)).join('; ')}` : ''}`] : []),
  ];
  return {
    id: 'slots-not-covered', severity: 'critical', title: 'Hash slots are not served',
    detail: `${parts.join('; ')}. Keys in those slots can be neither read nor written.`,
    value: unassigned + state.slotsFail, threshold: 0,
    remediation:
      unassigned > 0
        ? 'Assign the missing slots: redis-cli --cluster fix <host:port> (or CLUSTER ADDSLOTS on a master), then check with redis-cli --cluster check.'
        : 'Bring the failed masters back or promote one of their replicas (CLUSTER FAILOVER FORCE on the replica); add a replica to every master so the cluster fails over by itself.',
  };
}

function nodeFailed({ nodes }: ClusterView): RuleResult | null {
  const flagged = nodes.filter((node) => node.failure !== null);
  if (flagged.length === 0) return null;
  // A master with slots agreed failed is an outage of its slots; a suspicion (pfail) or a replica is not yet.
  const critical = flagged.some((node) => node.failure === 'fail' && node.role === 'master' && node.slotCount > 0);
  const listed = flagged.map((node) => `${describeNode(node, nodes)} is flagged ${node.failure}${node.linkState === 'disconnected' ? ', link disconnected' : ''}`);
  return {
    id: 'node-failed', severity: critical ? 'critical' : 'warning',
    title: flagged.length === 1 ? `Cluster node ${flagged[0]!.address} failed` : `${flagged.length} cluster nodes failed`,
    detail: `${listed.join('; ')} (fail: the cluster agreed it is down; pfail: the node that answered suspects it).`,
    value: flagged.length, threshold: 0,
    remediation:
      'Restart the failed nodes (their own pages and the Redis log say why they stopped); a master whose replica took over rejoins as a replica. ' +
      'A node gone for good is removed with CLUSTER FORGET on every node.',
  };
}

/** The cluster's own findings for one discovery (or the reason none answered). */
export function evaluateClusterHealth(view: ClusterView | null, down: string | null): RuleResult[] {
  if (!view) return [clusterDown(down ?? 'No node of the cluster told its topology.')];
  return [clusterStateFail(view), slotsNotCovered(view), nodeFailed(view)].filter((result): result is RuleResult => result !== null);
}
