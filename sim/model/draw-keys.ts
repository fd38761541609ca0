import { KeyedRandom } from '../random/keyed-random.js';
import { randomStream, type RandomSource } from '../random/stream.js';

/**
 * Every keyed draw of the model, each built by one named function from the numbers it depends on.
 *
 * A keyed draw is a uniform hashed from (stream, k1, k2, k3); k1 is always the item's serial (or
 * the pool, for people), so a draw depends on what it is about and never on how many draws came
 * before it. That is what common random numbers need, and it means a new kind of draw (a new
 * builder here, on a key no other builder makes) shifts no existing one.
 *
 * Two rules keep the keys apart by construction (the tests enumerate them):
 *
 * - Compact keys are the layout every release so far has drawn with, so published figures stand:
 *   small numbers packed into k2 and k3 (an attempt x 16 + a task, say). Each packing is used only
 *   inside the range where it is one-to-one and where the kinds of draw cannot meet: the low four
 *   bits of an outcome's k3 name its kind, handling keys of tasks stay below 1000 and gold ones
 *   start there.
 * - Outside that range (the 62nd rejection of one item, a 17-step workflow, a 2^19th attempt) a
 *   draw goes to a wide stream of its own, whose keys give every number a whole word, so nothing
 *   wraps and nothing collides however large attempts or steps grow.
 */

/** Kinds of draw, the low four bits of an outcome key and the k2 tag of a wide key. */
export const DrawKind = {
  handling: 0,
  labelError: 1,
  sampled: 2,
  caught: 3,
  falseReject: 4,
  agreement: 5,
  gold: 6,
  goldHandling: 7,
} as const;


// Bounds of the compact layouts (exclusive), each from the packing it guards. They are literals,
// not expressions of model-limits.ts, because the hot path then reads constants rather than module
// bindings; draw-keys.test.ts checks each against the packing and the limits.
/** Tasks of one stage visit per attempt in a compact handling key (attempt x 16 + task). */
export const COMPACT_TASKS = 16;
/** Compact handling keys of tasks stay below GOLD_BASE: attempt x 16 + 15 < 1000 for attempt <= 61. */
export const GOLD_BASE = 1000;
export const COMPACT_HANDLING_ATTEMPTS = 62;
/** Outcome keys pack attempt x 4096 + stage x 16 + kind (MAX_STAGES x 16 = 4096 slots) into a non-negative int32. */
export const OUTCOME_SLOTS = 4096;
export const COMPACT_OUTCOME_ATTEMPTS = 524_288;
/** Review keys pack attempt x 16 + step into k2. */
export const COMPACT_STEPS = 16;
export const COMPACT_REVIEW_ATTEMPTS = 134_217_728;
/** Label-error keys pack person x 256 + pool (MAX_POOLS) into k2. */
export const POOL_SLOTS = 256;
export const COMPACT_PEOPLE = 8_388_608;
/** Gold handling keys are GOLD_BASE + g below 2^31. */
export const COMPACT_GOLD = 2_147_482_648;
/** Wrong-class keys pack attempt x 256 + stage + 1 (MAX_STAGES; 0 is the true class's) into k3, below 2^31. */
const MAX_STAGE_SLOTS = 256;
export const COMPACT_CLASS_ATTEMPTS = 8_388_607;

// Kinds as literals for the hot path (DrawKind names them for everyone else).
const HANDLING = 0;
const LABEL_ERROR = 1;
const SAMPLED = 2;
const CAUGHT = 3;
const FALSE_REJECT = 4;
const AGREEMENT = 5;
const GOLD = 6;
const GOLD_HANDLING = 7;

/** The per-item draws of one replication: handling times and yes/no outcomes. */
export class ItemDraws {
  private readonly handlingStream: KeyedRandom;
  private readonly outcomeStream: KeyedRandom;
  private readonly wideHandling: KeyedRandom;
  private readonly wideOutcomes: KeyedRandom;

  constructor(seed: number | string, replication: number) {
    this.handlingStream = new KeyedRandom(seed, replication, 'handling');
    this.outcomeStream = new KeyedRandom(seed, replication, 'outcomes');
    this.wideHandling = new KeyedRandom(seed, replication, 'handling/wide');
    this.wideOutcomes = new KeyedRandom(seed, replication, 'outcomes/wide');
  }

  /** The sources a stage's handling samplers read (one per stream), positioned by `task` or `goldTask`. */
  get compactSource(): RandomSource {
    return this.handlingStream.source;
  }

