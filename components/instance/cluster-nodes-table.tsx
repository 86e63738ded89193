// Every node of a Redis Cluster: address (a link to the node's own page), role, slots, the
// sampler's figures, health and the replication link. Rendering only: the cluster page polls.
import Link from 'next/link';
import type { ClusterNodeStatus } from '@/lib/fleet/types';
import { formatBytes, formatNumber, formatRate } from '@/lib/format';
import { FleetHealthLight } from '@/components/overview/fleet-health-light';
import { Badge } from '@/components/ui/badge';
import { nodeStateOf, replicationText, roleText, slotsText } from './model/cluster-view';

const TH = 'py-2 pr-4 font-medium';
const TD = 'py-2 pr-4 align-top';

export function ClusterNodesTable({ nodes }: { nodes: ClusterNodeStatus[] }) {
  return (
    <div className="table-scroll">
      <table className="w-full min-w-[60rem] text-left text-sm" data-testid="cluster-nodes">
        <caption className="sr-only">The cluster&apos;s nodes: masters by their first slot, then replicas</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className={TH}>Node</th>
            <th scope="col" className={TH}>Role</th>
            <th scope="col" className={TH}>Hash slots</th>
            <th scope="col" className={`${TH} text-right`}>Memory</th>
            <th scope="col" className={`${TH} text-right`}>Ops/s</th>
            <th scope="col" className={`${TH} text-right`}>Clients</th>
            <th scope="col" className={`${TH} text-right`}>Keys</th>
            <th scope="col" className={TH}>State</th>
            <th scope="col" className={TH}>Health</th>
            <th scope="col" className={TH}>Link to master</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => {
            const state = nodeStateOf(node);
            const link = replicationText(node);
            return (
              <tr key={node.nodeId} className="border-t border-slate-100" data-testid="cluster-node" data-role={node.role}>
                <th scope="row" className={`${TD} font-normal`}>
                  <Link
                    href={`/instances/${encodeURIComponent(node.instanceId)}`}
                    className="break-all font-mono text-slate-900 underline decoration-slate-300 hover:decoration-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
                  >
                    {node.address}
                  </Link>
                  <span className="block font-mono text-xs text-slate-500" title={node.nodeId}>{node.nodeId.slice(0, 8)}…</span>
                </th>
                <td className={`${TD} break-words`}>{roleText(node, nodes)}</td>
                <td className={`${TD} break-words`}>{slotsText(node)}</td>
                <td className={`${TD} text-right tabular-nums`}>{formatBytes(node.usedMemoryBytes)}</td>
                <td className={`${TD} text-right tabular-nums`}>{formatRate(node.opsPerSec, 'ops/s')}</td>
                <td className={`${TD} text-right tabular-nums`}>{formatNumber(node.connectedClients, 0)}</td>
                <td className={`${TD} text-right tabular-nums`}>{formatNumber(node.keys, 0)}</td>
                <td className={TD}><Badge tone={state.tone}>{state.text}</Badge></td>
                <td className={TD}><FleetHealthLight health={node.health} /></td>
                <td className={TD}>{link ? <Badge tone={link.tone}>{link.text}</Badge> : <span className="text-slate-500">— (master)</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
