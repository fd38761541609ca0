import type { WorkType } from './config.js';
import type { LabelClasses } from './label-classes.js';

/**
 * Accepted items by their true class, and how many of them carry a wrong label, for the work
 * types that declare classes: the residual error of each class. The true class is the item's
 * keyed draw (label-classes.ts), recomputed at acceptance, so nothing is kept per item.
 *
 * Categories are (work type, class) pairs in config order, as the `workClass` dimension of the
 * outputs names them.
 */
export class ClassOutcomes {
  readonly accepted: Float64Array;
  readonly wrong: Float64Array;
  /** Per work type, its first category (-1: it declares no classes). */
  private readonly offset: Int32Array;

  constructor(
    private readonly classes: LabelClasses,
    work: ReadonlyArray<WorkType>,
  ) {
    this.offset = new Int32Array(work.length).fill(-1);
    let at = 0;
    work.forEach((w, t) => {
      if (w.classes === undefined) return;
      this.offset[t] = at;
      at += w.classes.names.length;
    });
    this.accepted = new Float64Array(at);
    this.wrong = new Float64Array(at);
  }

  itemAccepted(type: number, serial: number, wrong: boolean): void {
    const base = this.offset[type]!;
    if (base < 0) return;
    const c = base + this.classes.trueClass(type, serial);
    this.accepted[c]!++;
    if (wrong) this.wrong[c]!++;
  }

  /** Per category, the share of its accepted items whose label is wrong (NaN when none was accepted). */
  residualError(): Float64Array {
    return this.accepted.map((n, c) => (n > 0 ? this.wrong[c]! / n : NaN));
  }
}

/** The `workClass` labels of a model: `type/class` for each class of each work type that declares classes. */
export function workClassNames(work: ReadonlyArray<WorkType>): string[] {
  return work.flatMap((w) => (w.classes === undefined ? [] : w.classes.names.map((c) => `${w.name}/${c}`)));
}
