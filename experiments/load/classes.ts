import type { ClassConfig } from '../../sim/model/config.js';
import type { PathSegment } from './errors.js';
import type { ModelDocument } from './schema.js';
import { shareValue } from './units.js';

type Fail = (path: PathSegment[], expected: string, got?: string) => never;
type WorkDocument = ModelDocument['work'][string];

/** Shares that should sum to 1 may miss it by rounding in the file's decimals, no more. */
const SUM_TOLERANCE = 1e-9;

/**
 * A work type's classes and confusion pattern, checked where a schema cannot: names or a count
 * (not both), one prevalence per class summing to 1, a square confusion matrix with a zero
 * diagonal and rows summing to 1. Undefined when the type declares no classes, so the model
 * config of a file without them is the object it always was.
 */
export function classesOf(w: WorkDocument, at: (...rest: PathSegment[]) => PathSegment[], fail: Fail): ClassConfig | undefined {
  if (w.classes === undefined) {
    if (w.confusion !== undefined) fail(at('confusion'), 'classes beside it: a confusion pattern says which class a wrong label picks, so the item type needs classes', JSON.stringify(w.confusion));
    return undefined;
  }
  const c = w.classes;
  if (c.names !== undefined && c.count !== undefined) fail(at('classes'), 'names or count, not both', `names (${c.names.length}) and count ${c.count}`);
  let names: string[];
  if (c.names !== undefined) {
    names = [...c.names];
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) fail(at('classes', 'names', i), 'each class name once', `${JSON.stringify(n)} again`);
    });
  } else if (c.count !== undefined) {
    names = Array.from({ length: c.count }, (_, i) => `class-${i + 1}`);
  } else {
    return fail(at('classes'), 'names (a list of class names) or count (a number of classes)', 'neither');
  }
  const k = names.length;
  let prevalence: number[];
  if (c.prevalence !== undefined) {
    prevalence = c.prevalence.map((x) => shareValue(x) as number);
    if (prevalence.length !== k) fail(at('classes', 'prevalence'), `${k} shares, one per class`, `${prevalence.length}`);
    const sum = prevalence.reduce((s, x) => s + x, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) fail(at('classes', 'prevalence'), 'shares that sum to 1 (100%)', `a sum of ${sum}`);
  } else {
    prevalence = names.map(() => 1 / k);
  }
  const confusion = w.confusion ?? 'uniform';
  if (confusion === 'uniform') return { names, prevalence, confusion };
  const matrix = confusion.map((row) => row.map((x) => shareValue(x) as number));
  if (matrix.length !== k) fail(at('confusion'), `${k} rows, one per true class (${names.join(', ')})`, `${matrix.length}`);
  matrix.forEach((row, r) => {
    if (row.length !== k) fail(at('confusion', r), `${k} shares, one per class a wrong label may pick`, `${row.length}`);
    if (row[r] !== 0) fail(at('confusion', r, r), `0: a wrong label of a ${names[r]} item is never ${names[r]} (the diagonal is zero)`, String(confusion[r]![r]));
    const sum = row.reduce((s, x) => s + x, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) fail(at('confusion', r), `shares of the wrong classes of a ${names[r]} item that sum to 1`, `a sum of ${sum}`);
  });
  return { names, prevalence, confusion: matrix };
}
