import { addOpenHours, openHoursBetween, openIntervals, type ProjectClock } from '../calendar/index.js';
import type { ServerPool } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';
import { sampler } from '../random/distribution.js';
import type { PoolConfig } from './config.js';
import type { PersonDraws } from './draw-keys.js';

interface Crew {
  intervals: Float64Array;
  first: number;
  headcount: number;
}

/**
 * The people of one pool: when each works (crew shift calendars, absences, a later start) and
 * how fast (a personal pace drawn once per replication, a learning curve, a ramp-up). It opens
 * and closes the pool's servers; the pool owns what happens to work in progress.
 */
export class Workforce {
  readonly size: number;
  /** Handling-time multiplier per person, mean the pool's pace (1.2 = 20% slower than the stage's time). */
  readonly pace: Float64Array;
  readonly itemsDone: Int32Array;
  private readonly crews: Crew[] = [];
  /** Per crew, when its shift now under way opened; per person, their crew. */
  private readonly openedAt: Float64Array;
  private readonly crewOf: Int32Array;
  private readonly shiftKind: number;
  private readonly stretch: number;
  private readonly learningExcess: number;
  private readonly learningRate: number;
  /** Whether a person's factor moves during the run (learning or ramp-up, or a replacement's ramp-up). */
  private changesOverTime: boolean;
  private pool: ServerPool | null = null;
  private offset = 0;
  /** Per crew, the interval of its shift now open, -1 between shifts. */
  private readonly openInterval: Int32Array;
  // Who is off the queue, set only once someone leaves it (gold audits' consequences), so a
  // model without them reads one null per shift opening.
  private leaves: Leaves | null = null;
  /** Told when a new person starts in the place of one who left (a replacement), before they take work. */
  onFreshStart: ((person: number) => void) | null = null;

  constructor(
    private readonly sim: Simulation,
    private readonly config: PoolConfig,
    private readonly poolIndex: number,
    clock: ProjectClock,
    horizonHours: number,
    /** Null in deterministic mode: everyone at the pool's pace, nobody absent. */
    private readonly draws: PersonDraws | null,
  ) {
    let first = 0;
    for (const shift of config.shifts) {
      this.crews.push({ intervals: openIntervals(shift, clock, horizonHours), first, headcount: shift.headcount });
      first += shift.headcount;
    }
    this.size = first;
    this.openedAt = new Float64Array(this.crews.length);
    this.crewOf = new Int32Array(first);
    this.crews.forEach((c, i) => this.crewOf.fill(i, c.first, c.first + c.headcount));
    this.pace = new Float64Array(first).fill(1);
    if (draws !== null && config.speedCv > 0) {
      const draw = sampler({ kind: 'lognormal', mean: 1, cv: config.speedCv }, draws.paceSource, { keyed: true });
      for (let p = 0; p < first; p++) {
        draws.pace(poolIndex, p);
        this.pace[p] = draw();
      }
    }
    // The pool's own pace scales everyone, drawn or not.
    if (config.pace !== 1) for (let p = 0; p < first; p++) this.pace[p] *= config.pace;
    this.itemsDone = new Int32Array(first);
    this.stretch = 1 / (1 - config.shrinkage);
    this.learningExcess = config.learning.initialFactor - 1;
    this.learningRate = Math.LN2 / config.learning.halfLifeItems;
    this.changesOverTime = this.learningExcess > 0 || config.rampUpHours > 0;
    this.openInterval = new Int32Array(this.crews.length).fill(-1);
    this.shiftKind = sim.register((crew, edge) => this.onShiftEdge(crew, edge));
  }

  /**
   * Attaches the engine pool whose servers `offset .. offset + size - 1` are these people (pools
   * that share a queue share an engine pool), and schedules the first shift of every crew.
   */
  attach(pool: ServerPool, offset: number): void {
    this.pool = pool;
    this.offset = offset;
    // People hired later start with the first shift that ends after their start, joining it
    // part way if it is already under way (they are paid from their start, so they work from it).
    const start = this.config.startHours;
    for (let c = 0; c < this.crews.length; c++) {
      const iv = this.crews[c].intervals;
      let i = 0;
      while (2 * i < iv.length && iv[2 * i + 1] <= start) i++;
      if (2 * i < iv.length) this.sim.at(Math.max(iv[2 * i], start), this.shiftKind, c, 2 * i);
    }
  }

  /**
   * Whether every person's handling factor is exactly 1 and stays so: no pace drawn or set, no
   * shrinkage, no learning curve or ramp-up. (A replacement's ramp-up can only come with gold
   * audits, which the caller rules out.)
   */
  atPlainPace(): boolean {
    return !this.changesOverTime && this.stretch === 1 && this.pace.every((f) => f === 1);
  }

  /** Multiplier on a task's handling time for `person` now: pace, learning, ramp-up, shrinkage. */
  handlingFactor(person: number): number {
    // NOTE: speed. The common case (no learning curve, no ramp-up) stays small enough for V8 to
    // inline it into the task timing with room to spare for the random draws it also inlines.
    return this.changesOverTime ? this.factorNow(person) : this.pace[person] * this.stretch;
  }

