import type { Distribution } from '../random/distribution.js';
import type { CurveFit } from '../training/curve-fit.js';
import type { CalendarSpec, ProjectClock } from '../calendar/index.js';
import type { GoldAuditConfig } from './quality/gold-config.js';

/**
 * The annotation model as plain, validated data: every duration in hours, every rate per hour,
 * every share in [0, 1], every amount in the experiment's one currency, every reference resolved
 * to a name that exists. The experiment loader builds it; the model trusts it.
 */
export interface ModelConfig {
  clock: ProjectClock;
  /** Every replication stops here; work not accepted by then is censored (not finished). */
  horizonHours: number;
  /** Statistics (waits, utilisation, queue lengths) ignore [0, warmupHours). */
  warmupHours: number;
  /** Null when the experiment has no deadline. */
  deadlineHours: number | null;
  /** Every source of randomness off: distributions at their means, shares applied as exact fractions. */
  deterministic: boolean;
  currency: string;
  work: WorkType[];
  pools: PoolConfig[];
  stages: StageConfig[];
  preLabels: PreLabelConfig | null;
  costs: CostConfig;
  /**
   * When the project is done (stopping-rule.ts): absent or null = every item accepted; N items
   * accepted; or a model accuracy reached at a model evaluation (needs `training`).
   */
  target?: { accepted: number } | { accuracy: number } | null;
  /** The model being trained on the labels (training/): absent = none. */
  training?: TrainingConfig | null;
  /** Which waiting item is served next (queue-discipline.ts): absent = rework first. */
  queue?: 'rework-first' | 'fifo';
  /** Waits T at which each stage's service level P(wait <= T) is counted (service-levels.ts): absent = none. */
  waitThresholdHours?: number[];
  /** Value in `currency` of one unit of each currency pools are paid in (pay/price-path.ts): absent = every pool is paid in `currency`. */
  exchangeRates?: Record<string, ExchangeRatePath>;
  /**
   * The uncertainty of fitted parameters (a calibration's bootstrap): each replication runs with
   * one draw in place of the fitted values (parameter-draws.ts). Absent = the fitted values.
   */
  parameterDraws?: ParameterDraw[];
  /** Guideline versions and the relabelling their changes send back (guideline-versions.ts): absent = one version throughout. */
  guidelines?: GuidelineConfig;
  /** A pilot gate (pilot-gate.ts): the bulk of a work type waits for agreement on pilot batches. Absent = none. */
  pilot?: PilotConfig;
}

/**
 * A pilot gate: a work type's items are let in `batch` at a time, and the rest of them only once
 * the percent agreement of a batch's consensus labels reaches `agreement`. Between rounds the
 * guidelines are revised: `revisionHours` of waiting and `revisionCost` of money, after which
 * every label of the type is wrong `errorFactor` times as often. After `maxRounds` rounds the
 * bulk is let in whatever the agreement.
 */
export interface PilotConfig {
  /** The work type, by index; its annotate stage asks for two or more labels and it declares classes. */
  type: number;
  batch: number;
  agreement: number;
  maxRounds: number;
  revisionHours: number;
  revisionCost: number;
  errorFactor: number;
}

/**
 * Guideline changes: each starts a new version of the guidelines, and sends already accepted items
 * back for relabelling. `tracked` false: labels do not carry their version, so every change must
 * relabel every accepted item, whatever its targeting says.
 */
export interface GuidelineConfig {
  tracked: boolean;
  changes: GuidelineChange[];
}

export interface GuidelineChange {
  /** Names the change in outputs. */
  name: string;
  /** When it takes effect: at an hour from t = 0, or at the N-th acceptance. */
  when: { kind: 'at'; hours: number } | { kind: 'afterAccepted'; items: number };
  /** What it sends back: nothing, every accepted item, a share of them, or a share of those of some classes. */
  relabel: { kind: 'none' } | { kind: 'all' } | { kind: 'share'; share: number } | { kind: 'classes'; names: string[]; share: number };
  /** Work types it applies to, by index (all of them unless the file names some). */
  types: number[];
}

