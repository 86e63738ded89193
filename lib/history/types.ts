// Shapes of the history and health APIs, shared by the server and the charts. No server imports.
import { z } from 'zod';

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
] as const;
export type Metric = (typeof METRICS)[number];

export const RANGES = ['15m', '1h', '6h', '24h', '7d', '30d'] as const;
export type Range = (typeof RANGES)[number];

export const metricsQuerySchema = z.object({ range: z.enum(RANGES).default('1h') }).strict();

/** [unix ms, value]; null where there is no data (instance down, Redlens not running, restart). */
export type Point = [number, number | null];

export type Severity = 'info' | 'warning' | 'critical';

export interface FindingEvent {
  id: string;
  severity: Severity;
  title: string;
  startedAt: number;
  /** null while the finding is still active */
  endedAt: number | null;
}

export interface MetricsResponse {
  range: Range;
  stepSeconds: number;
  from: number;
  to: number;
  series: Record<Metric, Point[]>;
  /** Findings active at some point of the range, for marking charts. */
  findings: FindingEvent[];
}

export interface Finding {
  id: string;
  severity: Severity;
  title: string;
  /** The evidence, with numbers and units. */
  detail: string;
  value: number | string | null;
  threshold: number | string | null;
  /** What to do, one or two lines. */
  remediation: string;
  /** When this finding started (unix ms). */
  since: number;
}

export interface HealthResponse {
  status: 'ok' | 'warning' | 'critical';
  findings: Finding[];
  /** When the sampler last evaluated the rules; null before the first sample. */
  evaluatedAt: number | null;
}
