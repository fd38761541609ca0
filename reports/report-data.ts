import type { DecisionPolicy, PolicyFigures } from './decision-policy.js';
/**
 * Everything the report shows, as aggregated plain data. The report knows nothing of the engine
 * or the model: it is written from this, which `labelsim run` saves beside the summary as
 * report-data.json so `labelsim report DIR` can rebuild the page without simulating again.
 */
export interface ReportData {
  header: ReportHeader;
  plans: ReportPlan[];
  sensitivity: Sensitivity | null;
  /** The experiment's decision policy; absent or null: the report recommends as it always has (90% on time). */
  decision?: DecisionPolicy | null;
  /** The marginal study (`labelsim marginal`), when one was saved beside the run; absent otherwise. */
  marginal?: Marginal;
  /** The portfolio allocation (`labelsim portfolio`), when one was saved beside the run; absent otherwise. */
  portfolio?: PortfolioAllocation;
  /** A precision-driven run: where it stopped and how each figure converged (absent for a fixed count of replications). */
  precision?: ReportPrecision;
}

export interface ReportHeader {
  experiment: string;
  description: string;
  configHash: string;
  seed: number;
  replications: number;
  labelsimVersion: string;
  /** ISO timestamp of when the run finished, and its wall time. */
  runDate: string;
  wallSeconds: number;
  currency: string;
  /** Hours from t = 0 (00:00 of startDate in timeZone, any weekday); null without a deadline. A deadline in days or weeks ends at 00:00 on the wall clock, so across a clock change it is not a multiple of 24. */
  deadlineHours: number | null;
  horizonHours: number;
  startDate: string;
  timeZone: string;
  /** True when items arrive without end (a steady-state study, unless a pool is saturated): no completion, no burn-down. */
  openEnded: boolean;
  /** The run's `--set path=value` overrides (absent in report data written before they were kept): the run is not the file's own. */
  overrides?: string[];
}

