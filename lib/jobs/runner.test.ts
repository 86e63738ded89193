// The job runner on a real store (a temp SQLite file): outcomes, cancel, failure, one job per
// instance and kind, a restart over running rows, throttled progress writes, the list.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { openStore, type Store } from '@/lib/store/sqlite';
import { JobConflictError } from './conflict-error';
import { INTERRUPTED_MESSAGE, JobRunner, type JobContext, type JobSpec } from './runner';
import type { JobProgress } from './types';

const freshStore = (): Store => openStore(mkdtempSync(path.join(tmpdir(), 'redlens-jobs-')));

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A job whose run() hands its context out and ends when the test says. */
function controlledJob<R>(overrides: Partial<JobSpec<{ db: number }, R>> = {}) {
  const end = deferred<R>();
  const started = deferred<JobContext>();
  const spec: JobSpec<{ db: number }, R> = {
    instance: 'a', kind: 'analysis', params: { db: 0 }, actor: 'admin',
    run: (context) => {
      started.resolve(context);
      return end.promise;
    },
    ...overrides,
  };
  return { spec, end, started: started.promise };
}

const progressOf = (done: number): JobProgress => ({ done, total: 100, perSecond: 10, etaSeconds: (100 - done) / 10 });

const row = (db: Store, id: string) =>
  db.prepare('SELECT status, progress, result, error, finished_at FROM jobs WHERE id = ?').get(id) as
    { status: string; progress: string | null; result: string | null; error: string | null; finished_at: number | null };

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('JobRunner', () => {
  it('starts a job at once, records it running, and finishes it done with its result and last progress', async () => {
    const db = freshStore();
    let clock = 1_000;
    const runner = new JobRunner(db, { now: () => clock });
    const job = controlledJob<{ keys: number }>();
    const record = runner.start(job.spec);
    expect(record).toMatchObject({ instance: 'a', kind: 'analysis', status: 'running', params: { db: 0 }, actor: 'admin', startedAt: 1_000, finishedAt: null, result: null });
    expect(record.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(row(db, record.id).status).toBe('running');

    const context = await job.started;
    context.progress(progressOf(40));
    expect(runner.get(record.id)?.progress).toEqual(progressOf(40));
    context.progress(progressOf(100));
    clock = 5_000;
    job.end.resolve({ keys: 100 });
    await runner.settled(record.id);

    expect(runner.get(record.id)).toMatchObject({ status: 'done', result: { keys: 100 }, error: null, finishedAt: 5_000, progress: progressOf(100) });
    const stored = row(db, record.id);
    expect(stored).toMatchObject({ status: 'done', finished_at: 5_000, error: null });
    expect(JSON.parse(stored.result!)).toEqual({ keys: 100 });
    expect(JSON.parse(stored.progress!)).toEqual(progressOf(100));
  });

  it('gives every job its own id', () => {
    const runner = new JobRunner(freshStore());
    const ids = new Set(['a', 'b', 'c', 'd'].map((instance) => runner.start(controlledJob({ instance }).spec).id));
    expect(ids.size).toBe(4);
  });

  it('cancels a running job: it ends cancelled and keeps the partial result it resolved with', async () => {
    const db = freshStore();
    const runner = new JobRunner(db);
    const record = runner.start({
      instance: 'a', kind: 'analysis', params: {}, actor: null,
      // Works in small steps until told to stop, like a SCAN loop, and resolves with what it counted.
      run: async ({ signal, progress }) => {
        let counted = 0;
        while (!signal.aborted) {
          counted += 1;
          progress({ done: counted, total: null, perSecond: null, etaSeconds: null });
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        return { counted };
      },
    });
    await vi.waitFor(() => expect(runner.get(record.id)?.progress?.done).toBeGreaterThan(3));
    const answer = runner.cancel(record.id);
    expect(answer?.id).toBe(record.id);
    await runner.settled(record.id);

    const cancelled = runner.get<unknown, { counted: number }>(record.id)!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.result?.counted).toBeGreaterThan(3);
    expect(cancelled.result?.counted).toBe(cancelled.progress?.done);
    expect(JSON.parse(row(db, record.id).result!)).toEqual(cancelled.result);
    // A finished job is returned as it is; an unknown one is null.
    expect(runner.cancel(record.id)?.status).toBe('cancelled');
    expect(runner.cancel('no-such-job')).toBeNull();
  });

  it('ends cancelled with no result when the work rejects on the abort', async () => {
    const runner = new JobRunner(freshStore());
    const record = runner.start({
      instance: 'a', kind: 'analysis', params: {}, actor: null,
      run: ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    runner.cancel(record.id);
    await runner.settled(record.id);
    expect(runner.get(record.id)).toMatchObject({ status: 'cancelled', result: null, error: null });
  });

  it('fails a job with an ApiError\'s message, and hides any other error\'s behind a generic one (logged)', async () => {
    const runner = new JobRunner(freshStore());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refused = runner.start(controlledJob({ instance: 'a', run: async () => { throw new ApiError('REDIS_COMMAND_DENIED', 'Redis refused MEMORY USAGE (ACL).'); } }).spec);
    const broken = runner.start(controlledJob({ instance: 'b', run: async () => { throw new Error('secret internals at /srv/x'); } }).spec);
    const throwsAtOnce = runner.start(controlledJob({ instance: 'c', run: () => { throw new TypeError('boom'); } }).spec);
    await Promise.all([refused, broken, throwsAtOnce].map(({ id }) => runner.settled(id)));

    expect(runner.get(refused.id)).toMatchObject({ status: 'failed', error: 'Redis refused MEMORY USAGE (ACL).', result: null });
    expect(runner.get(broken.id)).toMatchObject({ status: 'failed', result: null });
    expect(runner.get(broken.id)?.error).not.toContain('secret');
    expect(runner.get(throwsAtOnce.id)?.status).toBe('failed');
    expect(runner.get(broken.id)?.finishedAt).not.toBeNull();
    expect(logged.mock.calls.some((call) => call.some((part) => part instanceof Error && part.message.includes('secret internals')))).toBe(true);
  });

  it('refuses a second job of the same kind on the instance with 409 naming the running one, and allows it once that ended', async () => {
    const runner = new JobRunner(freshStore());
    const first = controlledJob();
    const running = runner.start(first.spec);

    let refusal: unknown;
    try {
      runner.start(controlledJob().spec);
    } catch (error) {
      refusal = error;
    }
    expect(ApiError.is(refusal)).toBe(true);
    const conflict = refusal as JobConflictError;
    expect(conflict.status).toBe(409);
    expect(conflict.toBody()).toEqual({ error: { code: 'CONFLICT', message: expect.any(String), id: running.id } });
    // Another instance is another queue.
    expect(runner.start(controlledJob({ instance: 'b' }).spec).status).toBe('running');

    first.end.resolve(undefined);
    await runner.settled(running.id);
    expect(runner.start(controlledJob().spec).status).toBe('running');
  });

  it('reads every job left running by an earlier Redlens as interrupted when a new runner starts on the store', async () => {
    const db = freshStore();
    const before = new JobRunner(db, { now: () => 1_000 });
    const unfinished = controlledJob();
    const left = before.start(unfinished.spec);
    (await unfinished.started).progress(progressOf(12));
    const done = before.start(controlledJob({ instance: 'b', run: async () => 'finished' }).spec);
    await before.settled(done.id);

    const after = new JobRunner(db, { now: () => 9_000 });
    expect(after.get(left.id)).toMatchObject({ status: 'interrupted', error: INTERRUPTED_MESSAGE, finishedAt: 9_000, progress: progressOf(12) });
    expect(after.list('a', 'analysis', 10).map((job) => job.status)).toEqual(['interrupted']);
    expect(after.get(done.id)).toMatchObject({ status: 'done', result: 'finished' });
    expect(row(db, left.id)).toMatchObject({ status: 'interrupted', finished_at: 9_000 });
    // Nothing waits on it, and the instance is free again.
    await expect(after.settled(left.id)).resolves.toBeUndefined();
    expect(after.start(controlledJob().spec).status).toBe('running');
  });

  it('ends the running jobs interrupted, with what they did so far, when closed', async () => {
    const runner = new JobRunner(freshStore());
    const record = runner.start({
      instance: 'a', kind: 'analysis', params: {}, actor: null,
      run: ({ signal }) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ partial: true }))),
    });
    runner.close();
    await runner.settled(record.id);
    expect(runner.get(record.id)).toMatchObject({ status: 'interrupted', error: INTERRUPTED_MESSAGE, result: { partial: true } });
  });

  it('writes progress to the store at most once a second, always the latest, while get() answers every report', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
    const db = freshStore();
    db.exec(`CREATE TEMP TABLE progress_writes (at INTEGER);
             CREATE TEMP TRIGGER count_progress_writes AFTER UPDATE OF progress ON main.jobs WHEN NEW.status = 'running'
             BEGIN INSERT INTO progress_writes VALUES (NEW.progress); END;`);
    const writes = () => db.prepare('SELECT count(*) FROM progress_writes').pluck().get() as number;
    const stored = (id: string) => (JSON.parse(row(db, id).progress!) as JobProgress).done;

    const runner = new JobRunner(db);
    const job = controlledJob();
    const record = runner.start(job.spec);
    const context = await job.started;
    // 35 reports 100 ms apart: 3.5 s.
    for (let done = 0; done < 35; done += 1) {
      context.progress(progressOf(done));
      expect(runner.get(record.id)?.progress?.done).toBe(done);
      vi.advanceTimersByTime(100);
    }
    // At 0 s (the first report), then at 1, 2 and 3 s the latest report by then.
    expect(writes()).toBe(4);
    expect(stored(record.id)).toBe(29);
    // The end writes the last one.
    job.end.resolve(undefined);
    await runner.settled(record.id);
    expect(stored(record.id)).toBe(34);
  });

  it('goes on when a progress write fails, and refuses to start (503) when the job cannot be recorded', async () => {
    const db = freshStore();
    db.exec(`CREATE TEMP TRIGGER refuse_progress BEFORE UPDATE OF progress ON main.jobs WHEN NEW.status = 'running'
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const runner = new JobRunner(db);
    const job = controlledJob<string>();
    const record = runner.start(job.spec);
    const context = await job.started;
    context.progress(progressOf(10));
    expect(runner.get(record.id)?.progress?.done).toBe(10);
    job.end.resolve('all of it');
    await runner.settled(record.id);
    expect(runner.get(record.id)).toMatchObject({ status: 'done', result: 'all of it' });
    expect(logged).toHaveBeenCalled();

    db.exec(`CREATE TEMP TRIGGER refuse_start BEFORE INSERT ON main.jobs BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
    let refusal: unknown;
    try {
      runner.start(controlledJob().spec);
    } catch (error) {
      refusal = error;
    }
    expect(ApiError.is(refusal) && refusal.code).toBe('STORE_UNAVAILABLE');
    // Nothing was left running: the next start is refused for the store, not as a conflict.
    expect(() => runner.start(controlledJob().spec)).toThrow(/could not write/);
  });

  it('lists an instance\'s jobs of a kind newest first, without their results, up to the limit', async () => {
    const db = freshStore();
    let clock = 0;
    const runner = new JobRunner(db, { now: () => clock });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock = 1_000 * (i + 1);
      const record = runner.start(controlledJob({ run: async () => ({ big: 'x'.repeat(1000) }) }).spec);
      await runner.settled(record.id);
      ids.push(record.id);
    }
    clock = 10_000;
    runner.start(controlledJob({ instance: 'other' }).spec);
    const running = controlledJob();
    const live = runner.start(running.spec);
    (await running.started).progress(progressOf(7));
    ids.push(live.id);

    const listed = runner.list('a', 'analysis', 4);
    expect(listed.map((job) => job.id)).toEqual(ids.slice(-4).reverse());
    expect(listed.every((job) => job.result === null)).toBe(true);
    expect(listed[0]).toMatchObject({ status: 'running', progress: progressOf(7) });
    expect(listed[1]).toMatchObject({ status: 'done', startedAt: 5_000 });
    expect(runner.list('a', 'analysis', 50)).toHaveLength(6);
    expect(runner.get(ids[0]!)?.result).toEqual({ big: 'x'.repeat(1000) });
  });
});
