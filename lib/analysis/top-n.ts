// The N items of highest score seen so far, in bounded memory: a min-heap of N, so a walk of a
// million keys keeps 100 and pays O(log N) only for the few that beat the smallest kept.
// Ties keep the earlier item. Pure.

interface Entry<T> {
  score: number;
  seq: number;
  item: T;
}

/** a ranks below b: a lower score, or the same score seen later. */
function below<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.score < b.score || (a.score === b.score && a.seq > b.seq);
}

export class TopN<T> {
  private readonly heap: Array<Entry<T>> = [];
  private seq = 0;

  constructor(readonly capacity: number) {}

  /** Whether a score would be kept now: callers skip building an item that would not be. */
  wouldKeep(score: number): boolean {
    return this.capacity > 0 && (this.heap.length < this.capacity || score > this.heap[0]!.score);
  }

  /** Offer an item; `build` runs only when it is kept (names become display strings only then). */
  offer(score: number, build: () => T): void {
    if (!this.wouldKeep(score)) {
      this.seq += 1;
      return;
    }
    const entry = { score, seq: this.seq++, item: build() };
    if (this.heap.length < this.capacity) {
      this.heap.push(entry);
      this.siftUp(this.heap.length - 1);
    } else {
      this.heap[0] = entry;
      this.siftDown(0);
    }
  }

  get size(): number {
    return this.heap.length;
  }

  /** The kept items, highest score first (ties: the earlier first). */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0)).map((entry) => entry.item);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!below(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && below(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && below(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
}
