'use client';
// The earlier analyses of this instance, newest first: open one, or compare the one shown with it.
import type { AnalysisRunSummary } from '@/lib/analysis/types';
import { formatDateTime, formatNumber } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { statusView } from './model/run-status';
import { DataTable, TD, TD_NUM, TH, TH_NUM } from './table';

interface RunsListProps {
  runs: AnalysisRunSummary[];
  shown: string | null;
  comparedWith: string | null;
  onOpen: (runId: string) => void;
  onCompare: (runId: string | null) => void;
}

/** Only runs with figures can be compared: a done or stopped one. */
const hasFigures = (run: AnalysisRunSummary) => run.status === 'done' || run.status === 'cancelled';

export function RunsList({ runs, shown, comparedWith, onOpen, onCompare }: RunsListProps) {
  const shownRun = runs.find((run) => run.id === shown);
  const canCompare = shownRun !== undefined && hasFigures(shownRun);
  return (
    <DataTable
      caption="Analyses of this instance, newest first"
      data-testid="analysis-runs"
      head={
        <>
          <th scope="col" className={TH}>Started</th>
          <th scope="col" className={TH}>Db</th>
          <th scope="col" className={TH}>Keys visited</th>
          <th scope="col" className={TH}>Status</th>
          <th scope="col" className={TH_NUM}>Keys</th>
          <th scope="col" className={TH}><span className="sr-only">Actions</span></th>
        </>
      }
    >
      {runs.map((run) => {
        const status = statusView(run.status);
        const isShown = run.id === shown;
        const isCompared = run.id === comparedWith;
        return (
          <tr key={run.id} aria-current={isShown ? 'true' : undefined} className={isShown ? 'bg-red-50/50' : undefined} data-testid="analysis-run-row">
            <td className={TD}>
              <time dateTime={new Date(run.startedAt).toISOString()} className="tabular-nums">{formatDateTime(run.startedAt)}</time>{' '}
              <span className="text-xs text-slate-500">(<RelativeTime at={run.startedAt} />)</span>
            </td>
            <td className={TD}>db{run.db}</td>
            <td className={TD}>{run.mode === 'full' ? 'all' : 'sample'}</td>
            <td className={TD}>
              <Badge tone={status.tone}>{status.label}</Badge>
            </td>
            <td className={TD_NUM}>{formatNumber(run.keys, 0)}</td>
            <td className={`${TD} whitespace-nowrap`}>
              <div className="flex justify-end gap-2">
                {isShown ? (
                  <span className="px-3 py-1.5 text-sm text-slate-500">shown</span>
                ) : (
                  <Button onClick={() => onOpen(run.id)} aria-label={`Open the analysis of ${formatDateTime(run.startedAt)}`}>
                    Open
                  </Button>
                )}
                {canCompare && !isShown && hasFigures(run) ? (
                  <Button
                    aria-pressed={isCompared}
                    onClick={() => onCompare(isCompared ? null : run.id)}
                    aria-label={`${isCompared ? 'Stop comparing with' : 'Compare with'} the analysis of ${formatDateTime(run.startedAt)}`}
                  >
                    {isCompared ? 'Comparing' : 'Compare'}
                  </Button>
                ) : null}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
