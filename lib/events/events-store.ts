// Events of every instance (SPEC section 9), kept in the store: the sampler records what it saw
// (restarts, data loss, config changes, findings opened and closed...), and the list merges in
// the changes people made through Redlens from the audit log (`admin-action`), so they are not
// written twice.
import 'server-only';
import type { Store } from '@/lib/store/sqlite';
import type { EventKind, EventValue, InstanceEvent } from './types';

interface EventRow {
  at: number;
  kind: EventKind;
  title: string;
  detail: string;
  before: string | null;
  after: string | null;
  actor: string | null;
}

interface AuditRow {
  at: number;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** Actions with an event of their own (slowlog-reset, with the actor): not listed twice. */
const OWN_EVENT_ACTIONS = ['slowlog.reset'];

/** How the audited changes read on a timeline; another action shows as its name. */
const ACTION_TITLES: Record<string, string> = {
  'key.delete': 'Key deleted',
  'key.ttl': 'Key TTL changed',
  'key.set': 'Key written',
  'keys.delete': 'Bulk delete',
  'keys.bulk-delete': 'Bulk delete started',
  'keys.bulk-delete.done': 'Bulk delete finished',
  'job.cancel': 'Job cancelled',
  'config.set': 'Setting changed',
  'clients.kill': 'Client connection killed',
};

function adminActionOf(row: AuditRow): InstanceEvent {
  const title = ACTION_TITLES[row.action] ?? `Admin action ${row.action}`;
  const target = row.target ? ` on ${row.target}` : '';
  return {
    at: row.at, kind: 'admin-action', title: `${title} by ${row.actor}`,
    detail: `${row.action}${target} by ${row.actor} through Redlens${row.detail ? `: ${row.detail}` : ''}.`,
    actor: row.actor,
  };
}

const json = (value: EventValue | undefined) => (value === undefined ? null : JSON.stringify(value));

function eventOf(row: EventRow): InstanceEvent {
  return {
    at: row.at, kind: row.kind, title: row.title, detail: row.detail,
    ...(row.before !== null && { before: JSON.parse(row.before) as EventValue }),
    ...(row.after !== null && { after: JSON.parse(row.after) as EventValue }),
    ...(row.actor !== null && { actor: row.actor }),
  };
}

export class EventsStore {
  private readonly insert;
  private readonly select;
  private readonly prune;
  private readonly adminActions;

  constructor(db: Store) {
    this.insert = db.prepare(
      'INSERT INTO events (instance, at, kind, title, detail, before, after, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.select = db.prepare(
      `SELECT at, kind, title, detail, before, after, actor FROM events
       WHERE instance = ? AND at >= ? AND at <= ? ORDER BY at DESC, id DESC LIMIT ?`,
    );
    // Changes people made through Redlens, from the audit log: done (outcome ok), not sign-ins.
    this.adminActions = db.prepare(
      `SELECT at, actor, action, target, detail FROM audit
       WHERE instance = ? AND outcome = 'ok' AND at >= ? AND at <= ? AND substr(action, 1, 5) <> 'auth.'
         AND action NOT IN (${OWN_EVENT_ACTIONS.map(() => '?').join(', ')})
       ORDER BY at DESC, id DESC LIMIT ?`,
    );
    this.prune = db.prepare('DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < ? ORDER BY at LIMIT ?)');
  }

  record(instance: string, events: InstanceEvent[]): void {
    for (const event of events) {
      this.insert.run(instance, event.at, event.kind, event.title, event.detail, json(event.before), json(event.after), event.actor ?? null);
    }
  }

  /**
   * Events between from and to (unix ms), the audit log's admin actions among them, newest
   * first, at most `limit`; `truncated` when more matched.
   */
  list(instance: string, from: number, to: number, limit: number): { events: InstanceEvent[]; truncated: boolean } {
    const recorded = (this.select.all(instance, from, to, limit + 1) as EventRow[]).map(eventOf);
    const actions = (this.adminActions.all(instance, from, to, ...OWN_EVENT_ACTIONS, limit + 1) as AuditRow[]).map(adminActionOf);
    // Both newest first; a stable sort keeps each source's order among equal times.
    const merged = [...recorded, ...actions].sort((a, b) => b.at - a.at);
    return { events: merged.slice(0, limit), truncated: merged.length > limit };
  }

  /** Deletes events older than `olderThan`, at most `maxRows` at a time (lib/store/retention.ts). */
  pruneSome(olderThan: number, maxRows: number): number {
    return this.prune.run(olderThan, maxRows).changes;
  }
}
