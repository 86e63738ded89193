// The bulk delete's walk (SPEC section 12): SCAN MATCH [TYPE] over one db on a RespPipe of its own
// named `redlens-bulk-delete`, each batch's matching keys UNLINKed in calls of at most
// `unlinkKeys` keys (or, in a dry run, only counted), paced by the PING round trip other
// clients see, exactly as the analysis walk is (lib/redis/pacing.ts). The next SCAN goes out
// while the current batch's UNLINKs are in flight; a cancel stops before the next batch's UNLINK.
import 'server-only';
import type Redis from 'ioredis';
import { keySlot } from './cluster-slot';
import { countedPipe } from './db-connections';
import { scanWithType, type ScanReply } from './keys';
import { PingPacer, pingMs } from './pacing';
import { RespError, type RespReply } from './parse/resp';
import type { RedisInstance } from './registry';
import type { Command, RespPipe } from './resp-pipe';
import { scannedShare } from './scan-cursor';

/** One SCAN call walks about this many keys (as the analysis's). */
export const BULK_DELETE_SCAN_COUNT = 1000;
/**
 * Matching names remembered to tell a key SCAN returned twice (it may, while the table
 * rehashes): about 50 MB of names at most. Past it, later names are not remembered, and the
 * counts may hold a key twice (the outcome says `deduped: false`); a real run's UNLINK of a key
 * already gone answers 0 and counts it as skipped, so nothing is deleted twice either way.
 */
export const BULK_DELETE_REMEMBERED_NAMES = 500_000;
/**
 * Name bytes the listed names may take in all: a key name can be megabytes, and the list is kept
 * with the job in the store and sent on every poll. Past it, no more names are listed.
 */
export const BULK_DELETE_LISTED_NAME_BYTES = 256 * 1024;
/**
 * Refusals that every further UNLINK would get too (a replica, an ACL without unlink, Redis that
 * cannot save): the walk stops on the first one instead of scanning the rest of the db for them.
 */
const STOPS_THE_WALK = /^(READONLY|NOPERM|NOAUTH|MASTERDOWN|MISCONF|LOADING)/;

export interface BulkDeleteCounts {
  /** Keys SCAN walked, estimated from its cursor (it does not say how many it looked at), of DBSIZE. */
  scanned: number;
  /** Keys that matched (pattern and type), each once as far as BULK_DELETE_REMEMBERED_NAMES allows. */
  matched: number;
  /** Keys UNLINK removed. */
  deleted: number;
  /** Matched, but gone when UNLINK came (expired, deleted meanwhile, or a name SCAN returned twice). */
  skipped: number;
  /** UNLINK calls that Redis answered with an error. */
  errors: number;
}

export interface BulkDeleteStep extends BulkDeleteCounts {
  /** The PING round trip judged before this batch, ms (null before the first). */
  pingMs: number | null;
  /** True when the walk waits before its next batch because PING is slow. */
  paced: boolean;
}

export interface BulkDeleteWalkOptions {
  db: number;
  match: string;
  type?: string;
  /** Count and list, delete nothing. */
  dryRun: boolean;
  /** At most this many keys per UNLINK (BULK_DELETE_BATCH: the bounds live with the job's shapes). */
  unlinkKeys: number;
  /** How many matching names the outcome lists (DRY_RUN_LISTED). */
  listKeys: number;
  /** Stops the walk within a second: no UNLINK is sent after it aborts. */
  signal: AbortSignal;
  /** DBSIZE of the db, read on the walk's connection before the first SCAN. */
  onStart?: (dbSize: number) => void;
  /** The counts after each batch (its UNLINKs answered). */
  onBatch: (step: BulkDeleteStep) => void;
  /** Tests turn pacing off to compare; the default is PACE_ABOVE_MS. */
  paceAboveMs?: number;
}

export interface BulkDeleteOutcome extends BulkDeleteCounts {
  dbSize: number;
  /** The first `listKeys` matching names, in SCAN order (fewer when they pass BULK_DELETE_LISTED_NAME_BYTES). */
  firstKeys: Buffer[];
  firstError?: string;
  /** 'end': SCAN came back to cursor 0; 'cancelled': the signal. */
  stoppedBy: 'end' | 'cancelled';
  /** False when more names matched than BULK_DELETE_REMEMBERED_NAMES: a key may be counted twice. */
  deduped: boolean;
}

/**
 * The names a walk has seen, to tell a key SCAN returns twice: at most `capacity` remembered
 * (latin1, one character per byte, so binary names stay apart); past it, new names pass as fresh
 * and `complete` turns false.
 */
export class SeenNames {
  private readonly seen = new Set<string>();
  complete = true;

  constructor(private readonly capacity = BULK_DELETE_REMEMBERED_NAMES) {}

  /** The names of a batch not seen before, in order. */
  fresh(names: Buffer[]): Buffer[] {
    const fresh: Buffer[] = [];
    for (const name of names) {
      const id = name.toString('latin1');
      if (this.seen.has(id)) continue;
      if (this.seen.size < this.capacity) this.seen.add(id);
      else this.complete = false;
      fresh.push(name);
    }
    return fresh;
  }
}

