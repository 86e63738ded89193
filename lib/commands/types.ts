// The answers of GET /api/instances/{id}/commands and .../latency (SPEC section 11). No server
// imports: the pages read the same shapes.
import type { CommandWarning } from '@/lib/slowlog/warnings';

/** One command over the last window, Redlens's own calls out. */
export interface CommandRate {
  /** The commandstats name: `get`, `config|get` (Redis 7), `config` (Redis 6). */
  command: string;
  callsPerSec: number;
  /** µs per call over the window (null when it had no calls). */
  usecPerCall: number | null;
  /** This command's part of the time Redis spent running the application's commands, 0..1. */
  timeShare: number;
  /** µs per second Redis spent on it: the ranking. */
  usecPerSec: number;
  failedPerSec: number;
  rejectedPerSec: number;
  /** Redis 7 latencystats (µs, keys like `p50`, `p99`, `p99.9`) since the last restart or CONFIG RESETSTAT; null on Redis 6. */
  percentiles: Record<string, number> | null;
  /** The tuning guide's warning when the command is one the slow log warns about; null otherwise. */
  warning: CommandWarning | null;
}

export interface ErrorRate {
  /** The error prefix Redis counts: ERR, WRONGTYPE, OOM, NOPERM... */
  type: string;
  perSec: number;
  count: number;
}

export interface CommandsResponse {
  /** The window's length in seconds (Redis's own clock), or null until the sampler has two samples of one run. */
  windowSeconds: number | null;
  /** When the window ended (unix ms), or null. */
  windowEnd: number | null;
  /** Every command the application ran in the window, most time first. */
  commands: CommandRate[];
  errors: ErrorRate[];
  /** Calls Redlens itself made in the window, taken out of the figures above. */
  ownCalls: number;
  /** Redis 7 reports latencystats; Redis 6 does not. */
  percentilesAvailable: boolean;
}

/** The sampler's PING round trips over the window against the 1 ms target. */
export interface PingSummary {
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** thresholds.latencyP95MsMax (the guide's 1 ms). */
  targetP95Ms: number;
  verdict: 'ok' | 'warn' | 'unknown';
  /** Round trips per bucket, buckets in order; `upToMs` null for the last, open one. */
  histogram: Array<{ upToMs: number | null; count: number }>;
}

export interface LatencyEvent {
  event: string;
  at: number;
  latestMs: number;
  maxMs: number;
  /** LATENCY HISTORY of the event, oldest first. */
  history: Array<{ at: number; ms: number }>;
}

/** The latency monitor, or why it could not be read (an ACL without latency|*, a renamed command). */
export type LatencyMonitor =
  | {
      available: true;
      /** latency-monitor-threshold in ms; 0 is off. */
      thresholdMs: number;
      monitorDisabled: boolean;
      /** The fix when it is off. */
      fix: string | null;
      events: LatencyEvent[];
      doctor: string;
    }
  | { available: false; reason: string };

export interface LatencyResponse {
  /** The window's length in seconds, or null before two samples. */
  windowSeconds: number | null;
  pings: PingSummary;
  monitor: LatencyMonitor;
}

/** The setting and value the latency page's Apply sends to PATCH /api/instances/{id}/config. */
export const LATENCY_MONITOR_FIX = { name: 'latency-monitor-threshold', value: '100' } as const;
