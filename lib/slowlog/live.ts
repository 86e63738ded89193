// The live slow log of an instance (SLOWLOG GET / LEN, CONFIG GET slowlog-*), and the reset
// that archives every entry before it empties the log.
import type Redis from 'ioredis';
import { ApiError } from '@/lib/http/errors';
import { parseSlowlog } from '@/lib/redis/parse/parse-slowlog';
import type { RedisInstance } from '@/lib/redis/registry';
import { rankFingerprints } from './analysis';
import type { SlowlogArchive } from './archive';
import type { SlowlogConfig, SlowlogResetResponse, SlowlogResponse } from './types';
import { toView } from './view-model';

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

function configValue(reply: string[], name: string): number | null {
  const index = reply.indexOf(name);
  return index >= 0 && reply[index + 1] !== undefined ? Number(reply[index + 1]) : null;
}

export async function readSlowlog(instance: RedisInstance): Promise<SlowlogResponse> {
  // Every viewer of the page polls this: they share one read per second, like INFO.
  return instance.runShared('slowlog', async (client: Redis) => {
    const [entriesReply, length, config] = await Promise.all([
      client.callBuffer('SLOWLOG', 'GET', String(LIVE_ENTRIES)),
      client.slowlog('LEN') as Promise<number>,
      // A least-privilege user may lack CONFIG GET: the entries still show.
      (client.config('GET', 'slowlog-*') as Promise<string[]>).catch(() => null),
    ]);
    const entries = parseSlowlog(entriesReply).map(toView);
    const slowerThanMicros = config ? configValue(config, 'slowlog-log-slower-than') : null;
    const maxLen = config ? configValue(config, 'slowlog-max-len') : null;
    const settings: SlowlogConfig = { slowerThanMicros, maxLen, warnings: slowlogConfigWarnings(slowerThanMicros, maxLen, length) };
    if (!config) settings.warnings.push('CONFIG GET is not allowed for the Redlens user: the slow log settings are unknown (needs +config|get).');
    return { entries, length, config: settings, analysis: rankFingerprints(entries) };
  });
}

const resetsInFlight = new Map<string, Promise<SlowlogResetResponse>>();

/**
 * Reads and resets in one MULTI (nothing can slip between the read and the reset), archives
 * what was read, then answers. Refuses before touching Redis when the archive cannot be
 * written. Two resets of one instance at once share one MULTI (a double click resets once).
 */
export function archiveAndReset(instance: RedisInstance, archive: SlowlogArchive): Promise<SlowlogResetResponse> {
  const running = resetsInFlight.get(instance.id);
  if (running) return running;
  const reset = (async () => {
    try {
      archive.assertWritable();
    } catch (error) {
      console.error('[redlens] slow log archive is not writable; reset refused:', error);
      throw new ApiError('INTERNAL', 'The slow log archive cannot be written now, so the slow log was NOT reset.');
    }
    const replies = await instance.run((client) => client.multi().info('server').callBuffer('SLOWLOG', 'GET', '-1').slowlog('RESET').exec());
    const failed = replies?.find(([error]) => error);
    if (!replies || failed) throw failed?.[0] ?? new Error('MULTI was discarded');
    const runId = /run_id:(\w+)/.exec(String(replies[0]![1]))?.[1] ?? 'unknown';
    const entries = parseSlowlog(replies[1]![1]);
    try {
      archive.write(instance.id, runId, entries, null);
      if (entries.length > 0) archive.recordReset(instance.id, runId, entries[0]!.id);
    } catch (error) {
      // Writable a moment ago, failing now (disk full?): keep the entries in the server log.
      console.error('[redlens] slow log reset: archive write failed; the entries follow', error, JSON.stringify(entries));
      throw new ApiError('INTERNAL', 'Redis was reset but the archive write failed; the entries are in the Redlens server log.');
    }
    return { archived: entries.length, reset: true as const };
  })().finally(() => resetsInFlight.delete(instance.id));
  resetsInFlight.set(instance.id, reset);
  return reset;
}
