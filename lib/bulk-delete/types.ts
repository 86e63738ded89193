// Shapes of a bulk delete by pattern (SPEC section 12; API in section 5), shared by the server and
// the key browser. No server imports.
import { z } from 'zod';
import { MAX_DB_INDEX } from '@/lib/keys/constants';
import { matchParam, typeParam } from '@/lib/keys/schemas';
import type { JobProgress, JobStatus } from '@/lib/jobs/types';
import type { KeyName } from '@/lib/keys/types';

/** UNLINK takes at most this many keys a call (SPEC section 12). */
export const BULK_DELETE_BATCH = 500;
/** A dry run lists this many names. */
export const DRY_RUN_LISTED = 100;

/** POST /api/instances/{id}/keys/delete */
export const bulkDeleteStartSchema = z.strictObject({
  db: z.number().int().min(0).max(MAX_DB_INDEX),
  match: matchParam.refine((value) => value.length > 0, 'must not be empty'),
  type: typeParam.optional(),
  dryRun: z.boolean(),
}).refine((body) => !/^\**$/.test(body.match) || body.type !== undefined, {
  path: ['match'],
  message: '"*" alone would delete the whole db: give a type too, or a narrower pattern',
});
export type BulkDeleteStart = z.infer<typeof bulkDeleteStartSchema>;
export type BulkDeleteParams = BulkDeleteStart;

export interface BulkDeleteProgress extends JobProgress {
  /** Keys SCAN walked so far (done) of DBSIZE at the start (total). */
  scanned: number;
  /** Keys that matched (pattern and type). */
  matched: number;
  /** Keys UNLINK removed (0 in a dry run). */
  deleted: number;
  /** The PING round trip between batches, ms; the walk slows above 2 ms. */
  pingMs: number | null;
  paced: boolean;
}

export interface BulkDeleteResult {
  dryRun: boolean;
  scanned: number;
  matched: number;
  deleted: number;
  /** Matched, but gone by the time UNLINK came (expired or deleted by someone else). */
  skipped: number;
  /** UNLINK calls that failed, with the first message. */
  errors: number;
  firstError?: string;
  /** The first DRY_RUN_LISTED names that matched (dry run and real run alike). */
  firstKeys: KeyName[];
  /** 'end': the whole db was walked; 'cancelled': stopped on request (what was done is kept). */
  stoppedBy: 'end' | 'cancelled';
  /**
   * False when more keys matched than the walk remembers names of (500,000): a key SCAN returned
   * twice may then be counted twice in `matched` (a real run's second UNLINK of it is `skipped`).
   */
  deduped: boolean;
}

/** GET /api/instances/{id}/jobs/{jobId}: any job of the instance. */
export interface JobDetail<P = unknown, Pr = JobProgress, R = unknown> {
  id: string;
  kind: string;
  status: JobStatus;
  params: P;
  progress: Pr | null;
  result: R | null;
  error: string | null;
  actor: string | null;
  startedAt: number;
  finishedAt: number | null;
}
export type BulkDeleteJob = JobDetail<BulkDeleteParams, BulkDeleteProgress, BulkDeleteResult>;

/** 202 answer of a start. */
export interface BulkDeleteStarted {
  id: string;
  status: JobStatus;
  dryRun: boolean;
}
