import { checkTargets, type DecisionPolicy, type Estimate, type PolicyFigures, type TargetName } from '../../reports/decision-policy.js';
import { recommend } from '../../reports/decide.js';
import { policyFigures } from '../aggregate/decision-figures.js';
import { round } from '../aggregate/rounding.js';
import { firstSignificant, grower, onTimeShare, paired, rankedCost, type Comparison, type PlanSoFar, type Settlement } from './settled.js';

/** Whether a target asks for at least its limit (a chance, a service level) or at most (a time, an error, a budget). */
const AT_LEAST: Record<TargetName, boolean> = { onTime: true, serviceLevel: true, timeInSystemP85Hours: false, residualError: false, budget: false };

function figureOf(f: PolicyFigures, target: TargetName): Estimate | null {
  if (target === 'onTime') return f.onTime;
  if (target === 'serviceLevel') return f.serviceLevel;
  if (target === 'timeInSystemP85Hours') return f.timeInSystemP85;
  if (target === 'residualError') return f.residualError;
  return f.cost;
}

/** The target met beyond doubt: the unfavourable end of the figure's interval is on the right side of the limit. */
function meets(f: PolicyFigures, target: TargetName, limit: number): { value: number | null; significant: boolean } {
  const e = figureOf(f, target);
  const value = e === null ? null : AT_LEAST[target] ? e.low : e.high;
  return { value, significant: value !== null && Number.isFinite(value) && (AT_LEAST[target] ? value >= limit : value <= limit) };
}

/** The target missed beyond doubt: the favourable end of the figure's interval is on the wrong side of the limit. */
function misses(f: PolicyFigures, target: TargetName, limit: number): { value: number | null; significant: boolean } {
  const e = figureOf(f, target);
  const value = e === null ? null : AT_LEAST[target] ? e.high : e.low;
  return { value, significant: value !== null && Number.isFinite(value) && (AT_LEAST[target] ? value < limit : value > limit) };
}

/**
 * Whether the recommendation of a decision policy (reports/decide.ts recommendByPolicy: the
 * cheapest plan meeting every target, or failing that the most) is settled. At each look the
 * figures the policy judges are recomputed from the replications so far, at 95% as the report
 * shows them for the recommendation itself, and at the run's confidence split Bonferroni-wise
 * over the tests for the tests:
 *
 * - each target the recommended plan meets, it meets beyond doubt (the unfavourable end of the
 *   figure's interval is within the limit; the pooled p85 time in system carries only its binning
 *   error);
 * - each other plan that meets every target too costs more, paired by replication;
 * - each other plan misses a target beyond doubt (the favourable end of its interval is outside
 *   the limit), or costs more anyway.
 */
export function settlementByPolicy(plans: PlanSoFar[], counts: Map<string, number>, confidence: number, policy: DecisionPolicy): Settlement {
  const layouts = plans.map((p) => p.layout ?? null);
  const figuresAt = (i: number, level?: number) => {
    const p = plans[i]!;
    const layout = layouts[i];
    if (layout === null || layout === undefined) throw new Error(`settlementByPolicy: plan ${p.name} needs its output layout to judge a decision policy`);
    return policyFigures(p.results, layout, p.deadlineHours, policy, level);
  };
  const outcomes = plans.map((p, i) => ({ name: p.name, onTime: onTimeShare(p), unitCost: rankedCost(p), figures: figuresAt(i) }));
  const rec = recommend(outcomes, policy);
  if (rec === null || plans.length < 2) return { recommendation: rec, acceptable: null, comparisons: [], settled: true, confidence, needMore: [], targets: [] };
  const bestIndex = plans.findIndex((p) => p.name === rec.plan);
  const best = plans[bestIndex]!;
  const checks = checkTargets(policy, outcomes[bestIndex]!.figures);
  const held = checks.filter((c) => c.met);
  const tests = plans.length - 1 + held.length;
  const each = 1 - (1 - confidence) / tests;
  const twoSided = 1 - 2 * (1 - each);
  const needMore = new Set<string>();
  const grow = grower(counts, needMore);

  const bestSure = figuresAt(bestIndex, twoSided);
  const targets = held.map((c) => {
    const m = meets(bestSure, c.target, c.limit);
    if (!m.significant) needMore.add(best.name);
    return { target: c.target, value: m.value === null ? null : round(m.value), limit: c.limit, significant: m.significant };
  });

  const comparisons: Comparison[] = [];
  plans.forEach((other, i) => {
    if (other === best) return;
    const cost = () => paired(other, best, 'unitCost', twoSided);
    const tries: Array<() => Comparison> = [];
    if (!rec.among.includes(other.name)) {
      // A plan outside the recommendation's set is settled by a target it misses beyond doubt (the first such, in the policy's order).
      tries.push(() => {
        const sure = figuresAt(i, twoSided);
        const failing = checkTargets(policy, outcomes[i]!.figures).filter((c) => !c.met);
        for (const c of failing) {
          const m = misses(sure, c.target, c.limit);
          if (m.significant) return { plan: other.name, figure: 'target', target: c.target, replications: other.results.length, estimate: m.value === null ? null : round(m.value), low: null, high: null, significant: true };
        }
        const first = failing[0];
        return { plan: other.name, figure: 'target', ...(first === undefined ? {} : { target: first.target }), replications: other.results.length, estimate: null, low: null, high: null, significant: false };
      });
    }
    tries.push(cost);
    const chosen = firstSignificant(tries);
    comparisons.push(chosen);
    if (!chosen.significant) grow(best.name, other.name);
  });
  const settled = targets.every((t) => t.significant) && comparisons.every((c) => c.significant);
  return { recommendation: rec, acceptable: null, comparisons, settled, confidence: round(each)!, needMore: plans.map((p) => p.name).filter((n) => needMore.has(n)), targets };
}