/** An exchange rate over time: units of the reporting currency per unit of a pool's currency. */
export type ExchangeRatePath =
  | { kind: 'fixed'; rate: number }
  /** A step function: each rate from its hour on; before the first step, the first rate. */
  | { kind: 'schedule'; steps: Array<{ fromHours: number; rate: number }> }
  /** Geometric Brownian motion without drift in daily steps, from `start`, with an annual volatility of log returns. */
  | { kind: 'random-walk'; start: number; volatility: number };

/** A change of a pool's pay by date (a raise, a seasonal premium): rates and fees times `factor` in [fromHours, toHours). */
export interface PayChange {
  fromHours: number;
  toHours: number;
  factor: number;
}

/** One set of parameter values in place of the fitted ones; each field absent = keep the model's. */
export interface ParameterDraw {
  /** By index into `stages`. */
  stages: Array<{ stage: number; handling?: Distribution; reworkFactor?: number }>;
  /** By index into `pools`. */
  pools: Array<{ pool: number; errorRate?: number }>;
}

export type Arrival =
  | { kind: 'backlog' }
  | { kind: 'poisson'; perHour: number }
  /** `slaHours`: the turnaround each delivery is held to (from its arrival to its last item accepted); absent = none. */
  | { kind: 'schedule'; firstHours: number; everyHours: number; batch: number; slaHours?: number };

export interface WorkType {
  name: string;
  /** Items to deliver; null means arrivals go on until the horizon (a steady-state study). */
  count: number | null;
  arrival: Arrival;
  /** Multiplies every handling time of this type. */
  complexity: number;
  /** Weight of one item in equivalent units for portfolio views. */
  equivalentUnits: number;
  /** Stage names in order: one annotate stage, then review tiers. */
  workflow: string[];
  /** True classes of the items and the classes people mix up (label-classes.ts): absent = labels are only right or wrong. */
  classes?: ClassConfig;
}

/** The classes of a work type: an item's true class, and the wrong class a wrong label picks. */
export interface ClassConfig {
  names: string[];
  /** Share of items of each class; sums to 1. */
  prevalence: number[];
  /**
   * For each true class, the shares of the wrong classes a wrong label picks: `uniform` (each
   * other class alike), or rows with a zero diagonal that sum to 1.
   */
  confusion: 'uniform' | number[][];
}

export interface ShiftGroup extends CalendarSpec {
  /** People working this shift pattern. */
  headcount: number;
}

export type PayModel =
  /** Paid for every scheduled shift hour, busy, idle or absent (in-house staff). */
  | { kind: 'salaried'; perHour: number }
  /** Paid for hours actually worked (contractors, vendors billing time). */
  | { kind: 'hourly'; perHour: number }
  /** A fee per submitted label (rework submissions included). */
  | { kind: 'per-item'; perItem: number; penaltyPerError: number }
  /** A fee per item accepted by the last review tier. */
  | { kind: 'per-accepted'; perItem: number };

export interface PoolConfig {
  name: string;
  shifts: ShiftGroup[];
  /** Share of paid time not spent on items (meetings, breaks): handling times stretch by 1/(1-shrinkage). */
  shrinkage: number;
  /** Probability that a person misses a given shift. */
  absenceRate: number;
  /** Coefficient of variation of the per-person speed factor (mean 1), drawn once per replication. */
  speedCv: number;
  /**
   * Handling-time multiplier of this pool relative to the stages' times, for people who are
   * systematically slower or faster (1.1 = 10% slower); multiplies every person's pace.
   */
  pace: number;
  /** Handling-time multiplier of a new person (1 = no learning) and the items after which half the excess is gone. */
  learning: { initialFactor: number; halfLifeItems: number };
  /** Probability that a label from this pool is wrong (before pre-labels). */
  errorRate: number;
  /** Coefficient of variation of a per-person factor on the error rate (mean 1), drawn once per replication: absent = everyone alike. */
  errorSpread?: number;
  pay: PayModel;
  /** People start work at this time (hired later); ramp-up: speed grows linearly from half to full over rampUpHours. */
  startHours: number;
  rampUpHours: number;
  /** The currency the pool's pay is stated in, when not the experiment's (see ModelConfig.exchangeRates); absent = the experiment's. */
  currency?: string;
  /** Changes of pay by date, in file order (overlapping changes multiply); absent = pay fixed throughout. */
  payChanges?: PayChange[];
  /** Tiredness within a shift (modifiers/fatigue.ts): absent = none. */
  fatigue?: FatigueConfig | null;
  /** Change over the weeks of the project, worse (drift) or better (improvement): absent = none. */
  drift?: DriftConfig | null;
  /** Share of the change fatigue and drift make that is removed on tasks shown a pre-label: absent = 0. */
  preLabelDamping?: number;
}

