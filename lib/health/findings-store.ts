// When each finding started and ended, kept in the store so charts can mark them and a
// finding's "since" survives a restart of the dashboard.
import type { Finding, FindingEvent, Severity } from './types';
import type { Store } from '@/lib/store/sqlite';
import type { RuleResult } from './rules';

interface OpenRow {
  id: number;
  rule: string;
  started_at: number;
}

/** How one sample's rule results are taken: see SPEC section 2 on findings that hold. */
export interface SyncOptions {
  /** Redis was down or refused INFO this sample: nothing opens or closes (but instance-down). */
  frozen: boolean;
  /** Samples in a row a condition must hold before its finding opens. */
  openAfter: number;
  /** Clear samples in a row before a finding closes. */
  closeAfter: number;
}

export interface SyncResult {
  /** The findings active now, with `since`. */
  active: Finding[];
  /** Opened by this sample. */
  opened: Finding[];
  /** Closed by this sample (endedAt set). */
  closed: FindingEvent[];
}

export class FindingsStore {
  constructor(private readonly db: Store) {}

  /** Opens new findings, closes those that cleared, and returns the active ones with `since`. */
  sync(instance: string, now: number, results: RuleResult[], options: SyncOptions): SyncResult {
    void options; // TODO(issue 11, findings helper): hold findings per options
    const closed: FindingEvent[] = [];
    const opened: Finding[] = [];
    const active = this.syncNow(instance, now, results, opened, closed);
    return { active, opened, closed };
  }

  private syncNow(instance: string, now: number, results: RuleResult[], opened: Finding[], closed: FindingEvent[]): Finding[] {
    return this.db.transaction(() => {
      const open = this.db
        .prepare('SELECT id, rule, started_at FROM findings WHERE instance = ? AND ended_at IS NULL')
        .all(instance) as OpenRow[];
      const openByRule = new Map(open.map((row) => [row.rule, row]));
      const active = new Set(results.map((result) => result.id));
      const close = this.db.prepare('UPDATE findings SET ended_at = ? WHERE id = ?');
      for (const row of open) {
        if (active.has(row.rule)) continue;
        close.run(now, row.id);
        closed.push({ id: row.rule, severity: 'info', title: row.rule, startedAt: row.started_at, endedAt: now });
      }

      const insert = this.db.prepare(
        'INSERT INTO findings (instance, rule, severity, title, detail, started_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const update = this.db.prepare('UPDATE findings SET severity = ?, title = ?, detail = ? WHERE id = ?');
      return results.map((result) => {
        const existing = openByRule.get(result.id);
        if (existing) {
          update.run(result.severity, result.title, result.detail, existing.id);
          return { ...result, since: existing.started_at };
        }
        insert.run(instance, result.id, result.severity, result.title, result.detail, now);
        opened.push({ ...result, since: now });
        return { ...result, since: now };
      });
    })();
  }

  /** Findings active at some point between from and to, for marking charts. */
  events(instance: string, from: number, to: number): FindingEvent[] {
    const rows = this.db
      .prepare(
        `SELECT rule, severity, title, started_at, ended_at FROM findings
         WHERE instance = ? AND started_at <= ? AND (ended_at IS NULL OR ended_at >= ?)
         ORDER BY started_at LIMIT 500`,
      )
      .all(instance, to, from) as Array<{ rule: string; severity: Severity; title: string; started_at: number; ended_at: number | null }>;
    return rows.map((row) => ({ id: row.rule, severity: row.severity, title: row.title, startedAt: row.started_at, endedAt: row.ended_at }));
  }

  /** Deletes findings that ended before `olderThan`, at most `maxRows` at a time (lib/store/retention.ts runs it in chunks). */
  pruneSome(olderThan: number, maxRows: number): number {
    return this.db.prepare('DELETE FROM findings WHERE ended_at IS NOT NULL AND ended_at < ? LIMIT ?').run(olderThan, maxRows).changes;
  }
}
