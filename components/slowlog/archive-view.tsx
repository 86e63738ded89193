'use client';
// The archive tab: every entry Redlens has read, for the range and search in the URL, with the
// gaps where entries were lost, two charts, the fingerprints of the range and the export links.
import { useSearchParams } from 'next/navigation';
import { useId } from 'react';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { POLL_SLOWLOG_ARCHIVE_MS } from '@/lib/queries/poll';
import { ARCHIVE_EXPORT_LIMIT } from '@/lib/queries/archive-params';
import { slowlogExportUrl, useSlowlogArchive, type ArchiveResult } from '@/lib/queries/slowlog';
import { withParams } from '@/lib/form-params';
import { formatDateTime, formatNumber, plural } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { ArchiveCharts } from './archive-charts';
import { ArchiveControls } from './archive-controls';
import { FingerprintTable } from './fingerprint-table';
import { GapNotice } from './gap-notice';
import { OwnToggle } from './own-toggle';
import { SlowlogTable } from './slowlog-table';
import { TableSkeleton } from './slowlog-skeleton';
import { pushQuery } from './url';
import { archiveRangeChosen, archiveSpanWords, parseArchiveView, type ArchiveOpening } from './model/archive-url';

/**
 * `newestAt`: the newest live entry's time (unix ms), null when there is none, undefined until the
 * live log answers. A URL without a range opens on the shortest range that holds it.
 */
export function ArchiveView({ id, newestAt, now }: { id: string; newestAt: number | null | undefined; now: number }) {
  const searchParams = useSearchParams();
  const waiting = newestAt === undefined && !archiveRangeChosen(searchParams);
  return waiting ? <TableSkeleton label="Loading the archive…" /> : <ArchiveOf id={id} opening={{ newestAt: newestAt ?? null, now }} />;
}

function ArchiveOf({ id, opening }: { id: string; opening: ArchiveOpening }) {
  const searchParams = useSearchParams();
  const view = parseArchiveView(searchParams, opening);
  const archive = useSlowlogArchive(id, view);
  const headingId = useId();
  const switching = archive.isPlaceholderData;

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          Archive
        </h2>
        <p className="text-sm text-slate-600">
          Every entry Redlens has read from this slow log, kept across rotation at slowlog-max-len, resets and Redis
          restarts. It is Redlens&apos; own store, so it shows while Redis is down.
        </p>
      </div>
      <ArchiveControls view={view} />
      {switching ? (
        <p role="status" className="text-sm text-slate-600">
          Loading {archiveSpanWords(view)}
          {view.q ? ` matching “${view.q}”` : ''}…
        </p>
      ) : null}
      <QueryState
        query={archive}
        loading={<TableSkeleton label="Loading the archive…" />}
        failed={(error) => (
          <ErrorState title="Cannot load the archive" message={error.message} code={errorCodeOf(error)} data-testid="slowlog-archive-error">
            Redlens retries every {POLL_SLOWLOG_ARCHIVE_MS / 1000} s.
          </ErrorState>
        )}
        refreshFailed={{ title: 'Could not refresh the archive' }}
        switching={switching}
      >
        {(result) => <ArchiveBody id={id} result={result} />}
      </QueryState>
    </section>
  );
}

