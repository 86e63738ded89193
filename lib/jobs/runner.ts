// Runs long work (a keyspace analysis; later bulk deletes and exports) in the background of the
// server process: one job per instance and kind at a time, cancellable, its progress readable at
// once from memory and kept in the store (at most one progress write a second), so a restart of
// Redlens reports a job it was running as `interrupted` instead of forgetting it.
// The runner itself does nothing long and synchronous: the job's own work yields as it goes.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { ApiError } from '@/lib/api/errors';
import type { Store } from '@/lib/store/sqlite';
import { storeWriteFailed } from '@/lib/store/write-failure';
import { JobConflictError } from './conflict-error';
import type { JobKind, JobProgress, JobRecord, JobStatus } from './types';

export interface JobContext {
  /** Aborted by cancel() (and by close()): the work stops and resolves with what it has. */
  signal: AbortSignal;
  /** The latest progress: kept in memory at once (get() answers it), written to the store at most once a second. */
  progress(progress: JobProgress): void;
}

export interface JobSpec<P, R> {
  instance: string;
  kind: JobKind;
  params: P;
  actor: string | null;
  run(context: JobContext): Promise<R>;
}

/** The store sees a running job's progress at most this often; get() always has the latest. */
export const PROGRESS_WRITE_EVERY_MS = 1000;
export const INTERRUPTED_MESSAGE = 'Redlens stopped while this job ran';
const FAILED_MESSAGE = 'The job failed; the server log has the details.';

/** Why a job's signal was aborted: an admin's cancel, or the server shutting down. */
const CANCELLED = 'cancelled';
const SHUTDOWN = 'shutdown';

interface RunningJob {
  /** The live record: progress replaced as reported. */
  record: JobRecord;
  controller: AbortController;
  settled: Promise<void>;
  lastProgressWriteAt: number | null;
  /** The delayed write of the latest progress, while one is due. */
  progressTimer: NodeJS.Timeout | null;
}

interface JobRow {
  id: string;
  instance: string;
  kind: string;
  status: string;
  params: string;
  progress: string | null;
  result: string | null;
  error: string | null;
  actor: string | null;
  started_at: number;
  finished_at: number | null;
}

