import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { ACCEPTABLE_ON_TIME, recommend, type Recommendation } from '../../reports/decide.js';
import { round } from '../aggregate/rounding.js';
import { finiteMean } from '../aggregate/statistics.js';
import type { RowLayout } from '../../workers/result-rows.js';
import type { DecisionPolicy, TargetName } from '../../reports/decision-policy.js';
import { tInterval, wilsonInterval } from './intervals.js';
import { settlementByPolicy } from './settled-by-policy.js';

/** One plan's replications so far, as the settling rule reads them. */
export interface PlanSoFar {
  name: string;
  /** Successful replications below the plan's count, sorted by index. */
  results: ReplicationResult[];
  deadlineHours: number | null;
  /**
   * The cost the recommendation ranks the plan by, as the report's recommendation line does: the
   * cost per accurate item, or for a plan that trains a model to an accuracy target the cost of
   * reaching it.
   */
  rankedBy: 'unitCost' | 'cost';
  /** The plan's output layout (for the figures a decision policy judges: the service level of a stage). */
  layout?: RowLayout;
}

/** One check of the recommended plan against another: a paired difference (or the other plan's own interval) and whether it is significant. */
export interface Comparison {
  plan: string;
  /** What was compared: the unit cost (this plan minus the recommended, paired; the cost to the accuracy target for plans that train to one), the chance on time (the recommended minus this plan, paired), or this plan's own chance on time against the acceptable bar. */
  figure: 'unitCost' | 'onTime' | 'onTimeBelowBar' | 'target';
  /** For `target`: the policy's target this plan misses beyond doubt. */
  target?: TargetName;
  /** Paired replications (or this plan's own for onTimeBelowBar). */
  replications: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** True when the comparison shows the recommended plan's advantage, one-sided at the (Bonferroni-adjusted) confidence. */
  significant: boolean;
}

export interface Settlement {
  /** The report's recommendation from the figures so far (reports/decide.ts), or null with no plans. */
  recommendation: Recommendation | null;
  /** For an `acceptable` recommendation: the low end of its chance on time, which must reach the bar. */
  acceptable: { low: number | null; bar: number; significant: boolean } | null;
  /** Per other plan, the comparison that settles it (the first significant one), or the first tried. */
  comparisons: Comparison[];
  settled: boolean;
  /** Confidence of each one-sided comparison: the run's, Bonferroni-adjusted for the number made. */
  confidence: number;
  /** Plans that need more replications to settle it: per unsettled comparison, the one(s) with fewer. */
  needMore: string[];
  /** Under a decision policy: each target the recommended plan must meet beyond doubt, the end of its interval that decides it, and whether it does. */
  targets?: Array<{ target: TargetName; value: number | null; limit: number; significant: boolean }>;
}

/**
 * Whether the recommendation is settled: the plan the report recommends (reports/decide.ts,
 * the one function that makes it, so a decision policy set there is followed here too) beats
 * every other plan on the figure the recommendation ranked them by, in comparisons paired by
 * replication (common random numbers: the same index is the same random world), each a
 * one-sided test at the run's confidence split Bonferroni-wise over the comparisons.
 *
 * - `acceptable` (the cheapest plan at or above the bar on time): its chance on time is above
 *   the bar beyond doubt; each other acceptable plan costs more per accurate item, significantly;
 *   each plan below the bar is below it beyond doubt, or costs more anyway.
 * - `best-chance` (no plan reaches the bar): its chance on time exceeds each other's (paired), or
 *   for a plan tied with it, that plan costs more.
 * - `cheapest` (no deadline): each other plan costs more, paired.
 *
 * Under a decision policy the recommendation is the policy's, and so is what settles it
 * (settled-by-policy.ts).
 */
