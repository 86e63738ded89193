// Turns one INFO reply (and the previous one) into a history row: gauges as read, counters as
// rates over the time between the two replies, with Redlens's own commands and lookups taken out
// (SPEC section 8; the raw rates are kept as the `_raw` series). Pure.
import type { InfoSections } from '@/lib/api/types';
import type { CounterDelta } from '@/lib/health/types';
import type { Metric, MetricValues, SampleRow } from '@/lib/history/types';
import { hitRatio } from '@/lib/hit-ratio';
import { deriveInfo } from '@/lib/redis/derive-info';
import { errorstatsOf } from '@/lib/redis/parse/parse-info';
import type { OwnEffect } from '@/lib/redis/parse/own-lookups';

/** The counters of one INFO reply that rates are computed from. */
export interface CounterSnapshot {
  runId: string;
  /** Redis's own clock, so rates do not depend on how late our timer fired. */
  serverTimeMs: number;
  totalCommands: number;
  hits: number;
  misses: number;
  evicted: number;
  expired: number;
  netInput: number;
  netOutput: number;
  /** errorstat_OOM: writes refused for lack of memory (0 before Redis 6.2, which has no errorstats). */
  oomErrors: number;
  rejectedConnections: number;
  /** What Redlens itself had sent this Redis when the INFO reply arrived (lib/redis/own-traffic.ts). */
  own: OwnEffect;
}

const NO_OWN: OwnEffect = { commands: 0, hits: 0, misses: 0 };

function field(sections: InfoSections, section: string, name: string): number {
  const value = sections[section]?.[name];
  return typeof value === 'number' ? value : 0;
}

export function countersOf(sections: InfoSections, fallbackTimeMs: number, own: OwnEffect = NO_OWN): CounterSnapshot {
  const serverTimeUsec = field(sections, 'server', 'server_time_usec');
  return {
    runId: String(sections.server?.run_id ?? ''),
    serverTimeMs: serverTimeUsec > 0 ? serverTimeUsec / 1000 : fallbackTimeMs,
    totalCommands: field(sections, 'stats', 'total_commands_processed'),
    hits: field(sections, 'stats', 'keyspace_hits'),
    misses: field(sections, 'stats', 'keyspace_misses'),
    evicted: field(sections, 'stats', 'evicted_keys'),
    expired: field(sections, 'stats', 'expired_keys'),
    netInput: field(sections, 'stats', 'total_net_input_bytes'),
    netOutput: field(sections, 'stats', 'total_net_output_bytes'),
    oomErrors: errorstatsOf(sections).OOM ?? 0,
    rejectedConnections: field(sections, 'stats', 'rejected_connections'),
    own,
  };
}

/** Counter deltas between two snapshots, or null across a restart (new run_id) or a reset. */
export function deltaBetween(previous: CounterSnapshot | null, current: CounterSnapshot): CounterDelta | null {
  if (!previous || previous.runId !== current.runId) return null;
  const seconds = (current.serverTimeMs - previous.serverTimeMs) / 1000;
  if (!(seconds > 0)) return null;
  const raw = {
    seconds,
    commandsRaw: current.totalCommands - previous.totalCommands,
    hitsRaw: current.hits - previous.hits,
    missesRaw: current.misses - previous.misses,
    evicted: current.evicted - previous.evicted,
    expired: current.expired - previous.expired,
    netInput: current.netInput - previous.netInput,
    netOutput: current.netOutput - previous.netOutput,
    oomErrors: current.oomErrors - previous.oomErrors,
    rejectedConnections: current.rejectedConnections - previous.rejectedConnections,
  };
  // CONFIG RESETSTAT zeroes counters without a new run_id: a gap, never a negative rate.
  if (!Object.values(raw).every((value) => value >= 0)) return null;
  // A command of ours whose reply arrived just after INFO's may have run just before it: then it
  // is in Redis's count now and in ours next time. Never below zero; it evens out next sample.
  const less = (total: number, own: number) => Math.max(0, total - own);
  return {
    ...raw,
    commands: less(raw.commandsRaw, current.own.commands - previous.own.commands),
    hits: less(raw.hitsRaw, current.own.hits - previous.own.hits),
    misses: less(raw.missesRaw, current.own.misses - previous.own.misses),
  };
}

/** Nearest-rank percentile of a few round trips; null without any. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function sampleRow(instance: string, ts: number, sections: InfoSections, delta: CounterDelta | null, pingsMs: number[]): SampleRow {
  const derived = deriveInfo(sections);
  const rate = (count: number | undefined) => (delta && count !== undefined ? count / delta.seconds : null);
  return {
    instance,
    ts,
    up: true,
    runId: derived.runId || null,
    values: {
      usedMemory: derived.memory.usedBytes,
      usedMemoryRss: derived.memory.rssBytes,
      maxmemory: derived.memory.maxmemoryBytes,
      fragmentationRatio: derived.memory.fragmentationRatio,
      connectedClients: derived.clients.connected,
      blockedClients: derived.clients.blocked,
      opsPerSec: rate(delta?.commands),
      hitRatio: delta ? hitRatio(delta.hits, delta.misses) : null,
      hitsPerSec: rate(delta?.hits),
      missesPerSec: rate(delta?.misses),
      opsPerSec_raw: rate(delta?.commandsRaw),
      hitRatio_raw: delta ? hitRatio(delta.hitsRaw, delta.missesRaw) : null,
      hitsPerSec_raw: rate(delta?.hitsRaw),
      missesPerSec_raw: rate(delta?.missesRaw),
      keys: derived.totalKeys,
      evictedPerSec: rate(delta?.evicted),
      expiredPerSec: rate(delta?.expired),
      netInputBytesPerSec: rate(delta?.netInput),
      netOutputBytesPerSec: rate(delta?.netOutput),
      pingP95Ms: percentile(pingsMs, 0.95),
    },
  };
}

/** The row of a sample where Redis did not answer: every value a gap. */
export function downRow(instance: string, ts: number, metrics: readonly Metric[]): SampleRow {
  return { instance, ts, up: false, runId: null, values: Object.fromEntries(metrics.map((m) => [m, null])) as MetricValues };
}

/** A sample of a Redis that answered PING but not INFO (renamed or denied): up, only the PING figure. */
export function infoUnavailableRow(instance: string, ts: number, metrics: readonly Metric[], pingsMs: number[]): SampleRow {
  const row = downRow(instance, ts, metrics);
  return { ...row, up: true, values: { ...row.values, pingP95Ms: percentile(pingsMs, 0.95) } };
}
