import type { ReplicationResult } from './replication-result.js';

/**
 * Every output of a replication, declared once: its unit, the dimension of the model it runs
 * along, how it aggregates across replications, and what it means in a sentence (the data
 * dictionary of a run folder prints it; the field of ReplicationResult says more). The row layout, the records and the column names the manifest keeps,
 * the CSV headers, the summary and the report data all read this table, so a new output is one
 * entry here plus the model code that fills it.
 *
 * The table's order is the row's: the scalars first, then the vectors, so the replication index
 * stays column 0 and a row's scalar columns do not depend on the model's shape. A new scalar
 * goes after the last scalar, a new vector after the last vector. The manifest of a run folder
 * names its columns, so a folder written before an output was added is refused, not misread.
 */

/** What an output counts or measures. Money is in the experiment's currency, so it is not named here. */
export type OutputUnit = 'index' | 'flag' | 'hours' | 'items' | 'labels' | 'tasks' | 'share' | 'money' | 'money-per-item' | 'events' | 'pool' | 'retrains' | 'accuracy' | 'coefficient' | 'rounds' | 'people';

/** One figure per replication, or one per element of a dimension of the model (in config order; days from t = 0). */
export type OutputDimension =
  | 'scalar'
  | 'activity'
  | 'pool'
  | 'stage'
  | 'workType'
  | 'day'
  | 'trainingDay'
  /** Stage by wait threshold (`waitThresholds`), stage-major. */
  | 'stageThreshold'
  /** Stage by duration bin (sim/stats/duration-bins.ts: exact zeros, then the bins), stage-major. */
  | 'stageWaitBin'
  /** Duration bin, for one histogram of the whole replication. */
  | 'timeBin'
  /** Weeks from t = 0. */
  | 'week'
  /** Pool by week, pool-major. */
  | 'poolWeek'
  /** Each scheduled delivery of each work type, type by type. */
  | 'delivery'
  /** Pool by labour activity (pool/activity), pool-major. */
  | 'poolActivity'
  /** Pool by labour activity by work type (pool/activity@type), pool-major, then activity; only in models of several work types. */
  | 'poolActivityType'
  /** The stages that ask for more than one label, in config order, only in models where a work type declares classes (agreement needs labels that can differ in class). */
  | 'consensusStage'
  /** The pools that staff a stage asking for more than one label, in config order, only in models where a work type declares classes. */
  | 'consensusPool'
  /** Each class of each work type that declares classes, as `type/class`. */
  | 'workClass'
  /** The guideline changes, in file order, only in models that declare them. */
  | 'guidelineChange'
  /** The work type a pilot gate holds back, only in models with one. */
  | 'pilotGate'
  /** The annotate stages with a gold audit (a rule that flags people), in config order. */
  | 'goldStage';

/** Dimensions that run along the days of the project (time series), as against elements of the model. */
export function isDaily(per: OutputDimension): boolean {
  return per === 'day' || per === 'trainingDay';
}

/** Named quantiles, in the order figures show them: { p10: 0.1 }. */
export type Quantiles = Readonly<Record<string, number>>;

/** How an output aggregates across replications (of a vector: per element). */
export type OutputAggregation =
  /** Kept in the records and replications.csv, not aggregated. */
  | { readonly kind: 'none'; readonly why: string }
  /** The mean of the finite values, with the named quantiles and, when `interval`, a 95% t interval of the mean. */
  | { readonly kind: 'mean'; readonly quantiles?: Quantiles; readonly interval?: boolean }
  /**
   * Hours until done, NaN when not done by the horizon (censored, never a number): censored
   * quantiles, the count not done, the mean only when every replication is done if asked, and
   * the share done by the deadline (with a Wilson interval, or as a plain share).
   */
  | { readonly kind: 'time-to-finish'; readonly quantiles: Quantiles; readonly meanWhenAllDone: boolean; readonly onTime: 'wilson' | 'share' }
  /** The value names a pool: the share of replications naming each pool. */
  | { readonly kind: 'share-per-pool' }
  /** The mean of this output over `over` (another scalar output), leaving out replications where `over` is 0. */
  | { readonly kind: 'ratio'; readonly over: ScalarOutput }
  /** The named quantiles of each element across replications: a band, such as a burn-down fan. */
  | { readonly kind: 'band'; readonly quantiles: Quantiles }
  /**
   * Histograms in the layout of sim/stats/duration-bins.ts, one per `of` element (per stage) or
   * one for the replication (`scalar`): the counts of every replication are added and the named
   * quantiles read off the pooled histogram, within the layout's stated error.
   */
  | { readonly kind: 'pooled-quantiles'; readonly of: 'stage' | 'scalar'; readonly quantiles: Quantiles }
  /**
   * A time from an arrival until its work is done, NaN when not done (censored): censored
   * quantiles, and the share of replications done within the work type's SLA when it has one.
   */
  | { readonly kind: 'turnaround'; readonly quantiles: Quantiles };

