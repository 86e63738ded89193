// GET /api/instances/{id}/changes: the last 15 or 60 minutes against the same length of time
// before it (SPEC section 9), read from Redlens's own store, so it answers while Redis is down.
import 'server-only';
import type { EventsStore } from '@/lib/events/events-store';
import type { FindingEvent, Severity } from '@/lib/health/types';
import type { HistoryStore } from '@/lib/history/history-store';
import { slowlogEntriesInWindow } from '@/lib/slowlog/entries-in-window';
import type { Store } from '@/lib/store/sqlite';
import { compareWindows, type WindowFigures } from './compare';
import { CHANGE_WINDOW_MS, type ChangesResponse, type ChangeWindow } from './types';

/** A window's events in one answer; an incident of flapping findings can make more. */
export const CHANGES_EVENTS_LIMIT = 200;

interface ChangesStores {
  store: Store;
  history: HistoryStore;
  events: EventsStore;
}

export function changesOf(
  stores: ChangesStores,
  instance: string,
  window: ChangeWindow,
  now: number,
  config: { sampleIntervalSeconds: number },
  /** Whose slow log entries count: the instance's own, or a Redis Cluster's nodes' (it has none of its own). */
  slowlogOf: string | readonly string[] = instance,
): ChangesResponse {
  const length = CHANGE_WINDOW_MS[window];
  const to = now;
  const from = now - length;
  // The sampler stamps a sample on its interval grid, up to half an interval after the moment it
  // was taken: the newest sample belongs to "now" even when its stamp is a few seconds ahead.
  const newest = now + (config.sampleIntervalSeconds * 1000) / 2 + 1;
  const figuresOf = (start: number, end: number): WindowFigures => ({
    summary: stores.history.windowSummary(instance, start, end),
    slowlogEntries: slowlogEntriesInWindow(stores.store, slowlogOf, start, end),
    minutes: length / 60_000,
  });
  const { events, truncated } = stores.events.list(instance, from, to, CHANGES_EVENTS_LIMIT);
  return {
    window, from, to,
    figures: compareWindows(figuresOf(from, newest), figuresOf(from - length, from)),
    events,
    eventsTruncated: truncated,
    findings: findingsInWindow(stores.store, instance, from, to),
  };
}

interface FindingRow {
  rule: string;
  severity: Severity;
  title: string;
  started_at: number;
  ended_at: number | null;
}

const findingOf = (row: FindingRow): FindingEvent => ({
  id: row.rule, severity: row.severity, title: row.title, startedAt: row.started_at, endedAt: row.ended_at,
});

/**
 * Findings that opened in [from, to), and that closed in it, newest first. Asked here rather
 * than through FindingsStore.events, which answers those *active* in a range (for the charts'
 * bands): a finding open all along is not a change.
 */
function findingsInWindow(db: Store, instance: string, from: number, to: number): ChangesResponse['findings'] {
  const opened = db
    .prepare(
      `SELECT rule, severity, title, started_at, ended_at FROM findings
       WHERE instance = ? AND started_at >= ? AND started_at < ? ORDER BY started_at DESC LIMIT 500`,
    )
    .all(instance, from, to) as FindingRow[];
  const closed = db
    .prepare(
      `SELECT rule, severity, title, started_at, ended_at FROM findings
       WHERE instance = ? AND ended_at >= ? AND ended_at < ? ORDER BY ended_at DESC LIMIT 500`,
    )
    .all(instance, from, to) as FindingRow[];
  return { opened: opened.map(findingOf), closed: closed.map(findingOf) };
}
