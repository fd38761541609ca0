/**
 * Waiting line of a server pool: one FIFO ring buffer per priority class, class 0 served first.
 * Each entry keeps the time it joined, so the pool can report waits without per-job storage.
 * Appending keeps FIFO order within a class; classes never reorder each other's entries.
 */
export class JobQueue {
  private readonly rings: Ring[];
  private total = 0;

  constructor(classes = 1) {
    if (!(classes >= 1)) throw new Error('a job queue needs at least one priority class');
    this.rings = Array.from({ length: classes }, () => new Ring());
  }

  get length(): number {
    return this.total;
  }

  get classes(): number {
    return this.rings.length;
  }

  lengthOf(cls: number): number {
    return this.rings[cls].size;
  }

  push(job: number, cls: number, time: number): void {
    const ring = this.rings[cls];
    if (ring === undefined) throw new Error(`priority class ${cls} out of range 0..${this.rings.length - 1}`);
    ring.push(job, time);
    this.total++;
  }

  /** Removes the next job (lowest class first, FIFO within a class); sets `poppedTime` to when it joined. Returns -1 when empty. */
  pop(): number {
    if (this.total === 0) return -1;
    const rings = this.rings;
    for (let c = 0; c < rings.length; c++) {
      const ring = rings[c];
      if (ring.size > 0) {
        this.total--;
        const job = ring.shift();
        this.poppedTime = ring.shiftedTime;
        return job;
      }
    }
    return -1;
  }

  /** Join time of the job returned by the last `pop()`. */
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
