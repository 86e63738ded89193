'use client';
// The slow log page of one instance: header with the admin's reset, then the live view or the
// archive (`?view=archive`). The live log is read on both tabs: the reset says how many entries
// it will archive.
import { useSearchParams } from 'next/navigation';
import { useId, type KeyboardEvent } from 'react';
import { withParams } from '@/lib/form-params';
import { parseSlowlogTab, type SlowlogTab } from './model/tabs';
import { parseShowOwn } from './model/own-entries';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useInstances } from '@/lib/queries/instances';
import { useHydrated } from '@/lib/queries/use-hydrated';
import { useSlowlog } from '@/lib/queries/slowlog';
import { AdminOnly } from '@/components/auth/admin-only';
import { InstanceCrumbs } from '@/components/instance/instance-crumbs';
import { InstanceNotFound } from '@/components/instance/instance-not-found';
import { ArchiveView } from './archive-view';
import { LiveView } from './live-view';
import { ResetAllControl } from './reset-all-control';
import { ResetControl } from './reset-control';
import { pushQuery } from './url';

const TABS: Record<SlowlogTab, string> = { live: 'Live', archive: 'Archive' };

/** The newest live entry's time (unix ms): null when none or unreadable, undefined until the log answers. */
function newestLiveEntryAt(live: ReturnType<typeof useSlowlog>): number | null | undefined {
  if (live.isPending) return undefined;
  const newest = Math.max(...(live.data?.entries ?? []).map((entry) => entry.timestamp));
  return Number.isFinite(newest) ? newest * 1000 : null;
}

export function SlowlogView({ id }: { id: string }) {
  const searchParams = useSearchParams();
  const live = useSlowlog(id, parseShowOwn(searchParams));
  const instances = useInstances();
  const tab = parseSlowlogTab(searchParams);
  const baseId = useId();
  const hydrated = useHydrated();
  const summary = instances.data?.instances.find((instance) => instance.id === id);
  const name = (hydrated && summary?.name) || id;
  // A Redis Cluster instance: its live log lists its nodes, and the instance list names them as
  // its members (also while no node answers, so the per-instance reset is never offered on it).
  const members = instances.data?.instances.filter((instance) => instance.memberOf?.clusterId === id);
  const cluster = live.data?.nodes !== undefined || (hydrated && (members?.length ?? 0) > 0);

  if (errorCodeOf(live.error) === 'NOT_FOUND') {
    return <InstanceNotFound id={id} />;
  }

  const tabId = (value: SlowlogTab) => `${baseId}-tab-${value}`;
  const select = (value: SlowlogTab) => pushQuery(withParams(searchParams, { view: value === 'archive' ? 'archive' : undefined }));

  // Arrow keys move between the tabs and show the one reached (the WAI-ARIA tabs pattern).
  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next: SlowlogTab = event.key === 'Home' ? 'live' : event.key === 'End' ? 'archive' : tab === 'live' ? 'archive' : 'live';
    select(next);
    document.getElementById(tabId(next))?.focus();
  }

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <InstanceCrumbs id={id} page="Slow log" />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-bold text-slate-900">Slow log</h1>
            <p className="mt-1 text-sm text-slate-600">
              Commands on <span className="font-medium break-all text-slate-900">{name}</span> slower than
              slowlog-log-slower-than: what Redis holds now, and everything Redlens has archived.
            </p>
          </div>
          <AdminOnly>
            {/* A Redis Cluster instance's log is its nodes' merged: reset them all, or one from its own page. */}
            {cluster ? (
              <ResetAllControl id={id} clusterName={name} nodes={live.data?.nodes?.length ?? members?.length} length={live.data?.length} />
            ) : (
              <ResetControl id={id} instanceName={name} length={live.data?.length} />
            )}
          </AdminOnly>
        </div>
      </header>

      <div role="tablist" aria-label="Slow log views" className="flex gap-1 border-b border-slate-200">
        {(Object.keys(TABS) as SlowlogTab[]).map((value) => (
          <button
            key={value}
            id={tabId(value)}
            type="button"
            role="tab"
            aria-selected={tab === value}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === value ? 0 : -1}
            onClick={() => select(value)}
            onKeyDown={onTabKey}
            data-testid={`slowlog-tab-${value}`}
            className="-mb-px rounded-t-md border border-transparent px-4 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 aria-selected:border-slate-200 aria-selected:border-b-white aria-selected:bg-white aria-selected:text-slate-900"
          >
            {TABS[value]}
          </button>
        ))}
      </div>

      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={tabId(tab)}>
        {tab === 'live' ? <LiveView live={live} /> : <ArchiveView id={id} newestAt={newestLiveEntryAt(live)} now={live.dataUpdatedAt} />}
      </div>
    </div>
  );
}
