// How many slow log entries the application caused in a time window, from the archive (the
// sampler archives every new entry): "slow log entries per minute" of "what changed". Entries of
// Redlens's own connections are left out (SPEC section 8): its SCANs must not read as a change.
import type { Store } from '@/lib/store/sqlite';
import { isOwnClientName } from '@/lib/own-client-name';

/**
 * Entries archived for `instance` (or for several: the nodes of a Redis Cluster instance) with a
 * time in [fromMs, toMs), other than Redlens's own. The archive keeps Redis's own clock in unix
 * seconds. Counted per client name so the "own" line is the one isOwnClientName draws everywhere
 * else; a window holds few distinct names.
 */
export function slowlogEntriesInWindow(db: Store, instance: string | readonly string[], fromMs: number, toMs: number): number {
  const of = typeof instance === 'string' ? 'instance = @instance' : 'instance IN (SELECT value FROM json_each(@instances))';
  const rows = db
    .prepare(
      `SELECT client_name AS name, count(*) AS entries FROM slowlog_archive
       WHERE ${of} AND ts >= @from AND ts < @to GROUP BY client_name`,
    )
    .all({
      ...(typeof instance === 'string' ? { instance } : { instances: JSON.stringify(instance) }),
      from: Math.ceil(fromMs / 1000), to: Math.ceil(toMs / 1000),
    }) as Array<{ name: string; entries: number }>;
  return rows.reduce((sum, row) => (isOwnClientName(row.name) ? sum : sum + row.entries), 0);
}
