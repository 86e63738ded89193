'use client';
// The hooks of GET /api/instances/{id}/report and GET /api/report (SPEC section 13), and the
// addresses of their Markdown, JSON and HTML documents (the page's downloads).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FleetReport, InstanceReport, ReportFormat } from '@/lib/report/types';
import { fetchJson } from './fetch-json';

/**
 * Keys of the report's reads, under the instance's (or the fleet's) own keys so invalidating an
 * instance covers its reports. Here rather than in ./keys.ts while that file is being changed by
 * others: the lead may move them into queryKeys as they are.
 */
export const reportKeys = {
  instance: (id: string, week: string) => ['instances', id, 'report', week] as const,
  fleet: (week: string) => ['fleet', 'report', week] as const,
};

/** A week's report changes only as the sampler records it (the current week): once a minute is plenty. */
export const REPORT_STALE_MS = 60_000;

/** The API address of a report: one instance's, or the fleet's when `id` is null. */
export function reportUrl(id: string | null, week: string, format: ReportFormat): string {
  const path = id === null ? '/api/report' : `/api/instances/${encodeURIComponent(id)}/report`;
  const params = new URLSearchParams({ week });
  if (format !== 'json') params.set('format', format);
  return `${path}?${params}`;
}

export const instanceReportQuery = (id: string, week: string) =>
  queryOptions({
    queryKey: reportKeys.instance(id, week),
    queryFn: ({ signal }) => fetchJson<InstanceReport>(reportUrl(id, week, 'json'), { signal }),
    staleTime: REPORT_STALE_MS,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });

export const fleetReportQuery = (week: string) =>
  queryOptions({
    queryKey: reportKeys.fleet(week),
    queryFn: ({ signal }) => fetchJson<FleetReport>(reportUrl(null, week, 'json'), { signal }),
    staleTime: REPORT_STALE_MS,
    placeholderData: (previous) => previous,
  });

export const useInstanceReport = (id: string, week: string) => useQuery(instanceReportQuery(id, week));
export const useFleetReport = (week: string) => useQuery(fleetReportQuery(week));
