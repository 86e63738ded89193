// Encoding findings (SPEC sections 3 and 10): a hash, sorted set, set or list short enough for
// the thresholds in force to keep it compact (listpack, intset) that Redis holds in its big
// encoding (hashtable, skiplist, quicklist) instead. Such a key got there through a value longer
// than the `-value` threshold, or by growing past the entries threshold once (Redis does not
// convert back when it shrinks): rewriting it, or shortening its values, saves memory.
// Pure, no server imports.
import type { EncodingFinding, KeyFacts } from './types';
import { displayName } from '@/lib/display-bytes';

/** One threshold as the server reports it: the name it uses (Redis 7 listpack or 6 ziplist). */
export interface EncodingThreshold {
  setting: string;
  value: number;
}

/** The encoding thresholds in force (CONFIG GET of section 3's names; defaults when denied). */
export interface EncodingThresholds {
  hashEntries: EncodingThreshold;
  hashValue: EncodingThreshold;
  zsetEntries: EncodingThreshold;
  zsetValue: EncodingThreshold;
  setIntsetEntries: EncodingThreshold;
  /** Redis 7.2+ (small sets of strings are listpacks); null before, or when not known. */
  setListpackEntries: EncodingThreshold | null;
  setListpackValue: EncodingThreshold | null;
  /**
   * list-max-listpack-size when it is an entry count (> 0) on a Redis whose small lists are
   * listpacks (7.2+); null otherwise: a negative size is a byte limit per node, which a list's
   * length cannot tell, and before 7.2 every list is a quicklist.
   */
  listEntries: EncodingThreshold | null;
  /** Whether the figures came from CONFIG GET, or are Redis's defaults (CONFIG denied). */
  source: 'config' | 'defaults';
}

/** What the job asks CONFIG GET for: Redis 7 names first, then the Redis 6 aliases. */
export const ENCODING_CONFIG_NAMES: readonly string[] = [
  'hash-max-listpack-entries',
  'hash-max-listpack-value',
  'hash-max-ziplist-entries',
  'hash-max-ziplist-value',
  'zset-max-listpack-entries',
  'zset-max-listpack-value',
  'zset-max-ziplist-entries',
  'zset-max-ziplist-value',
  'set-max-intset-entries',
  'set-max-listpack-entries',
  'set-max-listpack-value',
  'list-max-listpack-size',
  'list-max-ziplist-size',
];

/**
 * Keys shorter than this are not worth an OBJECT ENCODING: the big encodings cost some 50 bytes
 * more per entry, so below 16 entries a key wastes under a kilobyte, while asking every small
 * hash of a cache would add a command per key to the walk (the bench's hashes have 5 fields).
 */
export const ENCODING_MIN_LENGTH = 16;

/** The encodings that are compact, per type (ziplist: Redis 6; listpackex: 7.4 hashes with field TTLs). */
const COMPACT: Record<string, readonly string[]> = {
  hash: ['listpack', 'ziplist', 'listpackex'],
  zset: ['listpack', 'ziplist'],
  set: ['intset', 'listpack'],
  list: ['listpack', 'ziplist'],
};

function threshold(config: Record<string, string>, names: readonly string[], fallback: number): EncodingThreshold {
  for (const setting of names) {
    const value = Number(config[setting]);
    if (config[setting] !== undefined && config[setting] !== '' && Number.isInteger(value)) return { setting, value };
  }
  return { setting: names[0]!, value: fallback };
}

/**
 * The thresholds from a CONFIG GET reply (name -> value); Redis's defaults for what is missing.
 * A Redis 7.2+ is told by its `set-max-listpack-entries`: only there are small sets of strings
 * and small lists compact, so only there are they findings.
 */
export function encodingThresholdsOf(config: Record<string, string>): EncodingThresholds {
  const known = ENCODING_CONFIG_NAMES.some((name) => config[name] !== undefined);
  const redis72 = config['set-max-listpack-entries'] !== undefined;
  const listSize = threshold(config, ['list-max-listpack-size', 'list-max-ziplist-size'], -2);
  return {
    hashEntries: threshold(config, ['hash-max-listpack-entries', 'hash-max-ziplist-entries'], 512),
    hashValue: threshold(config, ['hash-max-listpack-value', 'hash-max-ziplist-value'], 64),
    zsetEntries: threshold(config, ['zset-max-listpack-entries', 'zset-max-ziplist-entries'], 128),
    zsetValue: threshold(config, ['zset-max-listpack-value', 'zset-max-ziplist-value'], 64),
    setIntsetEntries: threshold(config, ['set-max-intset-entries'], 512),
    setListpackEntries: redis72 ? threshold(config, ['set-max-listpack-entries'], 128) : null,
    setListpackValue: redis72 ? threshold(config, ['set-max-listpack-value'], 64) : null,
    listEntries: redis72 && listSize.value > 0 ? listSize : null,
    source: known ? 'config' : 'defaults',
  };
}

/** The entries threshold that would keep a key of this type compact, and the value one beside it. */
function limitsOf(type: string, t: EncodingThresholds): { entries: EncodingThreshold; value: EncodingThreshold | null } | null {
  switch (type) {
    case 'hash':
      return { entries: t.hashEntries, value: t.hashValue };
    case 'zset':
      return { entries: t.zsetEntries, value: t.zsetValue };
    // A set of strings is a hashtable at any length before 7.2, and one of integers an intset up
    // to set-max-intset-entries: the length cannot tell which, so only the listpack bound (7.2+),
    // where both kinds would be compact, makes a hashtable a finding.
    case 'set':
      return t.setListpackEntries ? { entries: t.setListpackEntries, value: t.setListpackValue } : null;
    case 'list':
      return t.listEntries ? { entries: t.listEntries, value: null } : null;
    default:
      return null;
  }
}

/**
 * Whether a key of this type and length is worth an OBJECT ENCODING: a hash, sorted set, set
 * (Redis 7.2+) or list (7.2+ with an entry-count list-max-listpack-size) of ENCODING_MIN_LENGTH
 * to the entries threshold. Value sizes are not known from the length: a key within the entries
 * threshold may hold a value longer than the `-value` threshold, which legitimately makes it big;
 * the finding names that threshold too rather than read every value to tell.
 */
export function encodingCandidate(type: string, length: number | null, t: EncodingThresholds): boolean {
  if (length === null || length < ENCODING_MIN_LENGTH) return false;
  const limits = limitsOf(type, t);
  return limits !== null && length <= limits.entries.value;
}

/** The finding for a key whose encoding is not the compact one its length allows, or null. */
export function encodingFindingOf(facts: KeyFacts, t: EncodingThresholds): EncodingFinding | null {
  const { encoding, length, type } = facts;
  if (encoding === undefined || length === null || !encodingCandidate(type, length, t)) return null;
  if (COMPACT[type]?.includes(encoding)) return null;
  const limits = limitsOf(type, t)!;
  return {
    key: displayName(facts.name),
    keyB64: facts.name.toString('base64'),
    type,
    encoding,
    length,
    setting: limits.entries.setting,
    threshold: limits.entries.value,
    valueSetting: limits.value?.setting ?? null,
    valueThreshold: limits.value?.value ?? null,
    memoryBytes: facts.memoryBytes,
  };
}
