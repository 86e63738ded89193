// SLOWLOG: the one place Redlens sends it. Entries are read with callBuffer, so arguments keep
// their bytes until lib/display-bytes.ts shows them. The archive-and-reset orchestration lives
// in lib/slowlog/live.ts; the sampler's cursor in lib/sampler/sampler.ts.
import 'server-only';
import type Redis from 'ioredis';
import { parseInfo, runIdOf } from './parse/parse-info';
import { parseSlowlog, type SlowlogEntry } from './parse/parse-slowlog';

/** SLOWLOG GET `count` (-1: every entry), newest first. */
export async function getSlowlog(client: Redis, count: number): Promise<SlowlogEntry[]> {
  return parseSlowlog(await client.callBuffer('SLOWLOG', 'GET', String(count)));
}

/** SLOWLOG LEN: entries Redis holds now. */
export async function slowlogLength(client: Redis): Promise<number> {
  return Number(await client.slowlog('LEN'));
}

/** A sample reads a few entries first ... */
const PEEK = 16;
/** ... and, while every entry read is new, this many times more each time. */
const GROWTH = 8;
/**
 * Asked for beyond SLOWLOG LEN: a slow log that logs every command (slower-than 0) logs our own
 * GET and LEN between the reads, and a read of exactly LEN entries would then miss the oldest.
 * SLOWLOG GET n answers at most what Redis holds, so asking a little more costs nothing.
 */
const LENGTH_SLACK = 16;

/**
 * The newest entries, enough to reach past `lastId` when Redis still holds it: a few first, and
 * more only while every entry read is newer than `lastId` (x8 each time, up to SLOWLOG LEN and
 * `max`), so a quiet slow log costs a small reply and a burst of a thousand slow commands is read
 * whole, not recorded as rotated out while Redis still holds it. Newest first; may include
 * entries up to `lastId` (the caller keeps what is newer).
 */
export async function readNewSlowlog(client: Redis, lastId: number, max: number): Promise<SlowlogEntry[]> {
  let count = PEEK;
  let entries = await getSlowlog(client, count);
  let length: number | null = null;
  for (;;) {
    const oldest = entries[entries.length - 1];
    const allNew = entries.length === count && oldest !== undefined && oldest.id > lastId;
    if (!allNew || count >= max) return entries;
    length ??= await slowlogLength(client);
    if (entries.length >= length) return entries;
    count = Math.min(count * GROWTH, length + LENGTH_SLACK, max);
    entries = await getSlowlog(client, count);
  }
}

/** Every entry and the run they belong to: slow log ids start again when Redis restarts. */
export interface SlowlogOfRun {
  /** INFO server's run_id, 'unknown' without one. */
  runId: string;
  entries: SlowlogEntry[];
}

function execReplies(replies: Array<[Error | null, unknown]> | null, what: string): unknown[] {
  // EXEC answers null only under WATCH, which Redlens never sends; say so rather than guess.
  if (!replies) throw new Error(`${what}: EXEC answered null`);
  const failed = replies.find(([error]) => error);
  // The Redis error itself (EXECABORT, NOPERM, an unknown command), so it maps to its code.
  if (failed) throw failed[0];
  return replies.map(([, value]) => value);
}

function ofRun(info: unknown, entries: unknown): SlowlogOfRun {
  return { runId: runIdOf(parseInfo(String(info))) ?? 'unknown', entries: parseSlowlog(entries) };
}

/** MULTI { INFO server; SLOWLOG GET -1 }: every entry, with the run_id its ids belong to. */
export async function readSlowlogOfRun(client: Redis): Promise<SlowlogOfRun> {
  const [info, entries] = execReplies(await client.multi().info('server').callBuffer('SLOWLOG', 'GET', '-1').exec(), 'SLOWLOG GET');
  return ofRun(info, entries);
}

/**
 * MULTI { INFO server; SLOWLOG GET -1; SLOWLOG RESET }: every entry, read and removed at once, so
 * none is logged between the read and the reset. A refused MULTI (EXECABORT: ACL, a renamed
 * SLOWLOG) rejects with the Redis error, and nothing was reset.
 */
export async function readAndResetSlowlog(client: Redis): Promise<SlowlogOfRun> {
  const [info, entries] = execReplies(
    await client.multi().info('server').callBuffer('SLOWLOG', 'GET', '-1').slowlog('RESET').exec(),
    'SLOWLOG RESET',
  );
  return ofRun(info, entries);
}
