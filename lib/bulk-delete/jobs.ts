// What the bulk delete route does (SPEC sections 5 and 12): check the db, start the job, and when
// a real delete ends write its outcome to the audit log (the start is audited by the route
// wrapper; a delete runs on after its request has been answered, so the wrapper cannot see how it
// ended): the pattern, deleted, skipped, errors, as the admin who started it.
import 'server-only';
import type { Role } from '@/lib/api/roles';
import { recordAudit } from '@/lib/audit/audit-log';
import type { JobRunner } from '@/lib/jobs/runner';
import type { JobRecord } from '@/lib/jobs/types';
import { checkClusterDb } from '@/lib/redis/cluster-keys';
import { checkDb } from '@/lib/redis/db-connections';
import type { RedisInstance } from '@/lib/redis/registry';
import type { Store } from '@/lib/store/sqlite';
import { storeWriteFailed } from '@/lib/store/write-failure';
import { bulkDeleteJob } from './run';
import type { BulkDeleteParams, BulkDeleteProgress, BulkDeleteResult, BulkDeleteStart, BulkDeleteStarted } from './types';

/** The audit action of a real delete's outcome (its start is `keys.bulk-delete`). */
export const BULK_DELETE_DONE_ACTION = 'keys.bulk-delete.done';

/** Who started it, as the audit log names people. */
export interface BulkDeleteActor {
  actor: string;
  role: Role | null;
  address: string;
}

/** How the audit log names a bulk delete: the db, the pattern, the type, a dry run. */
export function bulkDeleteTarget(params: BulkDeleteParams): string {
  return `db${params.db} match ${params.match}${params.type !== undefined ? ` type ${params.type}` : ''}${params.dryRun ? ' (dry run)' : ''}`;
}

export async function startBulkDelete(
  jobs: JobRunner, store: Store, instance: RedisInstance, start: BulkDeleteStart, who: BulkDeleteActor,
): Promise<BulkDeleteStarted> {
  if (instance.topology) checkClusterDb(start.db);
  else await checkDb(instance, start.db);
  const params: BulkDeleteParams = { db: start.db, match: start.match, dryRun: start.dryRun, ...(start.type !== undefined && { type: start.type }) };
  const record = jobs.start({ instance: instance.id, kind: 'bulk-delete', params, actor: who.actor, run: bulkDeleteJob({ instance, params }) });
  // settled() never rejects; a dry run deletes nothing, so its start entry says all there is.
  if (!params.dryRun) void jobs.settled(record.id).then(() => auditOutcome(jobs, store, instance.id, record.id, who));
  return { id: record.id, status: record.status, dryRun: params.dryRun };
}

/** The detail of the outcome entry: what was done, and why it stopped when it did not end. */
export function outcomeDetail(record: JobRecord<BulkDeleteParams, BulkDeleteResult>): string {
  const result = record.result;
  if (result) {
    const counts = `deleted ${result.deleted}, skipped ${result.skipped}, errors ${result.errors}`;
    const error = result.firstError !== undefined ? ` (first error: ${result.firstError})` : '';
    return `${record.status === 'done' ? '' : `${record.status}: `}${counts} of ${result.matched} matched${error}`;
  }
  // Failed or interrupted: no result, but the last progress says how far it got.
  const progress = record.progress as BulkDeleteProgress | null;
  return `${record.status}: deleted ${progress?.deleted ?? 0} before it stopped (${record.error ?? 'no reason known'})`;
}

function auditOutcome(jobs: JobRunner, store: Store, instanceId: string, jobId: string, who: BulkDeleteActor): void {
  const record = jobs.get<BulkDeleteParams, BulkDeleteResult>(jobId);
  if (!record) return;
  try {
    recordAudit(store, {
      ...who, instance: instanceId, action: BULK_DELETE_DONE_ACTION,
      target: bulkDeleteTarget(record.params),
      outcome: record.status === 'done' || record.status === 'cancelled' ? 'ok' : 'failed',
      detail: outcomeDetail(record),
    });
  } catch (error) {
    // The keys are deleted either way; the log says the outcome entry is missing.
    storeWriteFailed(error, 'audit outcome of a bulk delete');
  }
}
