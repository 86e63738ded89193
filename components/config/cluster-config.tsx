// A Redis Cluster instance's config audit: each node's audit summed up (its statuses counted and
// the worst), linked to the node's own config page, where its table, fixes and apply are; then
// the settings whose values differ between the nodes, with each node's value. A cluster's nodes
// should agree: a difference is what a failover would turn into a surprise.
import Link from 'next/link';
import type { ClusterConfigResponse } from '@/lib/config-audit/types';
import { plural } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { STATUS_TONE } from './audit-table';
import { DriftRow } from './drift-row';

const LINK = 'underline decoration-slate-300 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700';

const configHref = (instanceId: string) => `/instances/${encodeURIComponent(instanceId)}/config`;

export function ClusterConfig({ data }: { data: ClusterConfigResponse }) {
  const read = data.nodes.filter((node) => node.reachable);
  const address = new Map(data.nodes.map((node) => [node.instanceId, node.address]));
  return (
    <>
      <section aria-labelledby="cluster-config-nodes" className="space-y-2">
        <h2 id="cluster-config-nodes" className="text-lg font-semibold text-slate-900">Nodes</h2>
        <p className="text-sm text-slate-600">
          Each node is audited on its own page, where an admin applies a fix (a setting is changed node by node).
        </p>
        <div className="table-scroll rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="cluster-config-nodes">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Node</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">Version</th>
                <th scope="col" className="px-3 py-2">Worst</th>
                <th scope="col" className="px-3 py-2">Statuses</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.nodes.map((node) => (
                <tr key={node.instanceId} data-testid="cluster-config-node" className="align-top">
                  <th scope="row" className="px-3 py-2 font-mono text-xs font-medium">
                    <Link href={configHref(node.instanceId)} className={LINK}>{node.address}</Link>
                  </th>
                  <td className="px-3 py-2 text-xs">{node.role}</td>
                  <td className="px-3 py-2 text-xs">{node.version ?? '—'}</td>
                  {node.reachable && node.summary && node.worst ? (
                    <>
                      <td className="px-3 py-2"><Badge tone={STATUS_TONE[node.worst]}>{node.worst}</Badge></td>
                      <td className="px-3 py-2 text-xs text-slate-700">
                        {node.summary.warn} warn · {node.summary.ok} ok · {node.summary.info} info
                      </td>
                    </>
                  ) : (
                    <td colSpan={2} className="px-3 py-2 text-xs text-red-800">Not read: {node.error}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="cluster-config-drift" className="space-y-2">
        <h2 id="cluster-config-drift" className="text-lg font-semibold text-slate-900">Drift between the nodes</h2>
        {data.drift.length === 0 ? (
          <EmptyState title="The nodes agree">
            {read.length < 2 ? 'Drift needs two nodes that answer.' : `The ${plural(read.length, 'node', 'nodes')} that answered agree on every setting (their own ports, files and addresses left out).`}
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              {plural(data.drift.length, 'setting differs', 'settings differ')} between the nodes: a replica promoted by a
              failover would bring its own.
            </p>
            <div className="table-scroll rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm" data-testid="cluster-config-drift">
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">Setting</th>
                    <th scope="col" className="px-3 py-2">Recommended</th>
                    {read.map((node) => (
                      <th key={node.instanceId} scope="col" className="px-3 py-2 font-mono normal-case">
                        <Link href={configHref(node.instanceId)} className={LINK}>{address.get(node.instanceId)}</Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.drift.map((setting) => (
                    <DriftRow key={setting.name} setting={setting} columns={read.map((node) => node.instanceId)} data-testid="cluster-config-drift-row" />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