function prepareStatements(db: Store) {
  return {
    insert: db.prepare(
      `INSERT INTO jobs (id, instance, kind, status, params, progress, result, error, actor, started_at, finished_at)
       VALUES (@id, @instance, @kind, 'running', @params, NULL, NULL, NULL, @actor, @startedAt, NULL)`,
    ),
    progress: db.prepare("UPDATE jobs SET progress = ? WHERE id = ? AND status = 'running'"),
    finish: db.prepare('UPDATE jobs SET status = @status, progress = @progress, result = @result, error = @error, finished_at = @finishedAt WHERE id = @id'),
    interrupt: db.prepare("UPDATE jobs SET status = 'interrupted', finished_at = ?, error = ? WHERE status = 'running'"),
    get: db.prepare('SELECT * FROM jobs WHERE id = ?'),
    list: db.prepare(
      `SELECT id, instance, kind, status, params, progress, NULL AS result, error, actor, started_at, finished_at
       FROM jobs WHERE instance = ? AND kind = ? ORDER BY started_at DESC, id DESC LIMIT ?`,
    ),
  };
}

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export class JobRunner {
  readonly #now: () => number;
  readonly #running = new Map<string, RunningJob>();
  /** Finished jobs whose outcome the store refused: answered from here so nothing reads as running. */
  readonly #unsaved = new Map<string, JobRecord>();
  readonly #statements: ReturnType<typeof prepareStatements>;

  constructor(db: Store, options: { now?: () => number } = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#statements = prepareStatements(db);
    // This process is the store's only writer (EXCLUSIVE locking): a row still `running` is a job
    // an earlier Redlens was running when it stopped.
    try {
      this.#statements.interrupt.run(this.#now(), INTERRUPTED_MESSAGE);
    } catch (error) {
      // Rows left `running` are read as interrupted anyway (fromRow): nothing waits on them.
      storeWriteFailed(error, 'marking the jobs of an earlier run interrupted');
    }
  }

  /**
   * Starts it now (never awaited by the caller); throws JobConflictError (409 CONFLICT, body
   * `{error:{code:'CONFLICT', message, id}}` with the running job's id) when a job of the same
   * kind runs on the instance, and 503 STORE_UNAVAILABLE when the job cannot be recorded.
   */
  start<P, R>(spec: JobSpec<P, R>): JobRecord<P, R> {
    for (const { record } of this.#running.values()) {
      if (record.instance === spec.instance && record.kind === spec.kind) {
        throw new JobConflictError(`A ${spec.kind} job is already running on this instance; wait for it or cancel it.`, record.id);
      }
    }
    const record: JobRecord = {
      id: randomBytes(12).toString('base64url'),
      instance: spec.instance,
      kind: spec.kind,
      status: 'running',
      params: spec.params,
      progress: null,
      result: null,
      error: null,
      actor: spec.actor,
      startedAt: this.#now(),
      finishedAt: null,
    };
    try {
      this.#statements.insert.run({ ...record, params: JSON.stringify(spec.params ?? null) });
    } catch (error) {
      throw storeWriteFailed(error, 'a job before it starts');
    }
    const controller = new AbortController();
    const job: RunningJob = { record, controller, settled: Promise.resolve(), lastProgressWriteAt: null, progressTimer: null };
    const context: JobContext = { signal: controller.signal, progress: (progress) => this.#progress(job, progress) };
    this.#running.set(record.id, job);
    // run() is called here, so a cancel() right after start() reaches work that already listens to
    // the signal; a run() that throws before its first await fails like any other.
    let work: Promise<R>;
    try {
      work = Promise.resolve(spec.run(context));
    } catch (error) {
      work = Promise.reject(error);
    }
    job.settled = work.then(
      (value) => this.#finish(job, { ok: true, value }),
      (error: unknown) => this.#finish(job, { ok: false, error }),
    );
    return { ...record } as JobRecord<P, R>;
  }

  get<P = unknown, R = unknown>(id: string): JobRecord<P, R> | null {
    const running = this.#running.get(id);
    if (running) return { ...running.record } as JobRecord<P, R>;
    const unsaved = this.#unsaved.get(id);
    if (unsaved) return { ...unsaved } as JobRecord<P, R>;
    const row = this.#statements.get.get(id) as JobRow | undefined;
    return row ? (this.#fromRow(row) as JobRecord<P, R>) : null;
  }

  /** Newest first; `result` left out (null) in the list: results can be large. */
  list(instance: string, kind: JobKind, limit: number): JobRecord[] {
    const rows = this.#statements.list.all(instance, kind, Math.max(0, Math.floor(limit))) as JobRow[];
    return rows.map((row) => {
      // A running job's progress in the store may be a second old; memory has the latest.
      const running = this.#running.get(row.id);
      return running ? { ...running.record, result: null } : { ...(this.#unsaved.get(row.id) ?? this.#fromRow(row)), result: null };
    });
  }

  /**
   * Aborts a running job; it becomes `cancelled` when run() settles (its resolved value is the
   * partial result, kept): await settled(id) to see that. Returns the record (null when unknown);
   * a finished job is returned as is.
   */
  cancel(id: string): JobRecord | null {
    const running = this.#running.get(id);
    if (!running) return this.get(id);
    running.controller.abort(CANCELLED);
    return { ...running.record };
  }

  /**
   * cancel(), then waits at most `waitMs` for the job to stop, so a route's answer can say
   * `cancelled` (a walk stops within a second); never rejects.
   */
  async cancelAndWait(id: string, waitMs: number): Promise<void> {
    this.cancel(id);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.settled(id), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  /** Resolves when the job is no longer running (tests, shutdown); never rejects. */
  settled(id: string): Promise<void> {
    return this.#running.get(id)?.settled ?? Promise.resolve();
  }

  /** Aborts every running job (server shutdown): each ends `interrupted`, what it did so far kept. */
  close(): void {
    for (const job of this.#running.values()) job.controller.abort(SHUTDOWN);
  }

  #progress(job: RunningJob, progress: JobProgress): void {
    if (job.record.status !== 'running') return; // a late report after the end changes nothing
    job.record.progress = progress;
    if (job.progressTimer) return; // the write already due takes the latest
    const wait = job.lastProgressWriteAt === null ? 0 : job.lastProgressWriteAt + PROGRESS_WRITE_EVERY_MS - this.#now();
    if (wait <= 0) {
      this.#writeProgress(job);
      return;
    }
    job.progressTimer = setTimeout(() => {
      job.progressTimer = null;
      this.#writeProgress(job);
    }, wait);
    job.progressTimer.unref();
  }

  #writeProgress(job: RunningJob): void {
    if (job.record.status !== 'running') return;
    job.lastProgressWriteAt = this.#now();
    try {
      this.#statements.progress.run(JSON.stringify(job.record.progress), job.record.id);
    } catch (error) {
      // Progress is a convenience: the job goes on, and memory still answers get().
      storeWriteFailed(error, 'a job\'s progress');
    }
  }

  #finish(job: RunningJob, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    const { record, controller } = job;
    if (job.progressTimer) clearTimeout(job.progressTimer);
    job.progressTimer = null;
    const aborted = controller.signal.aborted;
    let status: JobStatus;
    let error: string | null = null;
    if (aborted && controller.signal.reason === SHUTDOWN) {
      status = 'interrupted';
      error = INTERRUPTED_MESSAGE;
    } else if (aborted) {
      status = 'cancelled';
    } else {
      status = outcome.ok ? 'done' : 'failed';
    }
    if (!outcome.ok && !aborted) error = this.#failureMessage(record, outcome.error);
    record.status = status;
    record.error = error;
    // What a cancelled run resolved with is its partial result; a rejection leaves none.
    record.result = outcome.ok ? (outcome.value ?? null) : null;
    record.finishedAt = this.#now();
    try {
      this.#statements.finish.run({
        id: record.id,
        status,
        progress: record.progress === null ? null : JSON.stringify(record.progress),
        result: record.result === null ? null : JSON.stringify(record.result),
        error,
        finishedAt: record.finishedAt,
      });
    } catch (writeError) {
      storeWriteFailed(writeError, 'a job\'s outcome (kept in memory until Redlens stops)');
      this.#unsaved.set(record.id, record);
    }
    this.#running.delete(record.id);
  }

  /** An ApiError's message is written for people; anything else is logged, and a generic message shown. */
  #failureMessage(record: JobRecord, error: unknown): string {
    if (ApiError.is(error)) return error.message;
    console.error(`[redlens] ${record.kind} job ${record.id} on ${record.instance} failed:`, error);
    return FAILED_MESSAGE;
  }

  #fromRow(row: JobRow): JobRecord {
    // This process is the only writer: a `running` row it is not running is one the constructor
    // could not mark (the store refused the write), so it reads as what it is.
    const orphan = row.status === 'running';
    return {
      id: row.id,
      instance: row.instance,
      kind: row.kind as JobKind,
      status: orphan ? 'interrupted' : (row.status as JobStatus),
      params: parseJson(row.params),
      progress: parseJson(row.progress) as JobProgress | null,
      result: parseJson(row.result),
      error: orphan ? INTERRUPTED_MESSAGE : row.error,
      actor: row.actor,
      startedAt: row.started_at,
      finishedAt: orphan ? (row.finished_at ?? row.started_at) : row.finished_at,
    };
  }
}
