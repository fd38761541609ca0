import { widened } from '../engine/typed-arrays.js';
import { AgreementTally } from '../stats/agreement.js';
import type { LabelClasses } from './label-classes.js';
import type { WorkType } from './config.js';

/**
 * The classes of the labels of each item's current consensus round, for the work types that
 * declare classes: they decide whether the round's labels agree (all the same class), and each
 * round's counts by class go into its stage's agreement tally, so the agreement statistics of a
 * replication are sums over items that keep no item.
 *
 * Round r of item slot i is kept at i x (width + 1): its copies' label classes, then the item's
 * true class (drawn once, with the round's first label: in deterministic mode a draw is a step
 * of a sequence, so it must be taken once). Memory is width + 1 bytes per live item slot, like
 * the takers of consensus-labellers.ts, and nothing per accepted item.
 *
 * Categories of a stage's tally are (work type, class) pairs: two work types through one stage
 * have different classes even when they are numbered alike.
 *
 * Per config pool, every pair of a round's labels in which one label is the pool's adds a cell to
 * the pool's table (its label's class against the other label's), so a pool's agreement is how
 * often its people agree with whoever labelled the same item, and its Cohen's kappa corrects that
 * for chance (a pair of two of its own people counts both ways, which makes the table symmetric
 * as Scott's pi assumes).
 */
export class ConsensusClasses {
  private slots: Uint8Array;
  private readonly stride: number;
  /** Per work type, the first category of its classes in a stage tally (-1: no classes). */
  private readonly offset: Int32Array;
  private readonly counts: Float64Array;
  /** Per stage, its tally (null: no consensus there). */
  readonly tallies: (AgreementTally | null)[];
  /** Per stage asking for exactly two labels, the categories x categories table of first label against second (for Cohen's kappa). */
  readonly pairTables: (Float64Array | null)[];
  /** Per config pool, the categories x categories table of its labels (rows) against the other labels of the same round (columns). */
  readonly poolTables: Float64Array[];
  private poolSlots: Uint8Array;

  constructor(
    private readonly classes: LabelClasses,
    work: ReadonlyArray<WorkType>,
    /** Labels each stage asks for. */
    stageLabels: ReadonlyArray<number>,
    width: number,
    pools: number,
  ) {
    this.stride = width + 1;
    this.slots = new Uint8Array(1024 * this.stride);
    this.poolSlots = new Uint8Array(1024 * this.stride);
    this.offset = new Int32Array(work.length).fill(-1);
    let categories = 0;
    work.forEach((w, t) => {
      if (w.classes === undefined) return;
      this.offset[t] = categories;
      categories += w.classes.names.length;
    });
    this.counts = new Float64Array(categories);
    this.tallies = stageLabels.map((n) => (n > 1 ? new AgreementTally(categories) : null));
    this.pairTables = stageLabels.map((n) => (n === 2 ? new Float64Array(categories * categories) : null));
    this.poolTables = Array.from({ length: pools }, () => new Float64Array(categories * categories));
  }

  /** Categories of the stage tallies (all classes of all work types that declare them). */
  get categories(): number {
    return this.counts.length;
  }

  /**
   * The `copy`-th label of item slot `item`'s round is in: its class is the true class, or for a
   * wrong label the class its confusion row picks.
   */
  labelled(item: number, type: number, serial: number, copy: number, wrong: boolean, stage: number, person: number, pool: number, attempt: number): void {
    const at = item * this.stride;
    if (at + this.stride > this.slots.length) {
      const size = Math.max(2 * this.slots.length, at + this.stride);
      this.slots = widened(this.slots, size);
      this.poolSlots = widened(this.poolSlots, size);
    }
    this.poolSlots[at + copy] = pool;
    const truthAt = at + this.stride - 1;
    if (copy === 0) this.slots[truthAt] = this.classes.trueClass(type, serial);
    const truth = this.slots[truthAt]!;
    this.slots[at + copy] = wrong ? this.classes.wrongClass(type, truth, serial, stage, person, pool, attempt) : truth;
  }

  /** The round's `labels` labels are in: adds them to the stage's tally and says whether they all agree. */
  settle(item: number, type: number, stage: number, labels: number): boolean {
    const at = item * this.stride;
    const base = this.offset[type]!;
    const counts = this.counts;
    counts.fill(0);
    let most = 0;
    for (let c = 0; c < labels; c++) {
      const n = ++counts[base + this.slots[at + c]!]!;
      if (n > most) most = n;
    }
    this.tallies[stage]!.addItem(counts);
    const pairs = this.pairTables[stage];
    const k = counts.length;
    if (pairs !== null) pairs[(base + this.slots[at]!) * k + base + this.slots[at + 1]!]!++;
    for (let a = 0; a < labels; a++) {
      for (let b = a + 1; b < labels; b++) {
        const x = base + this.slots[at + a]!;
        const y = base + this.slots[at + b]!;
        this.poolTables[this.poolSlots[at + a]!]![x * k + y]!++;
        this.poolTables[this.poolSlots[at + b]!]![y * k + x]!++;
      }
    }
    return most === labels;
  }
}
