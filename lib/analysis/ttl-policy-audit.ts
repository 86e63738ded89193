// The TTL policy audit of SPEC section 4: which rule a key name falls under and whether its TTL
// breaks it. Compiled once per run: a million names are matched against a handful of rules.
// Pure, no server imports.
import type { TtlPolicyRule } from '@/lib/keys/ttl-policy';
import { byteString, nameSegments, SEGMENT_SEPARATOR } from './name-segments';

/** Matches any one non-empty segment (`{id}`, `{date}`, `{hash}`, `{category}`). */
const WILDCARD = /^\{[^{}]+\}$/;
const REST = '...';

interface CompiledRule {
  /** Per segment: its exact bytes (one character per byte), or null for a {name} wildcard. */
  segments: Array<string | null>;
  /** A trailing `...`: zero or more further segments. */
  rest: boolean;
  /** ms; null: any TTL, but one is required. */
  maxTtlMs: number | null;
}

export interface CompiledPolicy {
  rules: readonly TtlPolicyRule[];
  compiled: readonly CompiledRule[];
  /** By a name's first segment: the rules (indexes, in order) that may match it. */
  byFirstSegment: ReadonlyMap<string, readonly number[]>;
  /** The rules for a first segment no rule names literally: those starting with a wildcard. */
  wildcardFirst: readonly number[];
}

export type PolicyViolation = 'no-ttl' | 'ttl-too-long';
export interface PolicyVerdict {
  /** Index of the rule in the policy. */
  rule: number;
  violation: PolicyViolation | null;
}

function compileRule(rule: TtlPolicyRule): CompiledRule {
  let pattern = rule.pattern;
  const rest = pattern.endsWith(REST);
  if (rest) pattern = pattern.slice(0, -REST.length);
  const parts = pattern.split(SEGMENT_SEPARATOR);
  // `progress:...` (the mark as a segment of its own) means the same as `progress...`.
  if (rest && parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return {
    segments: parts.map((part) => (WILDCARD.test(part) ? null : byteString(part))),
    rest,
    maxTtlMs: rule.maxTtlSeconds === null ? null : rule.maxTtlSeconds * 1000,
  };
}

export function compilePolicy(rules: readonly TtlPolicyRule[]): CompiledPolicy {
  const compiled = rules.map(compileRule);
  const wildcardFirst: number[] = [];
  const literalFirst = new Map<string, number[]>();
  compiled.forEach((rule, index) => {
    const first = rule.segments[0];
    if (first === null || first === undefined) wildcardFirst.push(index);
    else literalFirst.set(first, [...(literalFirst.get(first) ?? []), index]);
  });
  // Each literal's list also holds the wildcard-first rules, in policy order: the first rule
  // that matches wins, whichever kind it is.
  const byFirstSegment = new Map<string, number[]>();
  for (const [first, indexes] of literalFirst) byFirstSegment.set(first, [...indexes, ...wildcardFirst].sort((a, b) => a - b));
  return { rules, compiled, byFirstSegment, wildcardFirst };
}

function matches(rule: CompiledRule, segments: readonly string[]): boolean {
  if (segments.length < rule.segments.length) return false;
  if (!rule.rest && segments.length !== rule.segments.length) return false;
  for (let i = 0; i < rule.segments.length; i += 1) {
    const want = rule.segments[i];
    const have = segments[i]!;
    if (want === null ? have === '' : want !== have) return false;
  }
  return true;
}

/** auditKey, from the name's segments (nameSegments): the accumulator splits a name once. */
export function auditSegments(policy: CompiledPolicy, segments: readonly string[], ttlMs: number): PolicyVerdict | null {
  const candidates = policy.byFirstSegment.get(segments[0]!) ?? policy.wildcardFirst;
  for (const index of candidates) {
    const rule = policy.compiled[index]!;
    if (!matches(rule, segments)) continue;
    // PTTL -1: no TTL. (-2, gone, is never audited: the walk drops vanished keys.)
    const violation = ttlMs < 0 ? 'no-ttl' : rule.maxTtlMs !== null && ttlMs > rule.maxTtlMs ? 'ttl-too-long' : null;
    return { rule: index, violation };
  }
  return null;
}

/**
 * The first rule the key's name matches (null: unclassified) and whether its TTL breaks it (no
 * TTL, or more TTL left than maxTtlSeconds; exactly the maximum is within it). `{name}` matches
 * one non-empty segment; literal segments match their exact UTF-8 bytes.
 */
export function auditKey(policy: CompiledPolicy, name: Buffer, ttlMs: number): PolicyVerdict | null {
  return auditSegments(policy, nameSegments(name), ttlMs);
}
