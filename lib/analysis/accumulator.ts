// The analysis result built key by key as the walk goes (SPEC section 10), in bounded memory
// whatever the keyspace: counters per type, namespace (capped), TTL bucket and policy rule,
// bounded heaps for the top keys and the encoding findings, a few examples per rule. A key's
// name is split once, and becomes display text only when it is kept (an example, a top key).
// Pure, no server imports.
import { displayName } from '@/lib/display-bytes';
import type { AnalysisKey, AnalysisResult, EncodingFinding, KeyFacts, NamespaceFigures, TtlPolicyFigures } from './types';
import { TTL_BUCKETS } from './types';
import { encodingFindingOf, type EncodingThresholds } from './encoding';
import { nameSegments } from './name-segments';
import { namespaceOfSegments, OTHER_NAMESPACE } from './namespace';
import { TopN } from './top-n';
import { ttlBucketOf } from './ttl-bucket';
import { auditSegments, type CompiledPolicy, type PolicyViolation } from './ttl-policy-audit';

export const DEFAULT_TOP_N = 100;
/**
 * Distinct namespaces counted one by one; keys of any further namespace go to `(other)`. SCAN
 * visits keys in hash order, which reads as random, so a namespace with many keys has almost
 * surely been met before the cap fills: what `(other)` hides is the long tail.
 */
export const NAMESPACES_MAX = 20_000;
/** Namespaces listed in a result (most memory first); the rest are folded into `(other)`. */
export const NAMESPACES_SHOWN = 1_000;
/** Violating keys kept as examples per policy rule. */
export const POLICY_EXAMPLES = 5;

/** Types whose length counts elements (a string's STRLEN is bytes: its size is its memory). */
const COLLECTIONS = new Set(['hash', 'list', 'set', 'zset', 'stream']);
const BUCKET_INDEX = new Map(TTL_BUCKETS.map((bucket, index) => [bucket, index]));

interface NamespaceCounts {
  keys: number;
  memoryBytes: number;
  withoutTtl: number;
  withoutTtlBytes: number;
  example: { key: string; keyB64: string };
}

interface RuleCounts {
  keys: number;
  memoryBytes: number;
  violations: number;
  examples: TtlPolicyFigures['examples'];
}

function exampleOf(name: Buffer): { key: string; keyB64: string } {
  return { key: displayName(name), keyB64: name.toString('base64') };
}

function emptyNamespace(name: Buffer): NamespaceCounts {
  return { keys: 0, memoryBytes: 0, withoutTtl: 0, withoutTtlBytes: 0, example: exampleOf(name) };
}

function analysisKey(facts: KeyFacts, namespace: string): AnalysisKey {
  const key: AnalysisKey = {
    ...exampleOf(facts.name),
    type: facts.type,
    ttlMs: facts.ttlMs,
    memoryBytes: facts.memoryBytes,
    length: facts.length,
    namespace,
  };
  if (facts.encoding !== undefined) key.encoding = facts.encoding;
  return key;
}

/** Namespaces by memory (then keys, then name), the first `shown` of them, the rest into one row. */
function foldNamespaces(rows: Array<[string, NamespaceCounts]>, other: NamespaceCounts | null, shown: number): Array<[string, NamespaceCounts]> {
  rows.sort(([nameA, a], [nameB, b]) => b.memoryBytes - a.memoryBytes || b.keys - a.keys || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0));
  const kept = rows.slice(0, shown);
  let folded = other ? { ...other } : null;
  for (const [, counts] of rows.slice(shown)) {
    folded ??= { keys: 0, memoryBytes: 0, withoutTtl: 0, withoutTtlBytes: 0, example: counts.example };
    folded.keys += counts.keys;
    folded.memoryBytes += counts.memoryBytes;
    folded.withoutTtl += counts.withoutTtl;
    folded.withoutTtlBytes += counts.withoutTtlBytes;
  }
  if (folded && folded.keys > 0) kept.push([OTHER_NAMESPACE, folded]);
  return kept;
}

export interface AccumulatorOptions {
  policy: CompiledPolicy;
  encoding: EncodingThresholds;
  /** Keys kept by memory and by length, and encoding findings kept; 100. */
  topN?: number;
  /** Distinct namespaces counted before the rest go to `(other)`; NAMESPACES_MAX. */
  namespacesMax?: number;
  /** Namespaces listed in a result; NAMESPACES_SHOWN. */
  namespacesShown?: number;
}

