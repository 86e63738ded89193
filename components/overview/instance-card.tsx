// One instance on the fleet overview, from the fleet answer: identity, status, health and the
// sampler's figures. Rendering only: the overview polls.
import Link from 'next/link';
import type { FleetCluster, FleetInstance } from '@/lib/fleet/types';
import { endSentence, formatNumber } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FleetHealthLight, TopFindings } from './fleet-health-light';
import { InstanceCardFigures } from './instance-card-figures';
import { InstanceStatusBadge } from './instance-status-badge';

export function InstanceCard({ instance, thresholds }: { instance: FleetInstance; thresholds: Thresholds }) {
  return (
    <Card
      data-testid={`instance-card-${instance.id}`}
      className="relative flex h-full flex-col gap-4 transition-shadow hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-red-700"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="break-words text-base font-semibold text-slate-900">
            {/* The ::after box stretches the link over the whole card, so the card is one click target
                while screen readers hear only the name as the link text. */}
            <Link
              href={`/instances/${encodeURIComponent(instance.id)}`}
              className="after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-none"
            >
              {instance.name}
            </Link>
          </h2>
          <p className="break-all font-mono text-xs text-slate-500">
            {instance.address}
            {instance.tls ? ' · TLS' : ''}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <InstanceStatusBadge status={instance.status} infoUnavailable={instance.infoUnavailable} />
          {/* From the sampler, not from Redis: it still tells what was wrong while Redis is down. */}
          <FleetHealthLight health={instance.health} />
        </div>
      </div>
      {instance.cluster ? <ClusterLine cluster={instance.cluster} /> : null}
      <TopFindings health={instance.health} />
      <CardBody instance={instance} thresholds={thresholds} />
    </Card>
  );
}

/** A cluster's card stands for all its nodes: how many, how many are down, the cluster's state. */
function ClusterLine({ cluster }: { cluster: FleetCluster }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="card-cluster">
      <Badge>Redis Cluster</Badge>
      <span>
        {formatNumber(cluster.nodes, 0)} nodes ({formatNumber(cluster.masters, 0)} masters)
        {cluster.nodesDown > 0 ? <span className="font-medium text-red-800"> · {formatNumber(cluster.nodesDown, 0)} down</span> : null}
      </span>
      <Badge tone={cluster.state === 'ok' ? 'ok' : 'bad'}>cluster_state: {cluster.state}</Badge>
    </p>
  );
}

function CardBody({ instance, thresholds }: { instance: FleetInstance; thresholds: Thresholds }) {
  if (instance.status === 'down') {
    return (
      <p className="break-words text-sm text-red-800">
        Unreachable: {endSentence(instance.error ?? 'no reason given')} Redlens retries automatically.
      </p>
    );
  }
  if (instance.infoUnavailable) {
    return (
      <p className="break-words text-sm text-amber-900" data-testid="info-unavailable">
        Up (PING answers), but Redis refuses INFO (renamed, or denied by the ACL). The figures need INFO; health and
        history still show what Redlens recorded.
      </p>
    );
  }
  if (!instance.figures) {
    return (
      <p className="text-sm text-slate-600" data-testid="card-waiting">
        {instance.health.evaluatedAt === null
          ? 'Waiting for the first sample: the figures appear once Redlens has read INFO.'
          : 'Answering again: waiting for the next sample.'}
      </p>
    );
  }
  return <InstanceCardFigures figures={instance.figures} thresholds={thresholds} />;
}
