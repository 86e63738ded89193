// Reading the slow log archive in bounded steps: a page of entries by an indexed keyset
// (ts, run_id, id newest first), a search that scans a bounded number of entries per request
// and says where to continue, and the charts from the rollups. No single statement reads more
// than a few thousand rows, and the steps yield to the event loop between them, so a request
// never holds it for long at a million archived entries.
import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Statement } from 'better-sqlite3';
import type { Store } from '@/lib/store/sqlite';
import { analyseEntries } from './analysis';
import type { Instances, SlowlogRollup } from './rollup';
import type { ArchivedEntry, ArchiveSearchProgress, SlowlogArchiveResponse, SlowlogGap, SlowlogNodeRef } from './types';
import { toView } from './entry-view';

export interface ArchiveFilter {
  /** unix ms */
  from?: number;
  to?: number;
  /** text anywhere in the command line (as shown: arguments joined by spaces), client address or client name */
  q?: string;
  limit: number;
  /** a nextCursor: the page starts after it */
  before?: string;
  /** Redlens's own entries (SPEC section 8): 'hide' leaves them out; the API's default, not this one's */
  own?: 'hide' | 'show';
}

/** Rows one statement reads at most for a page. */
const PAGE_CHUNK = 500;
/** Entries one search statement scans; a few ms each. */
const SEARCH_CHUNK = 4000;
/** A search stops after scanning this many entries or this long in one request, and says where. */
export const SEARCH_ROWS_PER_REQUEST = 200_000;
const SEARCH_MS_PER_REQUEST = 150;

interface ArchiveCursor {
  ts: number;
  id: number;
  runId: string;
}

export const encodeCursor = (cursor: ArchiveCursor) => `${cursor.ts}:${cursor.id}:${cursor.runId}`;

export function decodeCursor(text: string): ArchiveCursor {
  const [ts, id, ...runId] = text.split(':');
  return { ts: Number(ts), id: Number(id), runId: runId.join(':') };
}

interface ArchiveRow {
  run_id: string;
  id: number;
  ts: number;
  duration_us: number;
  args: string;
  client: string;
  client_name: string;
}

function toEntry(row: ArchiveRow): ArchivedEntry {
  const view = toView({
    id: row.id,
    timestamp: row.ts,
    durationMicros: row.duration_us,
    args: JSON.parse(row.args) as string[],
    client: row.client,
    clientName: row.client_name,
  });
  return { ...view, runId: row.run_id };
}

const keyOf = (row: Pick<ArchiveRow, 'ts' | 'id' | 'run_id'>): ArchiveCursor => ({ ts: row.ts, id: row.id, runId: row.run_id });

// Newest first in one total order, which the (instance, ts) index holds with the primary key's
// run_id and id after ts (a WITHOUT ROWID table), so no statement sorts.
const ORDER = 'ORDER BY ts DESC, run_id DESC, id DESC';
const COLUMNS = 'run_id, id, ts, duration_us, args, client, client_name';
const IN_RANGE = 'instance = @instance AND ts >= @from AND ts <= @to AND (ts, run_id, id) < (@cts, @crun, @cid)';
const MATCHES = `(instr(lower(coalesce(line, args)), @q) > 0 OR instr(lower(client), @q) > 0 OR instr(lower(client_name), @q) > 0)`;
/** isOwnClientName (./own.ts) in SQL: GLOB, like startsWith, is case-sensitive. */
const NOT_OWN = `NOT (client_name GLOB 'redlens*')`;
/** What a bounded scan keeps: a search's matches, the entries not Redlens's own, or both. */
const KEEPS = { matches: MATCHES, notOwn: NOT_OWN, matchesNotOwn: `${MATCHES} AND ${NOT_OWN}` } as const;
type Keep = keyof typeof KEEPS;

const showsOwn = (filter: Pick<ArchiveFilter, 'own'>) => filter.own !== 'hide';

/** What one page read found: its entries, where the next page starts, a search's progress. */
interface ArchivePage {
  entries: ArchivedEntry[];
  nextCursor: string | null;
  search: ArchiveSearchProgress | null;
}

export class ArchiveReader {
  private readonly page;
  private readonly chunkEnd;
  private readonly scans: Record<Keep, { upTo: Statement; toEnd: Statement }>;
  private readonly gaps;

