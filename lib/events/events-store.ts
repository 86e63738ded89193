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

  constructor(db: Store) {
    this.insert = db.prepare(
      'INSERT INTO events (instance, at, kind, title, detail, before, after, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.select = db.prepare(
      `SELECT at, kind, title, detail, before, after, actor FROM events
       WHERE instance = ? AND at >= ? AND at <= ? ORDER BY at DESC, id DESC LIMIT ?`,
    );
    this.prune = db.prepare('DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < ? ORDER BY at LIMIT ?)');
  }

  record(instance: string, events: InstanceEvent[]): void {
    for (const event of events) {
      this.insert.run(instance, event.at, event.kind, event.title, event.detail, json(event.before), json(event.after), event.actor ?? null);
    }
  }

  /** Events between from and to (unix ms), newest first, at most `limit`; `truncated` when more matched. */
  list(instance: string, from: number, to: number, limit: number): { events: InstanceEvent[]; truncated: boolean } {
    const rows = this.select.all(instance, from, to, limit + 1) as EventRow[];
    return { events: rows.slice(0, limit).map(eventOf), truncated: rows.length > limit };
  }

  /** Deletes events older than `olderThan`, at most `maxRows` at a time (lib/store/retention.ts). */
  pruneSome(olderThan: number, maxRows: number): number {
    return this.prune.run(olderThan, maxRows).changes;
  }
}
