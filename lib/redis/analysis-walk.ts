// The keyspace analysis's walk (SPEC section 10): every key of one db (or the first N, for a
// sample) with its TYPE, PTTL, MEMORY USAGE and length, on a RespPipe of its own named
// `redlens-analysis`. Built for a million keys: the next SCAN goes out while the current batch's
// metadata is in flight, so Redis always has the walk's next work queued; and it is paced by the
// PING round trip other clients see, so production latency stays in the guide's target.
import 'server-only';
import type Redis from 'ioredis';
import { TTL_GONE, TTL_NONE } from '@/lib/keys/constants';
import { countedPipe } from './db-connections';
import { PingPacer, pingMs } from './pacing';
import { RespError, type RespReply } from './parse/resp';
import type { RedisInstance } from './registry';
import type { Command, RespPipe } from './resp-pipe';

/** SPEC section 10: one SCAN call walks about this many keys. */
export const ANALYSIS_SCAN_COUNT = 1000;
export { PACE_ABOVE_MS } from './pacing';

/** The length command of each type; other types (modules) have no length. */
const LENGTH_COMMAND: Record<string, string> = {
  string: 'STRLEN', hash: 'HLEN', list: 'LLEN', set: 'SCARD', zset: 'ZCARD', stream: 'XLEN',
};

/**
 * One key as the walk saw it. The same shape as lib/analysis's WalkedKey, declared here so the
 * Redis layer does not import the analysis above it.
 */
export interface WalkedKey {
  name: Buffer;
  type: string;
  /** PTTL: -1 no TTL. */
  ttlMs: number;
  /** MEMORY USAGE; null when it was refused. */
  memoryBytes: number | null;
  /** STRLEN / HLEN / LLEN / SCARD / ZCARD / XLEN; null for other types. */
  length: number | null;
  /** OBJECT ENCODING, asked only when `wantsEncoding` says so. */
  encoding?: string;
}

export interface WalkProgress {
  /** Keys the walk looked at so far (vanished ones included). */
  scanned: number;
  /** The PING round trip measured between the last batches, ms (null before the first). */
  pingMs: number | null;
  /** True when the walk waited before this batch because PING was slow. */
  paced: boolean;
}

export interface WalkOptions {
  db: number;
  match?: string;
  /** Stop after this many keys (a sample); undefined walks everything. */
  maxKeys?: number;
  /** Stops the walk within a second (at most one batch's metadata, then nothing). */
  signal: AbortSignal;
  /** Whether a key of this type and length gets an OBJECT ENCODING (encoding findings). */
  wantsEncoding: (type: string, length: number | null) => boolean;
  /** DBSIZE of the db, read on the walk's connection before the first SCAN. */
  onStart?: (dbSize: number) => void;
  /** Each batch's keys (vanished ones left out), in order, with the progress after it. */
  onBatch: (keys: WalkedKey[], progress: WalkProgress) => void;
  /** Tests turn pacing off to compare; the default is PACE_ABOVE_MS. */
  paceAboveMs?: number;
}

export interface WalkOutcome {
  scanned: number;
  /** 'end': SCAN came back to cursor 0; 'sample': maxKeys reached; 'cancelled': the signal. */
  stoppedBy: 'end' | 'sample' | 'cancelled';
  /** Set when MEMORY USAGE was refused (an ACL without memory|usage): memory is then unknown. */
  memoryError?: string;
}

/** A reply that must not be an error: a refused TYPE, PTTL or SCAN fails the walk (502). */
function checked(reply: RespReply | undefined): RespReply | undefined {
  if (RespError.is(reply)) throw reply;
  return reply;
}

type Described = { keys: WalkedKey[]; memoryError?: string };

/**
 * The metadata of one batch in (at most) three writes: TYPE, PTTL and MEMORY USAGE of every key;
 * then the length, whose command depends on the type; then OBJECT ENCODING of the few keys whose
 * length makes their encoding worth checking. Keys gone since SCAN (TYPE none, PTTL -2) are left
 * out. MEMORY USAGE without SAMPLES: Redis's default sampling, as redis-cli does (SPEC 10).
 */
