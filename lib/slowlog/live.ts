// The live slow log of an instance (SLOWLOG GET / LEN, CONFIG GET slowlog-*), and the reset
// that archives every entry before it empties the log. The Redis calls are lib/redis/slowlog.ts
// and lib/redis/config.ts; this module decides what to read, archive and answer.
import { configGet } from '@/lib/redis/config';
import type { RedisInstance } from '@/lib/redis/registry';
import { getSlowlog, readAndResetSlowlog, readSlowlogOfRun, slowlogLength } from '@/lib/redis/slowlog';
import { noteStoreFailure } from '@/lib/store/store-health';
import { rankFingerprints } from './analysis';
import type { SlowlogArchive } from './archive';
import { SlowlogResetError } from './reset-error';
import { recordSlowlogReset, type ResetEventSink } from './reset-event';
import type { SlowlogConfig, SlowlogResetResponse, SlowlogResponse } from './types';
import { toView } from './entry-view';

/** Entries the live view reads at most; the archive holds the rest. */
export const LIVE_ENTRIES = 500;

/** What an operator should know about these settings (SPEC section 3 baseline). */
export function slowlogConfigWarnings(slowerThanMicros: number | null, maxLen: number | null, length: number): string[] {
  const warnings: string[] = [];
  if (slowerThanMicros !== null && slowerThanMicros < 0) warnings.push('The slow log is disabled (slowlog-log-slower-than is negative): slow commands go unseen.');
  if (slowerThanMicros !== null && slowerThanMicros > 10_000) {
    warnings.push(`slowlog-log-slower-than is ${slowerThanMicros.toLocaleString('en-US')} µs: commands slower than 10 ms are the usual threshold; set it to 10000 or less.`);
  }
  if (maxLen !== null && maxLen < 128) warnings.push(`slowlog-max-len is ${maxLen}: fewer than 128 entries rotate out quickly; set it to 128 or more.`);
  if (maxLen !== null && maxLen > 0 && length >= maxLen) {
    warnings.push(`The slow log is full (${length} of ${maxLen}): older entries rotate out; Redlens archives what it reads every sample.`);
  }
  return warnings;
}

function configValue(config: Record<string, string>, name: string): number | null {
  const value = config[name];
  return value !== undefined ? Number(value) : null;
}

export async function readSlowlog(instance: RedisInstance): Promise<SlowlogResponse> {
  // Every viewer of the page polls this: they share one read per second, like INFO.
  return instance.runShared('slowlog', async (client) => {
    const [raw, length, config] = await Promise.all([
      getSlowlog(client, LIVE_ENTRIES),
      slowlogLength(client),
      // A least-privilege user may lack CONFIG GET: the entries still show.
      configGet(client, 'slowlog-*').catch(() => null),
    ]);
    const entries = raw.map(toView);
    const slowerThanMicros = config ? configValue(config, 'slowlog-log-slower-than') : null;
    const maxLen = config ? configValue(config, 'slowlog-max-len') : null;
    const settings: SlowlogConfig = { slowerThanMicros, maxLen, warnings: slowlogConfigWarnings(slowerThanMicros, maxLen, length) };
    if (!config) settings.warnings.push('CONFIG GET is not allowed for the Redlens user: the slow log settings are unknown (needs +config|get).');
    return { entries, length, config: settings, analysis: rankFingerprints(entries) };
  });
}

const resetsInFlight = new Map<string, Promise<SlowlogResetResponse>>();

/**
 * Empties the slow log without losing an entry, failing closed:
 * 1. reads every entry (MULTI { INFO server; SLOWLOG GET -1 }) and archives it, committed with a
 *    full sync. That write is the probe: when the store cannot take it, Redis is not touched
 *    (503 STORE_UNAVAILABLE, `redisReset: false`);
 * 2. reads and resets in one MULTI { INFO server; SLOWLOG GET -1; SLOWLOG RESET }, then archives
 *    only what was logged since step 1. When that write fails, the entries go to the server log
 *    and the answer says Redis WAS reset (`redisReset: true`).
 * A crash (SIGKILL) at any point loses at most the entries logged between the two reads.
 * A refused MULTI (EXECABORT: ACL, a renamed SLOWLOG) reaches the route as the Redis error.
 * Two resets of one instance at once share one run (a double click resets once), and so one
 * `slowlog-reset` event, recorded with `by` (who asked: the first caller) when it is given.
 */
export function archiveAndReset(
  instance: RedisInstance,
  archive: SlowlogArchive,
  by?: { actor: string; events: ResetEventSink },
): Promise<SlowlogResetResponse> {
  const running = resetsInFlight.get(instance.id);
  if (running) return running;
  const reset = (async () => {
    const before = await instance.run(readSlowlogOfRun);
    try {
      archive.writeDurably(() => {
        archive.write(instance.id, before.runId, before.entries, null);
        // Always a real write, even when every entry was archived already (INSERT OR IGNORE
        // writes nothing then): the row of a reset under way. last_id -1 is never a gap's end.
        archive.recordReset(instance.id, before.runId, -1);
      });
    } catch (error) {
      noteStoreFailure(error);
      console.error(`[redlens] slow log reset of ${instance.id} refused: the archive cannot be written`, error);
      throw new SlowlogResetError('STORE_UNAVAILABLE', 'The slow log archive cannot be written now, so the slow log was NOT reset.', false);
    }
    const after = await instance.run(readAndResetSlowlog);
    // Ids only grow within one run; after a restart in between, every entry is new.
    // SLOWLOG GET answers newest first, so the first id is the highest (no spread over every
    // entry: a long slow log would overflow the call stack here, after Redis was emptied).
    const seen = after.runId === before.runId ? (before.entries[0]?.id ?? -1) : -1;
    const fresh = after.entries.filter((entry) => entry.id > seen);
    try {
      archive.writeDurably(() => {
        archive.write(instance.id, after.runId, fresh, null);
        if (after.entries.length > 0) archive.recordReset(instance.id, after.runId, after.entries[0]!.id);
      });
    } catch (error) {
      // Redis is empty now: the server log is the only copy of these entries.
      noteStoreFailure(error);
      console.error(
        `[redlens] slow log of ${instance.id} WAS reset but ${fresh.length} entries could not be archived; they follow`,
        error,
        JSON.stringify({ instance: instance.id, runId: after.runId, entries: fresh }),
      );
      throw new SlowlogResetError(
        'INTERNAL',
        `Redis was reset, but the last ${fresh.length} entries could not be archived; they are in the Redlens server log.`,
        true,
      );
    }
    const archived = before.entries.length + fresh.length;
    if (by) recordSlowlogReset(by.events, instance.id, archived, by.actor);
    return { archived, reset: true as const };
  })().finally(() => resetsInFlight.delete(instance.id));
  resetsInFlight.set(instance.id, reset);
  return reset;
}
