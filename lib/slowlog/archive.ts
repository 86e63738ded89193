// The slow log archive: every entry Redlens has read, kept across rotation, SLOWLOG RESET and
// Redis restarts, with the gaps where entries rotated out before they could be read. Writes keep
// the per-minute rollups the charts read (rollup.ts); reads are bounded (archive-query.ts).
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import { rowsOverCap } from '@/lib/store/retention';
import type { Store } from '@/lib/store/sqlite';
import { ArchiveReader, type ArchiveFilter } from './archive-query';
import { fingerprint } from './fingerprint';
import { isOwnClientName } from '@/lib/own-client-name';
import { SlowlogRollup, type RollupInput } from './rollup';
import type { SlowlogArchiveResponse, SlowlogNodeRef } from './types';
import { warningFor } from './warnings';

export type { ArchiveFilter } from './archive-query';

const DAY = 86_400_000;

/** The retention settings of the archive (config.retention). */
export interface ArchiveRetention {
  slowlogDays: number;
  slowlogMaxMiB: number;
}

export class SlowlogArchive {
  private readonly rollup: SlowlogRollup;
  private readonly reader: ArchiveReader;
  // Prepared once: the sampler writes every sample, retention runs in many small chunks.
  private readonly insert;
  private readonly insertReset;
  private readonly maxId;
  private readonly resetBetween;
  private readonly countBetween;
  private readonly insertGap;
  private readonly deleteAged;
  private readonly deleteOldest;
  private readonly deleteAgedGaps;
  private readonly deleteAgedResets;
  private readonly oldestTs;

