// GET /api/instances/{id}/metrics: the history of one instance over a range, with its findings
// and the thresholds the charts draw as target lines.
import type { HistoryStore } from './history-store';
import type { FindingsStore } from '@/lib/health/findings-store';
import type { Thresholds } from '@/lib/health-targets';
import type { MetricsResponse } from './types';
import { HISTORY_RANGES, coveringRange, type HistoryRange as Range, type TimeWindow } from '@/lib/time-range';

/** "The last `range`", or a chosen window (already checked by metricsQuerySchema). */
export type MetricsAsked = { range: Range; window?: undefined } | { range: Range; window: TimeWindow };

export function metricsOf(
  stores: { history: HistoryStore; findings: FindingsStore },
  instance: string,
  asked: MetricsAsked,
  now: number,
  config: { sampleIntervalSeconds: number; thresholds: Thresholds },
): MetricsResponse {
  const { window } = asked;
  const range = window ? coveringRange(window.to - window.from, HISTORY_RANGES) : asked.range;
  const { stepSeconds, from, to, series } = window
    ? stores.history.queryWindow(instance, window, now, config.sampleIntervalSeconds)
    : stores.history.query(instance, asked.range, now, config.sampleIntervalSeconds);
  return {
    range,
    stepSeconds,
    from,
    to,
    series,
    findings: stores.findings.events(instance, from, to),
    thresholds: config.thresholds,
  };
}
