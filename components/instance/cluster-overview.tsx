'use client';
// A Redis Cluster instance's page: the cluster as a whole (summed memory, keys, ops/s, the worst
// health of it and its nodes), its own state and findings, every node with its figures and a link
// to its own page, and the whole's history and events. What changed comes first, as on every
// instance page. The cluster has no INFO of its own: its per-node pages (commands, latency,
// clients) are the nodes'.
import type { ClusterResponse } from '@/lib/fleet/types';
import { formatBytes, formatClock, formatNumber, formatPercent, formatRate } from '@/lib/format';
import { useCluster } from '@/lib/queries/cluster';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useInstances } from '@/lib/queries/instances';
import { WhatChangedSection } from '@/components/changes/what-changed';
import { HistorySection } from '@/components/charts/history-section';
import { EventTimeline } from '@/components/events/event-timeline';
import { HealthList } from '@/components/health/health-list';
import { FleetHealthLight, TopFindings } from '@/components/overview/fleet-health-light';
import { judgePingP95, judgeRecentHitRatio, windowLabel } from '@/components/overview/model/recent-figures';
import { InstanceStatusBadge } from '@/components/overview/instance-status-badge';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { Stat, StatList } from '@/components/ui/stat';
import { ClusterNodesTable } from './cluster-nodes-table';
import { InstanceCrumbs } from './instance-crumbs';
import { InstancePagesNav } from './instance-pages-nav';
import { InstanceNotFound } from './instance-not-found';
import { slotsStateText } from './model/cluster-view';

export function ClusterOverview({ id }: { id: string }) {
  const cluster = useCluster(id);
  if (errorCodeOf(cluster.error) === 'NOT_FOUND') return <InstanceNotFound id={id} />;
  return (
    <div className="space-y-6">
      <ClusterHeader id={id} cluster={cluster.data} />
      <WhatChangedSection id={id} />
      <Panel title="The cluster as a whole" data-testid="cluster-whole">
        <QueryState
          query={cluster}
          loading={<WholeSkeleton />}
          failed={(error) => (
            <ErrorState title="Cannot read the cluster" message={error.message} code={errorCodeOf(error)} data-testid="cluster-error">
              Redlens asks its nodes again every few seconds.
            </ErrorState>
          )}
          refreshFailed={{ title: 'Could not refresh the cluster', shown: 'the figures below are from the last answer' }}
        >
          {(data) => <ClusterWholeBody cluster={data} />}
        </QueryState>
      </Panel>
      <HealthList id={id} title="The cluster's own findings" />
      <Panel title="Nodes" data-testid="cluster-nodes-panel">
        <QueryState
          query={cluster}
          loading={<Loading label="Loading the nodes…"><Skeleton className="h-32 w-full" /></Loading>}
          failed={(error) => <ErrorState title="Cannot list the nodes" message={error.message} code={errorCodeOf(error)} />}
          refreshFailed={{ title: 'Could not refresh the nodes', shown: 'the list below is from the last answer' }}
        >
          {(data) =>
            data.nodes.length === 0 ? (
              <p className="text-sm text-slate-600">The cluster lists no reachable node.</p>
            ) : (
              <>
                <p className="mb-3 text-sm text-slate-600">
                  As {data.askedNode} listed them at {formatClock(data.discoveredAt)} (CLUSTER NODES); figures from each node&apos;s last
                  sample. Open a node for its INFO, commands, latency, clients and config.
                </p>
                <ClusterNodesTable nodes={data.nodes} />
              </>
            )
          }
        </QueryState>
      </Panel>
      <HistorySection id={id} />
      <EventTimeline id={id} />
    </div>
  );
}

