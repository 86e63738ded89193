// The TTL policy of SPEC section 4: which key patterns should expire, and within how long. The
// default below is the guide's; the config file's `ttlPolicy` replaces it. Pure, no imports:
// the config schema, the keyspace analysis and the pages share it.

export interface TtlPolicyRule {
  /**
   * A key pattern: `:`-separated segments; `{name}` matches any one segment (`{id}`, `{date}`,
   * `{hash}`, `{category}`), anything else matches itself; a trailing `...` matches any further
   * segments (`progress:{id}...`).
   */
  pattern: string;
  /** What such keys are, for people. */
  meaning: string;
  /** The longest TTL a key may have left, in seconds; null: any TTL, but it must have one. */
  maxTtlSeconds: number | null;
  /** The policy as people say it ("24 h (sliding)"). */
  policy: string;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

export const DEFAULT_TTL_POLICY: readonly TtlPolicyRule[] = [
  { pattern: 'user:{id}:session', meaning: 'user session', maxTtlSeconds: DAY, policy: '24 h (sliding)' },
  { pattern: 'session:{id}', meaning: 'user session', maxTtlSeconds: DAY, policy: '24 h (sliding)' },
  { pattern: 'user:{id}:preferences', meaning: 'dietary preferences', maxTtlSeconds: 30 * DAY, policy: '30 days' },
  { pattern: 'user:{id}:mealplan:{date}', meaning: 'meal plans', maxTtlSeconds: 7 * DAY, policy: '7 days' },
  { pattern: 'mealplan:{id}...', meaning: 'meal plans', maxTtlSeconds: 7 * DAY, policy: '7 days' },
  { pattern: 'recipe:{id}', meaning: 'recipe', maxTtlSeconds: DAY, policy: '4 to 24 h (popularity-based)' },
  { pattern: 'search:{hash}', meaning: 'search result', maxTtlSeconds: 30 * 60, policy: '30 min' },
  { pattern: 'progress:{id}...', meaning: 'progress tracking', maxTtlSeconds: 90 * DAY, policy: '90 days' },
  { pattern: 'popular:recipes:{category}', meaning: 'popular lists', maxTtlSeconds: null, policy: 'set (any)' },
];

/** A maximum TTL as people say it, for rules from the config file that give no `policy`. */
export function policyText(maxTtlSeconds: number | null): string {
  if (maxTtlSeconds === null) return 'set (any)';
  if (maxTtlSeconds % DAY === 0) return `${maxTtlSeconds / DAY} d`;
  if (maxTtlSeconds % HOUR === 0) return `${maxTtlSeconds / HOUR} h`;
  if (maxTtlSeconds % 60 === 0) return `${maxTtlSeconds / 60} min`;
  return `${maxTtlSeconds} s`;
}
