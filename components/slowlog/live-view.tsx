'use client';
// The live tab: what is in Redis' slow log now (polled every 5 s): the settings, the entries with
// the filters from the URL, and their fingerprints.
import { useSearchParams } from 'next/navigation';
import { useId } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { SlowlogLiveResponse } from '@/lib/slowlog/types';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { POLL_SLOWLOG_MS } from '@/lib/queries/poll';
import { plural } from '@/lib/format';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { ClusterNodes } from './cluster-nodes';
import { FingerprintTable } from './fingerprint-table';
import { LiveFilters } from './live-filters';
import { OwnToggle } from './own-toggle';
import { SlowlogSettings } from './slowlog-settings';
import { SlowlogTable } from './slowlog-table';
import { TableSkeleton } from './slowlog-skeleton';
import { emptySlowlogText } from './model/durations';
import { commandsIn, filterEntries, filtersKey, hasFilters, nodesIn, parseSlowlogFilters } from './model/live-filters';

const ERROR_TITLES: Partial<Record<string, string>> = {
  REDIS_UNAVAILABLE: 'Redis is unreachable',
  REDIS_TIMEOUT: 'Redis did not answer in time',
  REDIS_COMMAND_DENIED: 'Redis refused SLOWLOG',
  FORBIDDEN: 'You may not read this slow log',
  NETWORK: 'The Redlens server is unreachable',
};

export function LiveView({ live }: { live: UseQueryResult<SlowlogLiveResponse> }) {
  return (
    <div className="space-y-6">
      {/* A failed poll keeps the last entries on screen, under a note that they may be out of date. */}
      <QueryState
        query={live}
        loading={<TableSkeleton label="Loading the slow log…" />}
        failed={(error) => <LiveError error={error} />}
        refreshFailed={{ title: errorTitle, shown: 'the entries read', 'data-testid': 'slowlog-live-stale' }}
      >
        {(data) => <LiveBody data={data} />}
      </QueryState>
    </div>
  );
}

function LiveBody({ data }: { data: SlowlogLiveResponse }) {
  const searchParams = useSearchParams();
  const filters = parseSlowlogFilters(searchParams);
  const entriesHeadingId = useId();
  const analysisHeadingId = useId();
  const shown = filterEntries(data.entries, filters);
  return (
    <>
      <SlowlogSettings config={data.config} length={data.length} shown={data.entries.length} cluster={data.nodes !== undefined} />
      {data.nodes ? <ClusterNodes nodes={data.nodes} /> : null}

      <section aria-labelledby={analysisHeadingId} className="space-y-3" data-testid="slowlog-analysis">
        {/* First: the few patterns say more than the rows, which can run to hundreds. */}
        <div>
          <h2 id={analysisHeadingId} className="text-lg font-semibold text-slate-900">
            Fingerprints
          </h2>
          <p className="text-sm text-slate-600">
            The live entries grouped by command and key pattern (ids, hashes and numbers folded to{' '}
            <code className="font-mono">{'{id}'}</code>), ranked by total time. The tuning guide&apos;s advice is beside
            the commands it warns about.
          </p>
        </div>
        {data.analysis.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing to analyse: the slow log is empty.</p>
        ) : (
          <FingerprintTable stats={data.analysis} label="Fingerprints of the live entries" data-testid="slowlog-analysis-table" />
        )}
      </section>

      <section aria-labelledby={entriesHeadingId} className="space-y-3">
        <div>
          <h2 id={entriesHeadingId} className="text-lg font-semibold text-slate-900">
            Live entries
          </h2>
          <p className="text-sm text-slate-600">
            In Redis now, refreshed every {POLL_SLOWLOG_MS / 1000} s. Times are Redis&apos; clock in your time zone.
          </p>
        </div>
        <OwnToggle own={data.own} where="live" />
        {data.entries.length === 0 && data.own.hidden > 0 ? (
          <EmptyState title="Only Redlens’s own entries are in the slow log">
            None of the application&apos;s commands is in the slow log now. Show Redlens&apos;s own entries to see them.
          </EmptyState>
        ) : data.entries.length === 0 ? (
          <EmptyState title={emptySlowlogText(data.config.slowerThanMicros)}>
            New slow commands show here within {POLL_SLOWLOG_MS / 1000} s. Earlier ones are in the archive.
          </EmptyState>
        ) : (
          <>
            <LiveFilters key={filtersKey(filters)} filters={filters} commands={commandsIn(data.entries)} nodes={nodesIn(data.entries)} />
            <p className="text-sm text-slate-600">
              {hasFilters(filters)
                ? `${plural(shown.length, 'entry matches', 'entries match')} the filters, of ${plural(data.entries.length, 'entry', 'entries')}.`
                : `${plural(data.entries.length, 'entry', 'entries')}.`}
            </p>
            {shown.length === 0 ? (
              <EmptyState title="No live entry matches these filters">
                The command matches whole names; client and text match any part. Clear the filters to see every entry.
              </EmptyState>
            ) : (
              <SlowlogTable kind="live" entries={shown} label="Slow log entries in Redis" data-testid="slowlog-live-table" />
            )}
          </>
        )}
      </section>
    </>
  );
}

function errorTitle(error: Error): string {
  const code = errorCodeOf(error);
  return (code && ERROR_TITLES[code]) ?? 'Cannot read the slow log';
}

function LiveError({ error }: { error: Error }) {
  return (
    <ErrorState
      title={errorTitle(error)}
      message={error.message}
      code={errorCodeOf(error)}
      data-testid="slowlog-live-error"
    >
      <p>
        Redlens retries every {POLL_SLOWLOG_MS / 1000} s. The archive (the other tab) is Redlens&apos; own store and
        shows while Redis is down.
      </p>
    </ErrorState>
  );
}