function ClusterHeader({ id, cluster }: { id: string; cluster: ClusterResponse | undefined }) {
  const instances = useInstances();
  const summary = instances.data?.instances.find((instance) => instance.id === id);
  return (
    <header className="space-y-2" data-testid="instance-header">
      <InstanceCrumbs id={id} page={null} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="break-words text-2xl font-bold text-slate-900">{summary?.name ?? id}</h1>
        <Badge data-testid="cluster-badge">Redis Cluster</Badge>
        {summary ? <InstanceStatusBadge status={summary.status} /> : null}
        <InstancePagesNav id={id} cluster />
      </div>
      {cluster ? (
        <p className="text-sm text-slate-600" data-testid="cluster-summary">
          {formatNumber(cluster.whole.nodes, 0)} nodes: {formatNumber(cluster.whole.masters, 0)} masters,{' '}
          {formatNumber(cluster.whole.nodes - cluster.whole.masters, 0)} replicas · cluster epoch {formatNumber(cluster.state.currentEpoch, 0)}
        </p>
      ) : summary ? (
        <p className="break-all font-mono text-sm text-slate-600">{summary.address}</p>
      ) : null}
    </header>
  );
}

function ClusterWholeBody({ cluster }: { cluster: ClusterResponse }) {
  const { whole, state, thresholds } = cluster;
  const window = windowLabel(whole.recent);
  return (
    <div className="space-y-4">
      {cluster.unavailable ? (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="cluster-unavailable">
          <span className="font-semibold">No node answers now.</span> {cluster.unavailable} The state and nodes below are as{' '}
          {cluster.askedNode} listed them at {formatClock(cluster.discoveredAt)}.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={state.state === 'ok' ? 'ok' : 'bad'} data-testid="cluster-state">
          <span aria-hidden="true">{state.state === 'ok' ? '●' : '▲'}</span> cluster_state: {state.state}
        </Badge>
        <span className="text-sm text-slate-700" data-testid="cluster-slots">{slotsStateText(cluster)}</span>
        <span className="sm:ml-auto" data-testid="cluster-worst-health">
          <FleetHealthLight health={whole.health} />
        </span>
      </div>
      <StatList>
        <Stat label="Memory used" value={formatBytes(whole.usedMemoryBytes)} hint="every node, masters and replicas" testId="cluster-memory" />
        <Stat label="Keys" value={formatNumber(whole.keys, 0)} hint="the masters' (replicas hold copies)" testId="cluster-keys" />
        <Stat label="Throughput" value={formatRate(whole.recent?.opsPerSec, 'ops/s')} hint={`the masters', ${window}`} testId="cluster-ops" />
        <Stat label="Hit ratio" value={formatPercent(whole.recent?.hitRatio)} hint={window} target={judgeRecentHitRatio(whole.recent, thresholds)} />
        <Stat label="Connected clients" value={formatNumber(whole.connectedClients, 0)} hint="every node, Redlens's own included" />
        <Stat label="PING p95" value={formatRate(whole.pingP95Ms, 'ms', 3)} hint="the slowest node's" target={judgePingP95(whole.pingP95Ms, thresholds)} />
        <Stat
          label="Nodes"
          value={`${formatNumber(whole.nodes - whole.nodesDown, 0)} of ${formatNumber(whole.nodes, 0)} up`}
          hint={whole.nodesDown > 0 ? `${formatNumber(whole.nodesDown, 0)} down or flagged failed` : `${formatNumber(whole.masters, 0)} masters serving slots`}
          testId="cluster-nodes-up"
        />
      </StatList>
      <div>
        <h3 className="mb-1 text-xs font-medium text-slate-500">Worst findings, the cluster&apos;s and its nodes&apos;</h3>
        {whole.health.top.length > 0 ? <TopFindings health={whole.health} moreWhere="on the cluster's and the nodes' pages" /> : <p className="text-sm text-slate-600">None: the cluster and every node are healthy.</p>}
      </div>
      <p className="text-xs text-slate-500">
        {whole.sampledAt !== null ? (
          <>Summed from the nodes&apos; samples at <time dateTime={new Date(whole.sampledAt).toISOString()}>{formatClock(whole.sampledAt)}</time></>
        ) : (
          'Waiting for the first sample: the figures appear once Redlens has sampled every node.'
        )}
      </p>
    </div>
  );
}

function WholeSkeleton() {
  return (
    <Loading label="Loading the cluster…">
      <div className="space-y-3">
        <Skeleton className="h-5 w-1/3" />
        <Skeleton className="h-16 w-full" />
      </div>
    </Loading>
  );
}
