import type { Eligibility } from './eligibility.js';
import { FROM_BLOCK, JobQueue } from './job-queue.js';
import { sameInstant } from './same-instant.js';
import type { Simulation } from './simulation.js';

/** What a pool asks of the component that owns its jobs. */
export interface PoolClient {
  /** Hours of work `job` needs from `server`; asked once, when service starts, after `waitedHours` in the queue. */
  serviceHours(job: number, server: number, waitedHours: number): number;
  /** Service of `job` by `server` starts after `waitedHours` in the queue. */
  started(job: number, server: number, waitedHours: number): void;
  /** Service of `job` by `server` is complete. The server takes its next job after this returns. */
  completed(job: number, server: number): void;
  /** Materialises the next job of a backlog added with `addBacklog(count, tag)`, when it is served. */
  createJob?(tag: number): number;
}

const IDLE = 0;
const RUNNING = 1;
const PAUSED = 2;

/**
 * A pool of servers that share one queue (FIFO within priority classes, class 0 first).
 *
 * Each server can be opened and closed (by a shift calendar, say). The rule for work in progress
 * at closing: the job is paused, stays with the same server, and resumes where it stopped when
 * that server opens again. No work is lost and none is done while closed, so a pool's capacity is
 * exactly its open hours. A closed server takes no new job. A job due at the very instant of
 * closing completes then (it is not carried over a weekend for want of a microsecond). The
 * instant is met up to rounding: a server opened with its closing time (`openServer(s, closesAt)`)
 * has a job due within `sameInstant` of that closing, before or after, complete at the closing
 * itself, so durations that add up to a shift by hand (66 jobs of 25 min in 27.5 h) fill it
 * exactly, and the server starts nothing in the last ulp before it closes.
 *
 * A pool built with an `Eligibility` lets a job exclude servers (the people who already labelled a
 * consensus item): such a job waits while only excluded servers are free, and later jobs pass it.
 * Without one, every server serves every job and the pool takes the fast path of a plain queue.
 *
 * Completion events are never cancelled in the event list: each carries the server's version
 * number, and pausing bumps the version so a stale completion is ignored when it fires.
 */
export class ServerPool {
  readonly queue: JobQueue;
  private readonly open: Uint8Array;
  private readonly state: Uint8Array;
  private readonly job: Int32Array;
  /**
   * When each server's job is due, as a double-double: `doneAt` the nearest double (the event's
   * time), `doneLo` what rounding left out. A server that takes its next job at the instant its
   * last one completed continues from (doneAt, doneLo), so a chain of jobs adds its durations
   * without rounding at each step and 400 jobs of 0.01 h from 09:00 end at 13:00 exactly (plain
   * sums drift by an ulp of the clock per job: 9e-11 h after 12 weeks). See `schedule`.
   */
  private readonly doneAt: Float64Array;
  private readonly doneLo: Float64Array;
  /** When each open server closes, as its opener said (Infinity: not said); completions due then, up to rounding, land on it. */
  private readonly closesAt: Float64Array;
  private readonly remaining: Float64Array;
  private readonly version: Int32Array;
  private readonly idle: Int32Array;
  private readonly idlePos: Int32Array;
  private idleCount = 0;
  private readonly doneKind: number;
  /**
   * Null: every server may serve every job (the common case, and the fast path: an idle server
   * implies an empty queue). Otherwise asked before a server takes a job; then idle servers and
   * waiting jobs may coexist, every waiting job excluding every idle server.
   */
  private readonly eligibility: Eligibility | null;

  // Statistics since the last reset: busy and open hours per server, and queue-length area.
  private readonly busyHoursAcc: Float64Array;
  private readonly busySince: Float64Array;
  private readonly openHoursAcc: Float64Array;
  private readonly openSince: Float64Array;
  private queueArea = 0;
  private busyArea = 0;
  private busyNow = 0;
  private lastChange = 0;
  private statsFrom = 0;
  /** Largest queue length seen since the last reset. */
  peakQueueLength = 0;
  /** Jobs whose service started since the last reset, and their total wait. */
  startedJobs = 0;
  totalWaitHours = 0;