export class AnalysisAccumulator {
  private readonly policy: CompiledPolicy;
  private readonly encoding: EncodingThresholds;
  private readonly namespacesMax: number;
  private readonly namespacesShown: number;

  private count = 0;
  private memoryBytes = 0;
  private readonly types = new Map<string, { keys: number; memoryBytes: number; elements: number }>();
  private readonly namespaces = new Map<string, NamespaceCounts>();
  /** Keys of namespaces met after NAMESPACES_MAX distinct ones. */
  private other: NamespaceCounts | null = null;
  private readonly ttlKeys = TTL_BUCKETS.map(() => 0);
  private readonly ttlBytes = TTL_BUCKETS.map(() => 0);
  private readonly rules: RuleCounts[];
  private readonly unclassified = { keys: 0, memoryBytes: 0 };
  private readonly topByMemory: TopN<AnalysisKey>;
  private readonly topByLength: TopN<AnalysisKey>;
  private readonly findings: TopN<EncodingFinding>;
  private findingsTotal = 0;

  constructor(options: AccumulatorOptions) {
    this.policy = options.policy;
    this.encoding = options.encoding;
    const topN = options.topN ?? DEFAULT_TOP_N;
    this.namespacesMax = options.namespacesMax ?? NAMESPACES_MAX;
    this.namespacesShown = options.namespacesShown ?? NAMESPACES_SHOWN;
    this.rules = options.policy.rules.map(() => ({ keys: 0, memoryBytes: 0, violations: 0, examples: [] }));
    this.topByMemory = new TopN(topN);
    this.topByLength = new TopN(topN);
    this.findings = new TopN(topN);
  }

  /** How many keys were added. */
  get keys(): number {
    return this.count;
  }

  /** One batch of keys as the walk saw them (keys that vanished mid-walk are not passed). */
  add(keys: KeyFacts[]): void {
    for (const facts of keys) this.addKey(facts);
  }

  private addKey(facts: KeyFacts): void {
    // A refused MEMORY USAGE (null) still counts the key, with 0 bytes: the key totals stay exact
    // and the byte totals are a lower bound rather than a guess.
    const memory = facts.memoryBytes ?? 0;
    const noTtl = facts.ttlMs < 0;
    this.count += 1;
    this.memoryBytes += memory;

    let type = this.types.get(facts.type);
    if (!type) this.types.set(facts.type, (type = { keys: 0, memoryBytes: 0, elements: 0 }));
    type.keys += 1;
    type.memoryBytes += memory;
    type.elements += facts.length ?? 0;

    const segments = nameSegments(facts.name);
    const namespace = namespaceOfSegments(segments);
    const counts = this.namespaceCounts(namespace, facts.name);
    counts.keys += 1;
    counts.memoryBytes += memory;
    if (noTtl) {
      counts.withoutTtl += 1;
      counts.withoutTtlBytes += memory;
    }

    const bucket = BUCKET_INDEX.get(ttlBucketOf(facts.ttlMs))!;
    this.ttlKeys[bucket]! += 1;
    this.ttlBytes[bucket]! += memory;

    const verdict = auditSegments(this.policy, segments, facts.ttlMs);
    if (verdict === null) {
      this.unclassified.keys += 1;
      this.unclassified.memoryBytes += memory;
    } else {
      this.countRule(this.rules[verdict.rule]!, facts, memory, verdict.violation);
    }

    if (facts.memoryBytes !== null) this.topByMemory.offer(facts.memoryBytes, () => analysisKey(facts, namespace));
    if (facts.length !== null && COLLECTIONS.has(facts.type)) this.topByLength.offer(facts.length, () => analysisKey(facts, namespace));
    if (facts.encoding !== undefined) {
      const finding = encodingFindingOf(facts, this.encoding);
      if (finding) {
        this.findingsTotal += 1;
        this.findings.offer(memory, () => finding);
      }
    }
  }

  private namespaceCounts(namespace: string, name: Buffer): NamespaceCounts {
    let counts = this.namespaces.get(namespace);
    if (counts) return counts;
    if (this.namespaces.size < this.namespacesMax) {
      counts = emptyNamespace(name);
      this.namespaces.set(namespace, counts);
      return counts;
    }
    return (this.other ??= emptyNamespace(name));
  }

