'use client';
// One instance in depth: fetches INFO (and the list, for name/address/status) and picks the state.
// "What changed" comes first, under the name: a restart that lost the data is the first thing the
// page says. Changes, health findings, history and events come from Redlens' own store, so they
// show while Redis is down too.
import { useInfo, useInstances } from '@/lib/queries/instances';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { formatClock } from '@/lib/format';
import { WhatChangedSection } from '@/components/changes/what-changed';
import { HistorySection } from '@/components/charts/history-section';
import { EventTimeline } from '@/components/events/event-timeline';
import { HealthList } from '@/components/health/health-list';
import { isInfoUnavailable } from '@/components/overview/info-availability';
import { InfoErrorPanel } from './info-error-panel';
import { InstanceDetails, InstanceDetailsSkeleton } from './instance-details';
import { InstanceHeader } from './instance-header';
import { InstanceNotFound } from './instance-not-found';
import { SentinelPanel } from './sentinel-panel';

export function InstanceOverview({ id }: { id: string }) {
  const info = useInfo(id);
  const instances = useInstances();
  const summary = instances.data?.instances.find((instance) => instance.id === id);

  if (errorCodeOf(info.error) === 'NOT_FOUND') {
    return <InstanceNotFound id={id} />;
  }

  // TanStack keeps the last good reply when a poll fails: show it, greyed and dated.
  const stale = info.isError && info.data !== undefined;
  return (
    <div className="space-y-6">
      <InstanceHeader id={id} summary={summary} info={info.data} infoUnavailable={isInfoUnavailable(info.error)} />
      <WhatChangedSection id={id} />
      {info.isError ? <InfoErrorPanel error={info.error} staleSince={info.data?.fetchedAt} /> : null}
      <HealthList id={id} />
      <HistorySection id={id} />
      <EventTimeline id={id} />
      <SentinelPanel id={id} />
      {info.data ? (
        <div data-testid="instance-details" data-stale={stale ? 'true' : undefined}>
          {stale ? (
            <p className="mb-3 text-sm font-medium text-slate-700">
              Stale since {formatClock(info.data.fetchedAt)}: the last figures Redlens received.
            </p>
          ) : null}
          <div className={stale ? 'opacity-50 grayscale' : undefined}>
            <InstanceDetails info={info.data} />
          </div>
        </div>
      ) : info.isPending ? (
        <InstanceDetailsSkeleton />
      ) : null}
    </div>
  );
}
