// Shapes of jobs (long work run by lib/jobs/runner.ts: a keyspace analysis, later bulk deletes and
// exports), shared by the server and the pages. No server imports.

export const JOB_STATUSES = ['running', 'done', 'cancelled', 'failed', 'interrupted'] as const;
/**
 * `cancelled`: stopped on request, what was done so far kept; `interrupted`: Redlens stopped
 * (restart, crash) while it ran; `failed`: the work itself failed (Redis down, refused...).
 */
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_KINDS = ['analysis', 'bulk-delete'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** How far a job got: `done` of `total` units (keys scanned of DBSIZE, ...). */
export interface JobProgress {
  done: number;
  /** null when the total is not known. */
  total: number | null;
  /** Units per second over the recent past; null before there is a rate. */
  perSecond: number | null;
  /** null when it cannot be told. */
  etaSeconds: number | null;
  /** Anything else worth showing ("paced: PING 3.1 ms"). */
  note?: string;
}

export interface JobRecord<P = unknown, R = unknown> {
  id: string;
  instance: string;
  kind: JobKind;
  status: JobStatus;
  params: P;
  progress: JobProgress | null;
  /** The result when done, what was done so far when cancelled; null otherwise. */
  result: R | null;
  error: string | null;
  /** Who started it. */
  actor: string | null;
  /** unix ms */
  startedAt: number;
  finishedAt: number | null;
}
