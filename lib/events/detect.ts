// The sampler's events (SPEC section 9) from one observation and what the detector remembers of
// the earlier ones: restart, data loss, role change, config change, down / up, OOM errors,
// rejected connections, evictions started, a slow log reset by someone else. Pure: the sampler
// builds the observation (lib/sampler/observation.ts) and keeps the memory.
import { formatBytes, formatDuration, formatNumber, formatPercent } from '@/lib/format';
import type { InstanceEvent } from './types';

/** Counters whose growth starting is an event. */
export const WATCHED_COUNTERS = ['oomErrors', 'rejectedConnections', 'evicted'] as const;
export type WatchedCounter = (typeof WATCHED_COUNTERS)[number];

export interface SlowlogFacts {
  /** SLOWLOG LEN, read after the entries. */
  length: number;
  /** The newest entry id Redis holds; -1 when its slow log is empty. */
  newestId: number;
  /** Changes whenever Redlens starts a reset of this instance's slow log (lib/slowlog/reset-marks.ts). */
  ownResetMark: number | null;
}

/** What one INFO reply (and the reads beside it) says about an instance. */
export interface RedisFacts {
  runId: string;
  uptimeSeconds: number;
  keys: number;
  /** Redis is loading its dataset: the key counts are partial, so nothing is judged on them. */
  loading: boolean;
  role: 'primary' | 'replica';
  /** host:port a replica follows; null on a primary. */
  primary: string | null;
  /**
   * host:port of the server that answered, for an instance whose server moves (Sentinel: the
   * master the sentinels name); absent where the address is fixed. A new one is a failover.
   */
  server?: string | null;
  counters: Record<WatchedCounter, number>;
  maxclients: number;
  /** The watched settings (lib/config-audit/watched.ts) when they were read this sample (once a minute), else null. */
  settings: Record<string, string> | null;
  /** null when the slow log was not read (denied, or INFO missing). */
  slowlog: SlowlogFacts | null;
}

export type Observation =
  | { at: number; answer: 'down'; error: string }
  /** Redis answered PING but not INFO (renamed or denied): up, but nothing to compare. */
  | { at: number; answer: 'no-info' }
  | { at: number; answer: 'up'; facts: RedisFacts };

export interface DetectorMemory {
  /** How the last sample went; null before the first one (so the first is never a down or up). */
  answer: 'up' | 'down' | null;
  lastAnsweredAt: number | null;
  downSince: number | null;
  /** The last facts read, and when. */
  last: { at: number; facts: RedisFacts } | null;
  /** Whether each counter grew in the last comparison. */
  growing: Record<WatchedCounter, boolean>;
  /** The watched settings as last read. */
  settings: Record<string, string> | null;
}

export const FRESH_MEMORY: DetectorMemory = {
  answer: null, lastAnsweredAt: null, downSince: null, last: null,
  growing: { oomErrors: false, rejectedConnections: false, evicted: false }, settings: null,
};

export interface DetectOptions {
  /** data-loss needs at least this many keys before (thresholds.dataLossKeysMin). */
  dataLossKeysMin: number;
}

const count = (value: number) => formatNumber(value, 0);
const seconds = (ms: number) => formatDuration(Math.max(0, ms) / 1000);
const shortRunId = (runId: string) => (runId.length > 8 ? `${runId.slice(0, 8)}…` : runId || 'unknown');

function answerEvents(memory: DetectorMemory, observation: Observation): InstanceEvent[] {
  const { at } = observation;
  if (observation.answer === 'down') {
    if (memory.answer !== 'up') return [];
    const last = memory.lastAnsweredAt !== null ? ` It last answered ${seconds(at - memory.lastAnsweredAt)} before.` : '';
    return [{ at, kind: 'down', title: 'Redis stopped answering', detail: `${observation.error}.${last}` }];
  }
  if (memory.answer !== 'down') return [];
  const gap = memory.downSince !== null ? seconds(at - memory.downSince) : null;
  return [{ at, kind: 'up', title: 'Redis answers again', detail: gap ? `After ${gap} without an answer.` : 'It did not answer before.' }];
}

/** The sentinels moved the instance to another server: its run_id is that server's, not a restart. */
const moved = (before: RedisFacts, now: RedisFacts) => !!before.server && !!now.server && before.server !== now.server;

