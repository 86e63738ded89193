// "Reset all nodes" of a Redis Cluster instance in words: the summary line and one line per node,
// each node's failure read from its typed fields (code, redisReset), never from a message.
import { plural } from '@/lib/format';
import type { ClusterNodeResetResult, ClusterSlowlogResetResponse } from '@/lib/slowlog/types';
import { describeResetFailure } from './reset-failure';

export interface NodeResetLine {
  instanceId: string;
  address: string;
  ok: boolean;
  text: string;
}

/** The confirmation's question: names how many nodes the reset touches. */
export function resetAllQuestion(nodes: number | undefined): string {
  return nodes === undefined ? 'Reset the slow log of every node?' : `Reset the slow log of all ${plural(nodes, 'node', 'nodes')}?`;
}

export function summarizeResetAll(result: ClusterSlowlogResetResponse): string {
  const archived = `${plural(result.archived, 'entry', 'entries')} archived`;
  if (result.failed === 0) return `Reset ${plural(result.reset, 'node', 'nodes')}; ${archived}.`;
  return `Reset ${result.reset} of ${plural(result.nodes.length, 'node', 'nodes')}; ${archived}; ${result.failed} failed.`;
}

export function nodeResetLine(node: ClusterNodeResetResult): NodeResetLine {
  const base = { instanceId: node.instanceId, address: node.address };
  if (node.outcome === 'reset') return { ...base, ok: true, text: `reset, ${plural(node.archived ?? 0, 'entry', 'entries')} archived` };
  const failure = describeResetFailure(node.error?.code ?? 'INTERNAL', node.error?.message ?? '', node.redisReset);
  return { ...base, ok: false, text: `${failure.title}: ${failure.detail}` };
}
