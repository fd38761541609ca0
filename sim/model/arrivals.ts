import type { ServerPool } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';
import { sampler, type Sampler } from '../random/distribution.js';
import { arrivalTerms, BACKLOG, POISSON, SCHEDULE } from './arrival-terms.js';
import type { WorkType } from './config.js';
import { arrivalStream } from './draw-keys.js';
import type { ItemFlow } from './item-flow.js';
import type { ItemStore } from './item-store.js';
import { Pass } from './pass.js';
import type { QueueDiscipline } from './queue-discipline.js';
import type { StageRuntime } from './stage-runtime.js';

/**
 * Work coming in: a backlog at the start, deliveries on a schedule, or a Poisson stream. A
 * backlog or a delivery joins its first queue as one block whose items exist only once served;
 * an item's serial, the key of its draws, is (work type, arrival index), the same in every plan.
 */
export class Arrivals {
  private readonly kind: number;
  // The work types' arrivals as numbers (arrival-terms.ts), as fields of their own for the hot path.
  private readonly mode: Uint8Array;
  private readonly batch: Float64Array;
  private readonly first: Float64Array;
  private readonly every: Float64Array;
  private readonly left: Float64Array;
  /** Arrival events handled so far, per work type. */
  private readonly events: Float64Array;
  private readonly created: Float64Array;
  private readonly gaps: Array<Sampler | null>;
  private readonly newWork: number;

  constructor(
    private readonly sim: Simulation,
    private readonly work: WorkType[],
    private readonly items: ItemStore,
    private readonly stages: StageRuntime[],
    private readonly workflows: Int32Array[],
    private readonly groups: ServerPool[],
    private readonly flow: ItemFlow,
    discipline: QueueDiscipline,
    random: { seed: number; replication: number } | null,
    /** Work types whose backlog is let in batch by batch by someone else (the model choosing what to label next). */
    private readonly heldBack: ReadonlySet<number> = new Set(),
  ) {
    this.kind = sim.register((type) => this.arrive(type));
    this.left = Float64Array.from(work, (w) => w.count ?? Infinity);
    ({ mode: this.mode, batch: this.batch, first: this.first, every: this.every } = arrivalTerms(work));
    this.created = new Float64Array(work.length);
    this.events = new Float64Array(work.length);
    this.newWork = discipline.classOf(Pass.First);
    // Random Poisson arrivals draw their gaps; deterministic ones come at k / rate (see next).
    this.gaps = work.map((w) => {
      if (w.arrival.kind !== 'poisson' || random === null) return null;
      return sampler({ kind: 'exponential', mean: 1 / w.arrival.perHour }, arrivalStream(random.seed, random.replication, w.name));
    });
  }

  /** Schedules each work type's first arrival. */
  start(): void {
    this.work.forEach((w, t) => {
      // A consensus stage staffed by fewer people than it asks labels from can finish no item (the
      // loader refuses such a file, but solve and sensitivity studies set headcounts themselves):
      // its work never enters, and the replication runs to the horizon unfinished instead of
      // piling up items whose last copy no one may take.
      const first = this.stages[this.workflows[t][0]];
      if (first.labels > this.groups[first.group].servers) return;
      if (this.heldBack.has(t)) return;
      if (w.arrival.kind === 'backlog') this.sim.at(0, this.kind, t);
      else this.next(t);
    });
  }

  /** The next item of a backlog block of work type `type`, about to be served (PoolClient.createJob). */
  createJob(type: number): number {
    const item = this.newItem(type);
    // A new item is created ready for its first pass at the workflow's annotate stage: one task
    // per consensus label. Further labels are as old as the block: they go to the head of the line.
    const st = this.stages[this.workflows[type][0]];
    for (let c = 1; c < st.labels; c++) this.groups[st.group].arriveFirst(item, this.newWork);
    return item;
  }

  /** Lets `n` more items of a held-back backlog into their first queue. */
  release(type: number, n: number): void {
    const first = this.stages[this.workflows[type][0]];
    if (first.labels > this.groups[first.group].servers) return;
    this.groups[first.group].addBacklog(n, type, this.newWork);
    this.left[type] -= n;
  }

  private arrive(type: number): void {
    const mode = this.mode[type];
    const n = mode === BACKLOG ? this.left[type] : mode === SCHEDULE ? Math.min(this.batch[type], this.left[type]) : 1;
    const first = this.workflows[type][0];
    if (mode === POISSON) this.flow.enter(this.newItem(type), first);
    else this.groups[this.stages[first].group].addBacklog(n, type, this.newWork);
    this.left[type] -= n;
    this.events[type]++;
    if (this.left[type] > 0 && mode !== BACKLOG) this.next(type);
  }

  /**
   * Schedules the next arrival of a type that arrives over time. Fixed spacings are multiplied
   * out from the first, not added one gap after another, so the k-th delivery or the k-th
   * deterministic arrival at 7/h comes at the instant hand arithmetic gives (70 / 7 = 10 h), not
   * an accumulated ulp away from it.
   */
  private next(type: number): void {
    const mode = this.mode[type];
    const k = this.events[type];
    if (mode === SCHEDULE) this.sim.at(this.first[type] + k * this.every[type], this.kind, type);
    else if (mode === POISSON) {
      const gap = this.gaps[type];
      if (gap !== null) this.sim.after(gap(), this.kind, type);
      else this.sim.at((k + 1) / this.every[type], this.kind, type);
    }
  }

  private newItem(type: number): number {
    const k = this.created[type]++;
    return this.items.create(type, this.workflows[type][0], k * this.work.length + type);
  }
}
