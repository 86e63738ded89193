// A Redis Cluster instance's analysis: the masters walked one after the other, each with the
// keys it held and how many the walk visited, linked to the node's own pages.
import Link from 'next/link';
import type { AnalysisResult } from '@/lib/analysis/types';
import { formatNumber, plural } from '@/lib/format';

export function ClusterMasters({ cluster }: { cluster: NonNullable<AnalysisResult['cluster']> }) {
  return (
    <section aria-label="Masters walked" className="space-y-2 text-sm" data-testid="analysis-cluster">
      <p className="text-slate-700" data-testid="analysis-cluster-masters">
        A Redis Cluster: {cluster.masters} of {plural(cluster.nodes.length, 'master', 'masters')} walked, one after the
        other (db0, the only one a cluster has); every figure below is over all of them.
      </p>
      <ul className="flex flex-wrap gap-2">
        {cluster.nodes.map((node) => (
          <li key={node.instanceId} className="rounded-md border border-slate-200 bg-white px-3 py-1.5" data-testid="analysis-cluster-node">
            <Link
              href={`/instances/${encodeURIComponent(node.instanceId)}`}
              className="font-mono text-xs text-slate-900 underline decoration-slate-300 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
            >
              {node.address}
            </Link>{' '}
            <span className="text-xs tabular-nums text-slate-600">
              {node.walked ? `${formatNumber(node.scanned, 0)} of ${formatNumber(node.dbSize, 0)} keys visited` : `not reached (${formatNumber(node.dbSize, 0)} keys)`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
