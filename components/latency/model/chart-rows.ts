// The latency page's chart rows and their words: PING histogram buckets with labels, and the
// latency monitor's events as one series each over time. Pure.
import type { LatencyEvent, PingSummary } from '@/lib/commands/types';
import { formatDateTime, formatNumber, plural } from '@/lib/format';

export interface HistogramRow {
  label: string;
  count: number;
  /** Above the p95 target: drawn in the warning colour. */
  overTarget: boolean;
}

/** "≤ 0.25 ms", "0.25–0.5 ms", ..., "> 50 ms". */
export function histogramRows(summary: PingSummary): HistogramRow[] {
  return summary.histogram.map((bucket, index) => {
    const lower = index > 0 ? summary.histogram[index - 1]!.upToMs : null;
    const label =
      bucket.upToMs === null ? `> ${formatNumber(lower)} ms` : lower === null ? `≤ ${formatNumber(bucket.upToMs)} ms` : `${formatNumber(lower)}–${formatNumber(bucket.upToMs)} ms`;
    return { label, count: bucket.count, overTarget: (lower ?? 0) >= summary.targetP95Ms };
  });
}

/** The histogram in words, for screen readers and anyone who cannot read the bars. */
export function histogramSummary(summary: PingSummary): string {
  if (summary.count === 0) return 'No PING round trips in the window yet.';
  const slow = histogramRows(summary).filter((row) => row.overTarget).reduce((sum, row) => sum + row.count, 0);
  return `${plural(summary.count, 'PING round trip', 'PING round trips')} in the window; ${formatNumber(slow, 0)} slower than the ${formatNumber(summary.targetP95Ms)} ms target.`;
}

/** LATENCY HISTORY in words: each event's spikes, worst and when. */
export function historySummary(events: LatencyEvent[]): string {
  const withPoints = events.filter((event) => event.history.length > 0);
  if (withPoints.length === 0) return 'The latency monitor has recorded no events.';
  return withPoints
    .map((event) => {
      const worst = event.history.reduce((max, point) => (point.ms > max.ms ? point : max));
      return `${event.event}: ${plural(event.history.length, 'spike', 'spikes')}, worst ${formatNumber(worst.ms, 0)} ms at ${formatDateTime(worst.at)}`;
    })
    .join('; ');
}
