// The audit log: who did what, when, from where, to which instance and target, and how it went.
// Every stored string is capped, and repeated throttled sign-ins share one row per minute, so
// nobody can grow the store by sending long headers or many attempts.
import type { Store } from '@/lib/store/sqlite';
import type { AuditEntry, AuditOutcome, AuditQuery } from './types';

/** Longest actor, address, action and instance stored, in characters. */
export const AUDIT_SHORT_TEXT_MAX = 256;
/** Longest target and detail stored, in characters. */
export const AUDIT_LONG_TEXT_MAX = 1024;
const ELLIPSIS = '…';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at' | 'count'> & { at?: number };

/** `text` cut to `max` characters, the last one an ellipsis when something was cut. */
export function capText(text: string, max: number): string;
export function capText(text: string | null, max: number): string | null;
export function capText(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  // By code points, so a cut never splits a surrogate pair; only the head is split into points.
  const head = text.slice(0, max * 2 + 2);
  const points = Array.from(head);
  if (points.length <= max && head.length === text.length) return text;
  return points.slice(0, max - 1).join('') + ELLIPSIS;
}

function capped(entry: NewAuditEntry) {
  return {
    at: entry.at ?? Date.now(),
    actor: capText(entry.actor, AUDIT_SHORT_TEXT_MAX),
    role: entry.role,
    address: capText(entry.address, AUDIT_SHORT_TEXT_MAX),
    instance: capText(entry.instance, AUDIT_SHORT_TEXT_MAX),
    action: capText(entry.action, AUDIT_SHORT_TEXT_MAX),
    target: capText(entry.target, AUDIT_LONG_TEXT_MAX),
    outcome: entry.outcome,
    detail: capText(entry.detail, AUDIT_LONG_TEXT_MAX),
  };
}

// The audit's write statements, prepared once per store: every change writes two rows' worth.
const statements = new WeakMap<Store, ReturnType<typeof prepareStatements>>();

function prepareStatements(store: Store) {
  return {
    insert: store.prepare(
      `INSERT INTO audit (at, actor, role, address, instance, action, target, outcome, detail)
       VALUES (@at, @actor, @role, @address, @instance, @action, @target, @outcome, @detail)`,
    ),
    finish: store.prepare('UPDATE audit SET outcome = @outcome, target = @target, detail = @detail WHERE id = @id'),
    addRepeats: store.prepare('UPDATE audit SET count = count + ? WHERE id = ?'),
  };
}

function statementsOf(store: Store) {
  let prepared = statements.get(store);
  if (!prepared) {
    prepared = prepareStatements(store);
    statements.set(store, prepared);
  }
  return prepared;
}

function insertRow(store: Store, row: ReturnType<typeof capped>): number {
  return Number(statementsOf(store).insert.run(row).lastInsertRowid);
}

/** Writes one entry; returns its id. Throws when the store cannot be written. */
export function recordAudit(store: Store, entry: NewAuditEntry): number {
  return insertRow(store, capped(entry));
}

/** How a pending entry (written before the change) turned out. */
export function finishAudit(
  store: Store,
  id: number,
  result: { outcome: Exclude<AuditOutcome, 'pending'>; target: string | null; detail: string | null },
): void {
  statementsOf(store).finish.run({ id, outcome: result.outcome, target: capText(result.target, AUDIT_LONG_TEXT_MAX), detail: capText(result.detail, AUDIT_LONG_TEXT_MAX) });
}

/** Repeats of an aggregated entry are written at most this often (a flood is one write a second). */
export const REPEAT_FLUSH_MS = 1_000;

interface Aggregate {
  id: number;
  /** Repeats counted in memory and not yet added to the row. */
  unflushed: number;
  flushedAt: number;
}

// The row of the current minute for each repeated entry; only the current minute is kept, so
// this holds at most one minute's distinct (actor, address) pairs. Per store, as tests open many.
const aggregates = new WeakMap<Store, { minute: number; rows: Map<string, Aggregate>; timer: NodeJS.Timeout | null }>();

function flush(store: Store, aggregate: Aggregate, now: number): void {
  if (aggregate.unflushed === 0) return;
  const added = aggregate.unflushed;
  aggregate.unflushed = 0;
  aggregate.flushedAt = now;
  // A row pruned meanwhile (retention) loses its late repeats, nothing else.
  statementsOf(store).addRepeats.run(added, aggregate.id);
}

function flushAll(store: Store, rows: Map<string, Aggregate>, now: number): void {
  for (const aggregate of rows.values()) flush(store, aggregate, now);
}

/**
 * Writes an entry that may repeat many times a minute (a throttled sign-in) as one row per
 * action, outcome, actor, address and minute, its repeats counted in `count`. Repeats reach the
 * store at most once a second per row, so a flood costs neither disk space nor disk writes.
 */
export function recordRepeatedAudit(store: Store, entry: NewAuditEntry, onLateFailure: (error: unknown) => void = () => undefined): void {
  const row = capped(entry);
  const minute = Math.floor(row.at / 60_000);
  let current = aggregates.get(store);
  if (!current) {
    current = { minute, rows: new Map(), timer: null };
    aggregates.set(store, current);
  } else if (current.minute !== minute) {
    // A new minute starts new rows; the old ones get their last repeats first.
    const previous = current.rows;
    current.minute = minute;
    current.rows = new Map();
    flushAll(store, previous, row.at);
  }
  const key = [row.action, row.outcome, row.actor, row.address].join('\u0000');
  const aggregate = current.rows.get(key);
  if (!aggregate) {
    // The row as capped and stamped above, so its time is the minute it is grouped under.
    current.rows.set(key, { id: insertRow(store, row), unflushed: 0, flushedAt: row.at });
    return;
  }
  aggregate.unflushed += 1;
  if (row.at - aggregate.flushedAt >= REPEAT_FLUSH_MS) return flush(store, aggregate, row.at);
  // The last repeats of a burst are written by a timer, not left in memory.
  const state = current;
  state.timer ??= setTimeout(() => {
    state.timer = null;
    try {
      flushAll(store, state.rows, Date.now());
    } catch (error) {
      onLateFailure(error);
    }
  }, REPEAT_FLUSH_MS);
  state.timer.unref();
}

/** Newest first; `before` is the id of the last entry of the previous page. */
export function listAudit(store: Store, query: AuditQuery): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: query.limit };
  for (const field of ['actor', 'action', 'instance', 'outcome'] as const) {
    const value = query[field];
    if (value !== undefined) {
      where.push(`${field} = @${field}`);
      params[field] = value;
    }
  }
  if (query.before !== undefined) {
    where.push('id < @before');
    params.before = query.before;
  }
  const rows = store
    .prepare(`SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`)
    .all(params);
  // Rows are written only by the functions above, so their columns have AuditEntry's types.
  return rows as AuditEntry[];
}
