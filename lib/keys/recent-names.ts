// The names a key export has sent lately, to drop SCAN's repeats (SCAN may return a key twice
// while Redis rehashes) with memory that stays flat however big the keyspace: a window of the
// last N names in two generations, the older one forgotten whole when the newer fills. Open
// addressing on typed arrays, keyed by a 32-bit hash and checked byte for byte, because a JS Map
// or Set per name cost more than writing the name's whole NDJSON line. Pure.

/** FNV-1a of the bytes, as a signed 32-bit integer. */
function hashOf(name: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name[i]!, 0x01000193);
  return hash | 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Up to `capacity` names, a table twice the size (at most half full: short probe runs). */
class Generation {
  readonly names: Uint8Array[] = [];
  private readonly hashes: Int32Array;
  /** Slot -> index in `names` + 1; 0 is an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(readonly capacity: number) {
    let size = 2;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(capacity);
  }

  get full(): boolean {
    return this.names.length >= this.capacity;
  }

  has(name: Uint8Array, hash: number): boolean {
    for (let slot = hash & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const index = this.slots[slot]! - 1;
      if (this.hashes[index] === hash && sameBytes(this.names[index]!, name)) return true;
    }
    return false;
  }

  add(name: Uint8Array, hash: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.hashes[this.names.length] = hash;
    this.names.push(name);
    this.slots[slot] = this.names.length;
  }
}

export class RecentNames {
  private current: Generation;
  private previous: Generation;

  /** Remembers at least the last `window / 2` names and at most the last `window`. */
  constructor(private readonly window: number) {
    this.current = new Generation(Math.max(1, Math.ceil(window / 2)));
    this.previous = new Generation(1);
  }

  /** True the first time `name` is seen within the window (and remembers it); false for a repeat. */
  add(name: Uint8Array): boolean {
    const hash = hashOf(name);
    if (this.current.has(name, hash) || this.previous.has(name, hash)) return false;
    if (this.current.full) {
      this.previous = this.current;
      this.current = new Generation(this.previous.capacity);
    }
    this.current.add(name, hash);
    return true;
  }
}
