// The slow log archive: every entry Redlens has read, kept across rotation, SLOWLOG RESET and
// Redis restarts, with the gaps where entries rotated out before they could be read.
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import type { Store } from '@/lib/store/sqlite';
import { analyseEntries } from './analysis';
import type { ArchivedEntry, SlowlogArchiveResponse, SlowlogGap } from './types';
import { toView } from './view-model';

class ProbeDone extends Error {}

interface ArchiveRow {
  run_id: string;
  id: number;
  ts: number;
  duration_us: number;
  args: string;
  client: string;
  client_name: string;
}

export interface ArchiveFilter {
  /** unix ms */
  from?: number;
  to?: number;
  /** text anywhere in the command line, client address or client name */
  q?: string;
  limit: number;
}

/** Entries analysed for the charts at most, newest first, so a huge range stays bounded. */
const ANALYSIS_ROWS = 50_000;

export class SlowlogArchive {
  constructor(private readonly db: Store) {}

  /** Throws when the store cannot take a write now; the reset checks this before touching Redis. */
  assertWritable(): void {
    // A real write, rolled back: BEGIN alone succeeds even on a read-only database.
    try {
      this.db.transaction(() => {
        this.db.prepare("INSERT OR REPLACE INTO slowlog_resets (instance, run_id, last_id, at) VALUES ('', '', -1, 0)").run();
        throw new ProbeDone();
      })();
    } catch (error) {
      if (!(error instanceof ProbeDone)) throw error;
    }
  }

  /** Remembers a reset Redlens did, so the ids it emptied are not counted as rotated out. */
  recordReset(instance: string, runId: string, lastId: number, now = Date.now()): void {
    this.db.prepare('INSERT OR REPLACE INTO slowlog_resets (instance, run_id, last_id, at) VALUES (?, ?, ?, ?)').run(instance, runId, lastId, now);
  }

  /** The highest id archived for this Redis run, or null when none is. */
  lastId(instance: string, runId: string): number | null {
    const row = this.db.prepare('SELECT max(id) AS id FROM slowlog_archive WHERE instance = ? AND run_id = ?').get(instance, runId) as { id: number | null };
    return row.id;
  }

  /**
   * Archives entries (idempotent: an entry read twice is kept once). With `afterId`, the last id
   * read before these, ids in between that are not archived are recorded as a gap.
   */
  write(instance: string, runId: string, entries: SlowlogEntry[], afterId: number | null, now = Date.now()): { written: number; missed: number } {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO slowlog_archive (instance, run_id, id, ts, duration_us, args, client, client_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      let written = 0;
      for (const entry of entries) {
        written += insert.run(instance, runId, entry.id, entry.timestamp, entry.durationMicros, JSON.stringify(entry.args), entry.client, entry.clientName).changes;
      }
      let missed = 0;
      if (afterId !== null && entries.length > 0) {
        const oldest = entries.reduce((min, entry) => Math.min(min, entry.id), Infinity);
        // After a reset by Redlens, ids past what it archived were the reset's own commands.
        const reset = this.db
          .prepare('SELECT max(last_id) AS lastId FROM slowlog_resets WHERE instance = ? AND run_id = ? AND last_id >= ? AND last_id < ?')
          .get(instance, runId, afterId, oldest) as { lastId: number | null };
        const end = reset.lastId !== null ? reset.lastId + 1 : oldest;
        const between = end - afterId - 1;
        if (between > 0) {
          const { known } = this.db
            .prepare('SELECT count(*) AS known FROM slowlog_archive WHERE instance = ? AND run_id = ? AND id > ? AND id < ?')
            .get(instance, runId, afterId, end) as { known: number };
          missed = between - known;
          if (missed > 0) {
            this.db
              .prepare('INSERT OR REPLACE INTO slowlog_gaps (instance, run_id, after_id, missed, recorded_at) VALUES (?, ?, ?, ?, ?)')
              .run(instance, runId, afterId, missed, now);
          }
        }
      }
      return { written, missed };
    })();
  }

  /** Archived entries, newest first, with the gaps and the analysis of the range. */
  query(instance: string, filter: ArchiveFilter): SlowlogArchiveResponse {
    const where = ['instance = @instance'];
    const params: Record<string, string | number> = { instance };
    if (filter.from !== undefined) {
      where.push('ts >= @from');
      params.from = Math.floor(filter.from / 1000);
    }
    if (filter.to !== undefined) {
      where.push('ts <= @to');
      params.to = Math.ceil(filter.to / 1000);
    }
    if (filter.q) {
      // instr() rather than LIKE: the search text is taken literally, % and _ included.
      where.push('(instr(lower(args), @q) > 0 OR instr(lower(client), @q) > 0 OR instr(lower(client_name), @q) > 0)');
      params.q = filter.q.toLowerCase();
    }
    const rows = this.db
      .prepare(`SELECT * FROM slowlog_archive WHERE ${where.join(' AND ')} ORDER BY ts DESC, id DESC LIMIT @limit`)
      .all({ ...params, limit: Math.max(filter.limit, ANALYSIS_ROWS) }) as ArchiveRow[];
    const all: ArchivedEntry[] = rows.map((row) => ({
      ...toView({
        id: row.id,
        timestamp: row.ts,
        durationMicros: row.duration_us,
        args: JSON.parse(row.args) as string[],
        client: row.client,
        clientName: row.client_name,
      }),
      runId: row.run_id,
    }));
    const gaps = this.db
      .prepare(
        `SELECT recorded_at AS recordedAt, run_id AS runId, after_id AS afterId, missed FROM slowlog_gaps
         WHERE instance = @instance AND recorded_at >= @fromMs AND recorded_at <= @toMs ORDER BY recorded_at DESC LIMIT 1000`,
      )
      .all({ instance, fromMs: filter.from ?? 0, toMs: filter.to ?? Number.MAX_SAFE_INTEGER }) as SlowlogGap[];
    return {
      entries: all.slice(0, filter.limit),
      truncated: all.length > filter.limit,
      gaps,
      analysis: analyseEntries(all),
    };
  }
}
