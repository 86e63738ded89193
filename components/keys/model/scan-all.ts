// "Scan all" as the key browser holds it: the names the export streamed, kept as the NDJSON
// text they came in (a line is parsed only when its row is shown: a million parsed objects cost
// more browser time than the whole stream), the metadata measured for the rows that were on
// screen, and the view over them: in scan order, or sorted by memory or TTL over what has been
// measured, or only the measured keys without a TTL. Names are unique as the server sends them
// (it drops SCAN's repeats within a window of 100,000 names). Pure; the scan-order view copies
// nothing, a sorted one builds one index array.
import type { KeyName, KeyRow } from '@/lib/keys/types';
import type { KeysMetaReply } from '@/lib/keys/export';
import { MAX_META_KEYS } from '@/lib/keys/export';
import { TTL_NONE } from '@/lib/keys/constants';

export type ScanAllSort = 'scan' | 'memory' | 'ttl';

/** A listed name with what is known of it: type, TTL and memory once its row was on screen. */
export type ListedKey = KeyName & Partial<Pick<KeyRow, 'type' | 'ttlMs' | 'memoryBytes' | 'node'>>;

const NAME_LINE = '{"key":';
/** Parsed lines kept for rows shown again (scrolling back and forth). */
const PARSED_CACHE = 4_096;

/** The streamed names in arrival order, as their NDJSON lines. Grows in place. */
export class StreamedNames {
  private readonly chunks: string[] = [];
  /** Per line: its chunk, and where it starts and ends in it. */
  private chunkOf = new Int32Array(1_024);
  private startOf = new Int32Array(1_024);
  private endOf = new Int32Array(1_024);
  private parsed = new Map<number, KeyName>();
  size = 0;

  /**
   * Indexes the name lines of `text` (whole lines, each ending in a newline, as NdjsonLines
   * hands them over); answers how many it added.
   */
  addText(text: string): number {
    const chunk = this.chunks.length;
    this.chunks.push(text);
    const before = this.size;
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (text.startsWith(NAME_LINE, start)) this.push(chunk, start, end);
      start = end + 1;
    }
    return this.size - before;
  }

  /** Names already parsed (tests, and the names of a page known before). */
  add(lines: readonly KeyName[]): number {
    return this.addText(lines.map((line) => `${JSON.stringify({ key: line.key, keyB64: line.keyB64 })}\n`).join(''));
  }

  at(index: number): KeyName {
    let name = this.parsed.get(index);
    if (!name) {
      name = JSON.parse(this.chunks[this.chunkOf[index]!]!.slice(this.startOf[index], this.endOf[index])) as KeyName;
      if (this.parsed.size >= PARSED_CACHE) this.parsed = new Map();
      this.parsed.set(index, name);
    }
    return name;
  }

  private push(chunk: number, start: number, end: number): void {
    if (this.size === this.chunkOf.length) {
      const grow = (array: Int32Array) => {
        const bigger = new Int32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.chunkOf = grow(this.chunkOf);
      this.startOf = grow(this.startOf);
      this.endOf = grow(this.endOf);
    }
    this.chunkOf[this.size] = chunk;
    this.startOf[this.size] = start;
    this.endOf[this.size] = end;
    this.size += 1;
  }
}

/**
 * What the visible windows measured: per key its row (null: gone since it was listed) and the
 * index of its name in the stream, which the sorted views order by.
 */
export class MeasuredKeys {
  private readonly rows = new Map<string, { index: number; row: KeyRow | null }>();
  /** Keys known to be gone. */
  gone = 0;

  /** A reply for the names at `indexOf`'s indexes (the window that asked). */
  merge(reply: Pick<KeysMetaReply, 'keys' | 'missing'>, indexOf: ReadonlyMap<string, number>): void {
    for (const row of reply.keys) this.set(row.keyB64, row, indexOf);
    for (const id of reply.missing) this.set(id, null, indexOf);
  }

  has(keyB64: string): boolean {
    return this.rows.has(keyB64);
  }

  get(keyB64: string): KeyRow | null | undefined {
    return this.rows.get(keyB64)?.row;
  }

  entries(): IterableIterator<{ index: number; row: KeyRow | null }> {
    return this.rows.values();
  }

  /** Keys measured, gone ones included. */
  get size(): number {
    return this.rows.size;
  }