  get wideSource(): RandomSource {
    return this.wideHandling.source;
  }

  /**
   * Positions the handling draw of the `task`-th task begun in an item's visit to `stage`, at its
   * `attempt`-th try; true when that is on the wide stream (draw from `wideSource`).
   */
  task(serial: number, stage: number, attempt: number, task: number): boolean {
    if (attempt < COMPACT_HANDLING_ATTEMPTS && task < COMPACT_TASKS) {
      this.handlingStream.at(serial, stage, attempt * COMPACT_TASKS + task);
      return false;
    }
    this.wideHandling.at(serial, wide(HANDLING, stage, task), attempt);
    return true;
  }

  /** Positions the handling draw of the `g`-th gold item served before an item's first pass at `stage`; true when on the wide stream. */
  goldTask(serial: number, stage: number, g: number): boolean {
    if (g < COMPACT_GOLD) {
      this.handlingStream.at(serial, stage, GOLD_BASE + g);
      return false;
    }
    this.wideHandling.at(serial, wide(GOLD_HANDLING, stage, 0), g);
    return true;
  }

  /** Whether `person` of `pool` errs on the item at its `attempt`-th label. */
  labelError(serial: number, stage: number, person: number, pool: number, attempt: number): number {
    if (attempt < COMPACT_OUTCOME_ATTEMPTS && person < COMPACT_PEOPLE) return this.outcomeStream.uniform(serial, person * POOL_SLOTS + pool, attempt * OUTCOME_SLOTS + outcome(LABEL_ERROR, stage));
    return this.wideOutcomes.at4(serial, wide(LABEL_ERROR, stage, pool), person, attempt)();
  }

  /** Whether the review tier at workflow step `step` samples the item. */
  sampled(serial: number, stage: number, step: number): number {
    return this.outcomeStream.uniform(serial, step, outcome(SAMPLED, stage));
  }

  /** Whether review catches the item's wrong label at `step`, on its `attempt`-th try. */
  caught(serial: number, stage: number, attempt: number, step: number): number {
    return this.review(CAUGHT, serial, stage, attempt, step);
  }

  /** Whether review wrongly rejects the item's right label at `step`, on its `attempt`-th try. */
  falseReject(serial: number, stage: number, attempt: number, step: number): number {
    return this.review(FALSE_REJECT, serial, stage, attempt, step);
  }

  /** Whether all-wrong consensus labels happen to agree, on the item's `attempt`-th try. */
  agreement(serial: number, stage: number, attempt: number): number {
    return this.outcomeStream.uniform(serial, attempt, outcome(AGREEMENT, stage));
  }

  /** Whether a `g`-th gold item is served before the item's first pass at `stage`. */
  gold(serial: number, stage: number, g: number): number {
    return this.outcomeStream.uniform(serial, g, outcome(GOLD, stage));
  }

  private review(kind: number, serial: number, stage: number, attempt: number, step: number): number {
    if (attempt < COMPACT_REVIEW_ATTEMPTS && step < COMPACT_STEPS) return this.outcomeStream.uniform(serial, attempt * COMPACT_STEPS + step, outcome(kind, stage));
    return this.wideOutcomes.at(serial, wide(kind, stage, step), attempt)();
  }

}

/**
 * Where a stage's deterministic share of one kind of decision starts (exact-share.ts): its compact
 * outcome key, so unrelated shares start apart as unrelated draws are apart.
 */
export function sharePhase(stage: number, kind: number): number {
  return outcome(kind, stage);
}

/** k3 of a compact outcome key: stage x 16 + kind (below 4096). */
function outcome(kind: number, stage: number): number {
  return stage * 16 + kind;
}

/** k2 of a wide key: kind, stage and one more number below 2^16 in separate bit fields. */
function wide(kind: number, stage: number, small: number): number {
  return ((kind << 24) | (stage << 16) | small) >>> 0;
}

/** The per-person draws of one replication: a personal pace, and whether a person misses a shift. */
export class PersonDraws {
  private readonly paces: KeyedRandom;
  private readonly absences: KeyedRandom;
  private readonly accuracies: KeyedRandom;

  constructor(seed: number | string, replication: number) {
    this.absences = new KeyedRandom(seed, replication, 'absences');
    this.accuracies = new KeyedRandom(seed, replication, 'people/accuracy');
    this.paces = new KeyedRandom(seed, replication, 'people');
  }

