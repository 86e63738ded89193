// Turns one INFO reply (and the previous one) into a history row: gauges as read, counters as
// rates over the time between the two replies. Pure.
import type { InfoSections } from '@/lib/api/types';
import type { CounterDelta } from '@/lib/health/types';
import type { Metric, MetricValues, SampleRow } from '@/lib/history/types';
import { hitRatio } from '@/lib/hit-ratio';
import { deriveInfo } from '@/lib/redis/derive-info';

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
}

function field(sections: InfoSections, section: string, name: string): number {
  const value = sections[section]?.[name];
  return typeof value === 'number' ? value : 0;
}

export function countersOf(sections: InfoSections, fallbackTimeMs: number): CounterSnapshot {
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
  };
}

/** Counter deltas between two snapshots, or null across a restart (new run_id) or a reset. */
export function deltaBetween(previous: CounterSnapshot | null, current: CounterSnapshot): CounterDelta | null {
  if (!previous || previous.runId !== current.runId) return null;
  const seconds = (current.serverTimeMs - previous.serverTimeMs) / 1000;
  if (!(seconds > 0)) return null;
  const delta = {
    seconds,
    commands: current.totalCommands - previous.totalCommands,
    hits: current.hits - previous.hits,
    misses: current.misses - previous.misses,
    evicted: current.evicted - previous.evicted,
    expired: current.expired - previous.expired,
    netInput: current.netInput - previous.netInput,
    netOutput: current.netOutput - previous.netOutput,
  };
  // CONFIG RESETSTAT zeroes counters without a new run_id: a gap, never a negative rate.
  return Object.values(delta).every((value) => value >= 0) ? delta : null;
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
