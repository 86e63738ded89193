// "Scanned 40,000 of 1,200,000": how far SCAN has walked, how many keys are listed, and the
// continue / scan all / stop controls; and for "scan all", how many names the stream brought of
// DBSIZE, with Stop. Partial results are said to be partial.
import { formatNumber, formatPercent } from '@/lib/format';
import { isClusterCursor } from '@/lib/keys/cluster-cursor';
import type { KeysPage } from '@/lib/keys/types';
import { Button } from '@/components/ui/button';
import type { ScanAllRun } from './use-scan-all';

interface ScanProgressProps {
  pages: KeysPage[];
  listed: number;
  hasMore: boolean;
  fetching: boolean;
  scanning: boolean;
  startCursor: string;
  onContinue: () => void;
  onScanAll: () => void;
  onStop: () => void;
  onRestart: () => void;
}

export function ScanProgress(props: ScanProgressProps) {
  const { pages, listed, hasMore } = props;
  const last = pages.at(-1);
  const scanned = pages.reduce((sum, page) => sum + page.scanned, 0);
  const exact = pages.every((page) => page.scannedExact);
  const dbSize = last?.dbSize ?? 0;
  const lookup = last?.exact === true;
  let text: string;
  if (!last) text = 'Scanning…';
  else if (lookup) text = `Exact lookup: ${listed === 0 ? 'no key has this name' : 'found the key'}.`;
  else if (!hasMore) text = `Scan complete: ${formatNumber(listed)} keys listed (db holds ${formatNumber(dbSize)}).`;
  else {
    const share = dbSize > 0 ? ` (${formatPercent(Math.min(1, scanned / dbSize))})` : '';
    text = `Scanned ${exact ? '' : 'about '}${formatNumber(Math.min(scanned, dbSize))} of ${formatNumber(dbSize)} keys${share} · ${formatNumber(listed)} listed. More keys may exist: continue to see them.`;
  }
  const why = { time: 'its time budget', calls: 'its SCAN call budget', size: 'its size budget: long names' } as const;
  const stopped = last?.stoppedBy ? ` The last request stopped early (${why[last.stoppedBy]}) to keep Redis and the page responsive.` : '';

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="scan-progress">
      <p role="status" aria-live="polite" className="min-w-0 flex-1 text-slate-700">
        {text}
        {hasMore ? stopped : ''}
        {props.startCursor === '0' ? '' : isClusterCursor(props.startCursor) ? ' Started part-way through the masters.' : ` Started at cursor ${props.startCursor}.`}
      </p>
      {hasMore && !lookup ? (
        props.scanning ? (
          <Button onClick={props.onStop}>Stop</Button>
        ) : (
          <>
            <Button onClick={props.onContinue} disabled={props.fetching}>Continue</Button>
            <Button onClick={props.onScanAll} disabled={props.fetching}>Scan all</Button>
          </>
        )
      ) : null}
      {props.startCursor !== '0' ? <Button onClick={props.onRestart}>Start from the beginning</Button> : null}
    </div>
  );
}

interface ExportProgressProps {
  run: ScanAllRun;
  onStop: () => void;
  onAgain: () => void;
  onBackToPages: () => void;
}

/** "Scan all" streaming: names received of DBSIZE, Stop; then complete, stopped or failed. */
export function ExportProgress({ run, onStop, onAgain, onBackToPages }: ExportProgressProps) {
  const { received, dbSize } = run;
  const of = dbSize === null ? '' : ` of ${formatNumber(dbSize)}`;
  const share = dbSize ? ` (${formatPercent(Math.min(1, received / dbSize))})` : '';
  let text: string;
  if (run.status === 'streaming') text = `Scanning all keys: ${formatNumber(received)}${of} names received${share}…`;
  else if (run.status === 'done') text = `Scan complete: ${formatNumber(received)} keys listed${dbSize === null ? '' : ` (db holds ${formatNumber(dbSize)})`}.`;
  else if (run.status === 'stopped') text = `Stopped: ${formatNumber(received)}${of} names received. Redis stopped scanning with it.`;
  else text = `The scan stopped on an error after ${formatNumber(received)} names: ${run.error?.message ?? 'unknown error'}`;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="scan-progress">
      <p role="status" aria-live="polite" className="min-w-0 flex-1 text-slate-700">
        {text}
        {run.status === 'streaming' ? ' Type, TTL and memory are read for the rows on screen only.' : ''}
      </p>
      {run.status === 'streaming' ? (
        <Button onClick={onStop}>Stop</Button>
      ) : (
        <>
          {run.status !== 'done' ? <Button onClick={onAgain}>Scan all again</Button> : null}
          <Button onClick={onBackToPages}>Back to paged listing</Button>
        </>
      )}
    </div>
  );
}
