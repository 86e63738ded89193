// Retention of the store: each table's owner says how to delete a few of its oldest rows
// (a RetentionTask); this runs the tasks in small chunks, timing each and sizing the next so one
// chunk takes about CHUNK_TARGET_MS, and yields to the event loop between chunks, so pruning a
// million rows never holds a request up for long. Run from the sampler's prune tick.
import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Store } from './sqlite';

export interface RetentionTask {
  name: string;
  /** Deletes up to about `maxRows` of the oldest rows due to go; returns how many it deleted (0: done). */
  pruneSome(now: number, maxRows: number): number;
}

/** How long one chunk should take; the hard bound is 50 ms of event-loop block. */
const CHUNK_TARGET_MS = 5;
const MIN_CHUNK_ROWS = 50;
const MAX_CHUNK_ROWS = 20_000;
const FIRST_CHUNK_ROWS = 500;

const DAY = 86_400_000;
const MiB = 1024 * 1024;

export class StoreRetention {
  private running: Promise<Record<string, number>> | null = null;

  constructor(private readonly tasks: readonly RetentionTask[]) {}

  /** Runs every task until it has nothing left to delete; one run at a time. Returns rows deleted per task. */
  run(now: number): Promise<Record<string, number>> {
    this.running ??= this.runAll(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runAll(now: number): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const task of this.tasks) {
      deleted[task.name] = 0;
      let rows = FIRST_CHUNK_ROWS;
      for (;;) {
        const started = performance.now();
        const count = task.pruneSome(now, rows);
        const took = performance.now() - started;
        deleted[task.name] = (deleted[task.name] ?? 0) + count;
        if (count === 0) break;
        // Aim the next chunk at CHUNK_TARGET_MS from this one's rate, changing by at most x2 at a time.
        const perRow = took / count;
        const aimed = perRow > 0 ? CHUNK_TARGET_MS / perRow : MAX_CHUNK_ROWS;
        rows = Math.round(Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, Math.min(rows * 2, Math.max(rows / 2, aimed)))));
        await yieldToEventLoop();
      }
    }
    return deleted;
  }
}

/** Rows and bytes of a table as store_usage keeps them (triggers of migration 6). */
export function tableUsage(db: Store, table: string): { rows: number; bytes: number } {
  return (db.prepare('SELECT rows, bytes FROM store_usage WHERE name = ?').get(table) as { rows: number; bytes: number } | undefined) ?? { rows: 0, bytes: 0 };
}

/** About how many of a table's oldest rows must go for it to fit `maxMiB` (0 when it fits). */
export function rowsOverCap(db: Store, table: string, maxMiB: number): number {
  const { rows, bytes } = tableUsage(db, table);
  const over = bytes - maxMiB * MiB;
  return over > 0 && rows > 0 ? Math.ceil(over / (bytes / rows)) : 0;
}

/**
 * The audit log's retention: rows older than `auditDays`, then the oldest while it takes more
 * than `auditMaxMiB` (bytes as store_usage counts them: what the columns hold plus a fixed
 * overhead per row, see lib/store/migrations.ts).
 */
export function auditRetention(db: Store, retention: { auditDays: number; auditMaxMiB: number }): RetentionTask {
  const byAge = db.prepare('DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? ORDER BY at LIMIT ?)');
  const oldest = db.prepare('DELETE FROM audit WHERE id IN (SELECT id FROM audit ORDER BY at LIMIT ?)');
  return {
    name: 'audit',
    pruneSome(now, maxRows) {
      const aged = byAge.run(now - retention.auditDays * DAY, maxRows).changes;
      if (aged > 0) return aged;
      const over = rowsOverCap(db, 'audit', retention.auditMaxMiB);
      return over > 0 ? oldest.run(Math.min(maxRows, over)).changes : 0;
    },
  };
}