  constructor(
    private readonly sim: Simulation,
    readonly servers: number,
    private readonly client: PoolClient,
    options: { classes?: number; openAtStart?: boolean; eligibility?: Eligibility } = {},
  ) {
    if (!(Number.isInteger(servers) && servers >= 0)) throw new Error(`server count must be a whole number >= 0, got ${servers}`);
    this.queue = new JobQueue(options.classes ?? 1);
    this.eligibility = options.eligibility ?? null;
    this.open = new Uint8Array(servers);
    this.state = new Uint8Array(servers);
    this.job = new Int32Array(servers).fill(-1);
    this.doneAt = new Float64Array(servers);
    this.doneLo = new Float64Array(servers);
    this.closesAt = new Float64Array(servers).fill(Infinity);
    this.remaining = new Float64Array(servers);
    this.version = new Int32Array(servers);
    this.idle = new Int32Array(servers);
    this.idlePos = new Int32Array(servers).fill(-1);
    this.busyHoursAcc = new Float64Array(servers);
    this.busySince = new Float64Array(servers);
    this.openHoursAcc = new Float64Array(servers);
    this.openSince = new Float64Array(servers);
    this.doneKind = sim.register((server, version) => this.onDone(server, version));
    if (options.openAtStart ?? true) for (let s = servers - 1; s >= 0; s--) this.openServer(s);
  }

  /** A job joins the pool: served at once by an open idle server, else queued in its class. */
  arrive(job: number, cls = 0): void {
    this.noteChange();
    if (this.idleCount > 0) {
      const server = this.idleFor(job);
      if (server >= 0) {
        this.start(server, job, 0);
        return;
      }
    }
    this.queue.push(job, cls, this.sim.now);
    if (this.queue.length > this.peakQueueLength) this.peakQueueLength = this.queue.length;
  }

  /** A job joins at the head of its class (it is older than everyone waiting there). */
  arriveFirst(job: number, cls = 0): void {
    this.noteChange();
    if (this.idleCount > 0) {
      const server = this.idleFor(job);
      if (server >= 0) {
        this.start(server, job, 0);
        return;
      }
    }
    this.queue.pushFront(job, cls, this.sim.now);
    if (this.queue.length > this.peakQueueLength) this.peakQueueLength = this.queue.length;
  }

  /**
   * `count` jobs arrive together; each is created by `client.createJob(tag)` only when a server
   * takes it, so a large backlog costs a counter, not memory per job.
   */
  addBacklog(count: number, tag: number, cls = 0): void {
    this.noteChange();
    // A block's jobs are new and exclude no one, so with eligibility they pass the waiting jobs
    // (which exclude every idle server); without it, an idle server means an empty queue.
    while (count > 0 && this.idleCount > 0 && (this.queue.length === 0 || this.eligibility !== null)) {
      this.start(this.takeIdle(), this.client.createJob!(tag), 0);
      count--;
    }
    if (count === 0) return;
    this.queue.pushBlock(count, cls, this.sim.now, tag);
    if (this.queue.length > this.peakQueueLength) this.peakQueueLength = this.queue.length;
  }

  isOpen(server: number): boolean {
    return this.open[server] === 1;
  }

  isBusy(server: number): boolean {
    return this.state[server] !== IDLE;
  }

  /** Job held by a server (running or paused), or -1. */
  jobOf(server: number): number {
    return this.job[server];
  }

  get queueLength(): number {
    return this.queue.length;
  }

  get openServers(): number {
    let n = 0;
    for (let s = 0; s < this.servers; s++) n += this.open[s];
    return n;
  }

  /**
   * Opens a server until `closesAt` (when its shift ends; Infinity if unknown), the instant its
   * owner will call `closeServer`: a job due then, up to rounding, is due exactly then.
   */
  openServer(server: number, closesAt = Infinity): void {
    if (this.open[server] === 1) return;
    this.noteChange();
    this.open[server] = 1;
    this.openSince[server] = this.sim.now;
    this.closesAt[server] = closesAt;
    if (this.state[server] === PAUSED) {
      this.state[server] = RUNNING;
      this.busySince[server] = this.sim.now;
      this.busyNow++;
      this.schedule(server, this.sim.now, this.doneLo[server], this.remaining[server]);
    } else if (this.state[server] === IDLE) {
      this.pullNext(server);
    }
    // RUNNING: closed and reopened at the instant its job is due; the job completes now.
  }

