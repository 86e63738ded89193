'use client';
// The hook of GET /api/instances/{id}/commands: commandstats as rates over the sampler's window.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CommandsResponse } from '@/lib/commands/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';

/** The rates change once a sample (every 10 s by default): polling faster fetches the same window. */
export const POLL_COMMANDS_MS = 10_000;

export const commandsQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.commands(id),
    queryFn: ({ signal }) => fetchJson<CommandsResponse>(`/api/instances/${encodeURIComponent(id)}/commands`, { signal }),
    // An unknown instance stays unknown: stop polling it.
    refetchInterval: (query) =>
      query.state.error instanceof ApiRequestError && query.state.error.code === 'NOT_FOUND' ? false : POLL_COMMANDS_MS,
  });

export function useCommands(id: string) {
  return useQuery(commandsQuery(id));
}
