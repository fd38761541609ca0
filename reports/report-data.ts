/**
 * Everything the report shows, as aggregated plain data. The report knows nothing of the engine
 * or the model: it is written from this, which `labelsim run` saves beside the summary as
 * report-data.json so `labelsim report DIR` can rebuild the page without simulating again.
 */
export interface ReportData {
  header: ReportHeader;
  plans: ReportPlan[];
  sensitivity: Sensitivity | null;
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
  /** Hours from t = 0 (Monday 00:00 of startDate in timeZone); null without a deadline. */
  deadlineHours: number | null;
  horizonHours: number;
  startDate: string;
  timeZone: string;
  /** True when items arrive without end (a steady-state study): no completion, no burn-down. */
  openEnded: boolean;
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
  onTime: { probability: number | null; low: number | null; high: number | null } | null;
  /** Unit cost (cost per accurately labelled item) per replication, sorted. */
  unitCosts: number[];
  unitCost: { mean: number | null; p50: number | null; p95: number | null };
  cost: { mean: number | null; atDeadline: number | null; byActivity: Record<string, number | null> };
  residualErrorRate: number | null;
  accurate: number | null;
  /** Remaining items at the end of each day: hours of each day's end, and the p10/p50/p90 across replications. */
  burnDown: { hours: number[]; p10: number[]; p50: number[]; p90: number[] } | null;
  pools: Array<{ name: string; utilization: number | null; load: number | null; bottleneckShare: number | null; peakQueue: number | null }>;
  stages: Array<{ name: string; waitMean: number | null; waitP95: number | null }>;
  /** Differences against the baseline (the first plan), paired by replication; null for the baseline. */
  vsBaseline: { completionHours: Interval | null; unitCost: Interval | null; cost: Interval | null } | null;
  /** Per work type (portfolio view). */
  work: Array<{ name: string; items: number | null; p85: number | null; onTime: number | null; cost: number | null; costPerEquivalentUnit: number | null }>;
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
  }>;
}
