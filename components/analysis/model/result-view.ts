// The result's figures shaped for the page: the coverage line (an estimate, or partial), namespace
// rows with their share of memory, the TTL histogram in order with people's labels, types by
// memory. Pure.
import type { AnalysisKey, AnalysisResult, NamespaceFigures, TtlBucket, TtlPolicyFigures } from '@/lib/analysis/types';
import { TTL_BUCKETS } from '@/lib/analysis/types';
import type { JobStatus } from '@/lib/jobs/types';
import { formatBytes, formatMillisAsDuration, formatNumber, formatPercent, MISSING } from '@/lib/format';

/**
 * How much of the db the figures stand for: a sample's totals are estimates (SPEC section 10:
 * "honestly labelled"), a stopped run's only cover what it counted. null: the whole db, exact.
 */
export function coverageText(result: AnalysisResult, status: JobStatus): string | null {
  const seen = `${formatNumber(result.scanned, 0)} of ${formatNumber(result.dbSize, 0)} keys`;
  if (result.estimated) return `Estimate from ${formatPercent(result.fractionSeen)} of the keys (${seen} sampled): totals are scaled up.`;
  if (status !== 'done') return `Partial: ${seen} counted before the run stopped.`;
  return null;
}

export interface NamespaceRow extends NamespaceFigures {
  /** Share of the total memory, 0..1. */
  share: number;
}

export function namespaceRows(result: AnalysisResult): NamespaceRow[] {
  const total = result.totals.memoryBytes;
  return result.namespaces.map((ns) => ({ ...ns, share: total > 0 ? ns.memoryBytes / total : 0 }));
}

/** The chart's bars: the biggest namespaces, the rest in one bar, so labels stay readable. */
export function namespaceChartRows(rows: NamespaceRow[], max: number): Array<{ namespace: string; memoryBytes: number; keys: number }> {
  const sorted = [...rows].sort((a, b) => b.memoryBytes - a.memoryBytes);
  if (sorted.length <= max) return sorted.map(({ namespace, memoryBytes, keys }) => ({ namespace, memoryBytes, keys }));
  const shown = sorted.slice(0, max - 1).map(({ namespace, memoryBytes, keys }) => ({ namespace, memoryBytes, keys }));
  const rest = sorted.slice(max - 1);
  shown.push({
    namespace: `${rest.length} more namespaces`,
    memoryBytes: rest.reduce((sum, row) => sum + row.memoryBytes, 0),
    keys: rest.reduce((sum, row) => sum + row.keys, 0),
  });
  return shown;
}

export const TTL_BUCKET_LABELS: Record<TtlBucket, string> = {
  none: 'no TTL',
  '<1h': '< 1 h',
  '1-4h': '1–4 h',
  '4-12h': '4–12 h',
  '12-24h': '12–24 h',
  '1-7d': '1–7 d',
  '>7d': '> 7 d',
};

export interface TtlRow {
  bucket: TtlBucket;
  label: string;
  keys: number;
  memoryBytes: number;
  keysShare: number;
  bytesShare: number;
}

/** Every bucket in order (empty ones too, so the histogram's axis never shifts). */
export function ttlRows(result: AnalysisResult): TtlRow[] {
  const byBucket = new Map(result.ttlHistogram.map((row) => [row.bucket, row]));
  const keys = result.ttlHistogram.reduce((sum, row) => sum + row.keys, 0);
  const bytes = result.ttlHistogram.reduce((sum, row) => sum + row.memoryBytes, 0);
  return TTL_BUCKETS.map((bucket) => {
    const row = byBucket.get(bucket) ?? { keys: 0, memoryBytes: 0 };
    return {
      bucket,
      label: TTL_BUCKET_LABELS[bucket],
      keys: row.keys,
      memoryBytes: row.memoryBytes,
      keysShare: keys > 0 ? row.keys / keys : 0,
      bytesShare: bytes > 0 ? row.memoryBytes / bytes : 0,
    };
  });
}

/** The headline of the TTL question: how many keys (and bytes) never expire. */
export function withoutTtlSummary(result: AnalysisResult): { keys: number; memoryBytes: number; share: number } {
  const none = result.ttlHistogram.find((row) => row.bucket === 'none') ?? { keys: 0, memoryBytes: 0 };
  return { keys: none.keys, memoryBytes: none.memoryBytes, share: result.totals.keys > 0 ? none.keys / result.totals.keys : 0 };
}

export function typeRows(result: AnalysisResult): AnalysisResult['byType'] {
  return [...result.byType].sort((a, b) => b.memoryBytes - a.memoryBytes || b.keys - a.keys);
}

/** PTTL as people say it: -1 is "no TTL". */
export const ttlLeftText = (ttlMs: number) => (ttlMs < 0 ? 'no TTL' : formatMillisAsDuration(ttlMs));

/** A string's length is its bytes; a collection's, its elements. */
export function keyLengthText(key: Pick<AnalysisKey, 'type' | 'length'>): string {
  if (key.length === null) return MISSING;
  return key.type === 'string' ? formatBytes(key.length) : `${formatNumber(key.length, 0)} ${key.length === 1 ? 'element' : 'elements'}`;
}

/** Why an example breaks the policy: "no TTL", "TTL 12 d left, longer than allowed". */
export function violationText(example: TtlPolicyFigures['examples'][number]): string {
  return example.reason === 'no-ttl' ? 'no TTL' : `TTL ${ttlLeftText(example.ttlMs)} left, longer than allowed`;
}