  closeServer(server: number): void {
    if (this.open[server] === 0) return;
    const now = this.sim.now;
    this.open[server] = 0;
    this.openHoursAcc[server] += now - Math.max(this.openSince[server], this.statsFrom);
    // A job due at this very instant finishes now rather than waiting for the next shift.
    if (this.state[server] === RUNNING && this.doneAt[server] > now) {
      this.state[server] = PAUSED;
      // Exact (the two are close, Sterbenz's lemma); doneLo keeps what rounding left out.
      this.remaining[server] = this.doneAt[server] - now;
      this.version[server]++;
      this.busyHoursAcc[server] += now - Math.max(this.busySince[server], this.statsFrom);
      this.noteChange();
      this.busyNow--;
    } else if (this.state[server] === IDLE) {
      this.removeIdle(server);
    }
  }

  /** Starts a new statistics window at the current time (the end of a warm-up period). */
  resetStatistics(): void {
    this.noteChange();
    this.statsFrom = this.sim.now;
    this.busyHoursAcc.fill(0);
    this.openHoursAcc.fill(0);
    this.queueArea = 0;
    this.busyArea = 0;
    this.peakQueueLength = this.queue.length;
    this.startedJobs = 0;
    this.totalWaitHours = 0;
  }

  /** Busy hours of one server in the statistics window, up to now. */
  busyHours(server: number): number {
    const running = this.state[server] === RUNNING ? this.sim.now - Math.max(this.busySince[server], this.statsFrom) : 0;
    return this.busyHoursAcc[server] + running;
  }

  /** Open hours of one server in the statistics window, up to now. */
  openHours(server: number): number {
    const openNow = this.open[server] === 1 ? this.sim.now - Math.max(this.openSince[server], this.statsFrom) : 0;
    return this.openHoursAcc[server] + openNow;
  }

  /** Busy hours / open hours over all servers in the statistics window. */
  utilization(): number {
    let busy = 0;
    let open = 0;
    for (let s = 0; s < this.servers; s++) {
      busy += this.busyHours(s);
      open += this.openHours(s);
    }
    return open > 0 ? busy / open : 0;
  }

  /** Time-average number of jobs waiting in the statistics window. */
  meanQueueLength(): number {
    this.noteChange();
    const span = this.sim.now - this.statsFrom;
    return span > 0 ? this.queueArea / span : 0;
  }

  /** Time-average number of jobs in service in the statistics window. */
  meanInService(): number {
    this.noteChange();
    const span = this.sim.now - this.statsFrom;
    return span > 0 ? this.busyArea / span : 0;
  }

  private onDone(server: number, version: number): void {
    if (version !== this.version[server] || this.state[server] !== RUNNING) return; // paused since
    const now = this.sim.now;
    const job = this.job[server];
    this.busyHoursAcc[server] += now - Math.max(this.busySince[server], this.statsFrom);
    this.noteChange();
    this.busyNow--;
    this.state[server] = IDLE;
    this.job[server] = -1;
    // The server is idle but not yet on the idle stack while the client reacts, so a job fed
    // back from `completed` queues behind those already waiting instead of jumping the line.
    this.client.completed(job, server);
    if (this.open[server] === 1 && this.state[server] === IDLE && this.idlePos[server] < 0) this.pullNext(server);
  }

  private pullNext(server: number): void {
    if (this.eligibility !== null) {
      this.pullEligible(server, this.eligibility);
      return;
    }
    if (this.queue.length > 0) {
      let job = this.queue.pop();
      const waited = this.sim.now - this.queue.poppedTime;
      if (job === FROM_BLOCK) job = this.client.createJob!(this.queue.poppedTag);
      this.start(server, job, waited);
    } else {
      this.pushIdle(server);
    }
  }

