// How many slow log entries the application caused in a time window, from the archive (the
// sampler archives every new entry): "slow log entries per minute" of "what changed". Entries of
// Redlens's own connections are left out (SPEC section 8): its SCANs must not read as a change.
import type { Store } from '@/lib/store/sqlite';
import { isOwnClientName } from '@/lib/own-client-name';

/**
 * Entries archived for `instance` with a time in [fromMs, toMs), other than Redlens's own.
 * The archive keeps Redis's own clock in unix seconds. Counted per client name so the "own"
 * line is the one isOwnClientName draws everywhere else; a window holds few distinct names.
 */
export function slowlogEntriesInWindow(db: Store, instance: string, fromMs: number, toMs: number): number {
  const rows = db
    .prepare(
      `SELECT client_name AS name, count(*) AS entries FROM slowlog_archive
       WHERE instance = ? AND ts >= ? AND ts < ? GROUP BY client_name`,
    )
    .all(instance, Math.ceil(fromMs / 1000), Math.ceil(toMs / 1000)) as Array<{ name: string; entries: number }>;
  return rows.reduce((sum, row) => (isOwnClientName(row.name) ? sum : sum + row.entries), 0);
}