/** A reply that must not be an error (DBSIZE, a plain SCAN): a refusal fails the walk. */
function checked(reply: RespReply | undefined): RespReply | undefined {
  if (RespError.is(reply)) throw reply;
  return reply;
}

/**
 * UNLINK of `names` in calls of at most `perCall` keys, one write. On a node of a Redis Cluster
 * (`bySlot`) one call holds keys of one hash slot only: a multi-key command across slots is
 * refused (CROSSSLOT).
 */
export function unlinkCommands(names: Buffer[], perCall: number, bySlot = false): Command[] {
  const commands: Command[] = [];
  const groups = new Map<number, Buffer[]>();
  if (bySlot) {
    for (const name of names) {
      const slot = keySlot(name);
      const group = groups.get(slot);
      if (group) group.push(name);
      else groups.set(slot, [name]);
    }
  }
  for (const group of bySlot ? groups.values() : [names]) {
    for (let at = 0; at < group.length; at += perCall) commands.push(['UNLINK', ...group.slice(at, at + perCall)]);
  }
  return commands;
}

/** Walks db `options.db` of `instance`, deleting (or counting) what matches. */
export function walkBulkDelete(instance: RedisInstance, options: BulkDeleteWalkOptions): Promise<BulkDeleteOutcome> {
  return instance.run(async (shared) => {
    const pipe = countedPipe(instance, shared, options.db, 'redlens-bulk-delete');
    try {
      return await walkOn(instance, pipe, shared, options);
    } finally {
      pipe.close();
    }
  });
}

async function walkOn(instance: RedisInstance, pipe: RespPipe, shared: Redis, options: BulkDeleteWalkOptions): Promise<BulkDeleteOutcome> {
  const { signal, dryRun } = options;
  const pacer = new PingPacer(options.paceAboveMs);
  const scan = async (cursor: string): Promise<ScanReply> => {
    const args = [cursor, 'MATCH', options.match, 'COUNT', String(BULK_DELETE_SCAN_COUNT)];
    // SCAN ... TYPE looks every key it walks up, which its reply cannot tell: counted between two
    // INFO stats in one MULTI, as the key browser's type filter is (SPEC section 8).
    if (options.type !== undefined) return scanWithType(pipe, [...args, 'TYPE', options.type], instance.traffic);
    const [reply] = await pipe.send([['SCAN', ...args]]);
    return checked(reply) as unknown as ScanReply;
  };

  const [dbSizeReply] = await pipe.send([['DBSIZE']]);
  const dbSize = Number(checked(dbSizeReply));
  options.onStart?.(dbSize);

  const counts: BulkDeleteCounts = { scanned: 0, matched: 0, deleted: 0, skipped: 0, errors: 0 };
  const firstKeys: Buffer[] = [];
  let listedBytes = 0;
  const seen = new SeenNames();
  let firstError: string | undefined;
  let stoppedBy: BulkDeleteOutcome['stoppedBy'] = 'end';

  const unlink = async (names: Buffer[]): Promise<void> => {
    const commands = unlinkCommands(names, Math.max(1, options.unlinkKeys), instance.memberOf !== null);
    const replies = await pipe.send(commands);
    replies.forEach((reply, i) => {
      const sent = commands[i]!.length - 1;
      if (typeof reply === 'number') {
        counts.deleted += reply;
        counts.skipped += sent - reply;
        return;
      }
      counts.errors += 1;
      const message = RespError.is(reply) ? reply.message : `UNLINK answered ${String(reply)}`;
      firstError ??= message;
      if (RespError.is(reply) && STOPS_THE_WALK.test(message)) throw reply;
    });
  };

  let scanning: Promise<ScanReply> | null = scan('0');
  // A rejected promise nobody awaits yet must not crash the process: it is awaited below.
  scanning.catch(() => undefined);
  while (scanning) {
    const [[cursor, batch], ping] = await Promise.all([scanning, pingMs(shared)]);
    pacer.record(ping);
    scanning = null;
    if (signal.aborted) {
      stoppedBy = 'cancelled';
      break;
    }
    const next = cursor.toString();
    if (next !== '0') {
      scanning = scan(next);
      scanning.catch(() => undefined);
    }
    const fresh = seen.fresh(batch);
    counts.matched += fresh.length;
    for (const name of fresh) {
      if (firstKeys.length >= options.listKeys || listedBytes + name.length > BULK_DELETE_LISTED_NAME_BYTES) break;
      listedBytes += name.length;
      firstKeys.push(name);
    }
    if (!dryRun && fresh.length > 0) await unlink(fresh);
    // The cursor tells the share of the table walked; keys written meanwhile may take it past DBSIZE.
    counts.scanned = next === '0' ? Math.max(counts.scanned, dbSize) : Math.max(counts.scanned, Math.round(scannedShare(next) * dbSize));
    pacer.judge();
    options.onBatch({ ...counts, pingMs: pacer.roundTrip, paced: pacer.paced });
    if (scanning) await pacer.wait(signal);
  }
  return { ...counts, dbSize, firstKeys, stoppedBy, deduped: seen.complete, ...(firstError !== undefined && { firstError }) };
}
