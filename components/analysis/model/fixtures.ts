// Hand-made analysis results for the view-model tests: a full run and a sampled one of a small
// meal-planning cache (the guide's key patterns).
import type { AnalysisProgress, AnalysisResult, NamespaceComparison } from '@/lib/analysis/types';

const b64 = (name: string) => Buffer.from(name).toString('base64');
const key = (name: string) => ({ key: name, keyB64: b64(name) });

export const fullResult: AnalysisResult = {
  db: 0,
  mode: 'full',
  estimated: false,
  fractionSeen: 1,
  scanned: 1_000,
  dbSize: 1_000,
  totals: { keys: 1_000, memoryBytes: 4_000_000 },
  byType: [
    { type: 'string', keys: 700, memoryBytes: 1_000_000, elements: 0 },
    { type: 'hash', keys: 300, memoryBytes: 3_000_000, elements: 9_000 },
  ],
  namespaces: [
    { namespace: 'recipe:{id}', keys: 300, memoryBytes: 3_000_000, withoutTtl: 10, withoutTtlBytes: 100_000, example: key('recipe:42') },
    { namespace: 'user:{id}:session', keys: 600, memoryBytes: 900_000, withoutTtl: 0, withoutTtlBytes: 0, example: key('user:7:session') },
    { namespace: 'config', keys: 1, memoryBytes: 60_000, withoutTtl: 1, withoutTtlBytes: 60_000, example: key('config') },
    { namespace: '(other)', keys: 99, memoryBytes: 40_000, withoutTtl: 99, withoutTtlBytes: 40_000, example: key('misc:a') },
  ],
  topByMemory: [
    { ...key('recipe:42'), type: 'hash', ttlMs: 3_600_000, memoryBytes: 500_000, length: 2_000, encoding: 'hashtable', namespace: 'recipe:{id}' },
  ],
  topByLength: [
    { ...key('recipe:42'), type: 'hash', ttlMs: 3_600_000, memoryBytes: 500_000, length: 2_000, encoding: 'hashtable', namespace: 'recipe:{id}' },
  ],
  ttlHistogram: [
    { bucket: 'none', keys: 110, memoryBytes: 200_000 },
    { bucket: '<1h', keys: 600, memoryBytes: 900_000 },
    { bucket: '12-24h', keys: 290, memoryBytes: 2_900_000 },
  ],
  withoutTtlByNamespace: [
    { namespace: '(other)', keys: 99, memoryBytes: 40_000 },
    { namespace: 'recipe:{id}', keys: 10, memoryBytes: 100_000 },
    { namespace: 'config', keys: 1, memoryBytes: 60_000 },
  ],
  ttlPolicy: [
    {
      pattern: 'recipe:{id}', meaning: 'recipe', policy: '4 to 24 h (popularity-based)', keys: 300, violations: 10,
      examples: [{ ...key('recipe:9'), ttlMs: -1, reason: 'no-ttl' }],
    },
    { pattern: 'user:{id}:session', meaning: 'user session', policy: '24 h (sliding)', keys: 600, violations: 0, examples: [] },
    { pattern: 'search:{hash}', meaning: 'search result', policy: '30 min', keys: 0, violations: 0, examples: [] },
  ],
  unclassified: { keys: 100, memoryBytes: 100_000 },
  encodingFindings: [
    { ...key('recipe:42'), type: 'hash', encoding: 'hashtable', length: 2_000, setting: 'hash-max-listpack-entries', threshold: 512 },
  ],
};

/** 10 % of a 10,000-key db seen, totals scaled. */
export const sampledResult: AnalysisResult = {
  ...fullResult,
  mode: 'sample',
  estimated: true,
  fractionSeen: 0.1,
  scanned: 1_000,
  dbSize: 10_000,
  totals: { keys: 10_000, memoryBytes: 40_000_000 },
};

export const progress = (patch: Partial<AnalysisProgress> = {}): AnalysisProgress => ({
  done: 25_000,
  total: 100_000,
  perSecond: 5_000,
  etaSeconds: 15,
  scanned: 25_000,
  dbSize: 100_000,
  keysPerSec: 5_000,
  pingMs: 0.4,
  paced: false,
  ...patch,
});

export const comparison: NamespaceComparison = {
  otherRunId: 'run-old',
  otherStartedAt: Date.UTC(2026, 10, 20, 9, 0, 0),
  namespaces: [
    { namespace: 'recipe:{id}', keysThen: 200, keysNow: 300, memoryThen: 2_000_000, memoryNow: 3_000_000 },
    { namespace: 'user:{id}:session', keysThen: 600, keysNow: 600, memoryThen: 900_000, memoryNow: 900_000 },
    { namespace: 'search:{hash}', keysThen: 50, keysNow: 0, memoryThen: 5_000_000, memoryNow: 0 },
    { namespace: 'config', keysThen: 0, keysNow: 1, memoryThen: 0, memoryNow: 60_000 },
  ],
};
