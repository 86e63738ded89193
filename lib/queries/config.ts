'use client';
// One hook per config endpoint: the audit of an instance, the admin's apply of one setting, the
// fleet's drift.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterConfigResponse, ConfigAuditResponse, ConfigDriftResponse, ConfigSetResponse } from '@/lib/config-audit/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './keys';

/** Settings change rarely, and a CONFIG GET * is 6.5 KB: once a minute, and at once after an apply. */
export const POLL_CONFIG_MS = 60_000;

const configPath = (id: string) => `/api/instances/${encodeURIComponent(id)}/config`;

export const configAuditQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.config(id),
    // A Redis Cluster instance answers its nodes' audits summed up and their drift (`kind: 'cluster'`).
    queryFn: ({ signal }) => fetchJson<ConfigAuditResponse | ClusterConfigResponse>(configPath(id), { signal }),
    refetchInterval: POLL_CONFIG_MS,
  });

export function useConfigAudit(id: string) {
  return useQuery(configAuditQuery(id));
}

export function useConfigDrift() {
  return useQuery({
    queryKey: queryKeys.configDrift(),
    queryFn: ({ signal }) => fetchJson<ConfigDriftResponse>('/api/fleet/config-drift', { signal }),
    refetchInterval: POLL_CONFIG_MS,
  });
}

/** CONFIG SET of one allowlisted setting; every view of the instance's settings reads again after it. */
export function useApplySetting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { name: string; value: string }) =>
      fetchJson<ConfigSetResponse>(configPath(id), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(change),
      }),
    // Also after a failure: a timeout leaves the outcome unknown.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.configDrift() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.slowlog(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.latency(id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.config(id) });
    },
  });
}
