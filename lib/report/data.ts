// What the weekly report is computed from, as plain data: read from the store by ./read.ts,
// turned into the report by the pure ./compute.ts (so the arithmetic is tested without a store).
import type { InstanceEvent } from '@/lib/events/types';
import type { Severity } from '@/lib/health/types';
import type { Thresholds } from '@/lib/health-targets';
import type { IsoWeek } from './week';

/** The history series the report reads from the rollups (lib/history/types.ts METRICS names). */
export const BUCKET_METRICS = [
  'usedMemory',
  'usedMemoryRss',
  'maxmemory',
  'fragmentationRatio',
  'connectedClients',
  'opsPerSec',
  'hitRatio',
  'hitsPerSec',
  'missesPerSec',
  'evictedPerSec',
  'pingP95Ms',
] as const;
export type BucketMetric = (typeof BUCKET_METRICS)[number];

export interface Stat {
  min: number | null;
  avg: number | null;
  max: number | null;
}

/** One rollup row: a minute, or an hour where the minutes are no longer kept. */
export interface HistoryBucket {
  /** unix ms, the bucket's start */
  ts: number;
  /** 60,000 or 3,600,000 */
  lengthMs: number;
  samples: number;
  /** samples when Redis answered */
  upSamples: number;
  values: Record<BucketMetric, Stat>;
}

/** A bucket with the time it stands for. */
export interface Weighted {
  bucket: HistoryBucket;
  /** ms of the bucket when Redis answered: its up samples times the sample interval, at most its length */
  upMs: number;
  /** ms when it did not */
  downMs: number;
  /** 0 (Monday) .. 6 */
  day: number;
}

export interface SlowlogFingerprintWeek {
  fingerprint: string;
  count: number;
  totalMicros: number;
  maxMicros: number;
  /** the tuning-guide pattern (KEYS, HGETALL ...) of its entries, or null */
  warning: string | null;
}

/** The application's slow log entries of a week (Redlens's own left out), from the hour rollups. */
export interface SlowlogWeek {
  entries: number;
  totalMicros: number;
  /** entries per day, Monday first */
  perDay: number[];
  /** by total time, most first */
  fingerprints: SlowlogFingerprintWeek[];
  /** fingerprints of this week that the archive had never seen before it */
  newFingerprints: string[];
  /** entries that rotated out of SLOWLOG before Redlens read them (gaps recorded in the week) */
  missed: number;
  /** the oldest archived minute of the instance (what "new" is measured against); null: nothing archived */
  archiveSince: number | null;
}

/** The figures the report takes from a keyspace analysis result (lib/analysis/types.ts). */
export interface AnalysisFacts {
  id: string;
  startedAt: number;
  finishedAt: number;
  estimated: boolean;
  db: number;
  keys: number;
  withoutTtl: number;
  withoutTtlBytes: number;
  policyViolations: number;
  policies: Array<{ pattern: string; policy: string; keys: number; violations: number }>;
  withoutTtlByNamespace: Array<{ namespace: string; keys: number; memoryBytes: number }>;
  encodingFindings: number;
  encodings: Array<{ key: string; type: string; encoding: string; length: number; setting: string; threshold: number }>;
  /** the biggest keys by memory */
  bigKeys: Array<{ key: string; type: string; memoryBytes: number | null }>;
}

export interface WeekData {
  week: IsoWeek;
  buckets: HistoryBucket[];
  slowlog: SlowlogWeek;
  /** the newest finished analysis by the week's end, or null */
  analysis: AnalysisFacts | null;
}

/** One group of connected clients (lib/clients: by name or by host), as the report lists it. */
export interface ClientGroupNow {
  key: string;
  count: number;
  own: number;
}

/**
 * Who is connected as the report is made (the clients page's groups): the history keeps counts,
 * not clients, so only the current week's report has them, and says they are of now.
 */
export type ClientsNow =
  | { at: number; total: number; own: number; byName: ClientGroupNow[]; byHost: ClientGroupNow[] }
  | { at: number; unavailable: string };

export interface FindingRow {
  id: string;
  severity: Severity;
  title: string;
  startedAt: number;
  endedAt: number | null;
}

export interface ReportInput {
  instance: { id: string; name: string };
  now: number;
  sampleIntervalMs: number;
  thresholds: Thresholds;
  thisWeek: WeekData;
  lastWeek: WeekData;
  /** the week's events, newest first */
  events: InstanceEvent[];
  eventsTruncated: boolean;
  /** findings active at some time of the week */
  findings: FindingRow[];
  /** the oldest history kept for the instance (unix ms), null when there is none */
  dataSince: number | null;
  /** the current week only: who is connected now; null for a past week */
  clientsNow: ClientsNow | null;
}
