'use client';
// One run: what it was asked (db, all or a sample, pattern), its status, the progress while it
// runs (polled every second), then its result; a run that did not finish says what its figures are.
import type { AnalysisRunDetail } from '@/lib/analysis/types';
import { endSentence, formatDateTime, formatDuration, formatNumber } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useAnalysisRun } from '@/lib/queries/analysis';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { AnalysisResultView } from './analysis-result';
import { statusView } from './model/run-status';
import { RunProgress } from './run-progress';

export function RunPanel({ id, runId, compareTo }: { id: string; runId: string; compareTo: string | null }) {
  const run = useAnalysisRun(id, runId, compareTo);
  return (
    <QueryState
      query={run}
      switching={run.isPlaceholderData}
      loading={
        <Loading label="Loading the analysis…">
          <div className="space-y-3">
            <Skeleton className="h-6 w-1/2" />
            <Skeleton className="h-40 w-full" />
          </div>
        </Loading>
      }
      failed={(error) =>
        errorCodeOf(error) === 'NOT_FOUND' ? (
          <ErrorState title="No such analysis" message="This instance has no analysis with that id (it may have been pruned)." code="NOT_FOUND" data-testid="analysis-not-found" />
        ) : (
          <ErrorState title="The analysis could not be read" message={error.message} code={errorCodeOf(error)} />
        )
      }
      refreshFailed={{ title: 'Could not refresh the analysis', shown: 'the figures read' }}
    >
      {(detail) => <RunDetail id={id} run={detail} />}
    </QueryState>
  );
}

function RunDetail({ id, run }: { id: string; run: AnalysisRunDetail }) {
  const status = statusView(run.status);
  const took = run.finishedAt === null ? null : (run.finishedAt - run.startedAt) / 1000;
  return (
    <div className="space-y-4" data-testid="analysis-run" data-status={run.status}>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={status.tone} data-testid="analysis-run-status">
          {status.label}
        </Badge>
        <span>
          db{run.db} · {run.mode === 'full' ? 'every key' : `a sample of ${formatNumber(run.params.sampleKeys, 0)} keys`}
          {run.params.match ? (
            <>
              {' '}matching <code className="font-mono break-all">{run.params.match}</code>
            </>
          ) : null}{' '}
          · started <time dateTime={new Date(run.startedAt).toISOString()}>{formatDateTime(run.startedAt)}</time>
          {took !== null ? ` · took ${formatDuration(Math.max(took, 0))}` : ''}
        </span>
      </div>
      {run.status === 'running' ? <RunProgress id={id} run={run} /> : null}
      {status.note ? (
        <div
          className={`rounded-md border px-3 py-2 text-sm ${status.tone === 'bad' ? 'border-red-300 bg-red-50 text-red-900' : 'border-amber-300 bg-amber-50 text-amber-900'}`}
          data-testid="analysis-status-note"
        >
          {status.note}
          {run.error ? ` ${endSentence(run.error)}` : ''}
        </div>
      ) : null}
      {run.result ? <AnalysisResultView id={id} result={run.result} status={run.status} comparison={run.comparison} /> : null}
    </div>
  );
}
