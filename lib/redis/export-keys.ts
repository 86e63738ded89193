// "Scan all" (SPEC section 12): every matching key name of one db, streamed as NDJSON from one
// request (the lines of lib/keys/export.ts). Pull-based: a SCAN goes out only when the response's
// reader wants more (the stream queues one batch; one more SCAN is prefetched while it is
// written), so a client that stops reading stops Redis's work, and one that disconnects (the
// stream is cancelled) ends it within the SCAN in flight. On a counted connection of its own
// (`redlens-export`), paced on PING like the analysis walk, SCAN ... TYPE's lookups counted as
// Redlens's own (scanWithType). SCAN may return a name twice while Redis rehashes: repeats are
// dropped within a bounded window of recent names, so memory stays flat for 10 million keys.
import 'server-only';
import type Redis from 'ioredis';
import type { ExportDoneLine, ExportErrorLine, KeysExportInput } from '@/lib/keys/export';
import { ApiError } from '@/lib/api/errors';
import { displayName } from '@/lib/display-bytes';
import { RecentNames } from '@/lib/keys/recent-names';
import { checkedDb, countedPipe } from './db-connections';
import { keyBrowserLimits } from './key-browser-limits';
import { scanWithType, type ScanReply } from './keys';
import { PingPacer, pingMs } from './pacing';
import { RespError } from './parse/resp';
import type { RedisInstance } from './registry';
import type { RespPipe } from './resp-pipe';
import { isRefusal, type Release } from './scan-gate';

/** One SCAN call walks about this many keys (as the analysis does: SPEC section 10). */
export const EXPORT_SCAN_COUNT = 1000;
/** Names remembered to drop SCAN's repeats (lib/keys/recent-names.ts): a few MB at most. */
export const EXPORT_DEDUPE_WINDOW = 100_000;
/**
 * Batches the stream queues ahead of its reader (a batch is one SCAN's names, ~50 KB): enough
 * that a reader busy for a moment does not stall the SCAN loop, few enough that a reader that
 * stops leaves Redis a handful of SCANs, then nothing.
 */
const QUEUED_BATCHES = 3;
/**
 * A PING beside every this many SCANs measures the round trip the pacing judges (the analysis
 * pings every batch; a batch here is cheaper, and the PINGs were 5 % of the export's Redis CPU).
 */
const PING_EVERY = 4;

export interface KeyExport {
  db: number;
  /** DBSIZE when the export started, read on its connection before the first SCAN. */
  dbSize: number;
  body: ReadableStream<Uint8Array>;
}

export const TOO_MANY_EXPORTS = 'Too many key exports are running on this instance at once; try again shortly.';

function errorLine(error: unknown): ExportErrorLine {
  if (ApiError.is(error)) return { error: { code: error.code, message: error.message } };
  console.error('[redlens] key export failed:', error);
  return { error: { code: 'INTERNAL', message: 'The export failed; the server log has the details.' } };
}

/** True when every byte is printable ASCII that JSON and the display both keep as it is. */
function plainName(name: Buffer): boolean {
  for (let i = 0; i < name.length; i += 1) {
    const byte = name[i]!;
    if (byte < 0x20 || byte > 0x7e || byte === 0x5c || byte === 0x22) return false;
  }
  return true;
}

const BASE64 = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const EQUALS = 0x3d;
const KEY_OPEN = Buffer.from('{"key":"');
const KEY_OPEN_JSON = Buffer.from('{"key":');
const ID_OPEN = Buffer.from('","keyB64":"');
const LINE_CLOSE = Buffer.from('"}\n');

/**
 * A batch's lines written straight into bytes, in JavaScript: a name costs no string, no
 * JSON.stringify and no call into Node's C++ (each costs more than a short name's whole line:
 * with them the export took twice the time of the SCAN loop it feeds on). Plain ASCII names,
 * nearly all of them, are copied as they are; others go through displayName and JSON.
 */
export class LineWriter {
  private out = Buffer.allocUnsafe(64 * 1024);
  length = 0;

  name(name: Buffer): void {
    const base64Length = Math.ceil(name.length / 3) * 4;
    if (plainName(name)) {
      this.room(name.length + base64Length + 24);
      this.put(KEY_OPEN);
      this.put(name);
    } else {
      const key = Buffer.from(JSON.stringify(displayName(name)));
      this.room(key.length + base64Length + 24);
      this.put(KEY_OPEN_JSON);
      this.put(key.subarray(0, key.length - 1)); // its closing quote comes with ID_OPEN
    }
    this.put(ID_OPEN);
    this.base64(name);
    this.put(LINE_CLOSE);
  }

