'use client';
// GET /api/instances/{id}/cluster: a Redis Cluster's nodes, slots and state with the sampler's
// figures of each node and of the whole, polled while the cluster page is open.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterResponse } from '@/lib/fleet/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { POLL_CLUSTER_MS } from './poll';

export const clusterQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.cluster(id),
    queryFn: ({ signal }) => fetchJson<ClusterResponse>(`/api/instances/${encodeURIComponent(id)}/cluster`, { signal }),
    // An unknown instance, or one that is not a cluster, stays so: stop polling it.
    refetchInterval: (query) =>
      query.state.error instanceof ApiRequestError && (query.state.error.code === 'NOT_FOUND' || query.state.error.code === 'BAD_REQUEST') ? false : POLL_CLUSTER_MS,
  });

export function useCluster(id: string) {
  return useQuery(clusterQuery(id));
}
