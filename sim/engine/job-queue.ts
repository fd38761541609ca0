import type { Eligibility } from './eligibility.js';

/** What `pop()` returns for a job of a block: the caller materialises it (see `pushBlock`). */
export const FROM_BLOCK = -2;

/**
 * Waiting line of a server pool: one FIFO ring buffer per priority class, class 0 served first.
 * Each entry keeps the time it joined, so the pool can report waits without per-job storage.
 * Appending keeps FIFO order within a class; classes never reorder each other's entries.
 *
 * A block is one entry standing for many jobs that arrived together (a backlog): they keep their
 * place in line but cost no memory until each is popped, so a 50-million-item backlog is a
 * counter, not 50 million entries.
 */
export class JobQueue {
  private readonly rings: Ring[];
  private total = 0;
  private readonly perClass: Float64Array;
  private blockLeft: number[] = [];
  private blockTag: number[] = [];
  /** Tag of the block the last FROM_BLOCK came from. */
  poppedTag = 0;

  constructor(classes = 1) {
    if (!(classes >= 1)) throw new Error('a job queue needs at least one priority class');
    this.rings = Array.from({ length: classes }, () => new Ring());
    this.perClass = new Float64Array(classes);
  }

  get length(): number {
    return this.total;
  }

  get classes(): number {
    return this.rings.length;
  }

  lengthOf(cls: number): number {
    return this.perClass[cls];
  }

  push(job: number, cls: number, time: number): void {
    const ring = this.rings[cls];
    if (ring === undefined) throw new Error(`priority class ${cls} out of range 0..${this.rings.length - 1}`);
    ring.push(job, time);
    this.total++;
    this.perClass[cls]++;
  }

  /** Puts a job at the head of its class: it is older than everything waiting there. */
  pushFront(job: number, cls: number, time: number): void {
    const ring = this.rings[cls];
    if (ring === undefined) throw new Error(`priority class ${cls} out of range 0..${this.rings.length - 1}`);
    ring.pushFront(job, time);
    this.total++;
    this.perClass[cls]++;
  }

  /** Appends `count` jobs that joined at `time` as one entry; each pops as FROM_BLOCK with `poppedTag = tag`. */
  pushBlock(count: number, cls: number, time: number, tag: number): void {
    if (count <= 0) return;
    const id = this.blockLeft.length;
    this.blockLeft.push(count);
    this.blockTag.push(tag);
    this.push(-3 - id, cls, time);
    this.total += count - 1;
    this.perClass[cls] += count - 1;
  }

  /**
   * Removes the next job (lowest class first, FIFO within a class); sets `poppedTime` to when it
   * joined. Returns -1 when empty, FROM_BLOCK for a job of a block.
   */
  pop(): number {
    if (this.total === 0) return -1;
    const rings = this.rings;
    for (let c = 0; c < rings.length; c++) {
      const ring = rings[c];
      if (ring.size > 0) {
        this.total--;
        this.perClass[c]--;
        const head = ring.peek();
        if (head <= -3) {
          const id = -3 - head;
          this.poppedTime = ring.peekTime();
          this.poppedTag = this.blockTag[id];
          if (--this.blockLeft[id] === 0) ring.shift();
          return FROM_BLOCK;
        }
        const job = ring.shift();
        this.poppedTime = ring.shiftedTime;
        return job;
      }
    }
    return -1;
  }

  /**
   * As `pop()`, for `server`: removes the first job (lowest class first, FIFO within a class) that
   * `eligibility` does not exclude from it, passing over the jobs it does; a block's jobs are new
   * and exclude no one. Returns -1 when every waiting job excludes the server.
   */
  popFor(server: number, eligibility: Eligibility): number {
    if (this.total === 0) return -1;
    const rings = this.rings;
    for (let c = 0; c < rings.length; c++) {
      const ring = rings[c];
      for (let k = 0; k < ring.size; k++) {
        const job = ring.at(k);
        if (job <= -3) {
          const id = -3 - job;
          this.total--;
          this.perClass[c]--;
          this.poppedTime = ring.timeAt(k);
          this.poppedTag = this.blockTag[id];
          if (--this.blockLeft[id] === 0) ring.removeAt(k);
          return FROM_BLOCK;
        }
        if (eligibility.excludes(job, server)) continue;
        this.total--;
        this.perClass[c]--;
        this.poppedTime = ring.timeAt(k);
        ring.removeAt(k);
        return job;
      }
    }
    return -1;
  }

  /** Join time of the job returned by the last `pop()` or `popFor()`. */
  poppedTime = 0;
}

/** Growable circular buffer of (job, time) pairs. */
class Ring {
  private jobs = new Int32Array(64);
  private times = new Float64Array(64);
  private head = 0;
  size = 0;
  shiftedTime = 0;

  push(job: number, time: number): void {
    if (this.size === this.jobs.length) this.grow();
    const i = (this.head + this.size) & (this.jobs.length - 1);
    this.jobs[i] = job;
    this.times[i] = time;
    this.size++;
  }

  peek(): number {
    return this.jobs[this.head];
  }

  peekTime(): number {
    return this.times[this.head];
  }

  /** The job `k` places behind the head. */
  at(k: number): number {
    return this.jobs[(this.head + k) & (this.jobs.length - 1)];
  }

  timeAt(k: number): number {
    return this.times[(this.head + k) & (this.jobs.length - 1)];
  }

  /** Removes the entry `k` places behind the head; those ahead of it move back one place. */
  removeAt(k: number): void {
    const mask = this.jobs.length - 1;
    for (let j = k; j > 0; j--) {
      const to = (this.head + j) & mask;
      const from = (this.head + j - 1) & mask;
      this.jobs[to] = this.jobs[from];
      this.times[to] = this.times[from];
    }
    this.head = (this.head + 1) & mask;
    this.size--;
  }

  pushFront(job: number, time: number): void {
    if (this.size === this.jobs.length) this.grow();
    this.head = (this.head - 1) & (this.jobs.length - 1);
    this.jobs[this.head] = job;
    this.times[this.head] = time;
    this.size++;
  }

  shift(): number {
    const i = this.head;
    this.shiftedTime = this.times[i];
    this.head = (i + 1) & (this.jobs.length - 1);
    this.size--;
    return this.jobs[i];
  }

  private grow(): void {
    // Capacity stays a power of two so the index wraps with a mask.
    const n = this.jobs.length;
    const jobs = new Int32Array(n * 2);
    const times = new Float64Array(n * 2);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & (n - 1);
      jobs[k] = this.jobs[i];
      times[k] = this.times[i];
    }
    this.jobs = jobs;
    this.times = times;
    this.head = 0;
  }
}