  /** Appends a line of JSON (the last line). */
  line(value: unknown): void {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
    this.room(bytes.length);
    this.put(bytes);
  }

  bytes(): Uint8Array {
    return this.out.subarray(0, this.length);
  }

  private put(bytes: Buffer): void {
    if (bytes.length > 64) {
      this.length += bytes.copy(this.out, this.length); // long: one native copy beats the loop
      return;
    }
    const out = this.out;
    let at = this.length;
    for (let i = 0; i < bytes.length; i += 1) out[at++] = bytes[i]!;
    this.length = at;
  }

  /** Standard base64 with padding, as Buffer.toString('base64') writes it. */
  private base64(name: Buffer): void {
    const out = this.out;
    let at = this.length;
    let i = 0;
    for (; i + 2 < name.length; i += 3) {
      const n = (name[i]! << 16) | (name[i + 1]! << 8) | name[i + 2]!;
      out[at++] = BASE64[n >>> 18]!;
      out[at++] = BASE64[(n >>> 12) & 63]!;
      out[at++] = BASE64[(n >>> 6) & 63]!;
      out[at++] = BASE64[n & 63]!;
    }
    const rest = name.length - i;
    if (rest > 0) {
      const n = (name[i]! << 16) | (rest === 2 ? name[i + 1]! << 8 : 0);
      out[at++] = BASE64[n >>> 18]!;
      out[at++] = BASE64[(n >>> 12) & 63]!;
      out[at++] = rest === 2 ? BASE64[(n >>> 6) & 63]! : EQUALS;
      out[at++] = EQUALS;
    }
    this.length = at;
  }

  private room(more: number): void {
    if (this.length + more <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.length + more));
    this.out.copy(bigger, 0, 0, this.length);
    this.out = bigger;
  }
}

/**
 * What the stream reads names from: one server's SCAN loop (ExportWalk), or a Redis Cluster's
 * masters one after the other (lib/redis/cluster-keys.ts).
 */
export interface NameWalk {
  /** Aborted when the reader cancels, the request ends or the walk is done. */
  readonly stop: AbortController;
  /** True once the last batch has been answered. */
  readonly done: boolean;
  readonly scanned: number;
  readonly sent: number;
  next(): Promise<Buffer[]>;
  lines(names: Buffer[]): LineWriter;
  close(): void;
}

/** One SCAN loop over one db on its own pipe; `next()` answers the next batch's new names. */
export class ExportWalk implements NameWalk {
  private pipe: RespPipe | null = null;
  private cursor = '0';
  private started = false;
  private inflight: Promise<ScanReply> | null = null;
  private readonly pacer = new PingPacer();
  private readonly seen = new RecentNames(EXPORT_DEDUPE_WINDOW);
  /** Aborted when the reader cancels, the request ends or the walk is done. */
  readonly stop = new AbortController();
  scanned = 0;
  sent = 0;
  private scans = 0;

  constructor(
    private readonly instance: RedisInstance,
    private readonly db: number,
    private readonly query: KeysExportInput,
  ) {}

  /** Opens the connection and answers DBSIZE; the first SCAN goes out with it. */
  open(): Promise<number> {
    return this.instance.run(async (shared) => {
      this.pipe = countedPipe(this.instance, shared, this.db, 'redlens-export');
      const [dbSize] = await this.pipe.send([['DBSIZE']]);
      if (RespError.is(dbSize)) throw dbSize;
      this.inflight = this.scan(shared);
      this.inflight.catch(() => undefined); // awaited by the first next()
      return Number(dbSize);
    });
  }

  get done(): boolean {
    return this.started && this.cursor === '0';
  }

  /** The next batch's names, repeats dropped; empty when a filter let nothing through. */
  async next(): Promise<Buffer[]> {
    const batch = await this.instance.run(async (shared) => {
      if (!this.inflight) {
        await this.pacer.pace(this.stop.signal);
        this.inflight = this.scan(shared);
      }
      const [cursor, names] = await this.inflight;
      this.inflight = null;
      this.started = true;
      this.cursor = cursor.toString();
      // Prefetch the next batch while this one is encoded and written, unless Redis is slow
      // for everyone (then the next call waits first) or the reader has gone.
      if (this.cursor !== '0' && !this.stop.signal.aborted && !this.pacer.paced) {
        this.inflight = this.scan(shared);
        this.inflight.catch(() => undefined);
      }
      return names;
    });
    // Without a filter every walked key comes back; with one, COUNT is what Redis walked, roughly.
    const filtered = this.query.match !== undefined || this.query.type !== undefined;
    this.scanned += filtered ? EXPORT_SCAN_COUNT : batch.length;
    return batch;
  }

