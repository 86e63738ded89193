'use client';
// The findings that fired in the range shown, in words: the charts mark them in colour, this says
// which is which, and lists the ones no chart shows (persistence, replication). The newest few
// first; every one of the range a click (or Enter) away.
import { useId, useState } from 'react';
import { FINDING_EVENTS_MAX } from '@/lib/health/types';
import { formatNumber } from '@/lib/format';
import { RANGE_LABELS, type HistoryRange } from '@/lib/time-range';
import { SeverityBadge } from '@/components/health/severity-badge';
import { Button } from '@/components/ui/button';
import { CHARTED_FINDINGS } from './chart-specs';
import type { FindingBand } from './model/finding-bands';
import { FINDINGS_SHOWN_COLLAPSED, findingsListView } from './model/findings-list';
import { formatPointTime } from './model/time-axis';

/** `spanWords`: how the range reads ("the last 1 hour", or a chosen window's ends). */
export function FindingsInRange({ bands, range, spanWords = `the last ${RANGE_LABELS[range].long}` }: { bands: FindingBand[]; range: HistoryRange; spanWords?: string }) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  if (bands.length === 0) {
    return <p className="text-sm text-slate-600">No health finding fired in {spanWords}.</p>;
  }
  const view = findingsListView(bands, expanded);
  return (
    <div className="text-sm text-slate-700">
      <p>
        {formatNumber(bands.length, 0)} finding{bands.length === 1 ? '' : 's'} in {spanWords}, shaded on
        the charts from start to end{view.expandable ? ', newest first' : ''}:
      </p>
      <ul
        id={listId}
        className={`mt-1 space-y-1 ${expanded ? 'max-h-80 overflow-y-auto pr-1' : ''}`}
        data-testid="findings-in-range"
        // A scrolling list must be reachable by keyboard to be scrolled.
        tabIndex={expanded ? 0 : undefined}
        aria-label={expanded ? 'Every finding of the range, newest first' : undefined}
      >
        {view.listed.map((band) => (
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
      {view.expandable ? (
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          {view.hidden > 0 ? <span className="text-xs text-slate-500">and {formatNumber(view.hidden, 0)} earlier.</span> : null}
          <Button onClick={() => setExpanded((value) => !value)} aria-expanded={expanded} aria-controls={listId} data-testid="findings-in-range-toggle">
            {expanded ? `Show the newest ${FINDINGS_SHOWN_COLLAPSED} only` : `Show all ${formatNumber(bands.length, 0)} findings`}
          </Button>
        </div>
      ) : null}
      {view.capped ? (
        <p className="mt-1 text-xs text-slate-500">
          A range loads every active finding and the newest {formatNumber(FINDING_EVENTS_MAX, 0)} that ended: older ones of
          this range are left out, here and on the charts.
        </p>
      ) : null}
    </div>
  );
}
