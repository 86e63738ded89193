'use client';
// One hook per slow log endpoint: the live log (polled), the archive for a range and search, the
// export links, and the admin's reset.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterSlowlogResetResponse, SlowlogArchiveResponse, SlowlogLiveResponse, SlowlogResetResponse } from '@/lib/slowlog/types';
import { rangeWindow, type TimeWindow } from '@/lib/time-range';
import { ARCHIVE_EXPORT_LIMIT, ARCHIVE_PAGE_LIMIT, archiveApiParams, type ArchiveView } from './archive-params';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { POLL_SLOWLOG_ARCHIVE_MS, POLL_SLOWLOG_MS } from './poll';

const slowlogPath = (id: string) => `/api/instances/${encodeURIComponent(id)}/slowlog`;

/** An unknown instance stays unknown: stop polling it; every other failure is retried by the poll. */
function pollUnlessNotFound(ms: number) {
  return (query: { state: { error: Error | null } }) =>
    query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND' ? false : ms;
}

/** The live log's key: under queryKeys.slowlog(id), so a reset's invalidation reaches both ways of looking. */
export const slowlogLiveKey = (id: string, showOwn: boolean) => [...queryKeys.slowlog(id), showOwn ? 'with-own' : 'app'] as const;

/** The live slow log; Redlens's own entries hidden unless `showOwn` (`own=show`). */
export const slowlogQuery = (id: string, showOwn = false) =>
  queryOptions({
    queryKey: slowlogLiveKey(id, showOwn),
    queryFn: ({ signal }) => fetchJson<SlowlogLiveResponse>(`${slowlogPath(id)}${showOwn ? '?own=show' : ''}`, { signal }),
    refetchInterval: pollUnlessNotFound(POLL_SLOWLOG_MS),
    // Flipping the toggle keeps the entries on screen until the other answer arrives.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });

export function useSlowlog(id: string, showOwn = false) {
  return useQuery(slowlogQuery(id, showOwn));
}

/** The archive's answer with what it was asked for, so texts and exports match what is shown. */
export interface ArchiveResult {
  response: SlowlogArchiveResponse;
  view: ArchiveView;
  span: TimeWindow;
}

export const slowlogArchiveQuery = (id: string, view: ArchiveView) =>
  queryOptions({
    queryKey: queryKeys.slowlogArchive(id, view),
    queryFn: async ({ signal }): Promise<ArchiveResult> => {
      // "Last 24 h" ends now, whenever the query runs: each poll moves the window. A chosen one stays.
      const span = view.window ?? rangeWindow(view.range, Date.now());
      const params = archiveApiParams({ ...span, q: view.q, before: view.before, limit: ARCHIVE_PAGE_LIMIT, own: view.own });
      const response = await fetchJson<SlowlogArchiveResponse>(`${slowlogPath(id)}/archive?${params}`, { signal });
      return { response, view, span };
    },
    refetchInterval: pollUnlessNotFound(POLL_SLOWLOG_ARCHIVE_MS),
    // A new range or search keeps the previous result on screen (dimmed) until it arrives, but
    // never another instance's archive.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });

export function useSlowlogArchive(id: string, view: ArchiveView) {
  return useQuery(slowlogArchiveQuery(id, view));
}

/**
 * A same-origin GET, so a plain link carries the session cookie; the server sends CSV as an
 * attachment with formula-looking cells neutralised.
 */
export function slowlogExportUrl(id: string, span: TimeWindow, q: string | undefined, format: 'csv' | 'json', own?: boolean): string {
  return `${slowlogPath(id)}/archive?${archiveApiParams({ ...span, q, limit: ARCHIVE_EXPORT_LIMIT, format, own })}`;
}

export function useSlowlogReset(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson<SlowlogResetResponse>(`${slowlogPath(id)}/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    // Also after a failure: a timeout leaves the outcome unknown, and the tables should show the truth.
    // The mutation settles once the live log is fresh, so "the slow log is empty" shows with it.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.slowlogArchiveAll(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll() });
      return queryClient.invalidateQueries({ queryKey: queryKeys.slowlog(id) });
    },
  });
}

/**
 * "Reset all nodes" of a Redis Cluster instance: the same POST on the cluster, answered with one
 * result per node (each archived first, then reset). The nodes' own pages are invalidated too.
 */
export function useClusterSlowlogReset(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson<ClusterSlowlogResetResponse>(`${slowlogPath(id)}/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    onSettled: (result) => {
      for (const node of result?.nodes ?? []) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.slowlog(node.instanceId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.slowlogArchiveAll(node.instanceId) });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.slowlogArchiveAll(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditAll() });
      return queryClient.invalidateQueries({ queryKey: queryKeys.slowlog(id) });
    },
  });
}
