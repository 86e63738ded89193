// Shapes of the keyspace analysis (SPEC section 10; API in section 5), shared by the server and
// the analysis page. No server imports.
import { z } from 'zod';
import { MAX_DB_INDEX } from '@/lib/keys/constants';
import { matchParam } from '@/lib/keys/schemas';
import type { JobProgress, JobStatus } from '@/lib/jobs/types';

export const DEFAULT_SAMPLE_KEYS = 100_000;

/** POST /api/instances/{id}/analysis */
export const analysisStartSchema = z
  .object({
    db: z.number().int().min(0).max(MAX_DB_INDEX),
    mode: z.enum(['full', 'sample']),
    sampleKeys: z.number().int().min(1000).max(10_000_000).optional(),
    // The key browser's bounds (SPEC section 5): at most 256 bytes and 4 `*`, no NUL.
    match: matchParam.optional(),
  })
  .strict();
export type AnalysisStart = z.infer<typeof analysisStartSchema>;

/** What a run was asked to do (sampleKeys resolved). */
export interface AnalysisParams {
  db: number;
  mode: 'full' | 'sample';
  sampleKeys: number;
  match?: string;
}

/** One key as the walk saw it (TYPE, PTTL, MEMORY USAGE, length; OBJECT ENCODING for big ones). */
export interface KeyFacts {
  name: Buffer;
  type: string;
  /** PTTL: -1 no TTL. */
  ttlMs: number;
  /** MEMORY USAGE; null when it was refused. */
  memoryBytes: number | null;
  /** STRLEN / HLEN / LLEN / SCARD / ZCARD / XLEN; null for other types. */
  length: number | null;
  /** OBJECT ENCODING, asked only of keys long enough to matter (encoding findings). */
  encoding?: string;
}

export interface AnalysisProgress extends JobProgress {
  /** Keys the walk looked at so far (done) of DBSIZE when it started (total). */
  scanned: number;
  dbSize: number;
  keysPerSec: number | null;
  /** The PING round trip measured between the last batches, ms; the walk slows above 2 ms. */
  pingMs: number | null;
  /** True while the walk waits because PING is slow. */
  paced: boolean;
  /** A Redis Cluster instance: the master being walked now (1-based) of how many, and where. */
  master?: { walking: number; of: number; address: string };
}

/** A key shown in the result: the display name and its exact bytes (SPEC section 5). */
export interface AnalysisKey {
  key: string;
  keyB64: string;
  type: string;
  ttlMs: number;
  memoryBytes: number | null;
  length: number | null;
  encoding?: string;
  namespace: string;
}

export const TTL_BUCKETS = ['none', '<1h', '1-4h', '4-12h', '12-24h', '1-7d', '>7d'] as const;
export type TtlBucket = (typeof TTL_BUCKETS)[number];

export interface NamespaceFigures {
  /** `user:{id}:session`; names without a separator are their own namespace. */
  namespace: string;
  keys: number;
  memoryBytes: number;
  /** Keys (and their bytes) of this namespace without a TTL. */
  withoutTtl: number;
  withoutTtlBytes: number;
  /** A key of it, to open in the key browser. */
  example: { key: string; keyB64: string };
}

export interface TtlPolicyFigures {
  pattern: string;
  meaning: string;
  policy: string;
  keys: number;
  /** MEMORY USAGE of the pattern's keys. */
  memoryBytes?: number;
  violations: number;
  /** A few of the violating keys, with why. */
  examples: Array<{ key: string; keyB64: string; ttlMs: number; reason: 'no-ttl' | 'ttl-too-long' }>;
}

export interface EncodingFinding {
  key: string;
  keyB64: string;
  type: string;
  encoding: string;
  length: number;
  /** The setting that would keep such a key compact, and its value (`hash-max-listpack-entries` 512). */
  setting: string;
  threshold: number;
  /**
   * The value-size setting that also decides it (`hash-max-listpack-value` 64): a field or member
   * longer than it makes the big encoding legitimate; the walk does not read values to tell.
   * null where there is none (lists).
   */
  valueSetting?: string | null;
  valueThreshold?: number | null;
  /** MEMORY USAGE of the key (null when refused): findings are listed biggest first. */
  memoryBytes?: number | null;
}

export interface AnalysisResult {
  db: number;
  mode: 'full' | 'sample';
  /** Sampled runs scale counts and bytes by dbSize / scanned: every total is then an estimate. */
  estimated: boolean;
  /** scanned / dbSize (1 for a full run of a quiet Redis). */
  fractionSeen: number;
  scanned: number;
  dbSize: number;
  totals: { keys: number; memoryBytes: number };
  /** elements: the sum of the lengths: elements of collections, bytes of strings (STRLEN). */
  byType: Array<{ type: string; keys: number; memoryBytes: number; elements: number }>;
  /**
   * Most memory first; past NAMESPACES_SHOWN the rest are folded into one `(other)` row, last
   * (as are keys of namespaces met after NAMESPACES_MAX distinct ones: then namespacesCapped).
   */
  namespaces: NamespaceFigures[];
  namespacesCapped?: boolean;
  /** By memory, then (collections only: a string's length is bytes, its size its memory) by elements. */
  topByMemory: AnalysisKey[];
  topByLength: AnalysisKey[];
  ttlHistogram: Array<{ bucket: TtlBucket; keys: number; memoryBytes: number }>;
  /** Namespaces with keys without a TTL, most keys first. */
  withoutTtlByNamespace: Array<{ namespace: string; keys: number; memoryBytes: number }>;
  ttlPolicy: TtlPolicyFigures[];
  /** Keys no policy pattern matches. */
  unclassified: { keys: number; memoryBytes: number };
  /** The biggest (by memory) of the findings; encodingFindingsTotal counts them all. */
  encodingFindings: EncodingFinding[];
  /** MEMORY USAGE was refused (an ACL without memory|usage): every byte figure is then 0 / a lower bound. */
  memoryError?: string;
  encodingFindingsTotal?: number;
  /**
   * A Redis Cluster instance: its masters walked one after the other (db 0), every figure above
   * over all of them; `masters` says how many were walked (fewer than `nodes` lists when stopped).
   */
  cluster?: { masters: number; nodes: AnalysisClusterNode[] };
}

/** One master of a cluster in its analysis: where it is and how much of it was walked. */
export interface AnalysisClusterNode {
  /** The node's instance id (its own pages). */
  instanceId: string;
  /** host:port */
  address: string;
  /** DBSIZE when the run started */
  dbSize: number;
  /** keys the walk looked at on it; 0 when it was not reached (cancelled before) */
  scanned: number;
  walked: boolean;
}

/** One run in the list (GET .../analysis). */
export interface AnalysisRunSummary {
  id: string;
  db: number;
  mode: 'full' | 'sample';
  status: JobStatus;
  startedAt: number;
  finishedAt: number | null;
  /** Keys counted (scanned so far while running). */
  keys: number;
}

/** GET .../analysis/{runId}: the run with its progress and, when done (or cancelled), its result. */
export interface AnalysisRunDetail extends AnalysisRunSummary {
  params: AnalysisParams;
  progress: AnalysisProgress | null;
  result: AnalysisResult | null;
  error: string | null;
  /** With ?compareTo: per-namespace keys and memory then (the other run) and now (this one). */
  comparison?: NamespaceComparison;
}

export interface NamespaceComparison {
  otherRunId: string;
  otherStartedAt: number;
  namespaces: Array<{ namespace: string; keysThen: number; keysNow: number; memoryThen: number; memoryNow: number }>;
}
