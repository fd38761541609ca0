import type { ClassConfig, WorkType } from './config.js';
import type { ClassDraws } from './draw-keys.js';

/**
 * The classes of the work types that declare them: an item's true class from the prevalences,
 * and the class a wrong label picks from its true class's confusion row. Both are keyed draws
 * (draw-keys.ts ClassDraws), so the true class is recomputed from the serial whenever it is
 * needed and costs no memory per item.
 *
 * In deterministic mode there are no draws: the uniforms come from a van der Corput sequence
 * (the radical inverse in base 2), so classes and wrong classes are spread over their shares as
 * evenly as a sequence can be, with nothing random. The true class takes the sequence at the
 * item's index within its work type, so it too is the item's own, whenever it is asked for; a
 * wrong class takes the next term of a counter.
 */
export class LabelClasses {
  /** Per work type, cumulative prevalences (null: the type declares no classes). */
  private readonly prevalence: (Float64Array | null)[];
  /** Per work type, per true class, cumulative shares of the wrong classes (the true class's own share 0). */
  private readonly confusion: (Float64Array[] | null)[];
  private wrongCounter = 0;
  private readonly types: number;

  constructor(work: ReadonlyArray<WorkType>, private readonly draws: ClassDraws | null) {
    this.types = work.length;
    this.prevalence = work.map((w) => (w.classes === undefined ? null : cumulative(w.classes.prevalence)));
    this.confusion = work.map((w) => (w.classes === undefined ? null : confusionRows(w.classes)));
  }

  /** Whether work type `type` declares classes. */
  has(type: number): boolean {
    return this.prevalence[type] !== null;
  }

  /** The most classes any work type declares (0 when none does). */
  get widest(): number {
    let n = 0;
    for (const p of this.prevalence) if (p !== null && p.length > n) n = p.length;
    return n;
  }

  /** Classes of work type `type`. */
  count(type: number): number {
    return this.prevalence[type]!.length;
  }

  /** The true class of item `serial` of work type `type`. */
  trueClass(type: number, serial: number): number {
    // serial = k x types + type: k is the item's index within its type.
    const u = this.draws === null ? vanDerCorput(Math.floor(serial / this.types)) : this.draws.trueClass(serial);
    return pick(this.prevalence[type]!, u);
  }

  /** The class of a wrong label of `person` of `pool` on item `serial` (true class `truth`) at `stage`, on its `attempt`-th try. */
  wrongClass(type: number, truth: number, serial: number, stage: number, person: number, pool: number, attempt: number): number {
    const u = this.draws === null ? vanDerCorput(this.wrongCounter++) : this.draws.wrongClass(serial, stage, person, pool, attempt);
    return pick(this.confusion[type]![truth]!, u);
  }
}

/** The first index whose cumulative share exceeds u; the last index with a positive share if rounding leaves u above them all. */
function pick(cum: Float64Array, u: number): number {
  for (let c = 0; c < cum.length; c++) if (u < cum[c]!) return c;
  let last = cum.length - 1;
  while (last > 0 && cum[last]! === cum[last - 1]!) last--;
  return last;
}

function cumulative(shares: ReadonlyArray<number>): Float64Array {
  const cum = new Float64Array(shares.length);
  let s = 0;
  for (let i = 0; i < shares.length; i++) cum[i] = s += shares[i]!;
  return cum;
}

/** Each true class's wrong-class shares: `uniform` gives each of the other k - 1 classes 1 / (k - 1). */
export function confusionShares(classes: ClassConfig): number[][] {
  const k = classes.names.length;
  if (classes.confusion !== 'uniform') return classes.confusion;
  return Array.from({ length: k }, (_, c) => Array.from({ length: k }, (_, j) => (j === c ? 0 : 1 / (k - 1))));
}

/**
 * The chance that k wrong labels of one item all pick the same wrong class: sum_c pi_c sum_j
 * q_cj^k (independent given the true class). With classes this is what `wrongAgreement` states
 * by hand for work types without them.
 */
export function wrongLabelsAgreeShare(classes: ClassConfig, k: number): number {
  const q = confusionShares(classes);
  let share = 0;
  classes.prevalence.forEach((pi, c) => {
    for (const x of q[c]!) share += pi * x ** k;
  });
  return share;
}

function confusionRows(classes: ClassConfig): Float64Array[] {
  return confusionShares(classes).map(cumulative);
}

/** The radical inverse of n in base 2: 0, 1/2, 1/4, 3/4, 1/8, ... */
function vanDerCorput(n: number): number {
  let x = 0, f = 0.5;
  for (let m = n; m > 0; m = Math.floor(m / 2), f /= 2) if (m % 2 === 1) x += f;
  return x;
}