export function settlement(plans: PlanSoFar[], counts: Map<string, number>, confidence: number, policy: DecisionPolicy | null = null): Settlement {
  if (policy !== null) return settlementByPolicy(plans, counts, confidence, policy);
  // As summary.json rounds them: a cost per item to 6 decimals, a total to the cent.
  const outcomes = plans.map((p) => ({ name: p.name, onTime: onTimeShare(p), unitCost: round(finiteMean(p.results.map((r) => r[p.rankedBy])), p.rankedBy === 'cost' ? 2 : 6) }));
  const rec = recommend(outcomes);
  if (rec === null || plans.length < 2) return { recommendation: rec, acceptable: null, comparisons: [], settled: true, confidence, needMore: [] };
  const best = plans.find((p) => p.name === rec.plan)!;
  const tests = plans.length - 1 + (rec.basis === 'acceptable' ? 1 : 0);
  // Each test is one-sided (is the recommended plan better?) at the run's confidence split
  // over the tests (Bonferroni), so it reads the low (or high) end of a two-sided interval at
  // 1 - 2 (1 - each).
  const each = 1 - (1 - confidence) / tests;
  const twoSided = 1 - 2 * (1 - each);
  const needMore = new Set<string>();
  const grow = grower(counts, needMore);

  let acceptable: Settlement['acceptable'] = null;
  if (rec.basis === 'acceptable') {
    const w = onTimeInterval(best, twoSided);
    const significant = w !== null && w.low >= ACCEPTABLE_ON_TIME;
    acceptable = { low: w === null ? null : round(w.low), bar: ACCEPTABLE_ON_TIME, significant };
    if (!significant) needMore.add(best.name);
  }
  const comparisons: Comparison[] = [];
  for (const other of plans) {
    if (other === best) continue;
    const inAmong = rec.among.includes(other.name);
    const tries: Array<() => Comparison> = [];
    const cost = () => paired(other, best, 'unitCost', twoSided);
    if (rec.basis === 'cheapest' || inAmong) tries.push(cost);
    else if (rec.basis === 'acceptable') tries.push(() => belowBar(other, twoSided), cost);
    else tries.push(() => paired(other, best, 'onTime', twoSided));
    const chosen = firstSignificant(tries);
    comparisons.push(chosen);
    if (!chosen.significant) grow(best.name, other.name);
  }
  const settled = (acceptable?.significant ?? true) && comparisons.every((c) => c.significant);
  return { recommendation: rec, acceptable, comparisons, settled, confidence: round(each)!, needMore: plans.map((p) => p.name).filter((n) => needMore.has(n)) };
}

/** The first comparison that settles it, trying them in order; the first tried when none does. */
export function firstSignificant(tries: Array<() => Comparison>): Comparison {
  let chosen: Comparison | null = null;
  for (const t of tries) {
    const c = t();
    chosen ??= c;
    if (c.significant) return c;
  }
  return chosen!;
}

/** Marks for more replications whichever of two plans has fewer (both when they have as many). */
export function grower(counts: Map<string, number>, needMore: Set<string>): (a: string, b: string) => void {
  return (a, b) => {
    const ca = counts.get(a)!;
    const cb = counts.get(b)!;
    if (ca <= cb) needMore.add(a);
    if (cb <= ca) needMore.add(b);
  };
}

/** The figure the recommendation ranks a plan by, as summary.json rounds it: a cost per item to 6 decimals, a total to the cent. */
export function rankedCost(p: PlanSoFar): number | null {
  return round(finiteMean(p.results.map((r) => r[p.rankedBy])), p.rankedBy === 'cost' ? 2 : 6);
}

/** The share on time as summary.json rounds it, which the report's recommendation reads. */
export function onTimeShare(p: PlanSoFar): number | null {
  if (p.deadlineHours === null || p.results.length === 0) return null;
  return round(onTimeCount(p) / p.results.length);
}

function onTimeCount(p: PlanSoFar): number {
  return p.results.filter((r) => isOnTime(r, p.deadlineHours!)).length;
}

const isOnTime = (r: ReplicationResult, deadline: number) => Number.isFinite(r.completionHours) && r.completionHours <= deadline;

function onTimeInterval(p: PlanSoFar, confidence: number) {
  if (p.deadlineHours === null || p.results.length === 0) return null;
  return wilsonInterval(onTimeCount(p), p.results.length, confidence);
}

/** The other plan's chance on time is below the bar beyond doubt: the high end of its Wilson interval is under it. */
function belowBar(other: PlanSoFar, confidence: number): Comparison {
  const w = onTimeInterval(other, confidence);
  return {
    plan: other.name,
    figure: 'onTimeBelowBar',
    replications: other.results.length,
    estimate: w === null ? null : round(w.mean),
    low: w === null ? null : round(w.low),
    high: w === null ? null : round(w.high),
    significant: w !== null && w.high < ACCEPTABLE_ON_TIME,
  };
}

/**
 * The paired difference in the recommended plan's favour over the replications both have: for
 * the unit cost the other's minus the recommended's, for the chance on time the recommended's
 * indicator minus the other's. Significant when the low end of its t interval is above 0.
 */
export function paired(other: PlanSoFar, best: PlanSoFar, figure: 'unitCost' | 'onTime', confidence: number): Comparison {
  const byRep = new Map(best.results.map((r) => [r.replication, r]));
  const d: number[] = [];
  for (const r of other.results) {
    const b = byRep.get(r.replication);
    if (b === undefined) continue;
    if (figure === 'unitCost') d.push(r[other.rankedBy] - b[best.rankedBy]);
    else if (best.deadlineHours !== null && other.deadlineHours !== null) d.push(Number(isOnTime(b, best.deadlineHours)) - Number(isOnTime(r, other.deadlineHours)));
  }
  const ci = tInterval(d, confidence);
  return {
    plan: other.name,
    figure,
    replications: d.filter(Number.isFinite).length,
    estimate: ci === null ? null : round(ci.mean),
    low: ci === null ? null : round(ci.low),
    high: ci === null ? null : round(ci.high),
    significant: ci !== null && ci.low > 0,
  };
}
