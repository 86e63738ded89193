// When each finding started and ended, kept in the store so charts can mark them and a
// finding's "since" survives a restart of the dashboard. Which findings open and close is
// decided by the hold machine (hold.ts); this keeps its runs per instance and writes the rows.
import { FINDING_EVENTS_MAX, SEVERITY_RANK, type Finding, type FindingEvent, type Severity } from './types';
import type { Store } from '@/lib/store/sqlite';
import type { RuleResult } from './rules';
import { CLOSED, IMMEDIATE, OPEN, isIdle, stepHold, type HoldState, type Observation } from './hold';

interface RangeRow {
  id: number;
  rule: string;
  severity: Severity;
  title: string;
  started_at: number;
  ended_at: number | null;
}

interface OpenRow {
  id: number;
  rule: string;
  severity: Severity;
  title: string;
  detail: string;
  result: string | null;
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
  /** Closed by this sample (endedAt set), with the last detail it showed (for alerts). */
  closed: Array<FindingEvent & { detail: string }>;
}

const INSTANCE_DOWN = 'instance-down';
const INFO_UNAVAILABLE = 'info-unavailable';

/**
 * What this sample says about `rule`. instance-down and info-unavailable are the sampler's own
 * status, not conditions that hold, so they are never frozen: instance-down follows every sample;
 * info-unavailable follows every sample Redis answered (while it is down, INFO's state is unknown).
 */
function observe(rule: string, firing: boolean, frozen: boolean, down: boolean): Observation {
  if (rule === INSTANCE_DOWN) return firing ? 'held' : 'clear';
  if (rule === INFO_UNAVAILABLE) return firing ? 'held' : down ? 'unknown' : 'clear';
  if (frozen) return 'unknown';
  return firing ? 'held' : 'clear';
}

const isStatusRule = (rule: string) => rule === INSTANCE_DOWN || rule === INFO_UNAVAILABLE;

/** The finding a row was last written with (rows from before migration 7 have no `result`). */
function storedResult(row: OpenRow): RuleResult {
  if (row.result !== null) return JSON.parse(row.result) as RuleResult;
  return { id: row.rule, severity: row.severity, title: row.title, detail: row.detail, value: null, threshold: null, remediation: '' };
}

/** Prepared once: the sampler syncs every instance every sample. */
function prepareStatements(db: Store) {
  return {
    open: db.prepare('SELECT id, rule, severity, title, detail, result, started_at FROM findings WHERE instance = ? AND ended_at IS NULL ORDER BY started_at'),
    insert: db.prepare('INSERT INTO findings (instance, rule, severity, title, detail, result, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    update: db.prepare('UPDATE findings SET severity = ?, title = ?, detail = ?, result = ? WHERE id = ?'),
    close: db.prepare('UPDATE findings SET ended_at = ? WHERE id = ?'),
    openInRange: db.prepare('SELECT id, rule, severity, title, started_at, ended_at FROM findings WHERE instance = ? AND ended_at IS NULL AND started_at <= ?'),
    // Newest first, so past the cap the oldest are the ones left out.
    endedInRange: db.prepare(
      `SELECT id, rule, severity, title, started_at, ended_at FROM findings
       WHERE instance = ? AND started_at <= ? AND ended_at >= ?
       ORDER BY started_at DESC LIMIT ?`,
    ),
    prune: db.prepare('DELETE FROM findings WHERE ended_at IS NOT NULL AND ended_at < ? LIMIT ?'),
  };
}

export class FindingsStore {
  /** Per instance and rule, the run under way (held samples before opening, clear ones before closing). */
  private readonly holds = new Map<string, Map<string, HoldState>>();

  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Store) {
    this.statements = prepareStatements(db);
  }

  /**
   * Takes one sample's rule results: opens the findings whose condition held `openAfter` samples
   * in a row, closes those clear `closeAfter` in a row, and returns every finding still open
   * (one in its closing period, or frozen while Redis is down, with its last result).
   */
  sync(instance: string, now: number, results: RuleResult[], options: SyncOptions): SyncResult {
    const limits = { openAfter: options.openAfter, closeAfter: options.closeAfter };
    const firing = new Map(results.map((result) => [result.id, result]));
    const down = firing.has(INSTANCE_DOWN);
    const opened: Finding[] = [];
    const closed: SyncResult['closed'] = [];
    const nextHolds = new Map<string, HoldState>();

    const active = this.db.transaction(() => {
      const openRows = this.statements.open.all(instance) as OpenRow[];
      const openByRule = new Map(openRows.map((row) => [row.rule, row]));
      const known = this.holds.get(instance) ?? new Map<string, HoldState>();
      const rules = new Set([...firing.keys(), ...openByRule.keys(), ...known.keys()]);
      const shown: Finding[] = [];

      for (const rule of rules) {
        const row = openByRule.get(rule);
        // The store says what is open (so after a restart of Redlens its open rows stay open);
        // memory only adds the run under way.
        const held = known.get(rule);
        const state = row ? (held?.open ? held : OPEN) : held && !held.open ? held : CLOSED;
        const result = firing.get(rule);
        const step = stepHold(state, observe(rule, result !== undefined, options.frozen, down), now, isStatusRule(rule) ? IMMEDIATE : limits);
        if (!isIdle(step.state)) nextHolds.set(rule, step.state);

        if (step.change === 'opened') {
          const fresh = result!;
          this.insert(instance, fresh, step.since);
          opened.push({ ...fresh, since: step.since });
          shown.push({ ...fresh, since: step.since });
        } else if (step.change === 'closed') {
          const last = storedResult(row!);
          this.statements.close.run(step.endedAt, row!.id);
          closed.push({ id: rule, severity: last.severity, title: last.title, detail: last.detail, startedAt: row!.started_at, endedAt: step.endedAt });
        } else if (row) {
          // Open: the fresh result when the rule fired this sample, else (closing, or Redis down) the last one.
          if (result && JSON.stringify(result) !== row.result) this.update(row.id, result);
          shown.push({ ...(result ?? storedResult(row)), since: row.started_at });
        }
      }
      // Worst first, then oldest, as the health list reads them.
      return shown.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.since - b.since);
    })();
    this.holds.set(instance, nextHolds);
    return { active, opened, closed };
  }

  private insert(instance: string, result: RuleResult, since: number): void {
    this.statements.insert.run(instance, result.id, result.severity, result.title, result.detail, JSON.stringify(result), since);
  }

  private update(rowId: number, result: RuleResult): void {
    this.statements.update.run(result.severity, result.title, result.detail, JSON.stringify(result), rowId);
  }

  /**
   * Findings active at some point between from and to, oldest first, for marking charts: every
   * open one, and the newest FINDING_EVENTS_MAX of the others (past it, the oldest are left out).
   */
  events(instance: string, from: number, to: number): FindingEvent[] {
    const open = this.statements.openInRange.all(instance, to) as RangeRow[];
    const ended = this.statements.endedInRange.all(instance, to, from, FINDING_EVENTS_MAX) as RangeRow[];
    return [...open, ...ended]
      .sort((a, b) => a.started_at - b.started_at || a.id - b.id)
      .map((row) => ({ id: row.rule, severity: row.severity, title: row.title, startedAt: row.started_at, endedAt: row.ended_at }));
  }

  /** Deletes findings that ended before `olderThan`, at most `maxRows` at a time (lib/store/retention.ts runs it in chunks). */
  pruneSome(olderThan: number, maxRows: number): number {
    return this.statements.prune.run(olderThan, maxRows).changes;
  }
}