/** From `afterHours` into a shift on, every further hour adds these shares to the handling time and to the error rate. */
export interface FatigueConfig {
  afterHours: number;
  pacePerHour: number;
  errorPerHour: number;
}

/** Handling time and error rate multiply by (1 + rate) every week of the project (negative: people get better). */
export interface DriftConfig {
  pacePerWeek: number;
  errorPerWeek: number;
}

export type StageConfig = AnnotateStage | ReviewStage;

export interface AnnotateStage {
  kind: 'annotate';
  name: string;
  /**
   * Pools that staff this stage and share its one queue: pools in several time zones give
   * follow-the-sun coverage. A pool belongs to one such group for all the stages it serves.
   */
  pools: string[];
  /** Handling time of one label at complexity 1, before person speed, learning and pre-labels. */
  handling: Distribution;
  /** Independent labels per item (consensus); 1 means no consensus. */
  labels: number;
  /** Stage that settles disagreeing labels; required when labels > 1. */
  adjudication: string | null;
  /** Probability that two wrong labels happen to agree (an undetectable shared mistake). */
  wrongAgreement: number;
  /** Share of served tasks that are gold (known-answer) items: they cost capacity and yield nothing. */
  goldShare: number;
  /** Gold answers scored and people flagged (quality/gold-config.ts): absent = gold is only served. */
  gold?: GoldAuditConfig | null;
  /** Handling time of a rework pass as a factor of the first pass. */
  reworkFactor: number;
  /** After this many failed reviews an item goes to `escalation` (if set). */
  maxAttempts: number;
  escalation: string | null;
}

export interface ReviewStage {
  kind: 'review';
  name: string;
  /** As for annotate stages. */
  pools: string[];
  handling: Distribution;
  /** Share of items this tier reviews (1 = full review); reworked items are always re-reviewed. */
  sampleRate: number;
  /** Probability that a wrong label is caught. */
  detection: number;
  /** Probability that a correct label is wrongly rejected. */
  falseReject: number;
  /** 'rework' sends rejected items back; 'audit' only records what it found (acceptance sampling). */
  action: 'rework' | 'audit';
  /** Model-confidence cross-checks (training/cross-check-review.ts): absent = none. */
  crossCheck?: CrossCheckConfig | null;
}

/**
 * Labels a model disagrees with are routed to the tier, beside its random sample. The model is the
 * one trained on the labels (`accuracy` null) or one of a fixed accuracy from `fromHours` on.
 */
export interface CrossCheckConfig {
  /** Share of the disagreements routed to review. */
  share: number;
  /** When the model is wrong on an item whose label is wrong too, the chance its answer is the same wrong one (then it agrees, and the error slips past). */
  sameMistake: number;
  accuracy: number | null;
  fromHours: number;
}

export interface PreLabelConfig {
  /** Accepted items before the first model is trained; pre-labels exist only after that retrain. */
  firstRetrainAfter: number;
  /** Accepted items between later retrains. */
  retrainEvery: number;
  retrainHours: number;
  retrainCost: number;
  /** Handling-time and error-rate factors with the first model; each retrain multiplies the gap to the floor by `improvement`. */
  handlingFactor: number;
  errorFactor: number;
  improvement: number;
  handlingFloor: number;
  errorFloor: number;
}

