// An incremental RESP2 reply parser for the key browser's metadata pipe: replies arrive in
// socket chunks, one pipeline of thousands of TYPE / PTTL / MEMORY USAGE replies at a time.
// Pure; ioredis' own parser is bypassed there because its per-command objects cost about
// 3 µs each, which made a full listing 10x slower than SCAN alone.

// A registered symbol, not instanceof: the pipe is shared through globalThis by route chunks
// that each bundle their own copy of this module.
const RESP_ERROR = Symbol.for('redlens.RespError');

export class RespError extends Error {
  readonly [RESP_ERROR] = true;

  constructor(message: string) {
    super(message);
    this.name = 'RespError';
  }

  static is(value: unknown): value is RespError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RESP_ERROR] === true;
  }
}

export type RespReply = string | number | Buffer | null | RespError | RespReply[];

const CR = 13;
const INCOMPLETE = Symbol('incomplete');
/**
 * Set by parseAt when it stops inside a bulk string: the buffer length at which that string is
 * complete. The feed waits for that many bytes before it joins chunks and parses again, so a
 * big reply costs one copy instead of one per chunk (a 4 MB value in 64 KB chunks was ~128 MB
 * of garbage and as many bytes re-scanned). Module-level because parseAt recurses into arrays.
 */
let bulkNeeds = 0;
type Parsed = { value: RespReply; end: number } | typeof INCOMPLETE;

function lineEnd(buffer: Buffer, from: number): number {
  const end = buffer.indexOf(CR, from);
  return end < 0 || end + 1 >= buffer.length ? -1 : end;
}

/** RESP integers without a string in between: a page has thousands of PTTL replies. */
function parseInteger(buffer: Buffer, from: number, end: number): number {
  const negative = buffer[from] === 45;
  let value = 0;
  for (let i = negative ? from + 1 : from; i < end; i += 1) value = value * 10 + (buffer[i]! - 48);
  return negative ? -value : value;
}

function parseAt(buffer: Buffer, pos: number): Parsed {
  if (pos >= buffer.length) return INCOMPLETE;
  const end = lineEnd(buffer, pos + 1);
  if (end < 0) return INCOMPLETE;
  const marker = buffer[pos];
  const next = end + 2;
  // Lengths and integers are read in place: a SCAN reply has a thousand `$` lines.
  const line = marker === 43 ? buffer.toString('latin1', pos + 1, end) : '';
  switch (marker) {
    case 43: // +
      return { value: line, end: next };
    case 45: // -
      return { value: new RespError(buffer.toString('utf8', pos + 1, end)), end: next };
    case 58: // :
      return { value: parseInteger(buffer, pos + 1, end), end: next };
    case 36: { // $
      const length = parseInteger(buffer, pos + 1, end);
      if (length < 0) return { value: null, end: next };
      if (next + length + 2 > buffer.length) {
        bulkNeeds = next + length + 2;
        return INCOMPLETE;
      }
      return { value: Buffer.from(buffer.subarray(next, next + length)), end: next + length + 2 };
    }
    case 42: { // *
      const length = parseInteger(buffer, pos + 1, end);
      if (length < 0) return { value: null, end: next };
      const items: RespReply[] = [];
      let at = next;
      for (let i = 0; i < length; i += 1) {
        const item = parseAt(buffer, at);
        if (item === INCOMPLETE) return INCOMPLETE;
        items.push(item.value);
        at = item.end;
      }
      return { value: items, end: at };
    }
    default:
      throw new Error(`RESP protocol error: unexpected byte 0x${(marker ?? 0).toString(16)} at ${pos}`);
  }
}

/** Feed it chunks; it hands back every complete reply, in order, and keeps the rest. */
export class RespParser {
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks received after `buffer` and not joined yet, with their byte count. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** `buffer` + pending bytes needed before parsing can make progress. */
  private needs = 0;

  feed(chunk: Buffer): RespReply[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.buffer.length + this.pendingBytes < this.needs) return [];
    this.buffer = Buffer.concat(this.buffer.length === 0 ? this.pending : [this.buffer, ...this.pending]);
    this.pending = [];
    this.pendingBytes = 0;
    const replies: RespReply[] = [];
    let pos = 0;
    for (;;) {
      bulkNeeds = 0;
      const parsed = parseAt(this.buffer, pos);
      if (parsed === INCOMPLETE) break;
      replies.push(parsed.value);
      pos = parsed.end;
    }
    // Relative to the unparsed rest; 0 (parse on the next chunk) when the stop was not in a bulk.
    this.needs = bulkNeeds > pos ? bulkNeeds - pos : 0;
    this.buffer = pos === 0 ? this.buffer : this.buffer.subarray(pos);
    return replies;
  }

  /** Bytes received that belong to a reply not yet complete. */
  get buffered(): number {
    return this.buffer.length + this.pendingBytes;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
    this.pending = [];
    this.pendingBytes = 0;
    this.needs = 0;
  }
}

const CRLF = 0x0a0d; // "\r\n" as a little-endian 16-bit write

/** Encoded form of the few words every command repeats (TYPE, PTTL, MEMORY, ...), kept. */
const wordCache = new Map<string, Buffer>();
const WORD_CACHE_LIMIT = 64;

function encodedWord(word: string): Buffer {
  let encoded = wordCache.get(word);
  if (!encoded) {
    encoded = Buffer.from(`$${Buffer.byteLength(word)}\r\n${word}\r\n`);
    if (wordCache.size < WORD_CACHE_LIMIT) wordCache.set(word, encoded);
  }
  return encoded;
}

const digits = (n: number) => (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : String(n).length);

function writeDecimal(out: Buffer, at: number, n: number): number {
  const text = String(n);
  for (let i = 0; i < text.length; i += 1) out[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/**
 * Commands as RESP2 bytes (arrays of bulk strings) in one buffer. A page is thousands of tiny
 * commands, so this counts first, allocates once and copies: Buffer.from and Buffer.write per
 * piece cost more than the socket write itself.
 */
export function encodeCommands(commands: ReadonlyArray<ReadonlyArray<string | Buffer>>): Buffer {
  let total = 0;
  for (const command of commands) {
    total += 3 + digits(command.length);
    for (const arg of command) {
      total += typeof arg === 'string' ? encodedWord(arg).length : 5 + digits(arg.length) + arg.length;
    }
  }
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const command of commands) {
    out[at++] = 0x2a; // *
    at = writeDecimal(out, at, command.length);
    at = out.writeUInt16LE(CRLF, at);
    for (const arg of command) {
      if (typeof arg === 'string') {
        at += encodedWord(arg).copy(out, at);
        continue;
      }
      out[at++] = 0x24; // $
      at = writeDecimal(out, at, arg.length);
      at = out.writeUInt16LE(CRLF, at);
      at += arg.copy(out, at);
      at = out.writeUInt16LE(CRLF, at);
    }
  }
  return out;
}
