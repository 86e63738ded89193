// The findings that fired in the range shown, in words: the charts mark them in colour, this says
// which is which, and lists the ones no chart shows (persistence, replication).
import { RANGE_LABELS } from '@/lib/time-range';
import type { FindingBand } from './model/finding-bands';
import { formatPointTime } from './model/time-axis';
import type { HistoryRange } from '@/lib/time-range';
import { SeverityBadge } from '@/components/health/severity-badge';
import { CHARTED_FINDINGS } from './chart-specs';

/** The newest few: a month can hold many firings, and the charts show them all anyway. */
const MAX_LISTED = 8;

export function FindingsInRange({ bands, range }: { bands: FindingBand[]; range: HistoryRange }) {
  if (bands.length === 0) {
    return <p className="text-sm text-slate-600">No health finding fired in the last {RANGE_LABELS[range].long}.</p>;
  }
  const listed = bands.slice(-MAX_LISTED).reverse();
  return (
    <div className="text-sm text-slate-700">
      <p>
        {bands.length} finding{bands.length === 1 ? '' : 's'} in the last {RANGE_LABELS[range].long}, shaded on the
        charts from start to end:
      </p>
      <ul className="mt-1 space-y-1" data-testid="findings-in-range">
        {listed.map((band) => (
          <li key={band.key} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
            <SeverityBadge severity={band.severity} />
            <span className="font-medium text-slate-900">{band.title}</span>
            <span className="tabular-nums text-slate-600">
              {formatPointTime(band.startedAt, range)} –{' '}
              {band.endedAt === null ? 'still active' : formatPointTime(band.endedAt, range)}
            </span>
            {CHARTED_FINDINGS.has(band.id) ? null : <span className="text-xs text-slate-500">(no chart)</span>}
          </li>
        ))}
      </ul>
      {bands.length > MAX_LISTED ? (
        <p className="mt-1 text-xs text-slate-500">and {bands.length - MAX_LISTED} earlier.</p>
      ) : null}
    </div>
  );
}
