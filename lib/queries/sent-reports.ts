'use client';
// The hooks of GET /api/reports/sent (the weekly reports POSTed to the webhook, without their
// text), GET /api/reports/sent/{id} (one, with the Markdown exactly as it was sent) and POST
// /api/reports/sent/{id}/resend (an admin sends a failed one again).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SentReport, SentReportSummary, SentReportsResponse } from '@/lib/delivery/types';
import { fetchJson } from './fetch-json';

export const sentReportKeys = {
  list: () => ['fleet', 'reports-sent'] as const,
  one: (id: number) => ['fleet', 'reports-sent', id] as const,
};

/** The address of one sent report's Markdown (the download). */
export const sentReportMarkdownUrl = (id: number) => `/api/reports/sent/${id}?format=md`;

/**
 * At most one report a week is sent: a minute old is fresh enough, and a page left open still
 * sees a new one; while one is being sent, every few seconds until the webhook has answered.
 */
export const useSentReports = () =>
  useQuery({
    queryKey: sentReportKeys.list(),
    queryFn: ({ signal }) => fetchJson<SentReportsResponse>('/api/reports/sent', { signal }),
    staleTime: 60_000,
    refetchInterval: (query) => (query.state.data?.reports.some((report) => report.status === 'sending') ? 3_000 : 60_000),
  });

/** A sent report never changes once sent; while it is being sent its status may. */
export const useSentReport = (id: number) =>
  useQuery({
    queryKey: sentReportKeys.one(id),
    queryFn: ({ signal }) => fetchJson<SentReport>(`/api/reports/sent/${id}`, { signal }),
    staleTime: 60_000,
  });

/** Sends a failed report again; the list is read again (and polls while the report is `sending`). */
export function useResendReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      fetchJson<SentReportSummary>(`/api/reports/sent/${id}/resend`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sentReportKeys.list() }),
  });
}
