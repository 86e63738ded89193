// The commands the tuning guide warns about, recognised in slow log entries, each with the
// advice a senior operator would give. Pure; shared by the slow-commands health rule and the
// slow log page.

export interface CommandWarning {
  /** Short name of the pattern: KEYS, SORT, SMEMBERS, HGETALL, LRANGE 0 -1, FLUSHALL, DEL */
  pattern: string;
  advice: string;
}

const ADVICE: Record<string, string> = {
  KEYS: 'KEYS walks the whole keyspace and blocks Redis while it does. Use SCAN with MATCH and COUNT in a loop.',
  SORT: 'SORT is O(N+M log M) on every call. Keep the data pre-sorted in a sorted set and read it with ZRANGE, or sort in the application.',
  SMEMBERS: 'SMEMBERS returns the whole set at once. Page through it with SSCAN, or keep sets small.',
  HGETALL: 'HGETALL returns every field of the hash. Read the fields you need with HMGET, or page with HSCAN.',
  'LRANGE 0 -1': 'LRANGE 0 -1 returns the whole list. Read it in pages (LRANGE start start+99) or cap the list with LTRIM.',
  FLUSHALL: 'FLUSHALL/FLUSHDB without ASYNC frees every key in the main thread. Use FLUSHALL ASYNC, or delete by pattern with SCAN + UNLINK.',
  DEL: 'DEL of a big key frees it in the main thread. Use UNLINK, which frees memory in a background thread (and enable lazyfree-lazy-user-del).',
};

const warning = (pattern: string): CommandWarning => ({ pattern, advice: ADVICE[pattern]! });

/** The warning for one slow log entry's arguments, or null when the command is not one of them. */
export function warningFor(args: readonly string[]): CommandWarning | null {
  const command = (args[0] ?? '').toUpperCase();
  switch (command) {
    case 'KEYS':
    case 'SORT':
    case 'SORT_RO':
      return warning(command === 'KEYS' ? 'KEYS' : 'SORT');
    case 'SMEMBERS':
    case 'HGETALL':
      return warning(command);
    case 'LRANGE':
      return args[2] === '0' && args[3] === '-1' ? warning('LRANGE 0 -1') : null;
    case 'FLUSHALL':
    case 'FLUSHDB':
      return (args[1] ?? '').toUpperCase() === 'ASYNC' ? null : warning('FLUSHALL');
    case 'DEL':
      // A DEL slow enough to reach the slow log freed a big value in the main thread.
      return warning('DEL');
    default:
      return null;
  }
}

/** The warning of a pattern kept in the archive's rollups (CommandWarning.pattern), or null for an unknown one. */
export function warningByPattern(pattern: string): CommandWarning | null {
  return Object.hasOwn(ADVICE, pattern) ? warning(pattern) : null;
}
