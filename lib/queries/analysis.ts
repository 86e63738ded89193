'use client';
// One hook per keyspace-analysis endpoint (SPEC section 5): the runs of an instance, one run
// (polled every second while it runs, optionally compared with another), start and stop.
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AnalysisRunDetail, AnalysisRunSummary, AnalysisStart } from '@/lib/analysis/types';
import type { JobStatus } from '@/lib/jobs/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';

/** A running analysis moves every second; the brief asks to show that. */
export const POLL_ANALYSIS_RUN_MS = 1_000;
/** The list changes when someone starts or finishes a run: often while one runs, rarely otherwise. */
export const POLL_ANALYSIS_RUNS_BUSY_MS = 2_000;
export const POLL_ANALYSIS_RUNS_IDLE_MS = 15_000;

export interface AnalysisRunsResponse {
  runs: AnalysisRunSummary[];
}

/** POST's 202 answer and DELETE's answer. */
export interface AnalysisRunRef {
  id: string;
  status: JobStatus;
}

const analysisPath = (id: string) => `/api/instances/${encodeURIComponent(id)}/analysis`;
const notFound = (error: Error | null) => error instanceof ApiRequestError && error.code === 'NOT_FOUND';

export const analysisRunsQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.analysisRuns(id),
    queryFn: ({ signal }) => fetchJson<AnalysisRunsResponse>(analysisPath(id), { signal }),
    refetchInterval: (query) => {
      if (notFound(query.state.error)) return false;
      return query.state.data?.runs.some((run) => run.status === 'running') ? POLL_ANALYSIS_RUNS_BUSY_MS : POLL_ANALYSIS_RUNS_IDLE_MS;
    },
  });

export function useAnalysisRuns(id: string) {
  return useQuery(analysisRunsQuery(id));
}

/** The list row of a run from its detail, so the list does not wait for its own poll to say "done". */
function patchListedRun(client: QueryClient, id: string, run: AnalysisRunDetail): void {
  client.setQueryData<AnalysisRunsResponse>(queryKeys.analysisRuns(id), (data) => {
    if (!data) return data;
    const { id: runId, db, mode, status, startedAt, finishedAt, keys } = run;
    return { runs: data.runs.map((row) => (row.id === runId ? { id: runId, db, mode, status, startedAt, finishedAt, keys } : row)) };
  });
}

export function useAnalysisRun(id: string, runId: string | null, compareTo: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.analysisRun(id, runId ?? '', compareTo),
    enabled: runId !== null,
    queryFn: async ({ signal }) => {
      const params = compareTo ? `?${new URLSearchParams({ compareTo })}` : '';
      const run = await fetchJson<AnalysisRunDetail>(`${analysisPath(id)}/${encodeURIComponent(runId ?? '')}${params}`, { signal });
      patchListedRun(client, id, run);
      return run;
    },
    // Only a running analysis changes; a finished one is read once.
    refetchInterval: (query) => (query.state.data?.status === 'running' && !notFound(query.state.error) ? POLL_ANALYSIS_RUN_MS : false),
    // Picking another run to compare with keeps this one on screen until the answer arrives.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === id && previousQuery.queryKey[4] === runId ? previous : undefined,
  });
}

export function useStartAnalysis(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnalysisStart) =>
      fetchJson<AnalysisRunRef>(analysisPath(id), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    // Also after a 409: the list should show the run that is in the way.
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.analysisRuns(id) }),
  });
}

/** The id of the analysis already running, from a 409 answer to a start. */
export function runningRunIdOf(error: unknown): string | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'CONFLICT') return null;
  const runId = error.details.id;
  return typeof runId === 'string' ? runId : null;
}

export function useStopAnalysis(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => fetchJson<AnalysisRunRef>(`${analysisPath(id)}/${encodeURIComponent(runId)}`, { method: 'DELETE' }),
    // Also after a failure: the run may have finished on its own meanwhile.
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.analysisAll(id) }),
  });
}