function restartEvents(at: number, before: RedisFacts, now: RedisFacts): InstanceEvent[] {
  if (before.runId === now.runId || moved(before, now)) return [];
  return [{
    at, kind: 'restart', title: 'Redis restarted',
    detail: `New run_id ${shortRunId(now.runId)} (was ${shortRunId(before.runId)}), up ${formatDuration(now.uptimeSeconds)}; ${count(before.keys)} keys before, ${count(now.keys)} after.`,
    before: { runId: before.runId, keys: before.keys },
    after: { runId: now.runId, keys: now.keys, uptimeSeconds: now.uptimeSeconds },
  }];
}

function dataLossEvents(at: number, before: RedisFacts, now: RedisFacts, options: DetectOptions): InstanceEvent[] {
  if (before.keys < options.dataLossKeysMin || now.keys >= before.keys * 0.5) return [];
  const lost = (before.keys - now.keys) / before.keys;
  const restarted = moved(before, now) ? `, across a failover to ${now.server}` : before.runId !== now.runId ? ', across a restart' : '';
  return [{
    at, kind: 'data-loss', title: `${formatPercent(lost)} of the keys are gone`,
    detail: `${count(before.keys)} keys before, ${count(now.keys)} after${restarted}.`,
    before: { keys: before.keys }, after: { keys: now.keys },
  }];
}

function roleTitle(before: RedisFacts, now: RedisFacts): string {
  if (now.role === 'primary') return 'Promoted to primary';
  if (before.role === 'primary') return `Became a replica of ${now.primary ?? 'an unknown primary'}`;
  return `Now replicates ${now.primary ?? 'an unknown primary'}`;
}

/** Redlens follows the master the sentinels name: the role it sees stays primary, the server changes. */
function failoverEvents(at: number, before: RedisFacts, now: RedisFacts): InstanceEvent[] {
  return [{
    at, kind: 'role-change', title: `Failover: the primary moved from ${before.server} to ${now.server}`,
    detail: `The sentinels now name ${now.server} (run_id ${shortRunId(now.runId)}, ${now.role}) as the primary; it was ${before.server} (run_id ${shortRunId(before.runId)}). ${count(before.keys)} keys before, ${count(now.keys)} after.`,
    before: { role: before.role, server: before.server ?? null, runId: before.runId },
    after: { role: now.role, server: now.server ?? null, runId: now.runId },
  }];
}

function roleEvents(at: number, before: RedisFacts, now: RedisFacts): InstanceEvent[] {
  if (moved(before, now)) return failoverEvents(at, before, now);
  if (before.role === now.role && before.primary === now.primary) return [];
  return [{
    at, kind: 'role-change', title: roleTitle(before, now),
    detail: `Role ${before.role} → ${now.role}; primary ${before.primary ?? 'none'} → ${now.primary ?? 'none'}.`,
    before: { role: before.role, primary: before.primary }, after: { role: now.role, primary: now.primary },
  }];
}

/** A setting's value as people read it: quoted, with bytes spelled out for maxmemory. */
function shown(name: string, value: string): string {
  const bytes = name === 'maxmemory' && /^\d+$/.test(value) ? ` (${Number(value) === 0 ? 'no limit' : formatBytes(Number(value))})` : '';
  return `"${value}"${bytes}`;
}

function configEvents(at: number, before: Record<string, string> | null, now: Record<string, string> | null): InstanceEvent[] {
  if (!before || !now) return [];
  return Object.entries(now)
    .filter(([name, value]) => before[name] !== undefined && before[name] !== value)
    .map(([name, value]): InstanceEvent => ({
      at, kind: 'config-change', title: `${name} changed`,
      detail: `${name} was ${shown(name, before[name]!)}, now ${shown(name, value)}.`,
      before: { [name]: before[name]! }, after: { [name]: value },
    }));
}