async function describe(pipe: RespPipe, names: Buffer[], wantsEncoding: WalkOptions['wantsEncoding']): Promise<Described> {
  const first: Command[] = [];
  for (const name of names) first.push(['TYPE', name], ['PTTL', name], ['MEMORY', 'USAGE', name]);
  const replies = await pipe.send(first);
  const keys: WalkedKey[] = [];
  let memoryError: string | undefined;
  for (let i = 0; i < names.length; i += 1) {
    const type = checked(replies[3 * i]);
    const ttl = checked(replies[3 * i + 1]);
    const memory = replies[3 * i + 2];
    if (type === 'none' || ttl === TTL_GONE) continue;
    if (RespError.is(memory)) memoryError ??= `MEMORY USAGE failed: ${memory.message}`;
    keys.push({
      name: names[i]!,
      type: String(type),
      ttlMs: typeof ttl === 'number' ? ttl : TTL_NONE,
      memoryBytes: typeof memory === 'number' ? memory : null,
      length: null,
    });
  }

  const measured = keys.filter((key) => LENGTH_COMMAND[key.type] !== undefined);
  const lengths = await pipe.send(measured.map((key) => [LENGTH_COMMAND[key.type]!, key.name]));
  const gone = new Set<WalkedKey>();
  measured.forEach((key, i) => {
    const length = lengths[i];
    // A type changed under us (deleted and re-created) answers WRONGTYPE: the length stays unknown.
    if (typeof length !== 'number') return;
    // Redis never keeps an empty collection: 0 means it was deleted after TYPE.
    if (length === 0 && key.type !== 'string') gone.add(key);
    key.length = length;
  });
  const kept = gone.size === 0 ? keys : keys.filter((key) => !gone.has(key));

  const candidates = kept.filter((key) => wantsEncoding(key.type, key.length));
  const encodings = await pipe.send(candidates.map((key) => ['OBJECT', 'ENCODING', key.name]));
  candidates.forEach((key, i) => {
    const encoding = encodings[i];
    if (Buffer.isBuffer(encoding)) key.encoding = encoding.toString('latin1');
    else if (typeof encoding === 'string') key.encoding = encoding;
  });
  return { keys: kept, ...(memoryError !== undefined && { memoryError }) };
}

type ScanReply = [Buffer, Buffer[]];

/**
 * Walks db `options.db` of `instance`. At most two batches are in flight: while batch n's
 * metadata is written and parsed, the SCAN for batch n+1 is already out (and a PING measures the
 * round trip beside it). Cancelled: resolves with what was delivered, within about a second.
 */
export function walkKeyspace(instance: RedisInstance, options: WalkOptions): Promise<WalkOutcome> {
  return instance.run(async (shared) => {
    const pipe = countedPipe(instance, shared, options.db, 'redlens-analysis');
    try {
      return await walkOn(pipe, shared, options);
    } finally {
      pipe.close();
    }
  });
}

async function walkOn(pipe: RespPipe, shared: Redis, options: WalkOptions): Promise<WalkOutcome> {
  const { signal, maxKeys } = options;
  const pacer = new PingPacer(options.paceAboveMs);
  const scanArgs = (cursor: string): Command => [
    'SCAN', cursor, ...(options.match !== undefined ? ['MATCH', options.match] : []), 'COUNT', String(ANALYSIS_SCAN_COUNT),
  ];
  const scan = async (cursor: string): Promise<ScanReply> => {
    const [reply] = await pipe.send([scanArgs(cursor)]);
    return checked(reply) as unknown as ScanReply;
  };

  const [dbSize] = await pipe.send([['DBSIZE']]);
  options.onStart?.(Number(checked(dbSize)));

  let scanned = 0;
  let memoryError: string | undefined;
  let stoppedBy: WalkOutcome['stoppedBy'] = 'end';
  /** The batch whose metadata is in flight, and the keys scanned up to and including it. */
  let previous: { described: Promise<Described>; scanned: number } | null = null;
  let scanning: Promise<ScanReply> | null = scan('0');
  // A rejected promise nobody awaits yet must not crash the process: it is awaited below.
  scanning.catch(() => undefined);

  const deliver = async (batch: { described: Promise<Described>; scanned: number }) => {
    const described = await batch.described;
    memoryError ??= described.memoryError;
    options.onBatch(described.keys, { scanned: batch.scanned, pingMs: pacer.roundTrip, paced: pacer.paced });
  };

  while (scanning) {
    const [[cursor, batch], ping] = await Promise.all([scanning, pingMs(shared)]);
    pacer.record(ping);
    scanning = null;
    if (signal.aborted) {
      stoppedBy = 'cancelled';
      break;
    }
    const next = cursor.toString();
    let names = batch;
    if (maxKeys !== undefined && scanned + names.length >= maxKeys && (next !== '0' || scanned + names.length > maxKeys)) {
      names = names.slice(0, maxKeys - scanned);
      stoppedBy = 'sample';
    }
    if (next !== '0' && stoppedBy !== 'sample') {
      scanning = scan(next);
      scanning.catch(() => undefined);
    }
    scanned += names.length;
    const current = { described: describe(pipe, names, options.wantsEncoding), scanned };
    current.described.catch(() => undefined);
    if (previous) await deliver(previous);
    previous = current;

    await pacer.pace(signal, scanning !== null);
  }
  // The batch already asked for is delivered, cancelled or not: its keys were counted in `scanned`.
  if (previous) await deliver(previous);
  return { scanned, stoppedBy, ...(memoryError !== undefined && { memoryError }) };
}
