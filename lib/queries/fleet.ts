'use client';
// The hook for the overview's one poll (GET /api/fleet).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FleetResponse } from '@/lib/fleet/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { POLL_FLEET_MS } from './poll';

export const fleetQuery = () =>
  queryOptions({
    queryKey: queryKeys.fleet(),
    queryFn: ({ signal }) => fetchJson<FleetResponse>('/api/fleet', { signal }),
    refetchInterval: POLL_FLEET_MS,
  });

export function useFleet() {
  return useQuery(fleetQuery());
}
