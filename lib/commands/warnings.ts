// The slow log's warnings (lib/slowlog/warnings.ts) for a commandstats name: the commands page
// warns beside KEYS, SMEMBERS, HGETALL, SORT, LRANGE and FLUSHALL/FLUSHDB whenever the
// application calls them at all. Pure.
import { warningByPattern, type CommandWarning } from '@/lib/slowlog/warnings';

/**
 * commandstats name -> the slow log's pattern. commandstats cannot tell LRANGE 0 -1 from a page
 * of a list, nor FLUSHALL ASYNC from a blocking one: the warning says what to check. DEL is left
 * out: it is only a problem on a big key, which a call count cannot tell.
 */
const PATTERN_OF: Record<string, string> = {
  keys: 'KEYS',
  sort: 'SORT',
  sort_ro: 'SORT',
  smembers: 'SMEMBERS',
  hgetall: 'HGETALL',
  lrange: 'LRANGE 0 -1',
  flushall: 'FLUSHALL',
  flushdb: 'FLUSHALL',
};

/** The warning for a command the application called, or null when it is not one of them. */
export function commandWarningOf(command: string): CommandWarning | null {
  const pattern = PATTERN_OF[command.toLowerCase()];
  return pattern === undefined ? null : warningByPattern(pattern);
}
