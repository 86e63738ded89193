// The settings an admin may change from Redlens (SPEC section 3's allowlist) and a cheap check of
// each value before any Redis call. Nothing else is ever written; io-threads, persistence files
// and anything security-related are advice only. Pure, browser-shared (the dialog checks too).
import { parseMemorySize } from './memory-size';

/** Returns why `value` is not acceptable, or null. */
type ValueCheck = (value: string) => string | null;

const INT_MAX = 2 ** 31 - 1;

function wholeNumber(min: number, max = INT_MAX): ValueCheck {
  return (value) => {
    if (!/^-?\d{1,10}$/.test(value)) return 'must be a whole number';
    const number = Number(value);
    return number < min || number > max ? `must be between ${min} and ${max}` : null;
  };
}

function oneOf(...choices: string[]): ValueCheck {
  return (value) => (choices.includes(value) ? null : `must be one of ${choices.join(', ')}`);
}

const yesNo = oneOf('yes', 'no');
/** Redis wraps a size past 2^64 around instead of refusing it: cap it well below. */
const MAX_MEMORY_BYTES = 2 ** 50;
const memorySize: ValueCheck = (value) => {
  const bytes = parseMemorySize(value);
  if (bytes === null) return 'must be a size in bytes, or with a unit: 256mb, 2gb';
  return bytes > MAX_MEMORY_BYTES ? 'must be at most 1 PiB' : null;
};

export const MAXMEMORY_POLICIES = [
  'noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
] as const;

/** The Redis 7 names; each encoding threshold is accepted under its Redis 6 `*-ziplist-*` name too. */
const CHECKS: Record<string, ValueCheck> = {
  maxmemory: memorySize,
  'maxmemory-policy': oneOf(...MAXMEMORY_POLICIES),
  'maxmemory-samples': wholeNumber(1, 64),
  'lazyfree-lazy-eviction': yesNo,
  'lazyfree-lazy-expire': yesNo,
  'lazyfree-lazy-server-del': yesNo,
  'replica-lazy-flush': yesNo,
  'hash-max-listpack-entries': wholeNumber(0),
  'hash-max-listpack-value': wholeNumber(0),
  // Negative: a node size class (-1 = 4 KB ... -5 = 64 KB); positive: entries per node.
  'list-max-listpack-size': wholeNumber(-5),
  'list-compress-depth': wholeNumber(0),
  'set-max-intset-entries': wholeNumber(0),
  'zset-max-listpack-entries': wholeNumber(0),
  'zset-max-listpack-value': wholeNumber(0),
  'hll-sparse-max-bytes': wholeNumber(0),
  'stream-node-max-bytes': wholeNumber(0),
  'stream-node-max-entries': wholeNumber(0),
  // -1 disables the log: allowed (an admin may mean it), and the audit says so.
  'slowlog-log-slower-than': wholeNumber(-1),
  'slowlog-max-len': wholeNumber(0),
  'latency-monitor-threshold': wholeNumber(0),
  timeout: wholeNumber(0),
  'tcp-keepalive': wholeNumber(0),
  // Redis walks its file limit down from the value asked in steps of 16: a huge value blocks it for seconds.
  maxclients: wholeNumber(1, 1_000_000),
};

const checkOf = (name: string): ValueCheck | undefined => CHECKS[name.replace('-ziplist-', '-listpack-')];

/** True for a setting an admin may change from Redlens. */
export function isAllowlisted(name: string): boolean {
  return checkOf(name) !== undefined;
}

/** Why `value` cannot be set for `name` (not allowlisted, or not a valid value); null when it can. */
export function settingValueProblem(name: string, value: string): string | null {
  const check = checkOf(name);
  if (!check) return `${name} is not a setting Redlens may change (SPEC section 3's allowlist); change it in redis.conf`;
  const problem = check(value.trim());
  return problem ? `${name} ${problem}` : null;
}

export const ALLOWLIST: readonly string[] = Object.keys(CHECKS);
