// The events of a Redis Cluster as a whole, from two discoveries of its topology: a failover
// (a replica took over its master's slots) is a `role-change` on the cluster instance, not a
// restart; no node answering, and answering again, are `down` / `up`. Each node's own events
// (its restart, its role in INFO) stay on the node's instance. Pure.
import type { ClusterNodeView, ClusterView } from '@/lib/api/cluster';
import { formatDuration, formatNumber } from '@/lib/format';
import { slotRangesText } from '@/lib/slot-ranges';
import type { InstanceEvent } from './types';

/** What the detector remembers of the cluster between two samples. */
export interface ClusterMemory {
  /** The last view discovered; null before the first. */
  view: ClusterView | null;
  /** Whether the last discovery found a node that answered; null before the first. */
  answered: boolean | null;
  /** When the nodes stopped answering, for the `up` event's gap. */
  downSince: number | null;
}

export const FRESH_CLUSTER_MEMORY: ClusterMemory = { view: null, answered: null, downSince: null };

function failoverEvent(at: number, promoted: ClusterNodeView, before: ClusterView, now: ClusterView): InstanceEvent {
  const was = before.nodes.find((node) => node.nodeId === promoted.nodeId)!;
  const oldMaster = before.nodes.find((node) => node.nodeId === was.masterNodeId);
  const oldMasterNow = oldMaster && now.nodes.find((node) => node.nodeId === oldMaster.nodeId);
  const from = oldMaster?.address ?? 'its master';
  const slots = slotRangesText(promoted.slots);
  const fate = !oldMasterNow
    ? `${from} is no longer listed`
    : oldMasterNow.role === 'replica'
      ? `${from} is now ${oldMasterNow.masterNodeId === promoted.nodeId ? 'its replica' : 'a replica'}`
      : `${from} is ${oldMasterNow.failure ? `flagged ${oldMasterNow.failure}` : `a master with ${formatNumber(oldMasterNow.slotCount, 0)} slots`}`;
  return {
    at, kind: 'role-change',
    title: `Failover: node ${promoted.address} took over slots ${slots} from ${from}`,
    detail: `${promoted.address} was a replica of ${from} and is now a master serving ${formatNumber(promoted.slotCount, 0)} slots (${slots}); ${fate}. Seen by ${now.askedNode}, cluster epoch ${now.state.currentEpoch}.`,
    before: { node: promoted.address, role: 'replica', master: oldMaster?.address ?? null },
    after: { node: promoted.address, role: 'master', slots },
  };
}

/** Role changes between two views: one failover event per promoted replica, else a demotion. */
function roleEvents(at: number, before: ClusterView, now: ClusterView): InstanceEvent[] {
  const earlier = new Map(before.nodes.map((node) => [node.nodeId, node]));
  const events: InstanceEvent[] = [];
  const promoted = now.nodes.filter((node) => node.role === 'master' && earlier.get(node.nodeId)?.role === 'replica');
  for (const node of promoted) events.push(failoverEvent(at, node, before, now));
  // A master that became a replica without one of its replicas taking over (CLUSTER REPLICATE).
  const explained = new Set(promoted.map((node) => earlier.get(node.nodeId)!.masterNodeId));
  for (const node of now.nodes) {
    const was = earlier.get(node.nodeId);
    if (node.role !== 'replica' || was?.role !== 'master' || explained.has(node.nodeId)) continue;
    const master = now.nodes.find((other) => other.nodeId === node.masterNodeId);
    events.push({
      at, kind: 'role-change', title: `Node ${node.address} became a replica of ${master?.address ?? 'another node'}`,
      detail: `${node.address} was a master serving ${formatNumber(was.slotCount, 0)} slots${was.slotCount > 0 ? ` (${slotRangesText(was.slots)})` : ''}; it now replicates ${master?.address ?? 'an unknown node'}. Seen by ${now.askedNode}.`,
      before: { node: node.address, role: 'master' }, after: { node: node.address, role: 'replica', master: master?.address ?? null },
    });
  }
  return events;
}

/** The events of one discovery (`view`), or of none (`down`: why no node answered), and the memory for the next. */
export function detectClusterEvents(memory: ClusterMemory, at: number, view: ClusterView | null, down: string | null): { events: InstanceEvent[]; memory: ClusterMemory } {
  if (!view) {
    const events: InstanceEvent[] = memory.answered === true
      ? [{ at, kind: 'down', title: 'No node of the cluster answers', detail: down ?? 'No node told its topology.' }]
      : [];
    return { events, memory: { ...memory, answered: false, downSince: memory.answered === false ? memory.downSince : at } };
  }
  const events: InstanceEvent[] = [];
  if (memory.answered === false) {
    const gap = memory.downSince !== null ? ` after ${formatDuration(Math.max(0, at - memory.downSince) / 1000)} without an answer` : '';
    events.push({ at, kind: 'up', title: 'The cluster answers again', detail: `${view.askedNode} told the topology${gap}.` });
  }
  if (memory.view) events.push(...roleEvents(at, memory.view, view));
  return { events, memory: { view, answered: true, downSince: null } };
}
