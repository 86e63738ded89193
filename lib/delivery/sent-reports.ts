// The weekly reports delivered to the webhook, kept in the store (table sent_reports) as they
// were sent: one row per ISO week, claimed before the POST, so a week goes out once even when
// Redlens restarts during the delivery hour.
import 'server-only';
import type { Store } from '@/lib/store/sqlite';
import { SENT_REPORTS_MAX, type SentReport, type SentReportStatus, type SentReportSummary } from './types';

interface Row {
  id: number;
  week: string;
  generated_at: number;
  status: SentReportStatus;
  attempts: number;
  sent_at: number | null;
  error: string | null;
  markdown?: string;
}

const SUMMARY_COLUMNS = 'id, week, generated_at, status, attempts, sent_at, error';

function summaryOf(row: Row): SentReportSummary {
  return { id: row.id, week: row.week, generatedAt: row.generated_at, status: row.status, attempts: row.attempts, sentAt: row.sent_at, error: row.error };
}

function prepareStatements(db: Store) {
  return {
    has: db.prepare('SELECT 1 FROM sent_reports WHERE week = ?'),
    claim: db.prepare("INSERT INTO sent_reports (week, generated_at, markdown, status) VALUES (?, ?, ?, 'sending') ON CONFLICT (week) DO NOTHING"),
    finish: db.prepare('UPDATE sent_reports SET status = ?, attempts = attempts + ?, sent_at = ?, error = ? WHERE id = ?'),
    retry: db.prepare("UPDATE sent_reports SET status = 'sending', error = NULL WHERE id = ? AND status = 'failed'"),
    list: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sent_reports ORDER BY week DESC LIMIT ?`),
    get: db.prepare(`SELECT ${SUMMARY_COLUMNS}, markdown FROM sent_reports WHERE id = ?`),
    summary: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sent_reports WHERE id = ?`),
    // Past the cap, the oldest weeks go.
    interrupted: db.prepare("UPDATE sent_reports SET status = 'failed', error = ? WHERE status = 'sending'"),
    prune: db.prepare('DELETE FROM sent_reports WHERE id NOT IN (SELECT id FROM sent_reports ORDER BY week DESC LIMIT ?)'),
  };
}

export class SentReports {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Store) {
    this.statements = prepareStatements(db);
  }

  /**
   * Marks a delivery an earlier Redlens left under way as failed (it stopped before the webhook
   * answered); the week stays claimed, so it is not sent twice. Run once, when Redlens starts.
   */
  markInterrupted(): number {
    return this.statements.interrupted.run('Redlens stopped before the webhook answered').changes;
  }

  /** Whether the week's report was sent (or is being sent, or was given up on). */
  has(week: string): boolean {
    return this.statements.has.get(week) !== undefined;
  }

  /**
   * Claims the week for this report: its row id, or null when the week already has one. The
   * oldest rows past SENT_REPORTS_MAX go in the same transaction.
   */
  claim(week: string, generatedAt: number, markdown: string): number | null {
    const { claim, prune } = this.statements;
    return this.db.transaction(() => {
      const result = claim.run(week, generatedAt, markdown);
      if (result.changes === 0) return null;
      prune.run(SENT_REPORTS_MAX);
      return Number(result.lastInsertRowid);
    })();
  }

  /** How the delivery ended: sent (when), or failed (why); `attempts` the POSTs it took. */
  finish(id: number, outcome: { sentAt: number; attempts: number } | { error: string; attempts: number }): void {
    if ('sentAt' in outcome) this.statements.finish.run('sent', outcome.attempts, outcome.sentAt, null, id);
    else this.statements.finish.run('failed', outcome.attempts, null, outcome.error, id);
  }

  /**
   * A failed delivery taken up again (an admin's "Send again"): back to `sending`, its error
   * cleared, its attempts kept counting; null when the report is not a failed one.
   */
  retry(id: number): SentReport | null {
    return this.db.transaction(() => (this.statements.retry.run(id).changes === 0 ? null : this.get(id)))();
  }

  /** Newest week first. */
  list(limit: number = SENT_REPORTS_MAX): SentReportSummary[] {
    return (this.statements.list.all(Math.min(limit, SENT_REPORTS_MAX)) as Row[]).map(summaryOf);
  }

  /** One report without its Markdown. */
  summary(id: number): SentReportSummary | null {
    const row = this.statements.summary.get(id) as Row | undefined;
    return row ? summaryOf(row) : null;
  }

  get(id: number): SentReport | null {
    const row = this.statements.get.get(id) as Row | undefined;
    return row ? { ...summaryOf(row), markdown: row.markdown! } : null;
  }
}