  constructor(
    db: Store,
    private readonly rollup: SlowlogRollup,
  ) {
    this.page = db.prepare(`SELECT ${COLUMNS} FROM slowlog_archive WHERE ${IN_RANGE} ${ORDER} LIMIT @limit`);
    this.chunkEnd = db.prepare(`SELECT ts, run_id, id FROM slowlog_archive WHERE ${IN_RANGE} ${ORDER} LIMIT 1 OFFSET @offset`);
    const scan = (keep: Keep) => ({
      upTo: db.prepare(
        `SELECT ${COLUMNS} FROM slowlog_archive WHERE ${IN_RANGE} AND (ts, run_id, id) >= (@ets, @erun, @eid) AND ${KEEPS[keep]} ${ORDER} LIMIT @limit`,
      ),
      toEnd: db.prepare(`SELECT ${COLUMNS} FROM slowlog_archive WHERE ${IN_RANGE} AND ${KEEPS[keep]} ${ORDER} LIMIT @limit`),
    });
    this.scans = { matches: scan('matches'), notOwn: scan('notOwn'), matchesNotOwn: scan('matchesNotOwn') };
    this.gaps = db.prepare(
      `SELECT recorded_at AS recordedAt, run_id AS runId, after_id AS afterId, missed FROM slowlog_gaps
       WHERE instance = @instance AND recorded_at >= @fromMs AND recorded_at <= @toMs ORDER BY recorded_at DESC LIMIT 1000`,
    );
  }

  /** One page of the archive, newest first, with the gaps beside it and the charts of the range. */
  async query(instance: string, filter: ArchiveFilter, now = Date.now()): Promise<SlowlogArchiveResponse> {
    const window = { from: filter.from ?? 0, to: filter.to ?? now };
    const found = filter.q ? await this.search(instance, filter, window) : await this.read(instance, filter, window);
    return this.answer(instance, filter, window, found, (gapWindow) => this.gaps.all({ instance, ...gapWindow }) as SlowlogGap[]);
  }

  /**
   * A page's answer: its entries, the gaps noticed while they were logged (`gapsIn`: from the
   * page's oldest entry, or the range's start on the last page, to where the page starts), how
   * many of Redlens's own were left out, and the charts: of the range, or of a search's matches.
   */
  private async answer(
    instances: Instances, filter: ArchiveFilter, window: { from: number; to: number }, found: ArchivePage,
    gapsIn: (gapWindow: { fromMs: number; toMs: number }) => SlowlogGap[],
  ): Promise<SlowlogArchiveResponse> {
    const { entries, nextCursor, search } = found;
    await yieldToEventLoop();
    const oldest = entries[entries.length - 1];
    const gaps = gapsIn({
      fromMs: nextCursor && oldest ? oldest.timestamp * 1000 : window.from,
      toMs: filter.before ? decodeCursor(filter.before).ts * 1000 + 999 : window.to,
    });
    const showOwn = showsOwn(filter);
    return {
      entries,
      truncated: nextCursor !== null,
      nextCursor,
      gaps,
      own: { shown: showOwn, hidden: showOwn ? 0 : this.rollup.ownCount(instances, window) },
      ...(filter.q
        ? { total: null, search, analysis: { basis: 'matches' as const, ...analyseEntries(entries) } }
        : await this.analyse(instances, window, showOwn)),
    };
  }

  /**
   * Entries of a page in chunks of PAGE_CHUNK, yielding between them. Without Redlens's own, a
   * bounded scan like a search's: a range of nothing but own entries must not be read whole.
   */
  async read(instance: string, filter: Pick<ArchiveFilter, 'limit' | 'before' | 'own'>, window: { from: number; to: number }) {
    if (!showsOwn(filter)) return { ...(await this.scan(instance, filter, window, 'notOwn', {})), search: null };
    let params = rangeParams(instance, window, filter.before);
    const entries: ArchivedEntry[] = [];
    for (;;) {
      const chunk = Math.min(PAGE_CHUNK, filter.limit + 1 - entries.length);
      const rows = this.page.all({ ...params, limit: chunk }) as ArchiveRow[];
      for (const row of rows) entries.push(toEntry(row));
      if (entries.length > filter.limit) {
        entries.length = filter.limit;
        return { entries, nextCursor: encodeCursor(keyOf(lastRow(entries))), search: null };
      }
      if (rows.length < chunk) return { entries, nextCursor: null, search: null };
      params = { ...params, ...cursorParams(keyOf(rows[rows.length - 1]!)) };
      await yieldToEventLoop();
    }
  }