export interface CostConfig {
  /** Platform licence per seat per month (a month = 730 h); seats default to total headcount. */
  platformPerSeatMonth: number;
  seats: number | null;
  /** Project management overhead per week of project duration. */
  managementPerWeek: number;
  /** One-off costs incurred at the start (guidelines, gold-set creation, agreement audits, ...), by activity name. */
  fixed: Array<{ activity: string; amount: number }>;
  /** Prices besides pay that change by date (pay/dated-prices.ts), by the activity they are booked on; absent = fixed prices. */
  priceChanges?: PriceChange[];
}

/** A change of a non-pay price by date: the price of `activity` (platform, management, retraining, engineering, synthetic) times `factor` in [fromHours, toHours). */
export interface PriceChange {
  activity: string;
  fromHours: number;
  toHours: number;
  factor: number;
}

/** The inverse power law acc(n) = a - b n^-c of model accuracy against effective training labels. */
export interface CurveParameters {
  a: number;
  b: number;
  c: number;
}

/**
 * The learning curve a replication draws its own curve from: fixed parameters, or a fit of
 * measured points whose uncertainty each replication samples (deterministic mode: the estimate).
 */
export type CurveConfig =
  | { kind: 'fixed'; curve: CurveParameters }
  | { kind: 'fitted'; fit: CurveFit };

/**
 * Which items the model asks to be labelled. Random: the whole pool is open, and the model is
 * retrained every `batch` accepted labels while labelling goes on. Active: a random seed batch,
 * then batches the current model chooses (uncertainty sampling), each released only once the
 * retrain on everything before it is deployed.
 */
export type SelectionConfig =
  | { kind: 'random'; batch: number }
  | {
      kind: 'active';
      seed: number;
      batch: number;
      /** Random labels one actively chosen label is worth on the learning curve (> 1 helps). */
      efficiency: number;
      /** Chosen items are the hard ones: factors on their handling time and error rate, and on the model's accuracy as a pre-labeller on them. */
      hardHandling: number;
      hardError: number;
      hardModelAccuracy: number;
    };

export interface RetrainConfig {
  hours: number;
  /** Compute (money) per retrain. */
  compute: number;
  /** ML engineer time per retrain, and its price per hour. */
  engineerHours: number;
  engineerPerHour: number;
}

/** Pre-labels from the current model: a right one is verified, a wrong one corrected or (automation bias) accepted. */
export interface AssistConfig {
  /** Handling-time factor of verifying a right pre-label, and of correcting a wrong one. */
  verify: number;
  correct: number;
  /** Share of wrong pre-labels the annotator accepts as they are. */
  automationBias: number;
  /** Factor on the annotator's own error rate when the pre-label shown is right. */
  errorWhenRight: number;
}

export interface SyntheticConfig {
  /** Share of all training examples that are synthetic. */
  share: number;
  /** What one synthetic example is worth on the learning curve against a real one (domain gap). */
  weight: number;
  costPerExample: number;
}

export interface TrainingConfig {
  /** The work type whose accepted labels train the model. */
  workType: string;
  curve: CurveConfig;
  /** Classes of the task, for the label-noise penalty (effective-labels.ts). */
  classes: number;
  selection: SelectionConfig;
  retrain: RetrainConfig;
  /** Null: the model gives no pre-labels. */
  assist: AssistConfig | null;
  synthetic: SyntheticConfig | null;
  /** Real items labelled first and held out to evaluate the model (never trained on). */
  validation: number;
  /** Continuous operation after the first model reaches the target: null = the project ends there. */
  cycles?: CyclesConfig | null;
}

/**
 * A continuous programme: every `everyHours` after the first model reached the target, the data
 * drifts (the training set keeps 1 - drift of its value on the new data) and new items are
 * labelled until a retrained model reaches the target again; the project ends after `count` cycles.
 */
export interface CyclesConfig {
  count: number;
  everyHours: number;
  drift: number;
}