export interface OutputDeclaration {
  /** What the figure is, in a sentence for people: the data dictionary and the tidy tables print it. */
  readonly meaning: string;
  readonly unit: OutputUnit;
  readonly per: OutputDimension;
  readonly aggregate: OutputAggregation;
  /** Compared with the baseline plan, replication by replication (common random numbers). */
  readonly paired?: boolean;
  /** What the report draws from the records themselves: the sorted values, and the mean's 95% interval. */
  readonly report?: { readonly distribution?: boolean; readonly interval?: boolean };
  /** A figure of the model trained on the labels: empty, and meaningless, in an experiment that trains none. */
  readonly ofTraining?: boolean;
}

export type OutputName = keyof ReplicationResult;
export type VectorOutput = { [K in OutputName]: ReplicationResult[K] extends Float64Array ? K : never }[OutputName];
export type ScalarOutput = Exclude<OutputName, VectorOutput>;

/**
 * The declaration each field of a result must have: a field without one, a declaration without
 * a field, or a vector declared as a scalar does not compile. Generic so a test can show it.
 */
export type OutputDeclarations<R = ReplicationResult> = {
  readonly [K in keyof R]-?: OutputDeclaration &
    (R[K] extends Float64Array
      ? { readonly per: Exclude<OutputDimension, 'scalar'> }
      : R[K] extends boolean
        ? { readonly per: 'scalar'; readonly unit: 'flag' }
        : { readonly per: 'scalar'; readonly unit: Exclude<OutputUnit, 'flag'> });
};

const PERCENTILES = { p50: 0.5, p85: 0.85, p95: 0.95 } as const;
const BAND = { p10: 0.1, p50: 0.5, p90: 0.9 } as const;

