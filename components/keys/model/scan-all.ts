// "Scan all" as the key browser holds it: the names the export streamed (each once: the server
// drops SCAN's repeats only within a window), the metadata measured for the rows that were on
// screen, and the view over them: in scan order, or sorted by memory or TTL over what has been
// measured, or only the measured keys without a TTL. Pure, for a million names: the scan-order
// view copies nothing, a sorted one builds one index array.
import type { KeyName, KeyRow } from '@/lib/keys/types';
import type { KeysMetaReply } from '@/lib/keys/export';
import { MAX_META_KEYS } from '@/lib/keys/export';
import { TTL_NONE } from '@/lib/keys/constants';

export type ScanAllSort = 'scan' | 'memory' | 'ttl';

/** A listed name with what is known of it: type, TTL and memory once its row was on screen. */
export type ListedKey = KeyName & Partial<Pick<KeyRow, 'type' | 'ttlMs' | 'memoryBytes'>>;

/** Names in the order they arrived, each once. Grows in place; `version` says it changed. */
export class StreamedNames {
  readonly names: KeyName[] = [];
  private readonly ids = new Set<string>();

  /** Adds the new ones; answers how many were new. */
  add(lines: readonly KeyName[]): number {
    let added = 0;
    for (const line of lines) {
      if (this.ids.has(line.keyB64)) continue;
      this.ids.add(line.keyB64);
      // The parsed line itself (a million of them: no copy each).
      this.names.push(line);
      added += 1;
    }
    return added;
  }

  get size(): number {
    return this.names.length;
  }
}

/** What the visible windows measured: a row per key, or null for a key gone since it was listed. */
export class MeasuredKeys {
  private readonly rows = new Map<string, KeyRow | null>();
  /** Keys known to be gone. */
  gone = 0;

  merge(reply: Pick<KeysMetaReply, 'keys' | 'missing'>): void {
    for (const row of reply.keys) this.set(row.keyB64, row);
    for (const id of reply.missing) this.set(id, null);
  }

  private set(id: string, row: KeyRow | null): void {
    const before = this.rows.get(id);
    if (before === null && row !== null) this.gone -= 1;
    if (before !== null && row === null) this.gone += 1;
    this.rows.set(id, row);
  }

  /** Rows already known (a page of the paged listing), so they are not asked for again. */
  seed(rows: readonly KeyRow[]): void {
    for (const row of rows) if (!this.rows.has(row.keyB64)) this.rows.set(row.keyB64, row);
  }

  has(keyB64: string): boolean {
    return this.rows.has(keyB64);
  }

  get(keyB64: string): KeyRow | null | undefined {
    return this.rows.get(keyB64);
  }

  /** Keys measured and still there. */
  get present(): number {
    let count = 0;
    for (const row of this.rows.values()) if (row) count += 1;
    return count;
  }

  /** Keys measured, gone ones included. */
  get size(): number {
    return this.rows.size;
  }
}

export interface ScanAllView {
  count: number;
  at: (index: number) => ListedKey;
  /** Measured keys the order or filter was decided on (null in scan order without a filter). */
  measured: number | null;
}

const listed = (name: KeyName, row: KeyRow | null | undefined): ListedKey => (row ? row : name);

/**
 * The list as shown. Scan order: every name, measured ones with their metadata, gone ones left
 * out once known. Sorted: the measured keys first (memory: largest first; TTL: soonest to expire
 * first, no TTL last), then the rest in scan order. No-TTL: only measured keys without a TTL.
 */
export function scanAllView(names: readonly KeyName[], measured: MeasuredKeys, sort: ScanAllSort, noTtlOnly: boolean): ScanAllView {
  if (sort === 'scan' && !noTtlOnly && measured.gone === 0) {
    return { count: names.length, at: (index) => listed(names[index]!, measured.get(names[index]!.keyB64)), measured: null };
  }
  const known: Array<{ index: number; row: KeyRow }> = [];
  const rest: number[] = [];
  names.forEach((name, index) => {
    const row = measured.get(name.keyB64);
    if (row === null) return;
    // In scan order the measured keep their place among the rest.
    if (row && sort !== 'scan') {
      if (!noTtlOnly || row.ttlMs === TTL_NONE) known.push({ index, row });
    } else if (!noTtlOnly || row?.ttlMs === TTL_NONE) rest.push(index);
  });
  if (sort === 'memory') known.sort((a, b) => (b.row.memoryBytes ?? -1) - (a.row.memoryBytes ?? -1) || a.index - b.index);
  if (sort === 'ttl') known.sort((a, b) => ttlRank(a.row) - ttlRank(b.row) || a.index - b.index);
  const order = Int32Array.from([...known.map((entry) => entry.index), ...rest]);
  return {
    count: order.length,
    at: (index) => listed(names[order[index]!]!, measured.get(names[order[index]!]!.keyB64)),
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
 * API's limit (long names: fewer keys a request).
 */
export function keysToMeasure(view: ScanAllView, first: number, last: number, measured: MeasuredKeys, maxBytes: number): string[] {
  const wanted: string[] = [];
  let bytes = 0;
  for (let index = Math.max(0, first); index < Math.min(view.count, last) && wanted.length < MAX_META_KEYS; index += 1) {
    const id = view.at(index).keyB64;
    if (measured.has(id)) continue;
    bytes += id.length + 3;
    if (bytes > maxBytes) break;
    wanted.push(id);
  }
  return wanted;
}