  /**
   * Matches of `q` newest first, scanning SEARCH_CHUNK entries per statement and at most
   * SEARCH_ROWS_PER_REQUEST (or SEARCH_MS_PER_REQUEST) per request; the cursor continues
   * where the scan stopped, whether or not it found anything there.
   */
  search(instance: string, filter: ArchiveFilter, window: { from: number; to: number }) {
    return this.scan(instance, filter, window, showsOwn(filter) ? 'matches' : 'matchesNotOwn', { q: filter.q!.toLowerCase() });
  }

  /** The entries `keep` keeps, newest first, SEARCH_CHUNK entries a statement (see search). */
  private async scan(instance: string, filter: Pick<ArchiveFilter, 'limit' | 'before'>, window: { from: number; to: number }, keep: Keep, extra: { q?: string }) {
    const statements = this.scans[keep];
    let params = { ...rangeParams(instance, window, filter.before), ...extra };
    const entries: ArchivedEntry[] = [];
    const progress: ArchiveSearchProgress = { scannedRows: 0, complete: false, scannedBackTo: null };
    const started = performance.now();
    for (;;) {
      const end = this.chunkEnd.get({ ...params, offset: SEARCH_CHUNK - 1 }) as Pick<ArchiveRow, 'ts' | 'id' | 'run_id'> | undefined;
      const wanted = filter.limit - entries.length;
      // At most PAGE_CHUNK kept rows a statement: a chunk where nearly everything matches (a
      // page without Redlens's own) would otherwise turn thousands of rows into entries at once.
      const take = Math.min(wanted, PAGE_CHUNK);
      const rows = (
        end
          ? // The chunk's end as the range's start too: SQLite bounds the scan by `ts >=`, not by the row value.
            statements.upTo.all({ ...params, from: Math.max(params.from, end.ts), ets: end.ts, erun: end.run_id, eid: end.id, limit: take + 1 })
          : statements.toEnd.all({ ...params, limit: take + 1 })
      ) as ArchiveRow[];
      if (rows.length > take) {
        for (const row of rows.slice(0, take)) entries.push(toEntry(row));
        const last = keyOf(rows[take - 1]!);
        if (take === wanted) {
          // The page is full inside this chunk: continue after its last match.
          progress.scannedBackTo = last.ts * 1000;
          return { entries, nextCursor: encodeCursor(last), search: progress };
        }
        // The page wants more than one statement keeps: on from the last one kept, same chunk.
        params = { ...params, ...cursorParams(last) };
        await yieldToEventLoop();
        continue;
      }
      for (const row of rows) entries.push(toEntry(row));
      progress.scannedRows += end ? SEARCH_CHUNK : 0;
      if (!end) {
        progress.complete = true;
        progress.scannedBackTo = window.from;
        return { entries, nextCursor: null, search: progress };
      }
      progress.scannedBackTo = end.ts * 1000;
      params = { ...params, ...cursorParams(keyOf(end)) };
      if (progress.scannedRows >= SEARCH_ROWS_PER_REQUEST || performance.now() - started >= SEARCH_MS_PER_REQUEST) {
        return { entries, nextCursor: encodeCursor(keyOf(end)), search: progress };
      }
      await yieldToEventLoop();
    }
  }

  /**
   * One page of several instances' archives read as one (the nodes of a Redis Cluster instance),
   * newest first, each entry with its node. Each node's archive is read as `query` reads one, with
   * the same cursor: (ts, run_id, id) orders entries across nodes too (a run id is one Redis
   * process's). The page holds what every node read down to the newest point where a node
   * stopped (its page full, its search step done), so nothing between is skipped: reads stay
   * bounded by nodes x limit rows. The charts and counts come from the nodes' rollups together.
   */
  async queryNodes(nodes: readonly SlowlogNodeRef[], filter: ArchiveFilter, now = Date.now()): Promise<SlowlogArchiveResponse> {
    const window = { from: filter.from ?? 0, to: filter.to ?? now };
    const found = await this.readNodes(nodes, filter, window);
    return this.answer(nodes.map((node) => node.instanceId), filter, window, found, (gapWindow) =>
      nodes
        .flatMap((node) => (this.gaps.all({ instance: node.instanceId, ...gapWindow }) as SlowlogGap[]).map((gap) => ({ ...gap, node })))
        .sort((a, b) => b.recordedAt - a.recordedAt)
        .slice(0, 1000),
    );
  }