  private countRule(rule: RuleCounts, facts: KeyFacts, memory: number, violation: PolicyViolation | null): void {
    rule.keys += 1;
    rule.memoryBytes += memory;
    if (violation === null) return;
    rule.violations += 1;
    if (rule.examples.length < POLICY_EXAMPLES) rule.examples.push({ ...exampleOf(facts.name), ttlMs: facts.ttlMs, reason: violation });
  }

  /** The result so far; for a sample, scales counts and bytes by dbSize / scanned and says so. */
  result(run: { db: number; mode: 'full' | 'sample'; scanned: number; dbSize: number }): AnalysisResult {
    // A sample that saw fewer keys than DBSIZE stands for the whole db: every count and byte
    // total is multiplied up (and rounded), the top keys and examples are the keys seen.
    const estimated = run.mode === 'sample' && run.scanned > 0 && run.scanned < run.dbSize;
    const factor = estimated ? run.dbSize / run.scanned : 1;
    const scale = (value: number) => (estimated ? Math.round(value * factor) : value);

    const namespaceRows = foldNamespaces([...this.namespaces], this.other, this.namespacesShown);
    const namespaces: NamespaceFigures[] = namespaceRows.map(([namespace, counts]) => ({
      namespace,
      keys: scale(counts.keys),
      memoryBytes: scale(counts.memoryBytes),
      withoutTtl: scale(counts.withoutTtl),
      withoutTtlBytes: scale(counts.withoutTtlBytes),
      example: counts.example,
    }));
    // Keys without TTL by namespace: of every namespace counted, not only the ones listed.
    const withoutTtlRows = [...this.namespaces].filter(([, counts]) => counts.withoutTtl > 0);
    withoutTtlRows.sort(([nameA, a], [nameB, b]) => b.withoutTtl - a.withoutTtl || b.withoutTtlBytes - a.withoutTtlBytes || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0));
    const withoutTtlByNamespace = withoutTtlRows.slice(0, this.namespacesShown).map(([namespace, counts]) => ({
      namespace,
      keys: scale(counts.withoutTtl),
      memoryBytes: scale(counts.withoutTtlBytes),
    }));
    const restWithoutTtl = withoutTtlRows.slice(this.namespacesShown).reduce(
      (sum, [, counts]) => ({ keys: sum.keys + counts.withoutTtl, memoryBytes: sum.memoryBytes + counts.withoutTtlBytes }),
      { keys: this.other?.withoutTtl ?? 0, memoryBytes: this.other?.withoutTtlBytes ?? 0 },
    );
    if (restWithoutTtl.keys > 0) withoutTtlByNamespace.push({ namespace: OTHER_NAMESPACE, keys: scale(restWithoutTtl.keys), memoryBytes: scale(restWithoutTtl.memoryBytes) });

    return {
      db: run.db,
      mode: run.mode,
      estimated,
      fractionSeen: run.dbSize > 0 ? Math.min(1, run.scanned / run.dbSize) : 1,
      scanned: run.scanned,
      dbSize: run.dbSize,
      totals: { keys: scale(this.count), memoryBytes: scale(this.memoryBytes) },
      byType: [...this.types]
        .map(([type, counts]) => ({ type, keys: scale(counts.keys), memoryBytes: scale(counts.memoryBytes), elements: scale(counts.elements) }))
        .sort((a, b) => b.memoryBytes - a.memoryBytes || b.keys - a.keys || (a.type < b.type ? -1 : 1)),
      namespaces,
      namespacesCapped: this.other !== null,
      topByMemory: this.topByMemory.sorted(),
      topByLength: this.topByLength.sorted(),
      ttlHistogram: TTL_BUCKETS.map((bucket, index) => ({ bucket, keys: scale(this.ttlKeys[index]!), memoryBytes: scale(this.ttlBytes[index]!) })),
      withoutTtlByNamespace,
      ttlPolicy: this.policy.rules.map((rule, index) => {
        const counts = this.rules[index]!;
        return {
          pattern: rule.pattern,
          meaning: rule.meaning,
          policy: rule.policy,
          keys: scale(counts.keys),
          memoryBytes: scale(counts.memoryBytes),
          violations: scale(counts.violations),
          examples: counts.examples.map((example) => ({ ...example })),
        };
      }),
      unclassified: { keys: scale(this.unclassified.keys), memoryBytes: scale(this.unclassified.memoryBytes) },
      encodingFindings: this.findings.sorted(),
      encodingFindingsTotal: scale(this.findingsTotal),
    };
  }
}
