import { widened } from './typed-arrays.js';

/**
 * Future-event list: a binary min-heap ordered by (time, sequence), the sequence being the
 * insertion order, so events scheduled for the same instant fire in the order they were
 * scheduled and a run is a pure function of its inputs.
 *
 * NOTE: speed forced this shape. An event is not an object: its fields live in parallel typed
 * arrays at a slot, and the heap holds slot numbers beside their times in heap order, so sifting
 * compares neighbouring times directly and moves a time and an integer per level, not five
 * fields. Slots are recycled through a free list, and `pop()` writes the popped event into
 * public fields instead of returning a record, so the hot loop allocates nothing.
 */
export class EventQueue {
  private heap: Int32Array;
  /** The time of the event at each heap position, in heap order: a sift compares neighbours without an indirection. */
  private keys: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private count = 0;
  private nextSeq = 0;

  /** The entry written by the last `pop()`. */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.heap = new Int32Array(n);
    this.keys = new Float64Array(n);
    this.seqs = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.argA = new Int32Array(n);
    this.argB = new Int32Array(n);
    this.free = new Int32Array(n);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.keys[0] : Infinity;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.count === this.heap.length) this.grow();
    const slot = this.freeCount > 0 ? this.free[--this.freeCount] : this.slotsUsed++;
    const seq = this.nextSeq++;
    const seqs = this.seqs;
    seqs[slot] = seq;
    this.kinds[slot] = kind;
    this.argA[slot] = a;
    this.argB[slot] = b;
    // Sift up: move parents down until the new event's place is found.
    const heap = this.heap;
    const keys = this.keys;
    let i = this.count++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = keys[p];
      if (pt < time || (pt === time && seqs[heap[p]] < seq)) break;
      heap[i] = heap[p];
      keys[i] = pt;
      i = p;
    }
    heap[i] = slot;
    keys[i] = time;
  }

  /** Removes the earliest event into (time, kind, a, b). Returns false when empty. */
  pop(): boolean {
    if (!this.peekTop()) return false;
    this.removeTop();
    return true;
  }

  /**
   * Reads the earliest event into (time, kind, a, b) without removing it. Follow with
   * `removeTop()`, or with `replaceTop()` when the event's handler schedules a successor: the
   * successor then takes the old top's place with one sift instead of a removal and an insertion.
   */
  peekTop(): boolean {
    if (this.count === 0) return false;
    const top = this.heap[0];
    this.time = this.keys[0];
    this.kind = this.kinds[top];
    this.a = this.argA[top];
    this.b = this.argB[top];
    return true;
  }

  /** Removes the earliest event. */
  removeTop(): void {
    const heap = this.heap;
    this.free[this.freeCount++] = heap[0];
    const last = --this.count;
    if (last > 0) this.siftDown(heap[last], this.keys[last], last);
  }

  /**
   * Removes the earliest event and inserts (time, kind, a, b) in one sift; the same heap, and
   * the same order of events, as removeTop() then push(), since (time, sequence) keys are unique.
   */
  replaceTop(time: number, kind: number, a: number, b: number): void {
    const slot = this.heap[0];
    this.seqs[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.argA[slot] = a;
    this.argB[slot] = b;
    this.siftDown(slot, time, this.count);
  }

  /** Places `slot`, due at `t`, at the root and sifts it down a heap of `size` entries. */
  private siftDown(slot: number, t: number, size: number): void {
    const heap = this.heap;
    const keys = this.keys;
    const seqs = this.seqs;
    const last = size;
    const s = seqs[slot];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      let ct = keys[c];
      const r = c + 1;
      if (r < last) {
        const rt = keys[r];
        if (rt < ct || (rt === ct && seqs[heap[r]] < seqs[heap[c]])) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < seqs[heap[c]])) break;
      heap[i] = heap[c];
      keys[i] = ct;
      i = c;
    }
    heap[i] = slot;
    keys[i] = t;
  }

  clear(): void {
    this.count = 0;
    this.nextSeq = 0;
    this.freeCount = 0;
    this.slotsUsed = 0;
  }

  private grow(): void {
    // Every slot is in use when the heap is full, so slots and heap grow together.
    const n = this.heap.length * 2;
    this.heap = widened(this.heap, n);
    this.keys = widened(this.keys, n);
    this.seqs = widened(this.seqs, n);
    this.kinds = widened(this.kinds, n);
    this.argA = widened(this.argA, n);
    this.argB = widened(this.argB, n);
    this.free = widened(this.free, n);
  }
}

/** Bytes of typed-array columns per event slot (heap, kind, two arguments and the free list as Int32, the heap's time and the sequence as Float64), for the memory estimate; checked in the tests. */
export const BYTES_PER_EVENT_SLOT = 5 * 4 + 2 * 8;
