import { labelsFor } from '../../training/learning-curve.js';
import type { ModelConfig, ReviewStage, TrainingConfig } from '../config.js';
import { noisePenalty } from './effective-labels.js';

/**
 * Items of the training type a project must label to reach its accuracy target, at the learning
 * curve's estimate, before anything runs: the held-out validation set, plus the real labels whose
 * effective size (effective-labels.ts) reaches labelsFor(target). Label noise is the pools' error
 * rate left after the review tiers that send work back (each catches sample x detection of it);
 * batch overshoot and the labels made while a retrain runs are not counted, so the real need is
 * somewhat higher. Infinity when the target is at or above the asymptote.
 */
export function labelsNeeded(config: ModelConfig): number | null {
  const t = config.training ?? null;
  const target = config.target ?? null;
  if (t === null || target === null || !('accuracy' in target)) return null;
  const curve = t.curve.kind === 'fixed' ? t.curve.curve : t.curve.fit.estimate;
  const effective = labelsFor(curve, target.accuracy);
  if (!Number.isFinite(effective)) return Infinity;
  const noise = deliveredNoise(config, t);
  // Per real label: worth its efficiency (after the seed batch), plus the synthetic examples it
  // brings at their weight; the noise share counts the synthetic ones, whose labels are exact.
  const synPerReal = t.synthetic === null ? 0 : t.synthetic.share / (1 - t.synthetic.share);
  const penalty = noisePenalty(noise / (1 + synPerReal), t.classes);
  if (penalty === 0) return Infinity;
  const weight = 1 + (t.synthetic?.weight ?? 0) * synPerReal;
  const s = t.selection;
  const perRandom = weight * penalty;
  let real: number;
  if (s.kind === 'random' || effective <= s.seed * perRandom) real = effective / perRandom;
  else real = s.seed + (effective - s.seed * perRandom) / ((s.efficiency + (t.synthetic?.weight ?? 0) * synPerReal) * penalty);
  return t.validation + Math.ceil(real);
}

function deliveredNoise(config: ModelConfig, t: TrainingConfig): number {
  const w = config.work.find((x) => x.name === t.workType)!;
  const annotate = config.stages.find((s) => s.name === w.workflow[0])!;
  const pools = config.pools.filter((p) => annotate.pools.includes(p.name));
  let e = pools.reduce((sum, p) => sum + p.errorRate, 0) / Math.max(1, pools.length);
  for (const name of w.workflow.slice(1)) {
    const tier = config.stages.find((s) => s.name === name) as ReviewStage;
    if (tier.action === 'rework') e *= 1 - tier.sampleRate * tier.detection;
  }
  return e;
}