  /** Fresh names as NDJSON lines, counted as sent. */
  lines(names: Buffer[]): LineWriter {
    const writer = new LineWriter();
    for (const name of names) {
      if (!this.seen.add(name)) continue;
      writer.name(name);
      this.sent += 1;
    }
    return writer;
  }

  close(): void {
    this.stop.abort();
    this.pipe?.close();
  }

  /** One SCAN on the walk's pipe, now and then with a PING on the shared client beside it (pacing). */
  private async scan(shared: Redis): Promise<ScanReply> {
    const pipe = this.pipe!;
    const args: string[] = [this.cursor];
    if (this.query.match !== undefined) args.push('MATCH', this.query.match);
    args.push('COUNT', String(EXPORT_SCAN_COUNT));
    const scanning = this.query.type === undefined
      ? pipe.send([['SCAN', ...args]]).then(([reply]) => {
        if (RespError.is(reply)) throw reply;
        return reply as unknown as ScanReply;
      })
      : scanWithType(pipe, [...args, 'TYPE', this.query.type], this.instance.traffic);
    const pinging = this.scans++ % PING_EVERY === 0 ? pingMs(shared) : null;
    const [reply, ping] = await Promise.all([scanning, pinging]);
    if (ping !== null) this.pacer.record(ping);
    return reply;
  }
}

/**
 * Starts an export: the db checked (400), a slot taken (429 when too many run), DBSIZE read and
 * the first SCAN sent, all before the answer starts, so those failures keep their status. Later
 * failures end the stream with one `error` line.
 */
export async function exportKeys(instance: RedisInstance, query: KeysExportInput, signal: AbortSignal): Promise<KeyExport> {
  const db = await checkedDb(instance, query.db);
  const slot = await keyBrowserLimits(instance).exports.acquire();
  if (isRefusal(slot)) throw new ApiError('TOO_MANY_REQUESTS', TOO_MANY_EXPORTS, { retryAfterSeconds: slot.retryAfterMs / 1000 });
  const walk = new ExportWalk(instance, db, query);
  let dbSize: number;
  try {
    dbSize = await walk.open();
  } catch (error) {
    walk.close();
    slot();
    throw error;
  }
  return { db, dbSize, body: exportStream(walk, slot, signal) };
}

/** Ends a stream the request left (aborted): already cancelled, it refuses to close, which is fine. */
function endQuietly(controller: ReadableStreamDefaultController<Uint8Array>): void {
  try {
    controller.close();
  } catch {
    // cancelled by its reader
  }
}

/** The NDJSON body of a walk: its names, then one `done` or `error` line; `slot` is released at the end. */
export function exportStream(walk: NameWalk, slot: Release, signal: AbortSignal): ReadableStream<Uint8Array> {
  const finish = () => {
    signal.removeEventListener('abort', finish);
    walk.close();
    slot();
  };
  signal.addEventListener('abort', finish, { once: true });
  if (signal.aborted) finish();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A filter may let nothing through for many batches: keep going until a line is ready.
        while (!walk.stop.signal.aborted) {
          const lines = walk.lines(await walk.next());
          if (walk.stop.signal.aborted) break;
          if (walk.done) {
            const last: ExportDoneLine = { done: true, scanned: walk.scanned, keys: walk.sent };
            lines.line(last);
            controller.enqueue(lines.bytes());
            controller.close();
            finish();
            return;
          }
          if (lines.length > 0) {
            controller.enqueue(lines.bytes());
            return;
          }
        }
        endQuietly(controller);
      } catch (error) {
        // A cancel closes the pipe under the SCAN in flight: that failure is nobody's to hear.
        if (walk.stop.signal.aborted) {
          endQuietly(controller);
          return;
        }
        controller.enqueue(new TextEncoder().encode(`${JSON.stringify(errorLine(error))}\n`));
        controller.close();
        finish();
      }
    },
    cancel() {
      finish();
    },
  }, new CountQueuingStrategy({ highWaterMark: QUEUED_BATCHES }));
}
