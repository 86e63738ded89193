// Pure helpers between the metrics API and the charts: the URL's range, the API's per-metric
// series merged into Recharts' one-row-per-time format, latest values, finding bands, and how
// times and values read on axes and tooltips.
import { METRICS, RANGES, type FindingEvent, type Metric, type Point, type Range, type Severity } from './types';
import { MISSING, formatBytes, formatNumber, formatPercent } from '@/lib/format';

/** The range a page opens with when the URL names none (the API's default too). */
export const DEFAULT_RANGE: Range = '1h';

export const RANGE_LABELS: Record<Range, { short: string; long: string }> = {
  '15m': { short: '15 min', long: '15 minutes' },
  '1h': { short: '1 h', long: '1 hour' },
  '6h': { short: '6 h', long: '6 hours' },
  '24h': { short: '24 h', long: '24 hours' },
  '7d': { short: '7 d', long: '7 days' },
  '30d': { short: '30 d', long: '30 days' },
};

/** The `range` search parameter; anything else (missing, misspelt) is the default. */
export function parseRange(value: string | null | undefined): Range {
  return (RANGES as readonly string[]).includes(value ?? '') ? (value as Range) : DEFAULT_RANGE;
}

/** Ranges up to a day are read by the clock; longer ones by the calendar. */
export const isLongRange = (range: Range) => range === '7d' || range === '30d';

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