  /** The source the pace sampler reads, positioned by `pace`. */
  get paceSource(): RandomSource {
    return this.paces.source;
  }

  /** Positions the pace draw of `person` of `pool`: keyed to both, so a plan that adds people keeps everyone else's pace. */
  pace(pool: number, person: number): void {
    this.paces.at(pool, person);
  }

  /** The source a person's accuracy factor is drawn from, positioned for `person` of `pool` (a stream of its own, so paces stay as they were). */
  accuracy(pool: number, person: number): RandomSource {
    return this.accuracies.at(pool, person);
  }

  /** The accuracy source of the `generation`-th person to take `person`'s place in `pool` (a replacement after a gold flag; generation >= 1, so never the first person's key). */
  replacementAccuracy(pool: number, person: number, generation: number): RandomSource {
    return this.accuracies.at(pool, person, generation);
  }

  /** Whether `person` of `pool` misses the `interval`-th shift of their crew's calendar. */
  absence(pool: number, person: number, interval: number): number {
    return this.absences.uniform(pool, person, interval);
  }
}

/** The sequential stream of an exchange rate's daily steps (a random walk), one per currency: the same in every plan. */
export function exchangeRateStream(seed: number | string, replication: number, currency: string): RandomSource {
  return randomStream(seed, replication, `exchange-rate/${currency}`);
}

/** The sequential stream of a Poisson arrival process's gaps for one work type (its order is its own). */
export function arrivalStream(seed: number | string, replication: number, workType: string): RandomSource {
  return randomStream(seed, replication, `arrivals/${workType}`);
}

/**
 * The key a draw is made at, spelled out: its stream and the words after the item's serial. The
 * ItemDraws methods compute the same words inline (no object per draw on the hot path);
 * draw-keys.test.ts checks them against these and checks that no two draws share a key.
 */
export interface DrawKey {
  stream: 'handling' | 'handling/wide' | 'outcomes' | 'outcomes/wide' | 'classes' | 'classes/wide';
  k2: number;
  k3: number;
  /** A fourth word, for wide label-error keys only. */
  k4?: number;
}

export const drawKeyOf = {
  task(stage: number, attempt: number, task: number): DrawKey {
    if (attempt < COMPACT_HANDLING_ATTEMPTS && task < COMPACT_TASKS) return { stream: 'handling', k2: stage, k3: attempt * COMPACT_TASKS + task };
    return { stream: 'handling/wide', k2: wide(HANDLING, stage, task), k3: attempt };
  },
  goldTask(stage: number, g: number): DrawKey {
    if (g < COMPACT_GOLD) return { stream: 'handling', k2: stage, k3: GOLD_BASE + g };
    return { stream: 'handling/wide', k2: wide(GOLD_HANDLING, stage, 0), k3: g };
  },
  labelError(stage: number, person: number, pool: number, attempt: number): DrawKey {
    if (attempt < COMPACT_OUTCOME_ATTEMPTS && person < COMPACT_PEOPLE) return { stream: 'outcomes', k2: person * POOL_SLOTS + pool, k3: attempt * OUTCOME_SLOTS + outcome(LABEL_ERROR, stage) };
    return { stream: 'outcomes/wide', k2: wide(LABEL_ERROR, stage, pool), k3: person, k4: attempt };
  },
  sampled(stage: number, step: number): DrawKey {
    return { stream: 'outcomes', k2: step, k3: outcome(SAMPLED, stage) };
  },
  caught(stage: number, attempt: number, step: number): DrawKey {
    return reviewKey(CAUGHT, stage, attempt, step);
  },
  falseReject(stage: number, attempt: number, step: number): DrawKey {
    return reviewKey(FALSE_REJECT, stage, attempt, step);
  },
  agreement(stage: number, attempt: number): DrawKey {
    return { stream: 'outcomes', k2: attempt, k3: outcome(AGREEMENT, stage) };
  },
  gold(stage: number, g: number): DrawKey {
    return { stream: 'outcomes', k2: g, k3: outcome(GOLD, stage) };
  },
  trueClass(): DrawKey {
    return { stream: 'classes', k2: 0, k3: 0 };
  },
  wrongClass(stage: number, person: number, pool: number, attempt: number): DrawKey {
    if (attempt < COMPACT_CLASS_ATTEMPTS && person < COMPACT_PEOPLE) return { stream: 'classes', k2: person * POOL_SLOTS + pool, k3: attempt * MAX_STAGE_SLOTS + stage + 1 };
    return { stream: 'classes/wide', k2: wide(LABEL_ERROR, stage, pool), k3: person, k4: attempt };
  },
};

