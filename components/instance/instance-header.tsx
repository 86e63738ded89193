// Who the instance is and how fresh the figures are: name, address, version, role, mode, uptime.
import type { InfoResponse, InstanceSummary } from '@/lib/api/types';
import { formatClock, formatDuration, formatPercent } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { TargetNote } from '@/components/ui/target-note';
import { judgeRecentHitRatio, windowLabel } from '@/components/overview/model/recent-figures';
import { InstanceStatusBadge } from '@/components/overview/instance-status-badge';
import { InstanceCrumbTrail } from './instance-crumbs';
import { InstancePagesNav } from './instance-pages-nav';

interface InstanceHeaderProps {
  id: string;
  summary?: InstanceSummary;
  info?: InfoResponse;
  /** INFO is renamed or denied while PING answers: "up, INFO unavailable", not down. */
  infoUnavailable?: boolean;
}

export function InstanceHeader({ id, summary, info, infoUnavailable = false }: InstanceHeaderProps) {
  const name = summary?.name ?? info?.instance.name ?? id;
  return (
    <header className="space-y-2" data-testid="instance-header">
      <InstanceCrumbTrail id={id} page={null} summary={summary} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="break-words text-2xl font-bold text-slate-900">{name}</h1>
        {summary?.memberOf ? <Badge data-testid="cluster-node-badge">cluster node</Badge> : null}
        {summary ? <InstanceStatusBadge status={summary.status} infoUnavailable={infoUnavailable} /> : null}
        <InstancePagesNav id={id} />
      </div>
      {summary ? (
        <p className="break-all font-mono text-sm text-slate-600">
          {summary.address}
          {summary.tls ? ' · TLS' : ''}
        </p>
      ) : null}
      {summary?.tlsInsecure ? <TlsNotVerified /> : null}
      {info ? <InstanceFacts info={info} /> : null}
    </header>
  );
}

/** rejectUnauthorized: false in the config: the connection is encrypted but its other end is not checked. */
function TlsNotVerified() {
  return (
    <p role="note" data-testid="tls-not-verified" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <span className="font-semibold">TLS certificate not verified.</span> This instance is configured with{' '}
      <code className="font-mono">tls.rejectUnauthorized: false</code>: the connection is encrypted, but Redlens does not check
      who answers, so anyone who can intercept the traffic could pose as this Redis and read the password and data. Set{' '}
      <code className="font-mono">tls.ca</code> to the CA that signed the server&apos;s certificate instead.
    </p>
  );
}

function InstanceFacts({ info }: { info: InfoResponse }) {
  const { derived } = info;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
      <Badge>Redis {derived.version}</Badge>
      <Badge>{derived.role}</Badge>
      <Badge>{derived.mode}</Badge>
      <span>up {formatDuration(derived.uptimeSeconds)}</span>
      <span aria-hidden="true">·</span>
      <RecentHitRatio info={info} />
      <span aria-hidden="true">·</span>
      <span>
        fetched at <time dateTime={info.fetchedAt}>{formatClock(info.fetchedAt)}</time>
      </span>
    </div>
  );
}

/** Over the sampler's window, Redlens's own lookups out; since restart stays in the stats panel. */
function RecentHitRatio({ info }: { info: InfoResponse }) {
  const judged = judgeRecentHitRatio(info.recent, info.thresholds);
  return (
    <span data-testid="header-hit-ratio">
      hit ratio <span className="font-medium text-slate-900">{formatPercent(info.recent?.hitRatio)}</span> (
      {windowLabel(info.recent)}) <TargetNote target={judged.text} verdict={judged.verdict} />
    </span>
  );
}