  private factorNow(person: number): number {
    let f = this.pace[person] * this.stretch;
    if (this.learningExcess > 0) f *= 1 + this.learningExcess * Math.exp(-this.learningRate * this.itemsDone[person]);
    const cfg = this.config;
    if (cfg.rampUpHours > 0) {
      const into = this.sim.now - (this.leaves === null ? cfg.startHours : this.leaves.startedAt[person]);
      if (into < cfg.rampUpHours) f /= 0.5 + (0.5 * into) / cfg.rampUpHours;
    }
    return f;
  }

  /** Hours since the shift `person` is working opened (their crew's; a later hire's shift counts from its opening). */
  hoursIntoShift(person: number): number {
    return this.sim.now - this.openedAt[this.crewOf[person]];
  }

  /** Scheduled (paid) person-hours from the pool's start up to `t`, absences included, unpaid leaves not. */
  scheduledHours(t: number): number {
    const from = this.config.startHours;
    if (t <= from) return 0;
    let hours = 0;
    for (const crew of this.crews) hours += crew.headcount * openHoursBetween(crew.intervals, from, t);
    if (this.leaves !== null) {
      for (const u of this.leaves.unpaid) hours -= openHoursBetween(this.crews[u.crew].intervals, Math.max(u.from, from), Math.min(u.to, t));
    }
    return hours;
  }

  /** When `person` has worked `hours` more of their crew's shifts from now (Infinity: not within the calendar). */
  afterShiftHours(person: number, hours: number): number {
    return addOpenHours(this.crews[this.crewOf[person]].intervals, this.sim.now, hours);
  }

  /** When `person` started: the pool's start, or a replacement's own. */
  startOf(person: number): number {
    return this.leaves === null ? this.config.startHours : this.leaves.startedAt[person];
  }

  /**
   * Takes `person` off the queue now, after the task in hand, until `until` (Infinity: for good).
   * Unpaid leave is not part of the scheduled hours (salaried pay stops). `fresh`: the one who
   * comes back is a new person (a replacement), with the ramp-up and learning curve from then.
   */
  leave(person: number, until: number, paid: boolean, fresh: boolean): void {
    const leaves = this.leaves ?? (this.leaves = new Leaves(this.size, this.config.startHours, this.sim.register((p) => this.onReturn(p))));
    leaves.until[person] = until;
    leaves.fresh[person] = fresh ? 1 : 0;
    if (!paid) leaves.unpaid.push({ crew: this.crewOf[person], from: this.sim.now, to: until });
    this.pool!.closeServer(this.offset + person);
    if (Number.isFinite(until)) this.sim.at(until, leaves.returnKind, person);
  }

  private onReturn(person: number): void {
    const leaves = this.leaves!;
    if (leaves.fresh[person] === 1) {
      leaves.startedAt[person] = this.sim.now;
      this.itemsDone[person] = 0;
      if (this.config.rampUpHours > 0) this.changesOverTime = true;
      this.onFreshStart?.(person);
    }
    leaves.until[person] = 0;
    // Back in the middle of a shift: at work now, unless absent from it.
    const crew = this.crewOf[person];
    const interval = this.openInterval[crew];
    if (interval < 0) return;
    if (this.draws !== null && this.draws.absence(this.poolIndex, person, interval) < this.config.absenceRate) return;
    this.pool!.openServer(this.offset + person, this.crews[crew].intervals[2 * interval + 1]);
  }

  // `edge` is 2 x interval index (+1 for the closing edge), so one event kind serves all crews.
  private onShiftEdge(crew: number, edge: number): void {
    const pool = this.pool!;
    const { intervals, first, headcount } = this.crews[crew];
    const interval = edge >> 1;
    const offset = this.offset;
    if ((edge & 1) === 0) {
      // The pool is told when the shift closes, so work that fills it by hand fills it exactly.
      const closesAt = intervals[2 * interval + 1];
      this.openedAt[crew] = intervals[2 * interval];
      this.openInterval[crew] = interval;
      const leaves = this.leaves;
      for (let p = first; p < first + headcount; p++) {
        if (this.sim.now < this.config.startHours) continue;
        if (leaves !== null && this.sim.now < leaves.until[p]) continue;
        if (this.draws !== null && this.draws.absence(this.poolIndex, p, interval) < this.config.absenceRate) continue;
        pool.openServer(offset + p, closesAt);
      }
      this.sim.at(closesAt, this.shiftKind, crew, edge + 1);
    } else {
      this.openInterval[crew] = -1;
      for (let p = first; p < first + headcount; p++) pool.closeServer(offset + p);
      if (2 * interval + 2 < intervals.length) this.sim.at(intervals[2 * interval + 2], this.shiftKind, crew, edge + 1);
    }
  }
}

/** Who is off the queue and until when; who was paid meanwhile; when each person (or their replacement) started. */
class Leaves {
  readonly until: Float64Array;
  readonly fresh: Uint8Array;
  readonly startedAt: Float64Array;
  readonly unpaid: Array<{ crew: number; from: number; to: number }> = [];

  constructor(
    size: number,
    start: number,
    readonly returnKind: number,
  ) {
    this.until = new Float64Array(size);
    this.fresh = new Uint8Array(size);
    this.startedAt = new Float64Array(size).fill(start);
  }
}
