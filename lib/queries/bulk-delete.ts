'use client';
// The key browser's bulk delete by pattern (SPEC section 12): start a dry run or a real run, poll
// the job every second while it runs, stop it. When a real delete ends, the key listings and the
// audit log are stale: they are invalidated.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { BulkDeleteJob, BulkDeleteStart, BulkDeleteStarted } from '@/lib/bulk-delete/types';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';

/** A running job moves every second. */
export const POLL_JOB_MS = 1_000;

const base = (id: string) => `/api/instances/${encodeURIComponent(id)}`;
const jobPath = (id: string, jobId: string) => `${base(id)}/jobs/${encodeURIComponent(jobId)}`;
const notFound = (error: Error | null) => error instanceof ApiRequestError && error.code === 'NOT_FOUND';

export function useStartBulkDelete(id: string) {
  return useMutation({
    mutationFn: (body: BulkDeleteStart) =>
      fetchJson<BulkDeleteStarted>(`${base(id)}/keys/delete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  });
}

/** The id of the bulk delete already running, from a 409 answer to a start. */
export function runningJobIdOf(error: unknown): string | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'CONFLICT') return null;
  const jobId = error.details.id;
  return typeof jobId === 'string' ? jobId : null;
}

/** One job, polled every second while it runs; a real delete that ends invalidates the listings. */
export function useBulkDeleteJob(id: string, jobId: string | null) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.job(id, jobId ?? ''),
    enabled: jobId !== null,
    queryFn: ({ signal }) => fetchJson<BulkDeleteJob>(jobPath(id, jobId ?? ''), { signal }),
    refetchInterval: (state) => (state.state.data?.status === 'running' && !notFound(state.state.error) ? POLL_JOB_MS : false),
  });
  const job = query.data;
  const invalidated = useRef<string | null>(null);
  useEffect(() => {
    if (!job || job.status === 'running' || job.params.dryRun || invalidated.current === job.id) return;
    invalidated.current = job.id;
    void client.invalidateQueries({ queryKey: queryKeys.keysLists(id) });
    void client.invalidateQueries({ queryKey: queryKeys.auditAll() });
  }, [client, id, job]);
  return query;
}

export function useStopBulkDelete(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => fetchJson<BulkDeleteJob>(jobPath(id, jobId), { method: 'DELETE' }),
    onSuccess: (job) => client.setQueryData(queryKeys.job(id, job.id), job),
  });
}
