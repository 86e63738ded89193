'use client';
// GET /api/instances/{id}/sentinel: the sentinels' view of a Sentinel instance, polled while it
// is one; an instance that is not ({sentinel: null}) or is unknown is asked once.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SentinelResponse } from '@/lib/api/sentinel';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';

/** Sentinels change their view with a failover: the instance page's pace. */
export const POLL_SENTINEL_MS = 10_000;

export const sentinelQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.sentinel(id),
    queryFn: ({ signal }) => fetchJson<SentinelResponse>(`/api/instances/${encodeURIComponent(id)}/sentinel`, { signal }),
    // A plain instance stays plain, an unknown one unknown: stop polling them.
    refetchInterval: (query) =>
      query.state.data?.sentinel === null || (query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND') ? false : POLL_SENTINEL_MS,
  });

export function useSentinel(id: string) {
  return useQuery(sentinelQuery(id));
}
