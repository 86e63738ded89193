'use client';
// Fleet drift: for each setting whose values differ across the instances, the recommendation
// first, then each instance's value; instances that could not be read are named, not hidden. A
// Redis Cluster instance is one column for all its nodes, linked to its own config page, where
// the drift between its nodes is listed.
import Link from 'next/link';
import { CLUSTER_VALUES_DIFFER, type ConfigDriftResponse, type DriftInstance } from '@/lib/config-audit/types';
import { plural } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useConfigDrift } from '@/lib/queries/config';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { DriftRow } from './drift-row';

export function ConfigDriftView() {
  const drift = useConfigDrift();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">Config drift</h1>
        <p className="mt-1 text-sm text-slate-600">
          Settings whose values differ across the fleet (each instance’s own ports, files and addresses left out).
        </p>
      </header>
      <QueryState
        query={drift}
        loading={<Loading label="Comparing the fleet…"><Skeleton className="h-48" /></Loading>}
        failed={(error) => <ErrorState title="Could not compare the fleet" message={error.message} code={errorCodeOf(error)} />}
        refreshFailed={{ title: 'Could not refresh the comparison', 'data-testid': 'config-drift-stale' }}
      >
        {(data) => <DriftBody data={data} />}
      </QueryState>
    </div>
  );
}

function DriftBody({ data }: { data: ConfigDriftResponse }) {
  const compared = data.instances.filter((instance) => instance.reachable);
  const unreachable = data.instances.filter((instance) => !instance.reachable);
  return (
    <>
      {unreachable.length > 0 ? (
        <ul className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="config-drift-unreachable">
          {unreachable.map((instance) => (
            <li key={instance.instance}>
              <span className="font-medium">{instance.name}</span> was not compared (unreachable): {instance.error}
            </li>
          ))}
        </ul>
      ) : null}
      {compared.some((instance) => instance.cluster) ? (
        <ul className="space-y-1 text-sm text-slate-700" data-testid="config-drift-clusters">
          {compared.flatMap((instance) => (instance.cluster ? [{ instance, cluster: instance.cluster }] : [])).map(({ instance, cluster }) => (
            <li key={instance.instance}>
              <Link href={clusterConfigHref(instance)} className="font-medium underline">{instance.name}</Link> is a cluster of{' '}
              {plural(cluster.nodes, 'node', 'nodes')}, compared here as one
              {cluster.read < cluster.nodes ? ` (${cluster.read} of them answered)` : ''}:{' '}
              {cluster.drifting === 0
                ? 'its nodes agree on every setting.'
                : `${plural(cluster.drifting, 'setting differs', 'settings differ')} between its nodes (its config page says which node has which).`}
            </li>
          ))}
        </ul>
      ) : null}
      {data.settings.length === 0 ? (
        <EmptyState title="No drift">
          {compared.length < 2 ? 'Drift needs two instances that answer.' : `The ${compared.length} instances that answered agree on every setting.`}
        </EmptyState>
      ) : (
        <div className="table-scroll rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="config-drift-table">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Setting</th>
                <th scope="col" className="px-3 py-2">Recommended</th>
                {compared.map((instance) => (
                  <th key={instance.instance} scope="col" className="px-3 py-2 normal-case">
                    {instance.cluster ? <Link href={clusterConfigHref(instance)} className="underline">{instance.name}</Link> : instance.name}
                    {instance.cluster ? <span className="block font-normal text-slate-500">cluster, {plural(instance.cluster.nodes, 'node', 'nodes')}</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.settings.map((setting) => (
                <DriftRow
                  key={setting.name}
                  setting={setting}
                  columns={compared.map((instance) => instance.instance)}
                  data-testid="config-drift-row"
                  special={(value, column) => {
                    const cluster = compared.find((instance) => instance.instance === column);
                    return value === CLUSTER_VALUES_DIFFER && cluster?.cluster ? (
                      <Link href={clusterConfigHref(cluster)} className="font-sans text-amber-900 underline">differs between its nodes</Link>
                    ) : null;
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const clusterConfigHref = (instance: DriftInstance) => `/instances/${encodeURIComponent(instance.instance)}/config`;