  constructor(private readonly db: Store) {
    this.rollup = new SlowlogRollup(db);
    this.reader = new ArchiveReader(db, this.rollup);
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO slowlog_archive (instance, run_id, id, ts, duration_us, args, client, client_name, line, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertReset = db.prepare('INSERT OR REPLACE INTO slowlog_resets (instance, run_id, last_id, at) VALUES (?, ?, ?, ?)');
    this.maxId = db.prepare('SELECT max(id) FROM slowlog_archive WHERE instance = ? AND run_id = ?').pluck();
    this.resetBetween = db.prepare('SELECT max(last_id) FROM slowlog_resets WHERE instance = ? AND run_id = ? AND last_id >= ? AND last_id < ?').pluck();
    this.countBetween = db.prepare('SELECT count(*) FROM slowlog_archive WHERE instance = ? AND run_id = ? AND id > ? AND id < ?').pluck();
    this.insertGap = db.prepare('INSERT OR REPLACE INTO slowlog_gaps (instance, run_id, after_id, missed, recorded_at) VALUES (?, ?, ?, ?, ?)');
    this.deleteAged = db.prepare('DELETE FROM slowlog_archive WHERE instance = ? AND ts < ? ORDER BY ts LIMIT ?');
    this.deleteOldest = db.prepare('DELETE FROM slowlog_archive WHERE instance = ? ORDER BY ts LIMIT ?');
    this.deleteAgedGaps = db.prepare('DELETE FROM slowlog_gaps WHERE instance = ? AND recorded_at < ? ORDER BY recorded_at LIMIT ?');
    this.deleteAgedResets = db.prepare('DELETE FROM slowlog_resets WHERE at < ?');
    this.oldestTs = db.prepare('SELECT min(ts) FROM slowlog_archive WHERE instance = ?').pluck();
  }

  /** Remembers a reset Redlens did, so the ids it emptied are not counted as rotated out. */
  recordReset(instance: string, runId: string, lastId: number, now = Date.now()): void {
    this.insertReset.run(instance, runId, lastId, now);
  }

  /** The highest id archived for this Redis run, or null when none is. */
  lastId(instance: string, runId: string): number | null {
    return this.maxId.get(instance, runId) as number | null;
  }

  /**
   * Archives entries (idempotent: an entry read twice is kept once). With `afterId`, the last id
   * read before these, ids in between that are not archived are recorded as a gap.
   */
  write(instance: string, runId: string, entries: SlowlogEntry[], afterId: number | null, now = Date.now()): { written: number; missed: number } {
    return this.db.transaction(() => {
      const added = [];
      for (const entry of entries) {
        const print = fingerprint(entry.args);
        const warning = warningFor(entry.args)?.pattern ?? null;
        const changes = this.insert.run(
          instance, runId, entry.id, entry.timestamp, entry.durationMicros, JSON.stringify(entry.args),
          entry.client, entry.clientName, entry.args.join(' '), print,
        ).changes;
        if (changes > 0) added.push({ timestamp: entry.timestamp, durationMicros: entry.durationMicros, fingerprint: print, warning, own: isOwnClientName(entry.clientName) });
      }
      this.rollup.add(instance, added);
      return { written: added.length, missed: this.recordGap(instance, runId, entries, afterId, now) };
    })();
  }

  /**
   * The reset's writes: committed with a full sync, so what Redlens archives before and after
   * SLOWLOG RESET is on disk (not only in the OS cache) before it answers; a write that cannot
   * reach the disk throws here.
   */
  writeDurably<T>(write: () => T): T {
    const previous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = FULL');
    try {
      return write();
    } finally {
      this.db.pragma(`synchronous = ${previous}`);
    }
  }

  private recordGap(instance: string, runId: string, entries: SlowlogEntry[], afterId: number | null, now: number): number {
    if (afterId === null || entries.length === 0) return 0;
    const oldest = entries.reduce((min, entry) => Math.min(min, entry.id), Infinity);
    // After a reset by Redlens, ids past what it archived were the reset's own commands.
    const resetLastId = this.resetBetween.get(instance, runId, afterId, oldest) as number | null;
    const end = resetLastId !== null ? resetLastId + 1 : oldest;
    const between = end - afterId - 1;
    if (between <= 0) return 0;
    const missed = between - (this.countBetween.get(instance, runId, afterId, end) as number);
    if (missed > 0) this.insertGap.run(instance, runId, afterId, missed, now);
    return Math.max(0, missed);
  }

  /** One page of archived entries, newest first, with the gaps and the charts of the range. */
  query(instance: string, filter: ArchiveFilter, now = Date.now()): Promise<SlowlogArchiveResponse> {
    return this.reader.query(instance, filter, now);
  }

  /** One page of several nodes' archives read as one (a Redis Cluster instance), each entry with its node. */
  queryNodes(nodes: readonly SlowlogNodeRef[], filter: ArchiveFilter, now = Date.now()): Promise<SlowlogArchiveResponse> {
    return this.reader.queryNodes(nodes, filter, now);
  }

  /** The bounded reads an export streams page by page. */
  get pages(): ArchiveReader {
    return this.reader;
  }

  /**
   * One step of retention, at most about `maxRows` rows: entries older than `slowlogDays` (cut
   * at a minute, so the rollups stay exact), then the oldest entries while the archive takes
   * more than `slowlogMaxMiB`, then rollups, gaps and resets nothing archived refers to any
   * more. Returns the rows it deleted; 0 when there is nothing left to do.
   */
  pruneSome(now: number, retention: ArchiveRetention, maxRows: number): number {
    const cutoff = Math.floor((now - retention.slowlogDays * DAY) / 60_000) * 60; // unix s, minute-aligned
    return this.db.transaction(() => {
      const instances = this.instances();
      for (const instance of instances) {
        const deleted = this.deleteAged.run(instance, cutoff, maxRows).changes;
        if (deleted > 0) return deleted + this.pruneRollups(instance, now, maxRows);
      }
      const over = rowsOverCap(this.db, 'slowlog_archive', retention.slowlogMaxMiB);
      if (over > 0) {
        const oldest = this.oldestInstance(instances);
        if (oldest !== null) {
          const deleted = this.deleteOldest.run(oldest, Math.min(maxRows, over)).changes;
          return deleted + this.pruneRollups(oldest, now, maxRows);
        }
      }
      let deleted = 0;
      for (const instance of instances) {
        deleted += this.pruneRollups(instance, now, maxRows);
        deleted += this.deleteAgedGaps.run(instance, cutoff * 1000, maxRows).changes;
        if (deleted > 0) return deleted;
      }
      return this.deleteAgedResets.run(cutoff * 1000).changes;
    })();
  }

  /** Rollup rows older than the instance's oldest archived entry describe nothing kept. */
  private pruneRollups(instance: string, now: number, maxRows: number): number {
    const oldest = this.oldestTs.get(instance) as number | null;
    return this.rollup.pruneBefore(instance, oldest === null ? now : oldest * 1000, maxRows);
  }

  /** The instance whose oldest archived entry is the oldest of all. */
  private oldestInstance(instances: string[]): string | null {
    let best: { instance: string; ts: number } | null = null;
    for (const instance of instances) {
      const ts = this.oldestTs.get(instance) as number | null;
      if (ts !== null && (best === null || ts < best.ts)) best = { instance, ts };
    }
    return best?.instance ?? null;
  }

  /** Every instance with archived entries or rollups, each found by one index seek. */
  private instances(): string[] {
    const distinct = (table: string) =>
      this.db
        .prepare(
          `WITH RECURSIVE seen(instance) AS (
             SELECT min(instance) FROM ${table}
             UNION ALL SELECT (SELECT min(instance) FROM ${table} WHERE instance > seen.instance) FROM seen WHERE instance IS NOT NULL)
           SELECT instance FROM seen WHERE instance IS NOT NULL`,
        )
        .pluck()
        .all() as string[];
    return [...new Set([...distinct('slowlog_archive'), ...distinct('slowlog_rollup_1m')])];
  }

  /**
   * Fills in the command line, fingerprint and rollups of up to `maxRows` entries archived
   * before they were kept (migration 6). Returns how many it filled; 0 when none are left.
   */
  backfillSome(maxRows: number): number {
    const rows = this.db
      .prepare('SELECT instance, run_id, id, ts, duration_us, args, client_name FROM slowlog_archive WHERE fingerprint IS NULL LIMIT ?')
      .all(maxRows) as Array<{ instance: string; run_id: string; id: number; ts: number; duration_us: number; args: string; client_name: string }>;
    if (rows.length === 0) return 0;
    const update = this.db.prepare('UPDATE slowlog_archive SET line = ?, fingerprint = ? WHERE instance = ? AND run_id = ? AND id = ?');
    this.db.transaction(() => {
      const byInstance = new Map<string, RollupInput[]>();
      for (const row of rows) {
        const args = JSON.parse(row.args) as string[];
        const print = fingerprint(args);
        update.run(args.join(' '), print, row.instance, row.run_id, row.id);
        const list = byInstance.get(row.instance) ?? [];
        list.push({ timestamp: row.ts, durationMicros: row.duration_us, fingerprint: print, warning: warningFor(args)?.pattern ?? null, own: isOwnClientName(row.client_name) });
        byInstance.set(row.instance, list);
      }
      for (const [instance, added] of byInstance) this.rollup.add(instance, added);
    })();
    return rows.length;
  }
}
