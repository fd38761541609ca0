import { drawCurve } from '../../training/curve-fit.js';
import type { LearningCurve } from '../../training/learning-curve.js';
import type { CurveConfig } from '../config.js';
import { curveStream } from '../draw-keys.js';

/**
 * The learning curve of one replication: the configured one, or one drawn from the fit of
 * measured points, so that "we are not sure of the curve" shows in the risk. The draw is keyed to
 * the replication alone: every plan of a run sees the same curve in the same replication (common
 * random numbers), and deterministic mode takes the fit's estimate.
 */
export function replicationCurve(curve: CurveConfig, random: { seed: number; replication: number } | null): LearningCurve {
  if (curve.kind === 'fixed') return curve.curve;
  if (random === null) return curve.fit.estimate;
  return drawCurve(curve.fit, curveStream(random.seed, random.replication));
}