  private set(id: string, row: KeyRow | null, indexOf: ReadonlyMap<string, number>): void {
    const index = indexOf.get(id);
    if (index === undefined) return;
    const before = this.rows.get(id)?.row;
    if (before === null && row !== null) this.gone -= 1;
    if (before !== null && row === null) this.gone += 1;
    this.rows.set(id, { index, row });
  }
}

export interface ScanAllView {
  count: number;
  at: (index: number) => ListedKey;
  /** The index in the stream of the name shown at `index`. */
  nameIndex: (index: number) => number;
  /** Measured keys the order or filter was decided on (null in scan order without a filter). */
  measured: number | null;
}

const listed = (name: KeyName, row: KeyRow | null | undefined): ListedKey => (row ? row : name);

/**
 * The list as shown. Scan order: every name, measured ones with their metadata, gone ones left
 * out once known. Sorted: the measured keys first (memory: largest first; TTL: soonest to expire
 * first, no TTL last), then the rest in scan order. No-TTL: only measured keys without a TTL.
 */
export function scanAllView(names: StreamedNames, measured: MeasuredKeys, sort: ScanAllSort, noTtlOnly: boolean): ScanAllView {
  const show = (nameIndex: number) => {
    const name = names.at(nameIndex);
    return listed(name, measured.get(name.keyB64));
  };
  if (sort === 'scan' && !noTtlOnly && measured.gone === 0) {
    return { count: names.size, at: show, nameIndex: (index) => index, measured: null };
  }
  // Per name: 0 not measured, 1 measured, 2 gone.
  const state = new Uint8Array(names.size);
  const known: Array<{ index: number; row: KeyRow }> = [];
  for (const { index, row } of measured.entries()) {
    if (index >= names.size) continue;
    state[index] = row ? 1 : 2;
    if (row && (!noTtlOnly || row.ttlMs === TTL_NONE)) known.push({ index, row });
  }
  let order: Int32Array;
  if (sort === 'scan') {
    // The measured keep their place among the rest.
    const keep = noTtlOnly ? new Set(known.map((entry) => entry.index)) : null;
    order = new Int32Array(keep ? keep.size : names.size - measured.gone);
    let at = 0;
    for (let index = 0; index < names.size; index += 1) {
      if (keep ? keep.has(index) : state[index] !== 2) order[at++] = index;
    }
    order = order.subarray(0, at);
  } else {
    if (sort === 'memory') known.sort((a, b) => (b.row.memoryBytes ?? -1) - (a.row.memoryBytes ?? -1) || a.index - b.index);
    else known.sort((a, b) => ttlRank(a.row) - ttlRank(b.row) || a.index - b.index);
    order = new Int32Array(noTtlOnly ? known.length : known.length + names.size - measured.size);
    let at = 0;
    for (const entry of known) order[at++] = entry.index;
    if (!noTtlOnly) for (let index = 0; index < names.size; index += 1) if (state[index] === 0) order[at++] = index;
    order = order.subarray(0, at);
  }
  return {
    count: order.length,
    at: (index) => show(order[index]!),
    nameIndex: (index) => order[index]!,
    measured: measured.size - measured.gone,
  };
}

/** Soonest to expire first; keys without a TTL after every key with one. */
function ttlRank(row: KeyRow): number {
  return row.ttlMs === TTL_NONE ? Number.MAX_SAFE_INTEGER : row.ttlMs;
}

/**
 * The keys of the visible rows [first, last) that have no metadata yet, at most MAX_META_KEYS
 * of them, each base64 name counted against `maxBytes` so the request body stays under the
 * API's limit (long names: fewer keys a request); with the stream index of each.
 */
export function keysToMeasure(view: ScanAllView, first: number, last: number, measured: MeasuredKeys, maxBytes: number): Map<string, number> {
  const wanted = new Map<string, number>();
  let bytes = 0;
  for (let index = Math.max(0, first); index < Math.min(view.count, last) && wanted.size < MAX_META_KEYS; index += 1) {
    const id = view.at(index).keyB64;
    if (measured.has(id) || wanted.has(id)) continue;
    bytes += id.length + 3;
    if (bytes > maxBytes) break;
    wanted.set(id, view.nameIndex(index));
  }
  return wanted;
}