const COUNTER_EVENTS: Record<WatchedCounter, { kind: InstanceEvent['kind']; title: string; detail: (grew: number, total: number, spanS: string, facts: RedisFacts) => string }> = {
  oomErrors: {
    kind: 'oom-errors', title: 'Writes refused: out of memory',
    detail: (grew, total, span) => `${count(grew)} OOM errors in ${span} (errorstat_OOM ${count(total)} since the start of Redis): maxmemory is reached and the policy cannot free memory.`,
  },
  rejectedConnections: {
    kind: 'rejected-connections', title: 'Connections refused: maxclients reached',
    detail: (grew, total, span, facts) => `${count(grew)} connections rejected in ${span} (rejected_connections ${count(total)} since the start of Redis; maxclients ${count(facts.maxclients)}).`,
  },
  evicted: {
    kind: 'evictions-started', title: 'Evictions started',
    detail: (grew, total, span) => `${count(grew)} keys evicted in ${span} (evicted_keys ${count(total)} since the start of Redis).`,
  },
};

function counterEvents(at: number, memory: DetectorMemory, last: { at: number; facts: RedisFacts }, now: RedisFacts): { events: InstanceEvent[]; growing: DetectorMemory['growing'] } {
  const growing = { ...FRESH_MEMORY.growing };
  const events: InstanceEvent[] = [];
  // Counters start again with Redis: no comparison across a restart.
  if (last.facts.runId !== now.runId) return { events, growing };
  for (const name of WATCHED_COUNTERS) {
    const grew = now.counters[name] - last.facts.counters[name];
    growing[name] = grew > 0;
    if (grew > 0 && !memory.growing[name]) {
      const { kind, title, detail } = COUNTER_EVENTS[name];
      events.push({ at, kind, title, detail: detail(grew, now.counters[name], seconds(at - last.at), now), before: { [name]: last.facts.counters[name] }, after: { [name]: now.counters[name] } });
    }
  }
  return { events, growing };
}

/**
 * Entries gone from the slow log that no reset by Redlens explains: Redis holds fewer than it
 * held at the last sample plus those logged since (ids keep counting after a reset), capped at
 * slowlog-max-len (rotation). Without that setting only a shrinking log counts.
 */
function slowlogEvents(at: number, before: RedisFacts, now: RedisFacts, maxLenSetting: string | undefined): InstanceEvent[] {
  const previous = before.slowlog;
  const current = now.slowlog;
  if (!previous || !current || before.runId !== now.runId || previous.length === 0) return [];
  if (previous.ownResetMark !== current.ownResetMark) return [];
  const logged = current.newestId >= 0 ? Math.max(0, current.newestId - previous.newestId) : 0;
  const maxLen = maxLenSetting !== undefined && /^\d+$/.test(maxLenSetting) ? Number(maxLenSetting) : null;
  const expected = maxLen !== null ? Math.min(previous.length + logged, maxLen) : previous.length;
  if (current.length >= expected) return [];
  return [{
    at, kind: 'slowlog-reset', title: 'Slow log emptied by another client',
    detail: `${count(previous.length)} entries at the last sample${logged > 0 ? ` and ${count(logged)} logged since` : ''}, ${count(current.length)} now: ${count(expected - current.length)} gone without a reset through Redlens (what Redlens read is in the archive).`,
    before: { entries: previous.length }, after: { entries: current.length },
  }];
}

/** The events of one observation, and the memory for the next. */
export function detectEvents(memory: DetectorMemory, observation: Observation, options: DetectOptions): { events: InstanceEvent[]; memory: DetectorMemory } {
  const { at } = observation;
  const events = answerEvents(memory, observation);
  if (observation.answer === 'down') {
    return { events, memory: { ...memory, answer: 'down', downSince: memory.answer === 'down' ? memory.downSince : at } };
  }
  const next: DetectorMemory = { ...memory, answer: 'up', lastAnsweredAt: at, downSince: null };
  // Without INFO, or while Redis loads its dataset, the last full facts stay the base.
  if (observation.answer === 'no-info' || observation.facts.loading) return { events, memory: next };
  const { facts } = observation;
  const settings = facts.settings ?? memory.settings;
  next.last = { at, facts };
  next.settings = settings;
  const last = memory.last;
  if (!last) return { events, memory: next };
  const counters = counterEvents(at, memory, last, facts);
  next.growing = counters.growing;
  events.push(
    ...restartEvents(at, last.facts, facts),
    ...dataLossEvents(at, last.facts, facts, options),
    ...roleEvents(at, last.facts, facts),
    ...configEvents(at, memory.settings, facts.settings),
    ...counters.events,
    ...slowlogEvents(at, last.facts, facts, settings?.['slowlog-max-len']),
  );
  return { events, memory: next };
}
