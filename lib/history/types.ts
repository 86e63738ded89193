// Shapes of the history API and of the sampled rows behind it, shared by the server and the charts.
// No server imports.
import { z } from 'zod';
import type { FindingEvent } from '@/lib/health/types';
import type { Thresholds } from '@/lib/health-targets';
import { DEFAULT_HISTORY_RANGE, HISTORY_RANGES, type HistoryRange } from '@/lib/time-range';

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

export const metricsQuerySchema = z.object({ range: z.enum(HISTORY_RANGES).default(DEFAULT_HISTORY_RANGE) }).strict();

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
