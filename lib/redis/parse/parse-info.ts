// Parses the text reply of INFO into sections of typed fields, and reads the fields more than
// one caller needs (keyspace, run_id, errorstats) out of them. The one INFO parser: every INFO
// reply Redlens reads goes through it. Pure: no Redis, no I/O.
import type { InfoSections, InfoValue, KeyspaceDb } from '@/lib/api/types';

export class InfoParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfoParseError';
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;

// Sections whose values are `k=v,k=v` records rather than scalars.
const RECORD_SECTIONS = new Set(['keyspace', 'commandstats', 'errorstats', 'latencystats']);
// In the replication section, `slave0:ip=...,port=...,state=...` lines are records too.
const REPLICA_LINE = /^slave\d+$/;

function parseScalar(raw: string): number | string {
  if (NUMBER.test(raw)) {
    const value = Number(raw);
    // Keep integers beyond 2^53 as text rather than silently rounding them.
    if (Number.isSafeInteger(value) || raw.includes('.')) return value;
  }
  return raw;
}

function parseRecord(raw: string, line: string): Record<string, number | string> {
  const record: Record<string, number | string> = {};
  for (const pair of raw.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InfoParseError(`expected k=v pairs in INFO line "${line}"`);
    record[pair.slice(0, eq)] = parseScalar(pair.slice(eq + 1));
  }
  return record;
}

/**
 * Parses an INFO reply (any sections, CRLF or LF line ends).
 * Section names are lower-cased (`# Keyspace` -> `keyspace`); fields keep Redis's names.
 * Throws InfoParseError on anything that is not INFO, never returns a silently empty result.
 */
export function parseInfo(reply: string): InfoSections {
  const sections: InfoSections = {};
  let current: Record<string, InfoValue> | null = null;
  let currentName = '';
  for (const rawLine of reply.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      currentName = line.slice(1).trim().toLowerCase();
      if (currentName === '') throw new InfoParseError('INFO section header without a name');
      current = sections[currentName] ?? {};
      sections[currentName] = current;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new InfoParseError(`unexpected INFO line "${line.slice(0, 80)}"`);
    if (current === null) throw new InfoParseError(`INFO field before any section: "${line.slice(0, 80)}"`);
    const field = line.slice(0, colon);
    const raw = line.slice(colon + 1);
    const isRecord = RECORD_SECTIONS.has(currentName) || (currentName === 'replication' && REPLICA_LINE.test(field));
    current[field] = isRecord ? parseRecord(raw, line) : parseScalar(raw);
  }
  if (Object.keys(sections).length === 0) throw new InfoParseError('empty INFO reply');
  return sections;
}

/** The dbs that hold keys, from INFO keyspace (`db3:keys=1,expires=0,avg_ttl=0`), by db index. */
export function keyspaceOf(sections: InfoSections): KeyspaceDb[] {
  const dbs: KeyspaceDb[] = [];
  for (const [name, value] of Object.entries(sections.keyspace ?? {})) {
    const match = /^db(\d+)$/.exec(name);
    if (!match?.[1] || typeof value !== 'object') continue;
    dbs.push({
      db: Number(match[1]),
      keys: Number(value.keys ?? 0),
      expires: Number(value.expires ?? 0),
      avgTtlMs: Number(value.avg_ttl ?? 0),
    });
  }
  return dbs.sort((a, b) => a.db - b.db);
}

/** INFO server's run_id, or null without one. It changes with every restart of Redis. */
export function runIdOf(sections: InfoSections): string | null {
  const runId = sections.server?.run_id;
  return typeof runId === 'string' || typeof runId === 'number' ? String(runId) : null;
}

/** INFO errorstats as error prefix -> count (`errorstat_ERR:count=6` -> `{ ERR: 6 }`), Redis 6.2+. */
export function errorstatsOf(sections: InfoSections): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(sections.errorstats ?? {})) {
    if (!name.startsWith('errorstat_') || typeof value !== 'object') continue;
    counts[name.slice('errorstat_'.length)] = Number(value.count ?? 0);
  }
  return counts;
}

/** One command's counters from INFO commandstats, since Redis started or the last CONFIG RESETSTAT. */
export interface CommandStat {
  calls: number;
  usec: number;
  /** Refused before it ran (ACL, OOM, arity): Redis 6.2+, 0 before. */
  rejectedCalls: number;
  /** Ran and answered an error: Redis 6.2+, 0 before. */
  failedCalls: number;
}

const countIn = (record: Record<string, number | string>, field: string, line: string, required: boolean): number => {
  const value = record[field];
  if (value === undefined && !required) return 0;
  if (typeof value !== 'number' || value < 0) throw new InfoParseError(`commandstats line "${line}" has no count "${field}"`);
  return value;
};

/**
 * INFO commandstats as commandstats name -> counters (`cmdstat_config|get:calls=1,...` ->
 * `config|get`; Redis 6 names a command with subcommands once, `config`). Throws
 * InfoParseError on a line without calls or usec: a silently missing command would read as idle.
 */
export function commandstatsOf(sections: InfoSections): Record<string, CommandStat> {
  const stats: Record<string, CommandStat> = {};
  for (const [name, value] of Object.entries(sections.commandstats ?? {})) {
    if (!name.startsWith('cmdstat_')) continue;
    if (typeof value !== 'object') throw new InfoParseError(`commandstats line "${name}" is not a record`);
    stats[name.slice('cmdstat_'.length)] = {
      calls: countIn(value, 'calls', name, true),
      usec: countIn(value, 'usec', name, true),
      rejectedCalls: countIn(value, 'rejected_calls', name, false),
      failedCalls: countIn(value, 'failed_calls', name, false),
    };
  }
  return stats;
}

/**
 * INFO latencystats (Redis 7) as commandstats name -> percentile -> µs
 * (`latency_percentiles_usec_get:p50=1.003,p99=2.007,p99.9=3.007` -> `{ get: { p50: 1.003, ... } }`).
 * The percentiles are of every call since Redis started or the last CONFIG RESETSTAT, not of a
 * window. `{}` on Redis 6 (no such section); InfoParseError on a value that is not a number.
 */
export function latencystatsOf(sections: InfoSections): Record<string, Record<string, number>> {
  const stats: Record<string, Record<string, number>> = {};
  for (const [name, value] of Object.entries(sections.latencystats ?? {})) {
    if (!name.startsWith('latency_percentiles_usec_')) continue;
    if (typeof value !== 'object') throw new InfoParseError(`latencystats line "${name}" is not a record`);
    const percentiles: Record<string, number> = {};
    for (const [percentile, micros] of Object.entries(value)) {
      if (typeof micros !== 'number') throw new InfoParseError(`latencystats line "${name}" has "${percentile}=${micros}"`);
      percentiles[percentile] = micros;
    }
    stats[name.slice('latency_percentiles_usec_'.length)] = percentiles;
  }
  return stats;
}