export const REPLICATION_OUTPUTS = {
  replication: { meaning: 'The replication index, from 0: the same index in two plans is the same random world (common random numbers).', unit: 'index', per: 'scalar', aggregate: { kind: 'none', why: 'the key that records are stored and paired by' } },
  completed: { meaning: '1 when every item was accepted before the horizon, 0 when work was left (the completion time is then unknown).', unit: 'flag', per: 'scalar', aggregate: { kind: 'none', why: 'the same fact as completionHours being a number; aggregated there as its censoring' } },
  completionHours: { meaning: 'Time from the project start until the last item was accepted; empty when not finished by the horizon.', unit: 'hours', per: 'scalar', aggregate: { kind: 'time-to-finish', quantiles: PERCENTILES, meanWhenAllDone: true, onTime: 'wilson' }, paired: true, report: { distribution: true } },
  acceptedByDeadline: { meaning: 'Items accepted by the deadline.', unit: 'items', per: 'scalar', aggregate: { kind: 'mean', quantiles: { p10: 0.1, p50: 0.5, p90: 0.9 } }, report: { distribution: true } },
  accepted: { meaning: 'Items accepted by the end (completion, or the horizon when not finished).', unit: 'items', per: 'scalar', aggregate: { kind: 'mean' } },
  accurate: { meaning: 'Accepted items whose label is actually correct.', unit: 'items', per: 'scalar', aggregate: { kind: 'mean' } },
  residualErrorRate: { meaning: 'Share of accepted items whose label is wrong; empty when no item is accepted.', unit: 'share', per: 'scalar', aggregate: { kind: 'mean' } },
  cost: { meaning: 'Total cost at the end (completion, or the horizon when not finished).', unit: 'money', per: 'scalar', aggregate: { kind: 'mean', quantiles: { p95: 0.95 } }, paired: true },
  costAtDeadline: { meaning: 'Total cost incurred up to the deadline.', unit: 'money', per: 'scalar', aggregate: { kind: 'mean' } },
  unitCost: { meaning: 'Total cost divided by accurately labelled items; empty when no item is accurate.', unit: 'money-per-item', per: 'scalar', aggregate: { kind: 'mean', quantiles: { p50: 0.5, p95: 0.95 } }, paired: true, report: { distribution: true, interval: true } },
  reworks: { meaning: 'Rework tasks: labels sent back by a review and done again.', unit: 'tasks', per: 'scalar', aggregate: { kind: 'mean' } },
  errorsFound: { meaning: 'Wrong labels that review tiers found.', unit: 'labels', per: 'scalar', aggregate: { kind: 'ratio', over: 'errorsMade' } },
  errorsMade: { meaning: 'Wrong labels that annotators made.', unit: 'labels', per: 'scalar', aggregate: { kind: 'none', why: 'aggregated as the denominator of errorsFound' } },
  bottleneck: { meaning: 'The pool with the highest utilisation in the replication.', unit: 'pool', per: 'scalar', aggregate: { kind: 'share-per-pool' } },
  events: { meaning: 'Simulation events processed (a measure of the engine, not of the project).', unit: 'events', per: 'scalar', aggregate: { kind: 'none', why: 'a measure of the engine, not of the project' } },
  firstModelHours: { meaning: 'Time from the project start until the first model trained on the labels was deployed; empty without one.', unit: 'hours', per: 'scalar', aggregate: { kind: 'time-to-finish', quantiles: BAND, meanWhenAllDone: false, onTime: 'share' }, ofTraining: true },
  labelsToTarget: { meaning: 'Training labels (accepted, not held out) of the model that first reached the accuracy target; empty when none did.', unit: 'labels', per: 'scalar', aggregate: { kind: 'mean', quantiles: BAND }, ofTraining: true },
  retrains: { meaning: 'Times the model was retrained.', unit: 'retrains', per: 'scalar', aggregate: { kind: 'mean' } },
  modelAccuracy: { meaning: 'Accuracy of the last model deployed, on the learning curve at its effective training labels; empty without a model.', unit: 'accuracy', per: 'scalar', aggregate: { kind: 'mean', quantiles: BAND }, ofTraining: true },
  batchWaitHours: { meaning: 'Time labelling waited for the next active-learning batch, that is for a retrain to finish.', unit: 'hours', per: 'scalar', aggregate: { kind: 'mean' } },
  targetHours: { meaning: 'Time from the project start until the first model reached the accuracy target; empty when none did.', unit: 'hours', per: 'scalar', aggregate: { kind: 'time-to-finish', quantiles: BAND, meanWhenAllDone: false, onTime: 'wilson' }, ofTraining: true },
  targetCost: { meaning: 'Cost incurred until the first model reached the accuracy target; empty when none did.', unit: 'money', per: 'scalar', aggregate: { kind: 'mean', quantiles: BAND }, ofTraining: true },
  cycleCost: { meaning: 'Continuous operation: the mean cost of one retrain cycle, from its start (the data drifted) to its model at the target again; empty without cycles.', unit: 'money', per: 'scalar', aggregate: { kind: 'mean', quantiles: BAND }, ofTraining: true },
  costByActivity: { meaning: 'Cost at the end, per activity (labour of a pool, platform seats, management, named fixed costs).', unit: 'money', per: 'activity', aggregate: { kind: 'mean' } },
  costByActivityAtDeadline: { meaning: 'Cost up to the deadline, per activity.', unit: 'money', per: 'activity', aggregate: { kind: 'mean' } },
  utilization: { meaning: "Share of a pool's scheduled hours its people spent working.", unit: 'share', per: 'pool', aggregate: { kind: 'mean', interval: true } },
  busyHours: { meaning: 'Person-hours a pool spent working.', unit: 'hours', per: 'pool', aggregate: { kind: 'mean' } },
  peakQueue: { meaning: 'Most tasks waiting at once for a pool.', unit: 'tasks', per: 'pool', aggregate: { kind: 'mean' } },
  waitMean: { meaning: "Mean time a task waited in a stage's queue before someone started it.", unit: 'hours', per: 'stage', aggregate: { kind: 'mean', interval: true } },
  waitP95: { meaning: "95th percentile of the time a task waited in a stage's queue.", unit: 'hours', per: 'stage', aggregate: { kind: 'mean' } },
  served: { meaning: 'Tasks started at a stage.', unit: 'tasks', per: 'stage', aggregate: { kind: 'mean' } },
  completionByType: { meaning: 'Time from the project start until the last item of a work type was accepted; empty when not finished.', unit: 'hours', per: 'workType', aggregate: { kind: 'time-to-finish', quantiles: PERCENTILES, meanWhenAllDone: false, onTime: 'share' } },
  costByType: { meaning: 'Cost attributed to a work type: its own labour and fees plus shared costs in proportion to hours worked on it.', unit: 'money', per: 'workType', aggregate: { kind: 'mean' } },
  remainingByDay: { meaning: 'Items not yet accepted at the end of each day.', unit: 'items', per: 'day', aggregate: { kind: 'band', quantiles: BAND } },
  accuracyByDay: { meaning: 'Accuracy of the model deployed at the end of each day (0 before the first); only for experiments that train a model.', unit: 'accuracy', per: 'trainingDay', aggregate: { kind: 'band', quantiles: BAND } },
  costByDay: { meaning: 'Cost incurred up to the end of each day; only for experiments that train a model.', unit: 'money', per: 'trainingDay', aggregate: { kind: 'band', quantiles: BAND } },
  waitProbability: { meaning: "Share of the tasks started at a stage that waited at all in its queue (the probability of waiting, Erlang C's C).", unit: 'share', per: 'stage', aggregate: { kind: 'mean', interval: true } },
  serviceLevel: { meaning: "Share of the tasks started at a stage within a wait threshold of the experiment's waitThresholds: the service level P(wait <= T).", unit: 'share', per: 'stageThreshold', aggregate: { kind: 'mean', interval: true } },
  waitBins: { meaning: "Tasks whose wait in a stage's queue fell in a duration bin (exact zeros first); pooled over replications into wait quantiles within 3.1% (0.5 s below 16 s).", unit: 'tasks', per: 'stageWaitBin', aggregate: { kind: 'pooled-quantiles', of: 'stage', quantiles: { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } } },
  timeInSystemBins: { meaning: 'Accepted items whose time from arrival to acceptance fell in a duration bin; pooled over replications into quantiles within 3.1% (not kept for random Poisson arrivals).', unit: 'items', per: 'timeBin', aggregate: { kind: 'pooled-quantiles', of: 'scalar', quantiles: PERCENTILES } },
  queueMean: { meaning: 'Time-average number of tasks waiting for a pool (its queue, shared with partner pools).', unit: 'tasks', per: 'pool', aggregate: { kind: 'mean', interval: true } },
  inSystemMean: { meaning: 'Time-average number of tasks waiting for a pool or in service with it.', unit: 'tasks', per: 'pool', aggregate: { kind: 'mean', interval: true } },
  acceptedByWeek: { meaning: 'Items accepted in each week (week 1 is the first seven days).', unit: 'items', per: 'week', aggregate: { kind: 'band', quantiles: { p10: 0.1, p50: 0.5, p90: 0.9 } } },
  queueByWeek: { meaning: 'Tasks waiting for a pool at the end of each week.', unit: 'tasks', per: 'poolWeek', aggregate: { kind: 'band', quantiles: { p10: 0.1, p50: 0.5, p90: 0.9 } } },
  deliveryTurnaround: { meaning: 'Time from a scheduled delivery\'s arrival until its last item was accepted; empty when not done by the end.', unit: 'hours', per: 'delivery', aggregate: { kind: 'turnaround', quantiles: { p50: 0.5, p90: 0.9 } } },
  costByPoolActivity: { meaning: "Labour cost at the end per pool and activity (pool/activity): hours at the pool's rate plus its fees and penalties, not rounded to the cent.", unit: 'money', per: 'poolActivity', aggregate: { kind: 'mean' } },
  hoursByPoolActivity: { meaning: 'Hours per pool and activity (pool/activity): hours worked; for idle, paid hours not worked.', unit: 'hours', per: 'poolActivity', aggregate: { kind: 'mean' } },
  tasksByPoolActivity: { meaning: 'Tasks started per pool and activity (pool/activity); for gold, gold items served; for penalties, wrong labels charged.', unit: 'tasks', per: 'poolActivity', aggregate: { kind: 'mean' } },
  accurateByType: { meaning: 'Accepted items of a work type whose label is actually correct.', unit: 'items', per: 'workType', aggregate: { kind: 'mean' } },
  percentAgreement: { meaning: "Share of pairs of a consensus stage's first-pass labels on the same item that have the same class; only for files that declare classes.", unit: 'share', per: 'consensusStage', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  cohensKappa: { meaning: "Cohen's kappa of a two-label consensus stage (first label against second); empty for stages of more labels; only for files that declare classes.", unit: 'coefficient', per: 'consensusStage', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  fleissKappa: { meaning: "Fleiss' kappa of a consensus stage's first-pass labels; only for files that declare classes.", unit: 'coefficient', per: 'consensusStage', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  krippendorffAlpha: { meaning: "Krippendorff's nominal alpha of a consensus stage's first-pass labels; only for files that declare classes.", unit: 'coefficient', per: 'consensusStage', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  poolAgreement: { meaning: "Share of the pairings of a pool's consensus labels with another label of the same item's round that have the same class; only for files that declare classes.", unit: 'share', per: 'consensusPool', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  poolKappa: { meaning: "Cohen's kappa of a pool's consensus labels against the other labels of the same round (chance-corrected poolAgreement); only for files that declare classes.", unit: 'coefficient', per: 'consensusPool', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  errorsFoundByStage: { meaning: 'Wrong labels a review tier found that no tier had found before (they add up to errorsFound); 0 at annotate stages.', unit: 'labels', per: 'stage', aggregate: { kind: 'mean' } },
  acceptedByClass: { meaning: 'Accepted items whose true class is this one (type/class); only for files that declare classes.', unit: 'items', per: 'workClass', aggregate: { kind: 'mean' } },
  residualErrorByClass: { meaning: 'Share of the accepted items of a true class (type/class) whose label is wrong; only for files that declare classes.', unit: 'share', per: 'workClass', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  hoursByPoolActivityType: { meaning: 'Hours worked per pool, labour activity and work type (pool/activity@type); only for files of several work types.', unit: 'hours', per: 'poolActivityType', aggregate: { kind: 'none', why: 'hoursByPoolActivity split by work type, read by labelsim explain to tell work-type mix from pace' } },
  tasksByPoolActivityType: { meaning: 'Tasks started per pool, labour activity and work type (pool/activity@type); only for files of several work types.', unit: 'tasks', per: 'poolActivityType', aggregate: { kind: 'none', why: 'tasksByPoolActivity split by work type, read by labelsim explain to tell work-type mix from pace' } },
  guidelineChangeHours: { meaning: 'Time from the project start until a guideline change took effect (at its date, or at its N-th acceptance); empty when it never did.', unit: 'hours', per: 'guidelineChange', aggregate: { kind: 'mean', quantiles: BAND } },
  relabelItems: { meaning: 'Items a guideline change sent back for relabelling: accepted ones, and labels in progress at the change that it targets.', unit: 'items', per: 'guidelineChange', aggregate: { kind: 'mean', quantiles: BAND } },
  relabelHours: { meaning: 'Hours of every task (labels, reviews, rework, gold served with them) on the items a guideline change sent back.', unit: 'hours', per: 'guidelineChange', aggregate: { kind: 'mean', quantiles: BAND } },
  relabelCost: { meaning: "Labour money of those tasks: their hours at the pool's stated rate, plus per-item and per-accepted fees.", unit: 'money', per: 'guidelineChange', aggregate: { kind: 'mean', quantiles: BAND, interval: true } },
  pilotRounds: { meaning: 'Pilot batches labelled before the bulk of the work type was let in (the last one included).', unit: 'rounds', per: 'pilotGate', aggregate: { kind: 'mean', quantiles: BAND } },
  pilotOpenHours: { meaning: 'Time from the project start until the pilot gate let the bulk of the work in; empty when it never did.', unit: 'hours', per: 'pilotGate', aggregate: { kind: 'mean', quantiles: BAND } },
  pilotAgreement: { meaning: "Percent agreement of the last pilot batch's consensus labels (the one that opened the gate, or the last one allowed).", unit: 'share', per: 'pilotGate', aggregate: { kind: 'mean', quantiles: BAND } },
  pilotPassed: { meaning: 'The share of replications whose pilot reached the agreement target (1 or 0 in each).', unit: 'share', per: 'pilotGate', aggregate: { kind: 'mean' } },
  pilotRevisionCost: { meaning: 'Money spent on guideline revisions between pilot rounds.', unit: 'money', per: 'pilotGate', aggregate: { kind: 'mean', quantiles: BAND } },
  goldItems: { meaning: 'Gold items served before first passes at a stage with a gold audit.', unit: 'items', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldHours: { meaning: 'Person-hours spent on the gold items of a stage with a gold audit.', unit: 'hours', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldCost: { meaning: "Gold items' hours and flagged people's retraining hours at their pools' stated hourly rates (pay that moves by date or currency is priced in the gold cost line, not here; the gold set's creation is the goldSet line).", unit: 'money', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldRetrainHours: { meaning: 'Paid hours people flagged at a stage spent retraining, off the queue.', unit: 'hours', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldFlags: { meaning: "Flags a stage's gold rule raised (a person flagged again after retraining counts again).", unit: 'events', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldRemoved: { meaning: 'People removed (for good, or until a replacement starts) on a flag at a stage.', unit: 'people', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldBadPeople: { meaning: "People serving a stage whose rested error rate is at least the rule's bad rate (SPRT p1; window wrong/of); replacements count as new people.", unit: 'people', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldBadFlagged: { meaning: 'Bad people flagged at least once at a stage (the rule caught them).', unit: 'people', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldTimeToFlag: { meaning: "Mean time from a bad person's start to their first flag, over those flagged; empty when none was.", unit: 'hours', per: 'goldStage', aggregate: { kind: 'mean', quantiles: BAND } },
  goldGoodPeople: { meaning: "People serving a stage whose rested error rate is at most the rule's acceptable rate (SPRT p0; window half the bad rate).", unit: 'people', per: 'goldStage', aggregate: { kind: 'mean' } },
  goldFalseFlags: { meaning: 'Good people flagged at least once at a stage (false flags).', unit: 'people', per: 'goldStage', aggregate: { kind: 'mean' } },
} as const satisfies OutputDeclarations;

export type Outputs = typeof REPLICATION_OUTPUTS;

/** The table as a list, in its order. */
export const OUTPUTS: ReadonlyArray<OutputDeclaration & { readonly name: OutputName }> = Object.entries(REPLICATION_OUTPUTS).map(([name, d]) => ({ name: name as OutputName, ...d }));

export const SCALAR_OUTPUTS = OUTPUTS.filter((o) => o.per === 'scalar').map((o) => o.name as ScalarOutput);
export const VECTOR_OUTPUTS = OUTPUTS.filter((o) => o.per !== 'scalar').map((o) => o.name as VectorOutput);

/**
 * What is wrong with a value offered as a ReplicationResult: fields the table does not declare
 * (they would be dropped from every row without a word), declared fields it lacks, and values
 * of the wrong kind. Empty when it is one.
 */
export function outputProblems(result: object): string[] {
  const problems: string[] = [];
  const fields = result as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!Object.hasOwn(REPLICATION_OUTPUTS, key)) problems.push(`"${key}" is not a declared output (sim/model/replication-outputs.ts)`);
  }
  for (const o of OUTPUTS) {
    const v = fields[o.name];
    if (!Object.hasOwn(fields, o.name)) problems.push(`declared output "${o.name}" is missing`);
    else if (o.per !== 'scalar' ? !(v instanceof Float64Array) : o.unit === 'flag' ? typeof v !== 'boolean' : typeof v !== 'number') {
      problems.push(`"${o.name}" should be ${o.per !== 'scalar' ? `a Float64Array per ${o.per}` : o.unit === 'flag' ? 'a boolean' : 'a number'}`);
    }
  }
  return problems;
}
