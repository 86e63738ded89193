// What the analysis routes do (SPEC section 5): start a run as a job, list an instance's runs,
// read one (compared with another), cancel one. A run of another instance is a 404 here: run ids
// are global, routes are per instance.
import 'server-only';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import { CANCEL_WAIT_MS } from '@/lib/jobs/detail';
import type { JobRunner } from '@/lib/jobs/runner';
import type { JobRecord } from '@/lib/jobs/types';
import type { TtlPolicyRule } from '@/lib/keys/ttl-policy';
import { checkDb } from '@/lib/redis/db-connections';
import type { RedisInstance } from '@/lib/redis/registry';
import { compareNamespaces } from './compare';
import { clusterAnalysisJob } from './cluster-run';
import { analysisJob } from './run';
import {
  DEFAULT_SAMPLE_KEYS,
  type AnalysisParams, type AnalysisProgress, type AnalysisResult, type AnalysisRunDetail, type AnalysisRunSummary, type AnalysisStart,
} from './types';

/** Runs listed per instance (the runner keeps the newest 50 per instance regardless of age). */
export const ANALYSIS_RUNS_LISTED = 50;

type AnalysisRecord = JobRecord<AnalysisParams, AnalysisResult>;

export async function startAnalysis(
  jobs: JobRunner, instance: RedisInstance, start: AnalysisStart, actor: string | null, policy: readonly TtlPolicyRule[],
): Promise<{ id: string; status: AnalysisRecord['status'] }> {
  // A Redis Cluster has db 0 only (its masters are walked one after the other).
  if (instance.topology && start.db !== 0) throw badRequest(`db: "${instance.id}" is a Redis Cluster, which has db 0 only`);
  await checkDb(instance, start.db);
  const params: AnalysisParams = {
    db: start.db, mode: start.mode, sampleKeys: start.sampleKeys ?? DEFAULT_SAMPLE_KEYS,
    ...(start.match !== undefined && { match: start.match }),
  };
  const run = instance.topology ? clusterAnalysisJob({ instance, params, policy }) : analysisJob({ instance, params, policy });
  const record = jobs.start({ instance: instance.id, kind: 'analysis', params, actor, run });
  return { id: record.id, status: record.status };
}

function summaryOf(record: AnalysisRecord): AnalysisRunSummary {
  const progress = record.progress as AnalysisProgress | null;
  return {
    id: record.id, db: record.params.db, mode: record.params.mode, status: record.status,
    startedAt: record.startedAt, finishedAt: record.finishedAt, keys: progress?.scanned ?? 0,
  };
}

export function listAnalysisRuns(jobs: JobRunner, instanceId: string): { runs: AnalysisRunSummary[] } {
  const records = jobs.list(instanceId, 'analysis', ANALYSIS_RUNS_LISTED) as AnalysisRecord[];
  return { runs: records.map(summaryOf) };
}

/** The run, or 404 when it is unknown, another kind, or another instance's. */
function runOf(jobs: JobRunner, instanceId: string, runId: string, what = 'run'): AnalysisRecord {
  const record = jobs.get<AnalysisParams, AnalysisResult>(runId);
  if (!record || record.kind !== 'analysis' || record.instance !== instanceId) {
    throw notFound(`No analysis ${what} "${runId}" on this instance.`);
  }
  return record;
}

export function analysisRunDetail(jobs: JobRunner, instanceId: string, runId: string, compareTo?: string): AnalysisRunDetail {
  const record = runOf(jobs, instanceId, runId);
  const detail: AnalysisRunDetail = {
    ...summaryOf(record),
    params: record.params,
    progress: record.progress as AnalysisProgress | null,
    result: record.result,
    error: record.error,
  };
  if (compareTo === undefined) return detail;
  const other = runOf(jobs, instanceId, compareTo, 'run to compare with (compareTo)');
  if (!other.result) throw new ApiError('BAD_REQUEST', `compareTo: run "${compareTo}" has no result to compare with (it is ${other.status}).`);
  // A run still going has nothing to compare yet: answered without the comparison.
  if (!record.result) return detail;
  return { ...detail, comparison: compareNamespaces(record.result, other.result, { id: other.id, startedAt: other.startedAt }) };
}

/** Cancels a running analysis and waits (briefly) for it to stop; a finished one is answered as is. */
export async function cancelAnalysis(jobs: JobRunner, instanceId: string, runId: string): Promise<AnalysisRunSummary> {
  runOf(jobs, instanceId, runId);
  await jobs.cancelAndWait(runId, CANCEL_WAIT_MS);
  return summaryOf(runOf(jobs, instanceId, runId));
}
