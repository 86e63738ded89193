// A running analysis: the bar (role=progressbar, aria-valuenow), keys scanned of DBSIZE, keys/s,
// time left, "paced" while Redis is slow, and Stop.
import type { AnalysisRunDetail } from '@/lib/analysis/types';
import { endSentence } from '@/lib/format';
import { useStopAnalysis } from '@/lib/queries/analysis';
import { Button } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { progressView } from './model/progress';
import { useToast } from '@/components/ui/toast';

export function RunProgress({ id, run }: { id: string; run: AnalysisRunDetail }) {
  const stop = useStopAnalysis(id);
  const { toast } = useToast();
  const view = progressView(run.progress, run.params);
  return (
    <div className="space-y-2" data-testid="analysis-progress">
      <ProgressBar ratio={view.ratio} label="Keys analysed" tone={view.pacedText ? 'warn' : 'neutral'} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700">
        {/* Polite: the figures change every second and must not interrupt a screen reader. */}
        <p aria-live="polite" className="tabular-nums">
          {view.scannedText} · {view.rateText}
          {view.etaText ? ` · ${view.etaText}` : ''}
        </p>
        {run.progress?.master ? (
          <p className="text-xs text-slate-600" data-testid="analysis-progress-master">
            Master {run.progress.master.walking} of {run.progress.master.of} ({run.progress.master.address})
          </p>
        ) : null}
        {view.pacedText ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs text-amber-900" data-testid="analysis-paced">
            {view.pacedText}: slowed down so Redis keeps answering its clients in time
          </p>
        ) : null}
        <Button className="ml-auto" onClick={() => stop.mutate(run.id, { onSuccess: () => toast('Stopping the keyspace analysis.', 'info') })} disabled={stop.isPending}>
          {stop.isPending ? 'Stopping…' : 'Stop'}
        </Button>
      </div>
      {stop.error ? (
        <p role="alert" className="text-sm text-red-800">
          Could not stop it: {endSentence(stop.error.message)}
        </p>
      ) : null}
    </div>
  );
}
