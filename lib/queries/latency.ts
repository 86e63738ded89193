'use client';
// The hooks of the latency page: GET /api/instances/{id}/latency (polled) and the admin's fix of
// a disabled latency monitor through PATCH /api/instances/{id}/config.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LATENCY_MONITOR_FIX, type LatencyResponse } from '@/lib/commands/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';

/** PING figures change once a sample (every 10 s by default); the monitor's reading is shared a second. */
export const POLL_LATENCY_MS = 10_000;

const instancePath = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

export const latencyQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.latency(id),
    queryFn: ({ signal }) => fetchJson<LatencyResponse>(`${instancePath(id)}/latency`, { signal }),
    // An unknown instance stays unknown: stop polling it.
    refetchInterval: (query) =>
      query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND' ? false : POLL_LATENCY_MS,
  });

export function useLatency(id: string) {
  return useQuery(latencyQuery(id));
}

/** PATCH .../config's answer (SPEC section 5). */
interface ConfigSetResponse {
  name: string;
  before: string | null;
  after: string | null;
}

/** Turns the latency monitor on (latency-monitor-threshold 100 ms); audited on the server. */
export function useEnableLatencyMonitor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson<ConfigSetResponse>(`${instancePath(id)}/config`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(LATENCY_MONITOR_FIX),
      }),
    // Also after a failure: a timeout leaves the outcome unknown. Everything under the instance
    // (the latency reading, the config audit) is refetched; the mutation settles once it is, so
    // the warning is gone when the confirmation closes.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll() });
      return queryClient.invalidateQueries({ queryKey: queryKeys.instance(id) });
    },
  });
}
