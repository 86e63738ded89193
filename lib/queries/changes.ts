'use client';
// The hook of GET /api/instances/{id}/changes: "what changed" (SPEC section 9).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChangesResponse, ChangeWindow } from '@/lib/changes/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { POLL_CHANGES_MS } from './poll';

const instancePath = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

/** An unknown instance stays unknown: stop polling it; every other failure is retried by the poll. */
function pollUnlessNotFound(ms: number) {
  return (query: { state: { error: Error | null } }) =>
    query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND' ? false : ms;
}

export const changesQuery = (id: string, window: ChangeWindow) =>
  queryOptions({
    queryKey: queryKeys.changes(id, window),
    queryFn: ({ signal }) => fetchJson<ChangesResponse>(`${instancePath(id)}/changes?window=${window}`, { signal }),
    refetchInterval: pollUnlessNotFound(POLL_CHANGES_MS),
    // Switching window keeps the other one on screen (dimmed) until the new one arrives.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });

export function useChanges(id: string, window: ChangeWindow) {
  return useQuery(changesQuery(id, window));
}
