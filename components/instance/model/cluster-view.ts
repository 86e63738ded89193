// The cluster page's words for a node and for the cluster's state, from the cluster answer.
// Pure, tested beside it.
import type { ClusterNodeStatus, ClusterResponse } from '@/lib/fleet/types';
import { formatDuration, formatNumber } from '@/lib/format';
import { slotRangesText } from '@/lib/slot-ranges';
import type { Tone } from '@/components/ui/tone';

/** How a node stands: the cluster's flag first (it speaks for every client), then the sampler's answer. */
export function nodeStateOf(node: ClusterNodeStatus): { text: string; tone: Tone } {
  if (node.failure === 'fail') return { text: 'failed (cluster agreed)', tone: 'bad' };
  if (node.failure === 'pfail') return { text: 'suspected down (pfail)', tone: 'warn' };
  if (node.status === 'down') return { text: 'not answering Redlens', tone: 'bad' };
  if (node.linkState === 'disconnected') return { text: 'up, cluster link disconnected', tone: 'warn' };
  if (node.status === 'unknown') return { text: 'waiting for a sample', tone: 'neutral' };
  return { text: 'up', tone: 'ok' };
}

/** "replica of 127.0.0.1:7001" / "master". */
export function roleText(node: ClusterNodeStatus, nodes: ClusterNodeStatus[]): string {
  if (node.role === 'master') return 'master';
  const master = nodes.find((other) => other.nodeId === node.masterNodeId);
  return `replica of ${master?.address ?? 'an unknown master'}`;
}

/** "0-5460 (5,461 slots)"; a master without slots and a replica say so. */
export function slotsText(node: ClusterNodeStatus): string {
  if (node.role === 'replica') return 'none (a replica)';
  if (node.slotCount === 0) return 'none';
  const moving = [node.migrating > 0 ? `${node.migrating} migrating` : '', node.importing > 0 ? `${node.importing} importing` : ''].filter(Boolean).join(', ');
  return `${slotRangesText(node.slots)} (${formatNumber(node.slotCount, 0)} slots${moving ? `; ${moving}` : ''})`;
}

/** A replica's link to its master as its INFO says; null for a master. */
export function replicationText(node: ClusterNodeStatus): { text: string; tone: Tone } | null {
  if (node.role === 'master') return null;
  const link = node.replication;
  if (!link) return { text: node.status === 'down' ? 'unknown (node down)' : 'unknown yet', tone: 'neutral' };
  if (!link.linkUp) return { text: `down${link.syncInProgress ? ' (sync in progress)' : ''}`, tone: 'bad' };
  return { text: `up, last I/O ${formatDuration(link.lastIoSecondsAgo)} ago`, tone: 'ok' };
}

/** "16,384 of 16,384 slots ok", with the pfail and fail counts when there are any. */
export function slotsStateText({ state }: Pick<ClusterResponse, 'state'>): string {
  const extra = [state.slotsPfail > 0 ? `${formatNumber(state.slotsPfail, 0)} pfail` : '', state.slotsFail > 0 ? `${formatNumber(state.slotsFail, 0)} fail` : ''].filter(Boolean);
  const unassigned = 16384 - state.slotsAssigned;
  return `${formatNumber(state.slotsOk, 0)} of 16,384 slots ok${unassigned > 0 ? `, ${formatNumber(unassigned, 0)} unassigned` : ''}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}
