// The bulk delete as a job (SPEC section 12): DBSIZE, then the walk of lib/redis/bulk-delete-walk.ts
// (SCAN MATCH [TYPE], UNLINK in calls of at most BULK_DELETE_BATCH keys, paced on PING) with
// progress after each batch. A dry run counts and lists, deleting nothing. Cancelled, it resolves
// with what it did (the runner keeps it); a refusal of UNLINK fails it (what was deleted is in the
// last progress, and in the audit entry of its outcome).
import 'server-only';
import { Rate } from '@/lib/jobs/rate';
import type { JobContext } from '@/lib/jobs/runner';
import { walkBulkDelete, type BulkDeleteStep } from '@/lib/redis/bulk-delete-walk';
import { walkClusterBulkDelete } from '@/lib/redis/cluster-keys';
import { keyName } from '@/lib/redis/keys';
import type { RedisInstance } from '@/lib/redis/registry';
import { BULK_DELETE_BATCH, DRY_RUN_LISTED, type BulkDeleteParams, type BulkDeleteProgress, type BulkDeleteResult } from './types';

export interface BulkDeleteJobOptions {
  instance: RedisInstance;
  params: BulkDeleteParams;
  now?: () => number;
}

/** The progress after a batch: keys walked of DBSIZE (done / total), matched and deleted so far. */
export function progressOf(step: BulkDeleteStep | null, dbSize: number, perSecond: number | null): BulkDeleteProgress {
  const scanned = step?.scanned ?? 0;
  const left = Math.max(0, dbSize - scanned);
  return {
    done: scanned, total: dbSize, perSecond, etaSeconds: perSecond ? Math.round(left / perSecond) : null,
    scanned, matched: step?.matched ?? 0, deleted: step?.deleted ?? 0,
    pingMs: step?.pingMs ?? null, paced: step?.paced ?? false,
    ...(step?.paced && step.pingMs !== null && { note: `paced: PING ${step.pingMs.toFixed(1)} ms` }),
  };
}

/** The job's run(): what the walk did over the whole db, or until it was cancelled. */
export function bulkDeleteJob({ instance, params, now = Date.now }: BulkDeleteJobOptions) {
  return async ({ signal, progress }: JobContext): Promise<BulkDeleteResult> => {
    const rate = new Rate(now);
    let dbSize = 0;
    // A Redis Cluster: every master in turn, counts summed.
    const walk = instance.topology ? walkClusterBulkDelete : walkBulkDelete;
    const walked = await walk(instance, {
      db: params.db,
      match: params.match,
      ...(params.type !== undefined && { type: params.type }),
      dryRun: params.dryRun,
      unlinkKeys: BULK_DELETE_BATCH,
      listKeys: DRY_RUN_LISTED,
      signal,
      onStart: (size) => {
        dbSize = size;
        progress(progressOf(null, dbSize, null));
      },
      onBatch: (step) => progress(progressOf(step, dbSize, rate.add(step.scanned))),
    });
    return {
      dryRun: params.dryRun,
      scanned: walked.scanned,
      matched: walked.matched,
      deleted: walked.deleted,
      skipped: walked.skipped,
      errors: walked.errors,
      ...(walked.firstError !== undefined && { firstError: walked.firstError }),
      firstKeys: walked.firstKeys.map(keyName),
      stoppedBy: walked.stoppedBy,
      deduped: walked.deduped,
    };
  };
}
