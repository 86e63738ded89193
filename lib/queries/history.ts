'use client';
// One hook per endpoint for the sampler's history and the health findings.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HealthResponse } from '@/lib/health/types';
import type { MetricsResponse } from '@/lib/history/types';
import type { HistoryRange, TimeWindow } from '@/lib/time-range';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { POLL_HEALTH_MS, POLL_METRICS_LONG_MS, POLL_METRICS_MS } from './poll';

/** Ranges read from raw samples poll at the sampling rate; rollup ranges once a minute. */
export function metricsPollMs(range: HistoryRange): number {
  return range === '15m' || range === '1h' || range === '6h' ? POLL_METRICS_MS : POLL_METRICS_LONG_MS;
}

const instancePath = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

/** An unknown instance stays unknown: stop polling it; every other failure is retried by the poll. */
function pollUnlessNotFound(ms: number) {
  return (query: { state: { error: Error | null } }) =>
    query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND' ? false : ms;
}

/** The query string of the metrics API: a chosen window, or the last `range`. */
function metricsParams(range: HistoryRange, window: TimeWindow | null): string {
  return window ? `from=${window.from}&to=${window.to}` : `range=${encodeURIComponent(range)}`;
}

/** The answer with whether it is of a chosen window, so what it says matches what is shown. */
export interface MetricsResult extends MetricsResponse {
  custom: boolean;
}

/** The last `range`, or a chosen window; a window wholly in the past is read once, not polled. */
export const metricsQuery = (id: string, range: HistoryRange, window: TimeWindow | null = null) =>
  queryOptions({
    queryKey: queryKeys.metrics(id, range, window),
    queryFn: async ({ signal }): Promise<MetricsResult> => ({
      ...(await fetchJson<MetricsResponse>(`${instancePath(id)}/metrics?${metricsParams(range, window)}`, { signal })),
      custom: window !== null,
    }),
    refetchInterval: window && window.to < Date.now() ? false : pollUnlessNotFound(metricsPollMs(range)),
    // Switching range keeps the previous range on screen (dimmed) until the new one arrives, but
    // never shows another instance's history under this one's name.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });

export const healthQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.health(id),
    queryFn: ({ signal }) => fetchJson<HealthResponse>(`${instancePath(id)}/health`, { signal }),
    refetchInterval: pollUnlessNotFound(POLL_HEALTH_MS),
  });

export function useMetrics(id: string, range: HistoryRange, window: TimeWindow | null = null) {
  return useQuery(metricsQuery(id, range, window));
}

export function useHealth(id: string) {
  return useQuery(healthQuery(id));
}