function reviewKey(kind: number, stage: number, attempt: number, step: number): DrawKey {
  if (attempt < COMPACT_REVIEW_ATTEMPTS && step < COMPACT_STEPS) return { stream: 'outcomes', k2: attempt * COMPACT_STEPS + step, k3: outcome(kind, stage) };
  return { stream: 'outcomes/wide', k2: wide(kind, stage, step), k3: attempt };
}

/**
 * The draws of the model being trained (training/): whether its pre-label for an item's attempt
 * is right, and whether a wrong one is convincing enough to be accepted as it is. A stream of
 * its own, so a plan with a model draws nothing that a plan without one draws.
 */
export class TrainingDraws {
  private readonly preLabels: KeyedRandom;

  constructor(seed: number | string, replication: number) {
    this.preLabels = new KeyedRandom(seed, replication, 'training/pre-labels');
  }

  /** A uniform that decides whether the pre-label of `serial`'s `attempt`-th try is right. */
  preLabelRight(serial: number, attempt: number): number {
    return this.preLabels.uniform(serial, attempt, 0);
  }

  /** A uniform that decides whether a wrong pre-label of that try is accepted as it is. */
  preLabelAccepted(serial: number, attempt: number): number {
    return this.preLabels.uniform(serial, attempt, 1);
  }
}

/**
 * The draws of true classes and of the wrong class a wrong label picks (label-classes.ts): a
 * stream of its own, so a file that declares classes shifts no draw of one that does not, and
 * whether a label is wrong (outcomes) stays the same draw with or without classes.
 */
export class ClassDraws {
  private readonly classes: KeyedRandom;
  private readonly wideClasses: KeyedRandom;

  constructor(seed: number | string, replication: number) {
    this.classes = new KeyedRandom(seed, replication, 'classes');
    this.wideClasses = new KeyedRandom(seed, replication, 'classes/wide');
  }

  /** A uniform that picks the item's true class: the item's alone, the same at every stage and in every plan. */
  trueClass(serial: number): number {
    return this.classes.uniform(serial, 0, 0);
  }

  /** A uniform that picks the wrong class of `person` of `pool`'s wrong label of the item at `stage`, on its `attempt`-th try. */
  wrongClass(serial: number, stage: number, person: number, pool: number, attempt: number): number {
    // k3 = attempt x 256 + stage + 1 keeps clear of the true class's k3 = 0.
    if (attempt < COMPACT_CLASS_ATTEMPTS && person < COMPACT_PEOPLE) return this.classes.uniform(serial, person * POOL_SLOTS + pool, attempt * MAX_STAGE_SLOTS + stage + 1);
    return this.wideClasses.at4(serial, wide(LABEL_ERROR, stage, pool), person, attempt)();
  }
}

/** Whether a model disagrees with an item's label at a cross-checking tier: a stream of its own, keyed to the item, the step and the stage. */
export class CrossCheckDraws {
  private readonly stream: KeyedRandom;

  constructor(seed: number | string, replication: number) {
    this.stream = new KeyedRandom(seed, replication, 'review/cross-check');
  }

  disagrees(serial: number, step: number, stage: number): number {
    return this.stream.uniform(serial, step, stage);
  }
}

/** The sequential stream from which a replication draws its learning curve (one per replication, the same in every plan). */
export function curveStream(seed: number | string, replication: number): RandomSource {
  return randomStream(seed, replication, 'training/learning-curve');
}

/**
 * Whether a gold answer is wrong (quality/gold-audit.ts): a stream of its own, keyed to the person
 * (pool, place, generation: 0 for the first person, 1 for their first replacement, ...), the stage
 * and the answer's number in that person's sequence at that stage. Plans that differ only in the
 * flagging rule or its consequence give a person the same run of answers up to the point where
 * their rate differs.
 */
export class GoldDraws {
  private readonly answers: KeyedRandom;

  constructor(seed: number | string, replication: number) {
    this.answers = new KeyedRandom(seed, replication, 'gold/answers');
  }

  answer(pool: number, person: number, generation: number, stage: number, n: number): number {
    return this.answers.at4(pool, person, generation * 256 + stage, n)();
  }
}
