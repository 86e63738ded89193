// "What changed", the arithmetic: each headline figure of a window against the same length of
// time before it (SPEC section 9). Pure: the history and the slow log archive hand in their sums.
import type { WindowSummary } from '@/lib/history/history-store';
import type { ChangeFigure, ChangeFigureId, ChangeMeasure } from './types';

/** What one window holds: the history's summary and the application's slow log entries. */
export interface WindowFigures {
  summary: WindowSummary;
  slowlogEntries: number;
  minutes: number;
}

interface FigureSpec {
  id: ChangeFigureId;
  name: string;
  unit: string;
  measure: ChangeMeasure;
  value: (window: WindowFigures) => number | null;
}

/**
 * Gauges (memory, clients, keys, fragmentation) are levels: the latest value in each window, so a
 * drop a minute ago shows at its full size. Rates, the hit ratio, PING p95 and slow log entries
 * are averaged over the window: a single 10 s sample is noise. The history's rates already have
 * Redlens's own commands and lookups taken out (SPEC section 8).
 */
const FIGURES: readonly FigureSpec[] = [
  { id: 'usedMemory', name: 'Memory used', unit: 'bytes', measure: 'latest', value: (w) => w.summary.latest.usedMemory },
  { id: 'hitRatio', name: 'Hit ratio', unit: 'ratio', measure: 'average', value: (w) => windowHitRatio(w.summary) },
  { id: 'opsPerSec', name: 'Operations', unit: 'ops/s', measure: 'average', value: (w) => w.summary.average.opsPerSec },
  { id: 'evictedPerSec', name: 'Evictions', unit: 'keys/s', measure: 'average', value: (w) => w.summary.average.evictedPerSec },
  { id: 'connectedClients', name: 'Connected clients', unit: 'clients', measure: 'latest', value: (w) => w.summary.latest.connectedClients },
  { id: 'keys', name: 'Keys', unit: 'keys', measure: 'latest', value: (w) => w.summary.latest.keys },
  { id: 'fragmentationRatio', name: 'Fragmentation', unit: '', measure: 'latest', value: (w) => w.summary.latest.fragmentationRatio },
  { id: 'pingP95Ms', name: 'PING p95', unit: 'ms', measure: 'average', value: (w) => w.summary.average.pingP95Ms },
  {
    id: 'slowlogPerMin',
    name: 'Slow log entries',
    unit: 'entries/min',
    measure: 'average',
    // No sample in the window means Redlens was not watching: no archived entry says nothing.
    value: (w) => (w.summary.samples === 0 || w.minutes <= 0 ? null : w.slowlogEntries / w.minutes),
  },
];

/**
 * Hits over lookups of the whole window (the ratio of the mean rates, so a quiet sample weighs
 * less than a busy one, unlike a mean of per-sample ratios); null without lookups.
 */
export function windowHitRatio(summary: WindowSummary): number | null {
  const hits = summary.average.hitsPerSec;
  const misses = summary.average.missesPerSec;
  if (hits === null || misses === null || hits + misses <= 0) return null;
  return hits / (hits + misses);
}

/** Every headline figure, now against before, with the change (null when either is unknown). */
export function compareWindows(now: WindowFigures, before: WindowFigures): ChangeFigure[] {
  return FIGURES.map(({ id, name, unit, measure, value }) => {
    const nowValue = value(now);
    const beforeValue = value(before);
    return {
      id, name, unit, measure,
      now: nowValue,
      before: beforeValue,
      delta: nowValue === null || beforeValue === null ? null : nowValue - beforeValue,
    };
  });
}