  /** `pullNext` for a pool with eligibility: the first waiting job that does not exclude the server. */
  private pullEligible(server: number, eligibility: Eligibility): void {
    let job = this.queue.popFor(server, eligibility);
    if (job === -1) {
      this.pushIdle(server);
      return;
    }
    const waited = this.sim.now - this.queue.poppedTime;
    if (job === FROM_BLOCK) job = this.client.createJob!(this.queue.poppedTag);
    this.start(server, job, waited);
  }

  /**
   * An idle server for an arriving job, taken off the idle stack, or -1. Without eligibility the
   * top of the stack (the queue is empty); with it, the topmost one the job does not exclude.
   */
  private idleFor(job: number): number {
    const eligibility = this.eligibility;
    if (eligibility === null) return this.queue.length === 0 ? this.takeIdle() : -1;
    for (let i = this.idleCount - 1; i >= 0; i--) {
      const server = this.idle[i];
      if (!eligibility.excludes(job, server)) {
        this.removeIdle(server);
        return server;
      }
    }
    return -1;
  }

  private start(server: number, job: number, waited: number): void {
    const now = this.sim.now;
    if (now >= this.statsFrom) {
      this.startedJobs++;
      this.totalWaitHours += waited;
    }
    this.client.started(job, server, waited);
    const hours = this.client.serviceHours(job, server, waited);
    if (!(hours >= 0)) throw new Error(`service time must be a number >= 0, got ${hours}`);
    this.busyNow++;
    this.state[server] = RUNNING;
    this.job[server] = job;
    this.busySince[server] = now;
    // Straight on from its last job (due now): the chain keeps that job's exact end.
    this.schedule(server, now, this.doneAt[server] === now ? this.doneLo[server] : 0, hours);
  }

  /**
   * Schedules the running job's completion `hours` after the instant `fromHi + fromLo` (a
   * double-double, `fromHi` being now), or at its server's closing if that is the same instant
   * (see `sameInstant`): then exactly at the closing, which the shift-change handler meets first.
   */
  private schedule(server: number, fromHi: number, fromLo: number, hours: number): void {
    // NOTE: speed. Knuth's TwoSum and a fast renormalisation, inlined: about ten flops per job.
    const sum = fromHi + hours;
    const back = sum - fromHi;
    const lo = fromHi - (sum - back) + (hours - back) + fromLo;
    let doneAt = sum + lo;
    let doneLo = lo - (doneAt - sum);
    if (!(doneAt >= fromHi)) {
      // Only for a zero-length job, where the low part could round an ulp into the past.
      doneAt = fromHi;
      doneLo = 0;
    }
    const close = this.closesAt[server];
    if (close >= fromHi && sameInstant(doneAt, close)) {
      doneAt = close;
      doneLo = 0;
    }
    this.doneAt[server] = doneAt;
    this.doneLo[server] = doneLo;
    this.sim.atUnchecked(doneAt, this.doneKind, server, this.version[server]);
  }

  // Time-weighted areas are brought up to `now` once, at the top of every entry point that can
  // change the queue or the busy count (arrive, addBacklog, open, close, a completion); later
  // changes at the same instant add no area. NOTE: speed put it there rather than in start().
  private noteChange(): void {
    const now = this.sim.now;
    const from = Math.max(this.lastChange, this.statsFrom);
    if (now > from) {
      this.queueArea += this.queue.length * (now - from);
      this.busyArea += this.busyNow * (now - from);
    }
    this.lastChange = now;
  }

  private pushIdle(server: number): void {
    this.idlePos[server] = this.idleCount;
    this.idle[this.idleCount++] = server;
  }

  private takeIdle(): number {
    const server = this.idle[--this.idleCount];
    this.idlePos[server] = -1;
    return server;
  }

  private removeIdle(server: number): void {
    const pos = this.idlePos[server];
    if (pos < 0) return;
    const last = this.idle[--this.idleCount];
    this.idle[pos] = last;
    this.idlePos[last] = pos;
    this.idlePos[server] = -1;
  }
}

/** Bytes of typed-array columns per server (2 x Uint8, 4 x Int32, 8 x Float64), for the memory estimate (sim/model/memory-estimate.ts); checked in the tests. */
export const BYTES_PER_SERVER = 2 * 1 + 4 * 4 + 8 * 8;
