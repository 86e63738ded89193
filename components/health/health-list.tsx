'use client';
// The health findings of one instance: what fired, the evidence, the threshold and what to do.
import { SEVERITY_RANK, type Finding, type HealthResponse } from '@/lib/health/types';
import { formatFindingFigure } from './model/finding-figures';
import { findingPageOf } from './model/finding-pages';
import Link from 'next/link';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useHealth } from '@/lib/queries/history';
import { POLL_HEALTH_MS } from '@/lib/queries/poll';
import { formatDateTime } from '@/lib/format';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { TrafficLight } from './health-light';
import { SeverityBadge } from './severity-badge';

/** `title`: a cluster's page names its own findings apart from its nodes'. */
export function HealthList({ id, title = 'Health findings' }: { id: string; title?: string }) {
  const health = useHealth(id);
  return (
    <Panel title={title} data-testid="health-list">
      {health.data ? (
        <>
          {health.isError ? (
            <p className="mb-2 text-sm text-red-800">
              Could not refresh the findings{errorCodeOf(health.error) ? ` (${errorCodeOf(health.error)})` : ''};
              showing the last ones read. Retrying automatically.
            </p>
          ) : null}
          <HealthFindings id={id} health={health.data} />
        </>
      ) : health.isError ? (
        <ErrorState
          title="Cannot read the health findings"
          message={health.error.message}
          code={errorCodeOf(health.error)}
          data-testid="health-error"
        >
          Redlens retries every {POLL_HEALTH_MS / 1000} s.
        </ErrorState>
      ) : (
        <Loading label="Loading health findings…">
          <div className="space-y-2">
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-12 w-full" />
          </div>
        </Loading>
      )}
    </Panel>
  );
}


/** Rendering only: the list for a health reply, worst first, then oldest first. */
export function HealthFindings({ id, health }: { id: string; health: HealthResponse }) {
  if (health.evaluatedAt === null) {
    return (
      <p className="text-sm text-slate-600" data-status="pending">
        Waiting for the first sample: the sampler evaluates every rule each time it records, every 10 s.
      </p>
    );
  }
  const findings = [...health.findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.since - b.since,
  );
  return (
    <div className="space-y-3" data-status={health.status}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
        <TrafficLight health={health} testId="health-status" />
        <span>
          {findings.length === 0 ? 'No findings: every rule passes.' : `${findings.length} finding${findings.length === 1 ? '' : 's'}.`}{' '}
          Evaluated <RelativeTime at={health.evaluatedAt} />.
        </span>
      </p>
      {findings.length > 0 ? (
        <ul className="divide-y divide-slate-100">
          {findings.map((finding) => (
            <FindingItem key={`${finding.id}@${finding.since}`} id={id} finding={finding} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FindingItem({ id, finding }: { id: string; finding: Finding }) {
  const page = findingPageOf(finding.id);
  const value = formatFindingFigure(finding.id, finding.value);
  const threshold = formatFindingFigure(finding.id, finding.threshold);
  return (
    <li className="space-y-1 py-3 first:pt-0 last:pb-0" data-testid={`finding-${finding.id}`} data-severity={finding.severity}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <h3 className="break-words text-sm font-semibold text-slate-900">{finding.title}</h3>
      </div>
      <p className="break-words text-sm text-slate-700">{finding.detail}</p>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {value !== null ? <Figure label="Value" text={value} /> : null}
        {threshold !== null ? <Figure label="Threshold" text={threshold} /> : null}
        <div className="flex gap-1">
          <dt className="text-slate-500">Since</dt>
          <dd className="tabular-nums text-slate-900">
            <time dateTime={Number.isFinite(finding.since) ? new Date(finding.since).toISOString() : undefined}>{formatDateTime(finding.since)}</time>{' '}
            <span className="text-slate-500">
              (<RelativeTime at={finding.since} />)
            </span>
          </dd>
        </div>
      </dl>
      <p className="break-words text-sm text-slate-700">
        <span className="font-medium text-slate-900">What to do: </span>
        {finding.remediation}
        {page ? (
          <>
            {' '}
            <Link
              href={`/instances/${encodeURIComponent(id)}/${page.path}`}
              className="font-medium text-red-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
              data-testid={`finding-link-${finding.id}`}
            >
              {page.label}
            </Link>
          </>
        ) : null}
      </p>
    </li>
  );
}

function Figure({ label, text }: { label: string; text: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium tabular-nums text-slate-900">{text}</dd>
    </div>
  );
}
