// GET /api/instances/{id}/metrics: the history of one instance over a range, with its findings
// and the thresholds the charts draw as target lines.
import type { HistoryStore } from './history-store';
import type { FindingsStore } from '@/lib/health/findings-store';
import type { Thresholds } from '@/lib/health-targets';
import type { MetricsResponse } from './types';
import type { HistoryRange as Range } from '@/lib/time-range';

export function metricsOf(
  stores: { history: HistoryStore; findings: FindingsStore },
  instance: string,
  range: Range,
  now: number,
  config: { sampleIntervalSeconds: number; thresholds: Thresholds },
): MetricsResponse {
  const { stepSeconds, from, to, series } = stores.history.query(instance, range, now, config.sampleIntervalSeconds);
  return { range, stepSeconds, from, to, series, findings: stores.findings.events(instance, from, to), thresholds: config.thresholds };
}
