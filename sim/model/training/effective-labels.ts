/**
 * What a training set is worth on the learning curve, in clean random labels.
 *
 * - An actively chosen label is worth `efficiency` random ones (the selection's label efficiency).
 * - A synthetic example is worth `weight` real ones (the domain gap).
 * - Wrong labels that slipped through review hurt more than their number: with random
 *   classification noise at rate η, learning needs about 1 / (1 - 2η)^2 times the clean sample
 *   (Angluin & Laird 1988, "Learning from noisy examples", Machine Learning 2:343-370, for two
 *   classes; with k classes and noise spread evenly over the wrong ones the margin left is
 *   1 - ηk/(k-1)). So a set with noise η counts as (1 - ηk/(k-1))^2 of its size: 5% noise on a
 *   two-class task costs 19% of the set, 25% noise costs 75%, and noise at chance level leaves
 *   nothing to learn from. Synthetic examples carry exact labels, so they dilute the noise.
 */
export interface TrainingSet {
  /** Real labels drawn at random (the seed batch, or every label of random sampling). */
  random: number;
  /** Real labels the model chose (active learning). */
  chosen: number;
  /** Real labels among both that are wrong. */
  wrong: number;
  synthetic: number;
}

export interface TrainingValue {
  efficiency: number;
  syntheticWeight: number;
  classes: number;
}

/** The share of the training set's labels that are wrong. */
export function noiseShare(set: TrainingSet): number {
  const examples = set.random + set.chosen + set.synthetic;
  return examples > 0 ? set.wrong / examples : 0;
}

/** The noise penalty: the share of its size that a set with noise share `noise` is worth. */
export function noisePenalty(noise: number, classes: number): number {
  const margin = 1 - (noise * classes) / (classes - 1);
  return margin > 0 ? margin * margin : 0;
}

/** Effective clean random labels of a training set. */
export function effectiveLabels(set: TrainingSet, value: TrainingValue): number {
  const raw = set.random + value.efficiency * set.chosen + value.syntheticWeight * set.synthetic;
  return raw * noisePenalty(noiseShare(set), value.classes);
}
