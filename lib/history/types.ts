// Shapes of the history API and of the sampled rows behind it, shared by the server and the charts.
// No server imports.
import { z } from 'zod';
import type { FindingEvent } from '@/lib/health/types';
import type { Thresholds } from '@/lib/health-targets';
import { DEFAULT_HISTORY_RANGE, HISTORY_RANGES, customWindowProblem, type HistoryRange } from '@/lib/time-range';

/** Series the sampler records for every instance, in the order charts list them. */
export const METRICS = [
  'usedMemory', // bytes
  'usedMemoryRss', // bytes
  'maxmemory', // bytes; null when 0 (no limit)
  'fragmentationRatio',
  'connectedClients',
  'blockedClients',
  'opsPerSec',
  'hitRatio', // 0..1 over the window between two samples; null without lookups
  'hitsPerSec',
  'missesPerSec',
  'evictedPerSec',
  'expiredPerSec',
  'netInputBytesPerSec',
  'netOutputBytesPerSec',
  'pingP95Ms', // p95 of the sampler's PING round trips, ms
  'keys', // keys of every db
  // The rates above are the application's (Redlens's own commands and lookups taken out, SPEC
  // section 8); these are INFO's, with Redlens's traffic in.
  'opsPerSec_raw',
  'hitRatio_raw',
  'hitsPerSec_raw',
  'missesPerSec_raw',
] as const;
export type Metric = (typeof METRICS)[number];

const unixMs = z.string().regex(/^\d{1,16}$/, 'must be unix milliseconds').transform(Number);

/**
 * `range` (the last 1 h ...), or a chosen window `from` and `to` (unix ms, both, at least a minute
 * and at most 30 days apart: customWindowProblem), which then decides alone.
 */
export const metricsQuerySchema = z
  .object({ range: z.enum(HISTORY_RANGES).default(DEFAULT_HISTORY_RANGE), from: unixMs.optional(), to: unixMs.optional() })
  .strict()
  .superRefine((query, context) => {
    if (query.from === undefined && query.to === undefined) return;
    if (query.from === undefined || query.to === undefined) {
      context.addIssue({ code: 'custom', path: [query.from === undefined ? 'from' : 'to'], message: 'from and to go together' });
      return;
    }
    const problem = customWindowProblem(query.from, query.to);
    if (problem) context.addIssue({ code: 'custom', path: ['from'], message: problem });
  });

/** [unix ms, value]; null where there is no data (instance down, Redlens not running, restart). */
export type Point = [number, number | null];

export type MetricValues = Record<Metric, number | null>;

/** One sample of one instance, as the sampler computes it and the history store keeps it. */
export interface SampleRow {
  instance: string;
  /** unix ms */
  ts: number;
  up: boolean;
  runId: string | null;
  values: MetricValues;
}

export interface MetricsResponse {
  /** The range asked for; for a chosen window, the shortest range as long as it (how its times read). */
  range: HistoryRange;
  stepSeconds: number;
  from: number;
  to: number;
  series: Record<Metric, Point[]>;
  /** Findings active at some point of the range, for marking charts. */
  findings: FindingEvent[];
  /** The health thresholds in force (the config file's over the defaults): the charts' target lines. */
  thresholds: Thresholds;
}
