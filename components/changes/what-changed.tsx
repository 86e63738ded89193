'use client';
// "What changed" (SPEC section 9), the first panel of the instance page: the window in the URL
// against the same length of time before it; what needs attention first (data loss, refused
// writes, critical findings), then the figures, the events and the findings opened and closed.
import { Suspense, useId } from 'react';
import { useSearchParams } from 'next/navigation';
import { CHANGE_WINDOW_MS, parseChangeWindow, type ChangesResponse } from '@/lib/changes/types';
import type { InstanceEvent } from '@/lib/events/types';
import { SEVERITY_RANK, type FindingEvent } from '@/lib/health/types';
import { formatClock, plural } from '@/lib/format';
import { useChanges } from '@/lib/queries/changes';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { POLL_CHANGES_MS } from '@/lib/queries/poll';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { SeverityBadge } from '@/components/health/severity-badge';
import { EventItem } from '@/components/events/event-item';
import { bySeverityThenNewest, eventSeverity } from '@/components/events/model/event-view';
import { ChangeFigures } from './change-figures';
import { anyFigureMoved } from './model/figure-view';
import { WindowSwitch } from './window-switch';

export function WhatChangedSection({ id }: { id: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="what-changed">
      <Card className="space-y-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          What changed
        </h2>
        {/* Suspense is what Next asks of a client component reading useSearchParams (the window is in the URL). */}
        <Suspense fallback={<ChangesSkeleton />}>
          <WhatChanged id={id} />
        </Suspense>
      </Card>
    </section>
  );
}

function WhatChanged({ id }: { id: string }) {
  const window = parseChangeWindow(useSearchParams().get('window'));
  const changes = useChanges(id, window);
  const label = `last ${CHANGE_WINDOW_MS[window] / 60_000} minutes`;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <p className="text-sm text-slate-600">The {label} against the {CHANGE_WINDOW_MS[window] / 60_000} minutes before them.</p>
        <WindowSwitch value={window} />
      </div>
      <QueryState
        query={changes}
        loading={<ChangesSkeleton />}
        failed={(error) => (
          <ErrorState title="Cannot tell what changed" message={error.message} code={errorCodeOf(error)} data-testid="changes-error">
            Redlens retries every {POLL_CHANGES_MS / 1000} s.
          </ErrorState>
        )}
        refreshFailed={{ title: 'Could not refresh what changed' }}
        switching={changes.isPlaceholderData}
      >
        {(data) => <ChangesBody data={data} label={`last ${CHANGE_WINDOW_MS[data.window] / 60_000} minutes`} />}
      </QueryState>
    </>
  );
}

/** Renders the answer it was given; its own window, not the URL's, decides the words. */
function ChangesBody({ data, label }: { data: ChangesResponse; label: string }) {
  const events = bySeverityThenNewest(data.events);
  const { opened, closed } = data.findings;
  const criticalEvents = events.filter((event) => eventSeverity(event.kind) === 'critical');
  const criticalFindings = opened.filter((finding) => finding.severity === 'critical');
  const sampled = data.figures.some((figure) => figure.now !== null);
  const nothing = events.length === 0 && opened.length === 0 && closed.length === 0 && !anyFigureMoved(data.figures);

  return (
    <div className="space-y-4" data-window={data.window}>
      {criticalEvents.length > 0 || criticalFindings.length > 0 ? (
        <Attention events={criticalEvents} findings={criticalFindings} />
      ) : null}
      {!sampled ? (
        <p className="text-sm text-slate-700" data-testid="changes-unsampled">
          No sample in the {label}: Redis did not answer or Redlens was not running, so there is nothing to compare.
        </p>
      ) : nothing ? (
        <p className="text-sm font-medium text-slate-800" data-testid="changes-empty">
          <span aria-hidden="true">≈ </span>Nothing changed in the {label}: no event, no finding opened or closed, and every
          figure within 10 % of before.
        </p>
      ) : null}
      <ChangeFigures figures={data.figures} windowLabel={label} />
      {events.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-800">
            {plural(events.length, 'event', 'events')}, most serious first{data.eventsTruncated ? ' (the newest only: more happened)' : ''}
          </h3>
          <ul className="divide-y divide-slate-100" data-testid="changes-events">
            {events.map((event, index) => (
              <EventItem key={`${event.at}-${event.kind}-${index}`} event={event} />
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FindingChanges title="Findings opened" findings={opened} at={(f) => f.startedAt} empty="None opened." testId="changes-opened" />
        <FindingChanges title="Findings closed" findings={closed} at={(f) => f.endedAt ?? f.startedAt} empty="None closed." testId="changes-closed" />
      </div>
    </div>
  );
}

/** The first thing the page says when data was lost, writes were refused or a critical finding opened. */
function Attention({ events, findings }: { events: InstanceEvent[]; findings: FindingEvent[] }) {
  return (
    <div className="rounded-md border-2 border-red-600 bg-red-50 p-3 text-red-900" data-testid="changes-attention">
      <h3 className="font-semibold">
        <span aria-hidden="true">▲ </span>Needs attention first
      </h3>
      <ul className="mt-1 space-y-1 text-sm">
        {events.map((event, index) => (
          <li key={`e-${event.at}-${index}`}>
            <span className="font-medium">{event.title}</span> at {formatClock(event.at)}
            {event.detail ? `: ${event.detail}` : ''}
          </li>
        ))}
        {findings.map((finding) => (
          <li key={`f-${finding.id}-${finding.startedAt}`}>
            Critical finding opened at {formatClock(finding.startedAt)}: <span className="font-medium">{finding.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FindingChangesProps {
  title: string;
  findings: FindingEvent[];
  at: (finding: FindingEvent) => number;
  empty: string;
  testId: string;
}

function FindingChanges({ title, findings, at, empty, testId }: FindingChangesProps) {
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || at(b) - at(a));
  return (
    <div data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-800">
        {title} ({sorted.length})
      </h3>
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {sorted.map((finding) => (
            <li key={`${finding.id}-${finding.startedAt}`} className="flex flex-wrap items-center gap-2 text-sm">
              <SeverityBadge severity={finding.severity} />
              <span className="text-slate-900">{finding.title}</span>
              <span className="text-xs tabular-nums text-slate-600">{formatClock(at(finding))}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ChangesSkeleton() {
  return (
    <Loading label="Loading what changed…">
      <div className="space-y-2">
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-32 w-full" />
      </div>
    </Loading>
  );
}
