/**
 * Future-event list: a binary min-heap on parallel typed arrays, ordered by (time, sequence).
 *
 * The sequence number is the insertion order, so events scheduled for the same instant fire in
 * the order they were scheduled and a run is a pure function of its inputs.
 *
 * NOTE: speed forced this shape. Entries are not objects: an event is (time, kind, a, b) spread
 * over four typed arrays, and `pop()` writes the popped entry into the public fields instead of
 * returning a record, so the hot loop allocates nothing per event.
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private count = 0;
  private nextSeq = 0;

  /** The entry written by the last `pop()`. */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.times = new Float64Array(n);
    this.seqs = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.argA = new Int32Array(n);
    this.argB = new Int32Array(n);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    // Sift up: move parents down until the new entry's slot is found, then write it once.
    let i = this.count++;
    const times = this.times;
    const seqs = this.seqs;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < time || (pt === time && seqs[p] < seq)) break;
      this.move(p, i);
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    this.kinds[i] = kind;
    this.argA[i] = a;
    this.argB[i] = b;
  }

  /** Removes the earliest event into (time, kind, a, b). Returns false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    this.time = times[0];
    this.kind = this.kinds[0];
    this.a = this.argA[0];
    this.b = this.argB[0];
    const last = --this.count;
    if (last === 0) return true;
    const t = times[last];
    const s = seqs[last];
    const k = this.kinds[last];
    const a = this.argA[last];
    const b = this.argB[last];
    // Sift down the last entry from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
      if (t < times[c] || (t === times[c] && s < seqs[c])) break;
      this.move(c, i);
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    this.kinds[i] = k;
    this.argA[i] = a;
    this.argB[i] = b;
    return true;
  }

  clear(): void {
    this.count = 0;
    this.nextSeq = 0;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.seqs[to] = this.seqs[from];
    this.kinds[to] = this.kinds[from];
    this.argA[to] = this.argA[from];
    this.argB[to] = this.argB[from];
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(n);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const kinds = new Int32Array(n);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const argA = new Int32Array(n);
    argA.set(this.argA);
    this.argA = argA;
    const argB = new Int32Array(n);
    argB.set(this.argB);
    this.argB = argB;
  }
}