/** Renders the result it was given: its own range and search, not the URL's, decide the words. */
function ArchiveBody({ id, result }: { id: string; result: ArchiveResult }) {
  const { response, view, span } = result;
  const fingerprintsHeadingId = useId();
  const entriesHeadingId = useId();
  const spanWords = archiveSpanWords(view);
  const matching = view.q ? ` matching “${view.q}”` : '';

  if (response.entries.length === 0) {
    return (
      <div className="space-y-3">
        <OwnToggle own={response.own} where="archive" />
        {response.gaps.length > 0 ? (
          <ul className="space-y-1">
            {response.gaps.map((gap) => (
              <GapNotice key={`${gap.node?.instanceId ?? ''}:${gap.runId}:${gap.afterId}:${gap.recordedAt}`} gap={gap} />
            ))}
          </ul>
        ) : null}
        <EmptyState title={`No archived entries in ${spanWords}${matching}${response.search && !response.search.complete ? ' so far' : ''}`}>
          {view.q
            ? 'The search matches any part of the command line, the client address or the client name. Clear it or widen the range.'
            : 'The sampler archives new slow log entries every sample; a longer range may hold older ones.'}
          {response.search ? <SearchProgress search={response.search} /> : null}
        </EmptyState>
        <PageLinks result={result} />
      </div>
    );
  }

  const count = response.entries.length;
  return (
    <div className="space-y-6">
      <OwnToggle own={response.own} where="archive" />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700" data-testid="slowlog-archive-summary">
          {view.before ? 'Older entries: ' : null}
          {response.truncated ? (
            <>
              <strong className="font-semibold">
                Showing {view.before ? '' : 'the newest '}
                {formatNumber(count, 0)}
              </strong>
              {response.total !== null ? ` of ${formatNumber(response.total, 0)}` : ''} entries in {spanWords}
              {matching}; older ones follow.
            </>
          ) : (
            <>
              {plural(count, 'entry', 'entries')} in {spanWords}
              {matching}.
            </>
          )}
          {response.search ? <SearchProgress search={response.search} /> : null}
        </p>
        <ExportLinks id={id} result={result} />
      </div>
      <PageLinks result={result} />

      <ArchiveCharts analysis={response.analysis} span={span} spanWords={spanWords} />

      <section aria-labelledby={fingerprintsHeadingId} className="space-y-2">
        <h3 id={fingerprintsHeadingId} className="text-base font-semibold text-slate-900">
          Fingerprints in {spanWords}
          {matching}
        </h3>
        {response.analysis.fingerprints.length === 0 ? (
          <p className="text-sm text-slate-600">No fingerprints in this range.</p>
        ) : (
          <FingerprintTable
            stats={response.analysis.fingerprints}
            label={`Fingerprints of the archived entries in ${spanWords}`}
            data-testid="slowlog-archive-analysis"
          />
        )}
      </section>

      <section aria-labelledby={entriesHeadingId} className="space-y-2">
        <h3 id={entriesHeadingId} className="text-base font-semibold text-slate-900">
          Entries
        </h3>
        <SlowlogTable
          kind="archive"
          entries={response.entries}
          gaps={response.gaps}
          label={`Archived slow log entries in ${spanWords}`}
          data-testid="slowlog-archive-table"
        />
        <PageLinks result={result} />
      </section>
    </div>
  );
}

/** A search scans a bounded number of entries per request: say how far back it looked. */
function SearchProgress({ search }: { search: NonNullable<ArchiveResult['response']['search']> }) {
  if (search.complete) return <> Searched the whole range.</>;
  return (
    <>
      {' '}
      Searched {formatNumber(search.scannedRows, 0)} entries, back to{' '}
      {search.scannedBackTo === null ? 'the newest' : formatDateTime(search.scannedBackTo)}.
    </>
  );
}

/** Older page (the API's nextCursor, kept in the URL) and back to the newest. */
function PageLinks({ result }: { result: ArchiveResult }) {
  const searchParams = useSearchParams();
  const { response, view } = result;
  if (!response.nextCursor && !view.before) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="slowlog-archive-pages">
      {view.before ? <Button onClick={() => pushQuery(withParams(searchParams, { before: undefined }))}>Back to the newest</Button> : null}
      {response.nextCursor ? (
        <Button onClick={() => pushQuery(withParams(searchParams, { before: response.nextCursor ?? undefined }))}>
          {response.search && !response.search.complete ? 'Search older entries' : 'Older entries'}
        </Button>
      ) : null}
    </div>
  );
}

/** Plain links: a same-origin GET carries the session cookie, and the browser saves the file. */
function ExportLinks({ id, result }: { id: string; result: ArchiveResult }) {
  const base = `slowlog-${id.replace(/[^\w.-]+/g, '_')}-${result.view.range}`;
  const link =
    'inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a href={slowlogExportUrl(id, result.span, result.view.q, 'csv', result.view.own)} download={`${base}.csv`} className={link} data-testid="slowlog-export-csv">
        Export CSV
      </a>
      <a href={slowlogExportUrl(id, result.span, result.view.q, 'json', result.view.own)} download={`${base}.json`} className={link} data-testid="slowlog-export-json">
        Export JSON
      </a>
      <span className="text-xs text-slate-500">up to {formatNumber(ARCHIVE_EXPORT_LIMIT, 0)} entries, newest first</span>
    </div>
  );
}