export interface Interval {
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface ReportPlan {
  name: string;
  description: string;
  replications: number;
  failed: number;
  /** Completion hours of the replications that finished, sorted; `notFinished` did not by the horizon. */
  completionHours: number[];
  notFinished: number;
  completion: { mean: number | null; p50: number | null; p85: number | null; p95: number | null };
  /**
   * Percentile completions as dates (ISO, in the project's zone): the day on which the
   * replication at rank ceil(p x replications) finished; null when it did not. Absent in report
   * data of older runs and of open-ended work.
   */
  completionDays?: { p50: string | null; p85: string | null; p95: string | null };
  onTime: { probability: number | null; low: number | null; high: number | null } | null;
  /**
   * The plan's own deadline (hours, as the header's), which `onTime`, `cost.atDeadline`, the
   * items by the deadline and the burn-down's figure at it are of; present only where a plan's
   * patch set one other than the header's (the first plan's), so absent means the header's.
   */
  deadlineHours?: number | null;
  /** Unit cost (cost per accurately labelled item) per replication, sorted. */
  unitCosts: number[];
  unitCost: { mean: number | null; p50: number | null; p95: number | null };
  /** Mean unit cost with its 95% t interval over replications (absent in report data of older runs). */
  unitCostInterval?: Interval | null;
  cost: { mean: number | null; atDeadline: number | null; byActivity: Record<string, number | null> };
  /** Mean share of accepted items whose label is wrong, over replications, unrounded (the Quality section's residual error mean; the summary's rounded one in report data of older runs). */
  residualErrorRate: number | null;
  /** Mean share of the errors made that reviews found (replications that made none left out); absent in data written before it was kept. */
  errorsCaughtShare?: number | null;
  accurate: number | null;
  /** Remaining items at the end of each day: hours of each day's end, and the p10/p50/p90 across replications. */
  burnDown: { hours: number[]; p10: number[]; p50: number[]; p90: number[] } | null;
  /**
   * Per pool; `saturated` (open-ended work only; absent in report data of older runs): offered at
   * least its capacity, so its queue grows without bound and the plan has no steady state.
   */
  pools: Array<{ name: string; utilization: number | null; load: number | null; bottleneckShare: number | null; peakQueue: number | null; saturated?: boolean }>;
  /**
   * Mean wait per stage over replications, `waitP95`: the mean over replications of each
   * replication's 95th percentile, and `pooledP95`: the 95th percentile of every wait of every
   * replication pooled (absent in report data of older runs, which show the former and name it so).
   */
  stages: Array<{ name: string; waitMean: number | null; waitP95: number | null; pooledP95?: number | null }>;
  /** Differences against the baseline (the first plan), paired by replication; null for the baseline. */
  vsBaseline: { completionHours: Interval | null; unitCost: Interval | null; cost: Interval | null } | null;
  /** Per work type (portfolio view). */
  work: Array<{ name: string; items: number | null; p85: number | null; onTime: number | null; cost: number | null; costPerEquivalentUnit: number | null }>;
  /** The queueing measures (absent in report data of older runs). */
  queueing?: QueueingData;
  /** The figures the decision policy judges (present when the experiment sets one). */
  decisionFigures?: PolicyFigures;
  /** For a plan generated by the experiment's sweep: the declared plan it varies and the values it sets, as written, in parameter order. */
  sweep?: SweepPoint;
  /** What the model trained on the labels took (plans that train one; absent otherwise). */
  training?: TrainingReport;
  /** What quality costs and buys (absent in report data of older runs). */
  quality?: QualityReport;
  /** Guideline changes and their relabelling (plans that declare changes; absent otherwise). */
  guidelines?: GuidelineReport[];
  /** The pilot gate (plans that have one; absent otherwise). */
  pilot?: PilotReport;
}

/**
 * A plan's quality, as the Quality section shows it: means across replications, intervals at
 * 95%, money per accurately labelled item in the report's currency.
 */
export interface QualityReport {
  residualError: Interval | null;
  /** Wrong labels made per 1,000 accepted items, and per review tier the wrong labels it found first. */
  errorsMadePer1000: number | null;
  reviewTiers: Array<{ stage: string; foundPer1000: number | null }>;
  /** Per quality activity (review, rework, adjudication, escalation, gold, penalties, then the costs the file states), its cost per accurate item. */
  costPerAccurate: Array<{ activity: string; stated: boolean; amount: number | null }>;
  qualityCostPerAccurate: number | null;
  /** Against the first plan, paired by replication: residual error and unit cost, plan minus baseline (null for the baseline). */
  vsBaseline: { residualError: Interval | null; unitCost: Interval | null } | null;
  /** Per class (`type/class`) of work types that declare classes: accepted items and their residual error. */
  classes?: Array<{ name: string; accepted: number | null; residualError: Interval | null }>;
  /** Agreement among consensus labels, per consensus stage and per pool labelling there (models with classes). */
  agreement?: {
    stages: Array<{ name: string; percent: Interval | null; cohensKappa: Interval | null; fleissKappa: Interval | null; krippendorffAlpha: Interval | null }>;
    pools: Array<{ name: string; percent: Interval | null; kappa: Interval | null }>;
  };
  /** Per stage with a gold audit: gold served and its cost per accurate item, flags and removals per replication, and the rule's record (pooled over replications). */
  gold?: Array<{
    stage: string;
    goldItems: number | null;
    costPerAccurate: number | null;
    flags: number | null;
    removed: number | null;
    retrainHours: number | null;
    /** Bad people flagged over bad people, and good people flagged over good people, over all replications (null when there were none). */
    caughtShare: number | null;
    falseFlagShare: number | null;
    timeToFlag: Interval | null;
  }>;
}

/** One guideline change of a plan: when it took effect and what it sent back, p50 with p10–p90 across replications. */
export interface GuidelineReport {
  name: string;
  atHours: Spread;
  relabelItems: Spread;
  relabelHours: Spread;
  relabelCost: Spread;
}

/** A plan's pilot gate: rounds, when the bulk was let in, the last batch's agreement, the share that reached the target, revisions' money. */
export interface PilotReport {
  workType: string;
  target: number;
  rounds: Spread;
  openHours: Spread;
  agreement: Spread;
  passedShare: number | null;
  revisionCost: Spread;
}

/** p10, p50 and p90 across replications; null where no replication has the figure. */
export interface Spread {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** A plan's model being trained, as the Strategies section shows it. */
export interface TrainingReport {
  /** Retrain cycles of continuous operation after the first model (absent or null: none). */
  cycleCount?: number | null;
  /** Accuracy target, and the share of replications that reached it at all (by the horizon). */
  target: number | null;
  reachedShare: number | null;
  labelsToTarget: Spread;
  /** Hours until the first model reached the target, the chance it did by the deadline, and hours until the first model was deployed. */
  timeToTarget: Spread;
  targetByDeadline?: number | null;
  firstModelHours: Spread;
  costPer10kItems: Spread;
  /** Total cost until the target was reached (the cost at completion). */
  costToTarget: Spread;
  retrains: number | null;
  /** Cost of one retrain (compute and ML engineering), and its share of the cost to the target. */
  retrainCost: number | null;
  batchWaitHours: number | null;
  /** Continuous operation (absent without it): cycles, the cost of one, its share of the first model's cost, and the cost after all of them. */
  cycles?: { count: number; cost: Spread; shareOfFirst: Spread; cumulative: Spread };
  /** Accuracy of the deployed model and the cost so far at each day's end: hours of the day ends and p10/p50/p90. */
  accuracyByDay: { hours: number[]; p10: number[]; p50: number[]; p90: number[] };
  costByDay: { p10: number[]; p50: number[]; p90: number[] };
}

/** Where a generated plan sits in a sweep. A value that is not a scalar (a list or a mapping) is kept as its JSON text. */
export interface SweepPoint {
  plan: string;
  values: Array<{ parameter: string; value: string | number | boolean | null }>;
}

/** How the baseline plan's p85 completion and mean unit cost move when one parameter moves by -x% and +x%. */
export interface Sensitivity {
  plan: string;
  change: number;
  replications: number;
  base: { p85: number | null; unitCost: number | null };
  parameters: Array<{
    parameter: string;
    label: string;
    low: { p85: number | null; unitCost: number | null };
    high: { p85: number | null; unitCost: number | null };
    /** The settings run, per pool or tier, where moving by `change` is not exact (whole people, shares up to 100%); absent where it is (and in studies saved before). */
    settings?: SensitivitySetting[];
  }>;
}

/** One pool's or tier's setting of a lever in the low variant, the plan itself and the high variant: a headcount, or a share as a fraction. */
export interface SensitivitySetting {
  name: string;
  low: number;
  base: number;
  high: number;
}

/**
 * The queueing measures of a plan (absent in report data written before they were kept): per
 * stage the probability of waiting, the service levels and the wait quantiles of every wait
 * pooled over replications; per pool utilisation and the numbers in queue and in system with
 * their 95% intervals; time in system; and the figures over time.
 */
export interface QueueingData {
  /** The stated bound of every pooled quantile (sim/stats/duration-bins.ts). */
  pooledError: string;
  stages: Array<{
    name: string;
    waitProbability: Interval | null;
    serviceLevels: Array<{ withinHours: number; level: Interval | null }>;
    /** Quantiles of all the stage's waits, pooled; null where no task started. */
    pooledWait: { p50: number | null; p90: number | null; p95: number | null; p99: number | null };
    tasks: number;
  }>;
  pools: Array<{ name: string; utilization: Interval | null; queueMean: Interval | null; inSystemMean: Interval | null }>;
  /** Quantiles of every accepted item's time from arrival to acceptance, pooled; null when none was timed. */
  timeInSystem: { p50: number | null; p85: number | null; p95: number | null } | null;
  /** Per week end (hours), p10/p50/p90 across replications of items accepted in the week and of each pool's queue at its end. */
  weekly: { hours: number[]; accepted: { p10: number[]; p50: number[]; p90: number[] }; queues: Array<{ pool: string; p10: number[]; p50: number[]; p90: number[] }> };
  /** Items accepted by the deadline across replications, sorted, with p10/p50/p90; null without a deadline. */
  byDeadline: { values: number[]; p10: number | null; p50: number | null; p90: number | null } | null;
  /** Each scheduled delivery's turnaround: p50/p90 across replications (null where not done), and the share within its SLA. */
  deliveries: Array<{ name: string; slaHours: number | null; p50: number | null; p90: number | null; notFinished: number; withinSla: number | null }>;
}

/** A difference against the plan, paired by replication: its mean and 95% interval. */
export interface PairedInterval {
  mean: number;
  low: number;
  high: number;
}

/** What one small step of one lever (one more person, five more points of sample, an hour more a shift) changes. */
export interface MarginalLever {
  lever: string;
  label: string;
  /** Change of the probability on time (a share; null without a deadline). */
  onTime: PairedInterval | null;
  /** Change of the p85 completion, hours (bootstrap interval); null when a p85 is unknown. */
  p85Hours: PairedInterval | null;
  cost: PairedInterval | null;
  residualErrorRate: PairedInterval | null;
  /** Money per point (1%) of on-time probability bought; null when the step buys none or costs nothing. */
  costPerOnTimePoint: number | null;
  /** Value per dollar: on-time points, and p85 hours saved, per 1,000 of extra cost (null when the step costs nothing more). */
  onTimePointsPer1000: number | null;
  p85HoursSavedPer1000: number | null;
}

/** `labelsim marginal`: the value of one more unit of each lever of a plan, with common random numbers. */
export interface Marginal {
  plan: string;
  replications: number;
  currency: string;
  base: { onTime: number | null; p85Hours: number | null; cost: number };
  levers: MarginalLever[];
}

/** One product (work type) of a plan: what it costs, what its accurate items are worth, and its deadline risk. */
export interface PortfolioProduct {
  name: string;
  items: number;
  /** Money per accurate item, from the file; null when not valued. */
  value: number | null;
  /** Means over replications: activity-based cost (costByType) and accurate items. */
  cost: number;
  accurate: number;
  /** value x accurate / cost; null when not valued or free. */
  returnPerDollar: number | null;
  /** Share of replications where the product's last item was accepted by the deadline, with its 95% Wilson interval; null without a deadline. */
  onTime: number | null;
  onTimeInterval: { low: number; high: number } | null;
  p85Hours: number | null;
}

/** `labelsim portfolio`: a plan's products ranked by return per dollar, and spend shifted from the lowest-return to the highest. */
export interface PortfolioAllocation {
  plan: string;
  replications: number;
  currency: string;
  budget: number | null;
  totalCost: number;
  totalValue: number;
  /** Products, highest return per dollar first (products without a value last). */
  products: PortfolioProduct[];
  /** Spend moved from the lowest-return product to the highest: counts changed, and every product's figures after, on the same random worlds. */
  shift: {
    from: string;
    to: string;
    share: number;
    /** Spend moved (the share of the lowest's cost) and the items it takes away and buys. */
    amount: number;
    itemsFrom: number;
    itemsTo: number;
    totalCost: number;
    totalValue: number;
    /** In the order of `products`. */
    products: PortfolioProduct[];
    /** Each product's change of on-time probability (after - before, paired by replication), in the order of `products`; null without a deadline. */
    onTimeChange: Array<{ name: string; change: PairedInterval | null }>;
  } | null;
}

/** The figures a precision-driven run watches. */
export type PrecisionFigureName = 'onTime' | 'p85' | 'unitCost';

/** One figure's interval after some replications; an end null is unbounded. */
export interface ConvergencePoint {
  replications: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** A precision-driven run as the report shows it (summary.json's `precision`). */
export interface ReportPrecision {
  confidence: number;
  cap: number;
  /** The counts looked at, in order. */
  looks: number[];
  stop: 'met' | 'cap' | null;
  plans: Array<{
    plan: string;
    replications: number;
    met: boolean;
    /** Per figure: the half-width reached (relative to the mean for unit cost), the half-width asked (null = none), whether met (null = no target or no such figure). */
    figures: Array<{ figure: PrecisionFigureName; halfWidth: number | null; relativeHalfWidth?: number | null; target: number | null; met: boolean | null }>;
    convergence: Record<PrecisionFigureName, ConvergencePoint[]>;
  }>;
  settlement: {
    recommended: string | null;
    settled: boolean;
    confidence: number;
    /** For a recommendation on the acceptable bar: the low end of its own chance on time, which must reach the bar (one of the tests). Absent in report data of older runs. */
    acceptable?: { low: number | null; bar: number; significant: boolean } | null;
    /** For a recommendation under a decision policy: each target it must meet beyond doubt (one test each). Absent without a policy and in report data of older runs. */
    targets?: Array<{ target: string; value: number | null; limit: number; significant: boolean }>;
    /** `figure`: unitCost and onTime are paired differences, onTimeBelowBar the plan's own chance on time against the bar, target a policy target it misses (`target`). */
    comparisons: Array<{ plan: string; figure: string; target?: string; replications?: number; estimate: number | null; low: number | null; high: number | null; significant: boolean }>;
  } | null;
}
