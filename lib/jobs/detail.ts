// What the generic job routes do (GET and DELETE /api/instances/{id}/jobs/{jobId}): read any job
// of an instance, whatever its kind, and cancel it. Job ids are global, routes are per instance:
// another instance's job is a 404 here, as an unknown one is.
import 'server-only';
import { notFound } from '@/lib/api/errors';
import type { JobRunner } from './runner';
import type { JobRecord } from './types';

/** DELETE waits this long for the job to stop, so its answer says `cancelled`. */
export const CANCEL_WAIT_MS = 2_000;

/** A job as the API shows it: the record without its instance (the URL names it). */
export type JobView = Omit<JobRecord, 'instance'>;

function viewOf(record: JobRecord): JobView {
  const { id, kind, status, params, progress, result, error, actor, startedAt, finishedAt } = record;
  return { id, kind, status, params, progress, result, error, actor, startedAt, finishedAt };
}

function recordOf(jobs: JobRunner, instanceId: string, jobId: string): JobRecord {
  const record = jobs.get(jobId);
  if (!record || record.instance !== instanceId) throw notFound(`No job "${jobId}" on this instance.`);
  return record;
}

export function jobDetail(jobs: JobRunner, instanceId: string, jobId: string): JobView {
  return viewOf(recordOf(jobs, instanceId, jobId));
}

/** Cancels a running job and waits (briefly) for it to stop; a finished one is answered as is. */
export async function cancelJob(jobs: JobRunner, instanceId: string, jobId: string): Promise<JobView> {
  recordOf(jobs, instanceId, jobId);
  await jobs.cancelAndWait(jobId, CANCEL_WAIT_MS);
  return jobDetail(jobs, instanceId, jobId);
}
