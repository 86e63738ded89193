// Shapes of the slow log APIs, shared by the server and the slow log page. No server imports.
import { z } from 'zod';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';

export interface SlowlogEntryView extends SlowlogEntry {
  /** set when the command is one the tuning guide warns about */
  warning: { pattern: string; advice: string } | null;
  /** command plus key pattern, ids folded: "GET user:{id}:session" */
  fingerprint: string;
}

export interface FingerprintStat {
  fingerprint: string;
  count: number;
  totalMicros: number;
  maxMicros: number;
  warning: { pattern: string; advice: string } | null;
}

export interface SlowlogConfig {
  /** slowlog-log-slower-than in µs; negative disables the log, 0 logs everything */
  slowerThanMicros: number | null;
  maxLen: number | null;
  /** What is wrong with these settings, in words; empty when they are fine. */
  warnings: string[];
}

export interface SlowlogResponse {
  entries: SlowlogEntryView[];
  /** SLOWLOG LEN */
  length: number;
  config: SlowlogConfig;
  /** fingerprints of the live entries, by total time */
  analysis: FingerprintStat[];
}

export interface SlowlogGap {
  /** unix ms, when the sampler noticed */
  recordedAt: number;
  runId: string;
  afterId: number;
  /** about how many entries rotated out (or were reset) before Redlens read them */
  missed: number;
}

export interface ArchivedEntry extends SlowlogEntryView {
  runId: string;
}

export interface SlowlogArchiveResponse {
  entries: ArchivedEntry[];
  /** true when more entries match than `limit` */
  truncated: boolean;
  gaps: SlowlogGap[];
  analysis: {
    fingerprints: FingerprintStat[];
    /** [unix ms of the minute, number of slow entries] */
    perMinute: Array<[number, number]>;
    /** total time per fingerprint per time bucket, for the "time by fingerprint" chart */
    timeByFingerprint: { stepSeconds: number; fingerprints: string[]; points: Array<{ ts: number; micros: Record<string, number> }> };
  };
}

export interface SlowlogResetResponse {
  archived: number;
  reset: true;
}

export const slowlogArchiveQuerySchema = z
  .object({
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type SlowlogArchiveQuery = z.infer<typeof slowlogArchiveQuerySchema>;
