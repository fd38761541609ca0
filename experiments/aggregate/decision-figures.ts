import type { DecisionPolicy, Estimate, PolicyFigures } from '../../reports/decision-policy.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { DURATION_BIN_RELATIVE_ERROR, DURATION_BIN_ABSOLUTE_ERROR_HOURS, binnedQuantile } from '../../sim/stats/duration-bins.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { tInterval, wilsonInterval } from '../precision/intervals.js';
import { meanInterval, wilson, type Interval } from './statistics.js';

const estimate = (i: Interval | null): Estimate | null => (i === null ? null : { mean: i.mean, low: i.low, high: i.high });

/**
 * The figures a decision policy judges, for one plan, from its replications: the chance on time
 * with its Wilson interval, the service level of the policy's stage and threshold, the residual
 * error and the total cost with their t intervals, and the pooled p85 time in system (its
 * interval is its binning error: a pooled quantile of thousands of items has no sampling
 * interval worth the name beside it). Unrounded: the policy compares them with its limits.
 *
 * At 95% unless `confidence` is given (a precision-driven run settling the policy's verdict asks
 * for its Bonferroni-adjusted level).
 */
export function policyFigures(results: ReplicationResult[], layout: RowLayout, deadlineHours: number | null, policy: DecisionPolicy | null, confidence?: number): PolicyFigures {
  const n = results.length;
  const share = (k: number) => (confidence === undefined ? wilson(k, n) : wilsonInterval(k, n, confidence));
  const meanOf = (xs: number[]) => (confidence === undefined ? meanInterval(xs) : tInterval(xs, confidence));
  const onTime = deadlineHours === null ? null : share(results.filter((r) => r.completed && r.completionHours <= deadlineHours).length);
  let serviceLevel: Estimate | null = null;
  const sl = policy?.targets.serviceLevel;
  if (sl !== undefined) {
    const s = layout.stages.indexOf(sl.stage);
    const j = layout.thresholds.findIndex((t) => Math.abs(t - sl.withinHours) <= 1e-9 * Math.max(1, t));
    if (s >= 0 && j >= 0) serviceLevel = estimate(meanOf(results.map((r) => r.serviceLevel[s * layout.thresholds.length + j])));
  }
  const pooled = new Float64Array(layout.histogram);
  for (const r of results) for (let i = 0; i < pooled.length; i++) pooled[i] += r.timeInSystemBins[i];
  const p85 = binnedQuantile(pooled, 0, pooled.length, 0.85);
  // The exact quantile x has |p85 - x| <= x / 32, so x <= p85 / (1 - 1/32).
  const slack = Number.isFinite(p85) ? Math.max((p85 * DURATION_BIN_RELATIVE_ERROR) / (1 - DURATION_BIN_RELATIVE_ERROR), DURATION_BIN_ABSOLUTE_ERROR_HOURS) : 0;
  return {
    onTime: estimate(onTime),
    serviceLevel,
    timeInSystemP85: Number.isFinite(p85) ? { mean: p85, low: Math.max(0, p85 - slack), high: p85 + slack } : null,
    // A replication that accepted nothing has no residual error (its record says 0): n/a, not 0%.
    residualError: estimate(meanOf(results.map((r) => (r.accepted > 0 ? r.residualErrorRate : NaN)))),
    cost: estimate(meanOf(results.map((r) => r.cost))),
  };
}