export interface FindingBand {
  /** Unique within a response: one rule can fire several times in a range. */
  key: string;
  id: string;
  severity: Severity;
  title: string;
  startedAt: number;
  endedAt: number | null;
  /** The band on the chart, clipped to the range shown. */
  x1: number;
  x2: number;
  /** Whether it began inside the range (then a line marks the start). */
  startsInRange: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Findings that overlap [from, to], clipped to it, oldest first; an active finding (no end) runs
 * to `to`. Recharts discards a reference area that leaves the axis domain, hence the clipping.
 */
export function findingBands(findings: readonly FindingEvent[], from: number, to: number): FindingBand[] {
  return findings
    .filter((finding) => finding.startedAt <= to && (finding.endedAt ?? to) >= from)
    .map((finding) => ({
      key: `${finding.id}@${finding.startedAt}`,
      id: finding.id,
      severity: finding.severity,
      title: finding.title,
      startedAt: finding.startedAt,
      endedAt: finding.endedAt,
      x1: Math.max(finding.startedAt, from),
      x2: Math.min(finding.endedAt ?? to, to),
      startsInRange: finding.startedAt >= from,
    }))
    .sort((a, b) => a.startedAt - b.startedAt || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function timeParts(ms: number, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): string {
  if (!Number.isFinite(ms)) return MISSING;
  return new Intl.DateTimeFormat('en-GB', { hourCycle: 'h23', timeZone, ...options }).format(new Date(ms));
}

const HOUR_MINUTE = { hour: '2-digit', minute: '2-digit' } as const;
const DAY_MONTH = { day: 'numeric', month: 'short' } as const;

/** An x-axis tick: "14:05" up to 24 h, "26 Nov" for 7 and 30 days. */
export function formatTimeTick(ms: number, range: Range, timeZone?: string): string {
  return timeParts(ms, timeZone, isLongRange(range) ? DAY_MONTH : HOUR_MINUTE);
}

/** The time of one point, in a tooltip: seconds where points are seconds apart, the date where a range spans days. */
export function formatPointTime(ms: number, range: Range, timeZone?: string): string {
  if (range === '15m' || range === '1h' || range === '6h') {
    return timeParts(ms, timeZone, { ...HOUR_MINUTE, second: '2-digit' });
  }
  return timeParts(ms, timeZone, { ...DAY_MONTH, ...HOUR_MINUTE });
}

/** How a metric's values read: decides the formatter of axis, tooltip and current value. */
export type ValueKind = 'bytes' | 'percent' | 'rate' | 'count' | 'ratio' | 'ms';

/** A value with its unit, for tooltips and the current value. `unit` names a rate ("ops/s"). */
export function formatMetricValue(kind: ValueKind, value: number | null | undefined, unit = '/s'): string {
  const v = finiteOrNull(value);
  if (v === null) return MISSING;
  switch (kind) {
    case 'bytes':
      return formatBytes(v);
    case 'percent':
      return formatPercent(v);
    case 'rate':
      return `${formatNumber(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2)} ${unit}`;
    case 'count':
      return formatNumber(v, Number.isInteger(v) ? 0 : 1);
    case 'ratio':
      return formatNumber(v, 2);
    case 'ms':
      return `${formatNumber(v, v >= 10 ? 1 : v >= 1 ? 2 : 3)} ms`;
  }
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * A y-axis tick: short, still with its unit ("1.5K/s", "80 %", "0.5 ms", "64 MiB"). The space
 * before a unit is a no-break space: Recharts wraps tick labels at spaces.
 */
export function formatAxisValue(kind: ValueKind, value: number): string {
  return axisText(kind, value).replace(/ /g, '\u00a0');
}

function axisText(kind: ValueKind, value: number): string {
  if (!Number.isFinite(value)) return '';
  switch (kind) {
    case 'bytes':
      return formatBytes(value);
    case 'percent':
      return formatPercent(value, 0);
    case 'rate':
      return `${compact.format(value)}/s`;
    case 'count':
      return compact.format(value);
    case 'ratio':
      return formatNumber(value, 2);
    case 'ms':
      return `${formatNumber(value, 2)} ms`;
  }
}

const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

/** A round step near `rough`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return (NICE_STEPS.find((step) => step * power >= rough) ?? 10) * power;
}

/**
 * Y ticks for a byte axis from 0 to at least `max`, at round numbers of the unit the labels use
 * (0, 16, 32, 48, 64 MiB), not at round decimal byte counts (19.1 MiB, 38.1 MiB).
 */
export function byteTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0];
  let unit = 1;
  while (max / unit >= 1024 && unit < 1024 ** 5) unit *= 1024;
  const inUnits = max / unit;
  // Powers of two read better than tens in binary units: 16 MiB steps, not 20.
  const twos = 2 ** Math.ceil(Math.log2(inUnits / count));
  const step = (inUnits / count >= 1 ? twos : niceStep(inUnits / count)) * unit;
  const ticks: number[] = [];
  for (let tick = 0; ticks.length === 0 || ticks[ticks.length - 1]! < max; tick += step) ticks.push(tick);
  return ticks;
}

/** X tick spacing of each range, in minutes: 3 to 7 ticks a chart. */
const TICK_MINUTES: Record<Range, number> = {
  '15m': 5,
  '1h': 10,
  '6h': 60,
  '24h': 240,
  '7d': 1440,
  '30d': 5 * 1440,
};

/**
 * X ticks at round local times (every 10 minutes on the hour's grid, every 4 hours from midnight,
 * every day at midnight) inside [from, to]. Steps use the calendar, so a DST change keeps them
 * on the grid.
 */
export function timeTicks(from: number, to: number, range: Range): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return [];
  const minutes = TICK_MINUTES[range];
  const tick = new Date(from);
  tick.setSeconds(0, 0);
  if (minutes < 60) {
    tick.setMinutes(Math.floor(tick.getMinutes() / minutes) * minutes);
  } else if (minutes < 1440) {
    tick.setMinutes(0);
    tick.setHours(Math.floor(tick.getHours() / (minutes / 60)) * (minutes / 60));
  } else {
    tick.setHours(0, 0);
  }
  const advance = () => {
    if (minutes < 1440) tick.setMinutes(tick.getMinutes() + minutes);
    else tick.setDate(tick.getDate() + minutes / 1440);
  };
  while (tick.getTime() < from) advance();
  const ticks: number[] = [];
  while (tick.getTime() <= to) {
    ticks.push(tick.getTime());
    advance();
  }
  return ticks;
}
