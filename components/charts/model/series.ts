// The metrics API's per-metric series as the charts read them: merged into Recharts' one row per
// time (gaps kept as gaps), the latest value, min and max, and whether there is anything to draw.
import { METRICS, type Metric, type Point } from '@/lib/history/types';

/** One point in time with every metric: Recharts draws all charts of a page from the same rows. */
export type ChartRow = { t: number } & Record<Metric, number | null>;

const finiteOrNull = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function emptyRow(t: number): ChartRow {
  const row = { t } as ChartRow;
  for (const metric of METRICS) row[metric] = null;
  return row;
}

/**
 * Merges the API's series into rows sorted by time. A metric without a point at some time is
 * null there. Where consecutive rows are more than two steps apart (a range the server sent no
 * rows for), a null row is put in, so the line breaks instead of bridging the hole: gaps are
 * drawn, never connected.
 */
export function toChartRows(series: Partial<Record<Metric, Point[]>>, stepSeconds: number): ChartRow[] {
  const byTime = new Map<number, ChartRow>();
  for (const metric of METRICS) {
    for (const [t, value] of series[metric] ?? []) {
      if (!Number.isFinite(t)) continue;
      let row = byTime.get(t);
      if (!row) {
        row = emptyRow(t);
        byTime.set(t, row);
      }
      row[metric] = finiteOrNull(value);
    }
  }
  const sorted = [...byTime.values()].sort((a, b) => a.t - b.t);
  const stepMs = stepSeconds * 1000;
  if (!(stepMs > 0)) return sorted;
  const rows: ChartRow[] = [];
  sorted.forEach((row, index) => {
    const previous = sorted[index - 1];
    if (previous && row.t - previous.t > 2 * stepMs) rows.push(emptyRow(previous.t + stepMs));
    rows.push(row);
  });
  return rows;
}

/** The last point with a value, or null when the series has none. */
export function latestPoint(points: readonly Point[] | undefined): { t: number; value: number } | null {
  if (!points) return null;
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const point = points[i];
    const value = finiteOrNull(point?.[1]);
    if (point && value !== null) return { t: point[0], value };
  }
  return null;
}

export interface SeriesStats {
  /** Points with a value. */
  count: number;
  min: number | null;
  max: number | null;
  latest: { t: number; value: number } | null;
}

export function seriesStats(points: readonly Point[] | undefined): SeriesStats {
  let count = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const [, raw] of points ?? []) {
    const value = finiteOrNull(raw);
    if (value === null) continue;
    count += 1;
    min = min === null ? value : Math.min(min, value);
    max = max === null ? value : Math.max(max, value);
  }
  return { count, min, max, latest: latestPoint(points) };
}

/** True when at least one point of the given series (all of them by default) has a value. */
export function hasAnyValue(series: Partial<Record<Metric, Point[]>>, metrics: readonly Metric[] = METRICS): boolean {
  return metrics.some((metric) => (series[metric] ?? []).some(([, value]) => finiteOrNull(value) !== null));
}
