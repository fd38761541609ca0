/**
 * Model accuracy as a function of the training labels: the inverse power law
 * acc(n) = a - b * n^(-c). Figueroa et al. (2012, BMC Medical Informatics and Decision Making
 * 12:8) fit it to measured learning curves to predict the labels a target needs; Brumen et al.
 * (2021, Entropy 23:1123) found it the best of three forms across 130 data sets.
 *
 * a is the asymptote (the accuracy with unlimited labels), b how far below it the model starts,
 * c how fast the gap closes: doubling the labels multiplies the gap a - acc by 2^(-c).
 */
export interface LearningCurve {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/**
 * The curve's accuracy after `n` training labels (n real, >= 0).
 *
 * Below one label there is no model yet, so the accuracy is 0. The law is a fit over the measured
 * range and can dip below 0 at a handful of labels when b > a; a model's accuracy cannot, so the
 * result is floored at 0 and always lies in [0, a].
 */
export function accuracyAt(curve: LearningCurve, n: number): number {
  if (!(n >= 1)) return 0;
  const acc = curve.a - curve.b * n ** -curve.c;
  return acc > 0 ? acc : 0;
}

/**
 * The training labels the curve needs to reach `accuracy`: the smallest n >= 1 with
 * accuracyAt(curve, n) >= accuracy, real-valued (the caller rounds up to whole labels).
 *
 * In closed form n = (b / (a - accuracy))^(1/c). Infinity when accuracy >= a: the asymptote is
 * approached, never reached. 1 when the target is at or below what one label already gives
 * (max(0, a - b)): the closed form would answer below one label, where no model exists.
 */
export function labelsFor(curve: LearningCurve, accuracy: number): number {
  const { a, b, c } = curve;
  if (accuracy >= a) return Infinity;
  if (accuracy <= a - b || accuracy <= 0) return 1;
  return (b / (a - accuracy)) ** (1 / c);
}

/**
 * What is wrong with a curve's parameters, as [field, what was expected] pairs in the order a,
 * b, c (empty when the curve is valid), for the loader's field errors.
 */
export function curveProblems(curve: LearningCurve): Array<[field: 'a' | 'b' | 'c', expected: string]> {
  const problems: Array<['a' | 'b' | 'c', string]> = [];
  const { a, b, c } = curve;
  if (!(Number.isFinite(a) && a > 0 && a <= 1)) {
    problems.push(['a', 'an asymptote above 0 and at most 1: the accuracy the model approaches with unlimited labels']);
  }
  if (!(Number.isFinite(b) && b > 0)) {
    problems.push(['b', 'a finite number above 0: how far below the asymptote the model starts (accuracy rises with labels)']);
  }
  if (!(Number.isFinite(c) && c > 0)) {
    problems.push(['c', 'a finite exponent above 0: how fast the gap to the asymptote closes as labels grow']);
  }
  return problems;
}
