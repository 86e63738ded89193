'use client';
// One hook per endpoint for the instance list and INFO.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InfoResponse, InstancesResponse } from '@/lib/api/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { POLL_INFO_MS, POLL_INSTANCES_MS } from './poll';

export const instancesQuery = () =>
  queryOptions({
    queryKey: queryKeys.instances(),
    queryFn: ({ signal }) => fetchJson<InstancesResponse>('/api/instances', { signal }),
    refetchInterval: POLL_INSTANCES_MS,
  });

export const infoQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.info(id),
    queryFn: ({ signal }) =>
      fetchJson<InfoResponse>(`/api/instances/${encodeURIComponent(id)}/info`, { signal }),
    // An unknown instance stays unknown: stop polling it; every other failure is retried.
    refetchInterval: (query) =>
      query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND' ? false : POLL_INFO_MS,
  });

export function useInstances() {
  return useQuery(instancesQuery());
}

export function useInfo(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...infoQuery(id), enabled: options.enabled ?? true });
}
