import { meanOf, sampler, type Sampler } from '../random/distribution.js';
import type { KeyedRandom } from '../random/keyed-random.js';
import { Activity } from './activities.js';
import { Chance } from './chance.js';
import type { ModelConfig, StageConfig } from './config.js';
import { Pass } from './item-store.js';

// Purposes of keyed draws; part of the key so outcomes of different kinds are independent.
const LABEL_ERROR = 1;
const SAMPLED = 2;
const CAUGHT = 3;
const FALSE_REJECT = 4;
const AGREEMENT = 5;
const GOLD = 6;

/**
 * A stage's figures resolved once per model, so event handlers read numbers, not names.
 * Annotate-only fields are neutral on review stages and the other way round.
 */
export interface StageRuntime {
  index: number;
  /** The engine pool (service group) whose queue this stage uses. */
  group: number;
  isReview: boolean;
  draw: Sampler;
  labels: number;
  adjudication: number;
  wrongAgreement: number;
  goldShare: number;
  reworkFactor: number;
  maxAttempts: number;
  /** Stage index, or -1 for none. */
  escalation: number;
  sampleRate: number;
  detection: number;
  falseRejectRate: number;
  audit: boolean;
  sampled: Chance;
  caught: Chance;
  falseReject: Chance;
  labelError: Chance;
  agreement: Chance;
  gold: Chance;
}

/** Resolves a stage's figures and builds its samplers and yes/no outcomes. */
export function stageRuntime(
config: ModelConfig,
sc: StageConfig,
index: number,
group: number,
random: KeyedRandom | null,
outcomes: KeyedRandom | null,
): StageRuntime {
  const draw = random === null ? constant(meanOf(sc.handling)) : sampler(sc.handling, random.source, { keyed: true });
  const chance = (purpose: number, strata = 1) => new Chance(outcomes, index * 16 + purpose, strata);
  const indexOf = (name: string | null) => (name === null ? -1 : config.stages.findIndex((s) => s.name === name));
  const annotate = sc.kind === 'annotate' ? sc : null;
  const review = sc.kind === 'review' ? sc : null;
  return {
    index,
    group,
    isReview: review !== null,
    draw,
    labels: annotate?.labels ?? 1,
    adjudication: indexOf(annotate?.adjudication ?? null),
    wrongAgreement: annotate?.wrongAgreement ?? 0,
    goldShare: annotate?.goldShare ?? 0,
    reworkFactor: annotate?.reworkFactor ?? 1,
    maxAttempts: annotate?.maxAttempts ?? 1,
    escalation: indexOf(annotate?.escalation ?? null),
    sampleRate: review?.sampleRate ?? 0,
    detection: review?.detection ?? 0,
    falseRejectRate: review?.falseReject ?? 0,
    audit: review?.action === 'audit',
    labelError: chance(LABEL_ERROR),
    sampled: chance(SAMPLED, 2),
    caught: chance(CAUGHT),
    falseReject: chance(FALSE_REJECT),
    agreement: chance(AGREEMENT),
    gold: chance(GOLD),
  };
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
