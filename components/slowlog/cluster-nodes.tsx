// A Redis Cluster instance's slow log: which nodes it merges, how many entries each holds, and
// which could not be read (their entries are then missing from the merge). Each links to the
// node's own slow log, where it is reset or its settings changed on its own.
import Link from 'next/link';
import type { ClusterSlowlogNode } from '@/lib/slowlog/types';
import { plural } from '@/lib/format';
import { Badge } from '@/components/ui/badge';

export function ClusterNodes({ nodes }: { nodes: ClusterSlowlogNode[] }) {
  const failed = nodes.filter((node) => node.error !== null).length;
  return (
    <section aria-label="Nodes of the cluster" className="space-y-2" data-testid="slowlog-cluster-nodes">
      <p className="text-sm text-slate-600">
        Every node keeps its own slow log: the entries below are the {plural(nodes.length, 'node', 'nodes')}&apos; merged,
        newest first, with the node that logged each.
        {failed > 0 ? ` ${plural(failed, 'node', 'nodes')} could not be read: ${failed === 1 ? 'its' : 'their'} entries are missing.` : ''}
      </p>
      <ul className="flex flex-wrap gap-2">
        {nodes.map((node) => (
          <li key={node.instanceId} data-testid="slowlog-cluster-node" className="rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm">
            <Link
              href={`/instances/${encodeURIComponent(node.instanceId)}/slowlog`}
              className="font-mono text-xs text-slate-900 underline decoration-slate-300 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
            >
              {node.address}
            </Link>{' '}
            <span className="text-xs text-slate-500">{node.role}</span>{' '}
            {node.error !== null ? (
              <Badge tone="bad">
                <span title={node.error}>not read</span>
              </Badge>
            ) : (
              <span className="text-xs tabular-nums text-slate-700">{plural(node.length ?? 0, 'entry', 'entries')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
