import { meanOf, sampler, type Sampler } from '../random/distribution.js';
import { Activity } from './activities.js';
import type { ModelConfig, ReviewStage, StageConfig } from './config.js';
import type { CrossCheckDraws, ItemDraws } from './draw-keys.js';
import { CrossCheckReview } from './training/cross-check-review.js';
import type { DeployedModel } from './training/deployed-model.js';
import { LabellingOutcomes } from './labelling-outcomes.js';
import { Pass } from './pass.js';
import { SampledReview, type ReviewPolicy } from './review-policy.js';

/**
 * A stage's figures and decisions resolved once per model, so event handlers read numbers, not
 * names. Annotate-only fields are neutral on review stages and the other way round.
 */
export interface StageRuntime {
  index: number;
  /** The engine pool (service group) whose queue this stage uses. */
  group: number;
  isReview: boolean;
  /** Handling time of one task at complexity 1, from the position the item's draws were set to (compact or wide stream). */
  draw: Sampler;
  wideDraw: Sampler;
  labels: number;
  /** Stage index, or -1 for none. */
  adjudication: number;
  /** Handling time of a rework pass as a factor of the first pass. */
  reworkFactor: number;
  maxAttempts: number;
  /** Stage index, or -1 for none. */
  escalation: number;
  /** Whether any gold items are served before first passes here. */
  hasGold: boolean;
  labelling: LabellingOutcomes;
  /** The tier's decisions; null on annotate stages. */
  review: ReviewPolicy | null;
}

/** Resolves a stage's figures and builds its sampler and decisions. */
/** What a cross-checking review tier consults: the model in use and its draws (null in deterministic mode). */
export interface CrossChecking {
  model: DeployedModel;
  draws: CrossCheckDraws | null;
}

export function stageRuntime(config: ModelConfig, sc: StageConfig, index: number, group: number, draws: ItemDraws | null, crossChecking: CrossChecking | null = null): StageRuntime {
  const draw = draws === null ? constant(meanOf(sc.handling)) : sampler(sc.handling, draws.compactSource, { keyed: true });
  const wideDraw = draws === null ? draw : sampler(sc.handling, draws.wideSource, { keyed: true });
  const indexOf = (name: string | null) => (name === null ? -1 : config.stages.findIndex((s) => s.name === name));
  const annotate = sc.kind === 'annotate' ? sc : null;
  return {
    index,
    group,
    isReview: sc.kind === 'review',
    draw,
    wideDraw,
    labels: annotate?.labels ?? 1,
    adjudication: indexOf(annotate?.adjudication ?? null),
    reworkFactor: annotate?.reworkFactor ?? 1,
    maxAttempts: annotate?.maxAttempts ?? 1,
    escalation: indexOf(annotate?.escalation ?? null),
    hasGold: (annotate?.goldShare ?? 0) > 0,
    labelling: new LabellingOutcomes(annotate, index, draws),
    review: sc.kind === 'review' ? reviewPolicy(sc, index, draws, crossChecking) : null,
  };
}

/** A review tier's policy: its sample, and the model's cross-checks on top when the stage asks for them. */
function reviewPolicy(sc: ReviewStage, index: number, draws: ItemDraws | null, crossChecking: CrossChecking | null): ReviewPolicy {
  const sampled = new SampledReview(sc, index, draws);
  const cc = sc.crossCheck ?? null;
  return cc === null || crossChecking === null ? sampled : new CrossCheckReview(sampled, cc, crossChecking.model, index, crossChecking.draws);
}

/** The cost activity of a task: what kind of work it is. */
export function activityOf(st: StageRuntime, pass: number): number {
  if (st.isReview) return Activity.review;
  switch (pass) {
    case Pass.Rework:
      return Activity.rework;
    case Pass.Adjudication:
      return Activity.adjudication;
    case Pass.Escalation:
      return Activity.escalation;
    default:
      return Activity.annotation;
  }
}

function constant(v: number): Sampler {
  return () => v;
}
