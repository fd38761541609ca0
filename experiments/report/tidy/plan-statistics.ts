import type { OutputAggregation, OutputUnit } from '../../../sim/model/replication-outputs.js';
import { meanFigure, ratioFigure, timeToFinishFigure } from '../../aggregate/output-figures.js';
import { turnaroundFigure } from '../../aggregate/queueing-figures.js';
import { quantile, rankedValue } from '../../aggregate/statistics.js';
import { round } from '../../aggregate/rounding.js';
import { digitsOf, roundInterval } from '../../aggregate/rounding.js';
import { pairedDifference } from '../../aggregate/statistics.js';
import type { TidyUnit } from './units.js';

/** One statistic of one figure across a plan's replications: a row of plan-measures. */
export interface Statistic {
  statistic: string;
  value: number | null;
  unit: TidyUnit;
  /** The value is a point in time (hours from the start): the row gets its date. */
  instant: boolean;
  /**
   * For a percentile of a completion time: the time the replication at rank ceil(p x n)
   * finished, whose day is the row's date (null: it did not finish), where `value` interpolates.
   */
  ranked?: number | null;
}

/** The statistics a plan-measures row can hold, and what each means: the dictionary lists them. */
export const STATISTIC_MEANINGS: Readonly<Record<string, string>> = {
  mean: 'The mean across replications (of a completion time: only when every replication finished).',
  'p10, p50, p85, p90, p95': 'The quantile across replications (of a completion time: replications not finished count as later than any that did, so a quantile among them is empty). Of a pooled-histogram measure (waitBins, timeInSystemBins): the quantile of every observation of every replication, in hours, within 3.1% (0.5 s below 16 s).',
  p99: 'The 99th percentile of a pooled-histogram measure: of every observation of every replication, in hours, within 3.1% (0.5 s below 16 s).',
  count: 'Observations a pooled-histogram measure pooled over the replications (tasks started, items accepted).',
  withinSla: "The share of replications that turned a delivery around within its work type's SLA (unit share).",
  ci95Low: 'The low end of the 95% t interval of the mean.',
  ci95High: 'The high end of the 95% t interval of the mean.',
  notFinished: 'Replications not finished by the horizon (unit replications).',
  onTimeProbability: 'The share of replications finished by the deadline (unit share).',
  onTimeLow: 'The low end of the 95% Wilson interval of onTimeProbability.',
  onTimeHigh: 'The high end of the 95% Wilson interval of onTimeProbability.',
  share: 'The share of replications whose bottleneck is the pool in `element` (unit share).',
  meanRatio: 'The mean across replications of this measure divided by errorsMade: the share of the errors made that reviews found (unit share).',
  vsBaselineMean: 'This plan minus the baseline plan (the first), replication by replication (the same random worlds): the mean difference.',
  vsBaselineLow: 'The low end of the 95% t interval of vsBaselineMean.',
  vsBaselineHigh: 'The high end of the 95% t interval of vsBaselineMean.',
};

/**
 * The statistics of one figure (a scalar output, or one element of a vector) across a plan's
 * replications, as its declaration's aggregation says, rounded as summary.json rounds them, so
 * the tables and the summary give the same numbers. `ratioOver` holds the denominator's values
 * of a ratio; `deadlineHours` decides the on-time share.
 */
export function statisticsOf(
  values: number[],
  unit: OutputUnit,
  a: OutputAggregation,
  deadlineHours: number | null,
  ratioOver: number[] | null,
  slaHours: number | null = null,
): Statistic[] {
  const digits = digitsOf(unit);
  const out: Statistic[] = [];
  const add = (statistic: string, value: number | null, u: TidyUnit = unit, instant = false) => out.push({ statistic, value, unit: u, instant });
  if (a.kind === 'mean') {
    const f = meanFigure(values, a, digits, unit === 'share');
    add('mean', f.mean as number | null);
    for (const key of Object.keys(a.quantiles ?? {})) add(key, f[key] as number | null);
    if (a.interval === true) {
      const ci = f.ci as { low: number | null; high: number | null } | null;
      add('ci95Low', ci?.low ?? null);
      add('ci95High', ci?.high ?? null);
    }
  } else if (a.kind === 'time-to-finish') {
    const { completion, onTime } = timeToFinishFigure(values, a, deadlineHours, digits);
    if (a.meanWhenAllDone) add('mean', completion.mean, unit, true);
    for (const [key, q] of Object.entries(a.quantiles)) out.push({ statistic: key, value: completion[key], unit, instant: true, ranked: rankedValue(values, q) });
    add('notFinished', completion.notFinished, 'replications');
    if (typeof onTime === 'number') add('onTimeProbability', onTime, 'share');
    else if (onTime !== null) {
      add('onTimeProbability', onTime.probability, 'share');
      add('onTimeLow', onTime.low, 'share');
      add('onTimeHigh', onTime.high, 'share');
    }
  } else if (a.kind === 'ratio' && ratioOver !== null) {
    add('meanRatio', ratioFigure(values, ratioOver), 'share');
  } else if (a.kind === 'band') {
    for (const [key, q] of Object.entries(a.quantiles)) add(key, round(quantile(values, q), digits));
  } else if (a.kind === 'turnaround') {
    const t = turnaroundFigure(values, a, slaHours);
    for (const key of Object.keys(a.quantiles)) add(key, t[key]);
    add('notFinished', t.notFinished, 'replications');
    if (slaHours !== null) add('withinSla', t.withinSla, 'share');
  }
  return out;
}

/** The paired difference against the baseline, over the replication indices both have. */
export function pairedStatistics(plan: Map<number, number>, baseline: Map<number, number>, unit: OutputUnit): Statistic[] {
  const x: number[] = [];
  const y: number[] = [];
  for (const [k, v] of plan) {
    const b = baseline.get(k);
    if (b === undefined) continue;
    x.push(v);
    y.push(b);
  }
  const d = roundInterval(pairedDifference(x, y), digitsOf(unit));
  return [
    { statistic: 'vsBaselineMean', value: d?.mean ?? null, unit, instant: false },
    { statistic: 'vsBaselineLow', value: d?.low ?? null, unit, instant: false },
    { statistic: 'vsBaselineHigh', value: d?.high ?? null, unit, instant: false },
  ];
}