  /**
   * The entries of one page over several nodes (see queryNodes), with where the next page starts
   * and, for a search, how far it went: what an export of a cluster's archive streams page by page.
   */
  async readNodes(nodes: readonly SlowlogNodeRef[], filter: ArchiveFilter, window: { from: number; to: number }) {
    const found = [];
    for (const node of nodes) {
      const one = filter.q ? await this.search(node.instanceId, filter, window) : await this.read(node.instanceId, filter, window);
      found.push({ node, ...one });
      await yieldToEventLoop();
    }
    // The newest point where a node stopped short of the range's start: below it, that node's
    // entries are not read yet, so the merged page ends there.
    const stops = found.flatMap(({ nextCursor }) => (nextCursor ? [decodeCursor(nextCursor)] : []));
    const stop = stops.reduce<ArchiveCursor | null>((newest, cursor) => (newest && compareKeys(newest, cursor) >= 0 ? newest : cursor), null);
    let entries: ArchivedEntry[] = found
      .flatMap(({ node, entries: own }) => own.map((entry) => ({ ...entry, node })))
      .filter((entry) => !stop || compareKeys(entryKey(entry), stop) >= 0)
      .sort((a, b) => compareKeys(entryKey(b), entryKey(a)));
    let nextCursor = stop ? encodeCursor(stop) : null;
    if (entries.length > filter.limit) {
      entries = entries.slice(0, filter.limit);
      nextCursor = encodeCursor(entryKey(entries[entries.length - 1]!));
    }
    const searched = found.flatMap(({ search }) => (search ? [search] : []));
    const search: ArchiveSearchProgress | null = filter.q
      ? {
        scannedRows: searched.reduce((sum, step) => sum + step.scannedRows, 0),
        complete: nextCursor === null,
        scannedBackTo: nextCursor ? decodeCursor(nextCursor).ts * 1000 : window.from,
      }
      : null;
    return { entries, nextCursor, search };
  }

  /** The charts and the ranking of a whole range, from the rollups. */
  private async analyse(instance: Instances, window: { from: number; to: number }, showOwn: boolean) {
    const fingerprints = await this.rollup.rank(instance, window, showOwn);
    const series = await this.rollup.series(instance, window, fingerprints, showOwn);
    const total = series.perMinute.reduce((sum, [, count]) => sum + count, 0);
    return { total, search: null, analysis: { basis: 'range' as const, fingerprints, ...series } };
  }
}

/** The archive's order of two entries' keys: ts, then run_id, then id (as SQLite compares them). */
function compareKeys(a: ArchiveCursor, b: ArchiveCursor): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  if (a.runId !== b.runId) return Buffer.compare(Buffer.from(a.runId), Buffer.from(b.runId));
  return a.id - b.id;
}

const entryKey = (entry: ArchivedEntry): ArchiveCursor => ({ ts: entry.timestamp, id: entry.id, runId: entry.runId });

function lastRow(entries: ArchivedEntry[]): Pick<ArchiveRow, 'ts' | 'id' | 'run_id'> {
  const last = entries[entries.length - 1]!;
  return { ts: last.timestamp, id: last.id, run_id: last.runId };
}

/** Statement parameters for a range in unix seconds (the archive's clock), after `before`. */
function rangeParams(instance: string, window: { from: number; to: number }, before: string | undefined) {
  const to = Math.ceil(window.to / 1000);
  // Past the range's end, every key sorts before it.
  const start = before ? decodeCursor(before) : { ts: to + 1, id: 0, runId: '' };
  return { instance, from: Math.floor(window.from / 1000), ...cursorParams(start), to: Math.min(to, start.ts) };
}

/**
 * The cursor, and the range's end moved to it: SQLite bounds an index scan by the one `ts <=`
 * term, not by the row value, so a stale end would scan every newer entry again.
 */
function cursorParams(cursor: ArchiveCursor) {
  return { cts: cursor.ts, crun: cursor.runId, cid: cursor.id, to: cursor.ts };
}
