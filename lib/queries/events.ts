'use client';
// The hook of GET /api/instances/{id}/events: the events of an instance (SPEC section 9).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EventsResponse } from '@/lib/events/types';
import { RANGE_MS, type TimeRange, type TimeWindow } from '@/lib/time-range';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { POLL_EVENTS_MS } from './poll';

const instancePath = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

function pollUnlessNotFound(ms: number) {
  return (query: { state: { error: Error | null } }) =>
    query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND' ? false : ms;
}

/**
 * The events of the last `range`, keyed by the range rather than by its moving ends, so every
 * chart of a history section and the timeline share one request per poll.
 */
export const eventsQuery = (id: string, range: TimeRange) =>
  queryOptions({
    queryKey: queryKeys.events(id, range),
    queryFn: ({ signal }) => {
      const to = Date.now();
      return fetchJson<EventsResponse>(`${instancePath(id)}/events?from=${to - RANGE_MS[range]}&to=${to}`, { signal });
    },
    refetchInterval: pollUnlessNotFound(POLL_EVENTS_MS),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });

/** The events of a chosen window (`?from=&to=` of the history charts); `null`: the last `range`. */
export const eventsInWindowQuery = (id: string, window: TimeWindow) =>
  queryOptions({
    queryKey: queryKeys.eventsInWindow(id, window),
    queryFn: ({ signal }) => fetchJson<EventsResponse>(`${instancePath(id)}/events?from=${window.from}&to=${window.to}`, { signal }),
    refetchInterval: window.to < Date.now() ? false : pollUnlessNotFound(POLL_EVENTS_MS),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });

export function useEvents(id: string, range: TimeRange) {
  return useQuery(eventsQuery(id, range));
}

/** The events of the window shown: a chosen one, or the last `range`. */
export function useEventsOf(id: string, range: TimeRange, window: TimeWindow | null) {
  // Both hooks always run (rules of hooks); the one not needed is disabled.
  const last = useQuery({ ...eventsQuery(id, range), enabled: window === null });
  const chosen = useQuery({ ...eventsInWindowQuery(id, window ?? { from: 0, to: 0 }), enabled: window !== null });
  return window === null ? last : chosen;
}
