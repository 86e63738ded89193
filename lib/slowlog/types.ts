// Shapes of the slow log APIs, shared by the server and the slow log page. No server imports.
import { z } from 'zod';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';

/** The node of a Redis Cluster instance an entry was logged on: its address and its own pages' id. */
export interface SlowlogNodeRef {
  /** host:port */
  address: string;
  /** The node's instance id: its own slow log is /instances/{instanceId}/slowlog. */
  instanceId: string;
}

export interface SlowlogEntryView extends SlowlogEntry {
  /** set when the command is one the tuning guide warns about */
  warning: { pattern: string; advice: string } | null;
  /** command plus key pattern, ids folded: "GET user:{id}:session" */
  fingerprint: string;
  /** Only in a Redis Cluster instance's merged slow log: the node that logged it. */
  node?: SlowlogNodeRef;
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

/** Redlens's own entries (client name `redlens…`, SPEC section 8): hidden unless asked for. */
export interface OwnEntriesNote {
  /** true when the answer includes them (`own=show`) */
  shown: boolean;
  /** how many were left out: of the entries read (live), of the range (archive); 0 when shown */
  hidden: number;
}

export interface SlowlogResponse {
  entries: SlowlogEntryView[];
  /** SLOWLOG LEN */
  length: number;
  config: SlowlogConfig;
  /** fingerprints of the live entries, by total time */
  analysis: FingerprintStat[];
  /**
   * Only for a Redis Cluster instance: how each node was read. Its `entries` are every node's
   * merged newest first (each with its `node`), `length` the sum of the nodes' SLOWLOG LEN and
   * `config` what the nodes agree on (null where they differ), with every node's warnings.
   */
  nodes?: ClusterSlowlogNode[];
}

/** One node of a Redis Cluster instance in its merged slow log: read, or why not. */
export interface ClusterSlowlogNode extends SlowlogNodeRef {
  role: 'master' | 'replica';
  /** SLOWLOG LEN of the node; null when it could not be read */
  length: number | null;
  /** Why the node's slow log could not be read (its entries are then missing from the merge). */
  error: string | null;
}

/** The live view's answer: the slow log with Redlens's own entries hidden or shown. */
export interface SlowlogLiveResponse extends SlowlogResponse {
  own: OwnEntriesNote;
}

export interface SlowlogGap {
  /** unix ms, when the sampler noticed */
  recordedAt: number;
  runId: string;
  afterId: number;
  /** about how many entries rotated out (or were reset) before Redlens read them */
  missed: number;
  /** Only in a Redis Cluster instance's archive: the node whose entries these were. */
  node?: SlowlogNodeRef;
}

export interface ArchivedEntry extends SlowlogEntryView {
  runId: string;
}

/** How far a search (`q`) went: it scans a bounded number of entries per request, newest first. */
export interface ArchiveSearchProgress {
  /** entries looked at by this request */
  scannedRows: number;
  /** true when it reached the start of the range: there is nothing older to search */
  complete: boolean;
  /** unix ms of the oldest entry it looked at; null when it looked at none */
  scannedBackTo: number | null;
}

export interface SlowlogArchiveResponse {
  /** one page, newest first */
  entries: ArchivedEntry[];
  /** true when older entries may match: ask again with `before=nextCursor` */
  truncated: boolean;
  /** where the next, older page starts (or a search continues); null at the start of the range */
  nextCursor: string | null;
  /** entries in the range, from the per-minute rollup; null with a search (not counted) */
  total: number | null;
  /** with `q`: how far this request searched */
  search: ArchiveSearchProgress | null;
  gaps: SlowlogGap[];
  /** With own entries hidden, the entries, counts, charts and fingerprints all leave them out. */
  own: OwnEntriesNote;
  analysis: {
    /** 'range': every entry of the range (rollups); 'matches': the matches on this page (a search) */
    basis: 'range' | 'matches';
    fingerprints: FingerprintStat[];
    /** [unix ms of the bucket, number of slow entries]; buckets of timeByFingerprint.stepSeconds */
    perMinute: Array<[number, number]>;
    /** total time per fingerprint per time bucket, for the "time by fingerprint" chart */
    timeByFingerprint: { stepSeconds: number; fingerprints: string[]; points: Array<{ ts: number; micros: Record<string, number> }> };
  };
}

export interface SlowlogResetResponse {
  archived: number;
  reset: true;
}

/** How the reset of one node of a cluster went ("Reset all nodes"); each node is audited on its own. */
export interface ClusterNodeResetResult extends SlowlogNodeRef {
  role: 'master' | 'replica';
  outcome: 'reset' | 'failed';
  /** entries archived before the reset; null when it failed */
  archived: number | null;
  /** true: the node's slow log was emptied (also when archiving its last entries failed) */
  redisReset: boolean;
  /** why it failed; null when it was reset */
  error: { code: string; message: string } | null;
}

/** POST /api/instances/{cluster}/slowlog/reset: every node archived first, then reset, one result each. */
export interface ClusterSlowlogResetResponse {
  nodes: ClusterNodeResetResult[];
  /** entries archived over every node */
  archived: number;
  /** nodes reset / failed */
  reset: number;
  failed: number;
}

/** `own=show` shows Redlens's own entries; `own=hide` (the default) leaves them out. */
export const ownEntriesParam = z.enum(['hide', 'show']).default('hide');

export const slowlogLiveQuerySchema = z.object({ own: ownEntriesParam }).strict();

/** An archive page's position: `${ts}:${id}:${runId}` of the last entry shown (see lib/slowlog/archive-query.ts). */
export const ARCHIVE_CURSOR = /^\d{1,12}:\d{1,20}:[\w-]{1,64}$/;

export const slowlogArchiveQuerySchema = z
  .object({
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    before: z.string().regex(ARCHIVE_CURSOR, 'before must be a cursor from nextCursor').optional(),
    // Without a format: one page as JSON. With one: an export file, streamed page by page.
    format: z.enum(['json', 'csv']).optional(),
    own: ownEntriesParam,
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type SlowlogArchiveQuery = z.infer<typeof slowlogArchiveQuerySchema>;
