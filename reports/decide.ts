import { checkTargets, type DecisionPolicy, type PolicyFigures, type TargetCheck } from './decision-policy.js';

/**
 * The report's two judgements, kept apart from the drawing so they can be tested on their own:
 * which plan to recommend, and which plans are on the Pareto front of chance on time against cost.
 */

export interface PlanOutcome {
  name: string;
  /** Probability of finishing by the deadline; null without a deadline or without replications. */
  onTime: number | null;
  /** Mean cost per accurately labelled item; null when unknown. */
  unitCost: number | null;
  /** What a decision policy judges (decision-policy.ts); needed only when one is given. */
  figures?: PolicyFigures;
}

/** The on-time probability a plan must reach to count as acceptable. */
export const ACCEPTABLE_ON_TIME = 0.9;

export interface Recommendation {
  plan: string;
  /** Set when a decision policy chose: the targets judged on the plan recommended. */
  checks?: TargetCheck[];
  /**
   * Why: `acceptable` - the cheapest of the plans at or above the acceptable chance on time;
   * `best-chance` - no plan is acceptable, so the cheapest of those with the highest chance;
   * `cheapest` - there is no deadline (or no on-time figure), so simply the cheapest;
   * with a policy, `acceptable` - the cheapest of the plans meeting every target, or
   * `closest` - no plan meets them all, so the cheapest of those meeting the most.
   */
  basis: 'acceptable' | 'best-chance' | 'cheapest' | 'closest';
  /** The plans it was chosen among, in their original order. */
  among: string[];
}

const known = (x: number | null): x is number => x !== null && Number.isFinite(x);

/**
 * Among the plans whose chance of finishing on time is acceptable (>= `acceptable`), or failing
 * that the highest, the one with the lowest unit cost; at equal cost the likelier to finish on
 * time, then the earlier plan. A plan whose unit cost is unknown ranks after every plan with a
 * known one. So the plan recommended is never dominated (see `paretoFront`).
 */
export function recommend(plans: PlanOutcome[], policy: DecisionPolicy | null = null): Recommendation | null {
  if (plans.length === 0) return null;
  if (policy !== null) return recommendByPolicy(plans, policy);
  const acceptable = ACCEPTABLE_ON_TIME;
  const withChance = plans.filter((p) => known(p.onTime));
  let among: PlanOutcome[];
  let basis: Recommendation['basis'];
  if (withChance.length === 0) {
    among = plans;
    basis = 'cheapest';
  } else if (withChance.some((p) => p.onTime! >= acceptable)) {
    among = withChance.filter((p) => p.onTime! >= acceptable);
    basis = 'acceptable';
  } else {
    const best = Math.max(...withChance.map((p) => p.onTime!));
    among = withChance.filter((p) => p.onTime === best);
    basis = 'best-chance';
  }
  return { plan: cheapest(among).name, basis, among: among.map((p) => p.name) };
}

/** The lowest unit cost (an unknown one last); at equal cost the likelier to finish on time, then the earlier plan. */
function cheapest(among: PlanOutcome[]): PlanOutcome {
  let pick = among[0];
  for (const p of among) {
    if (!known(p.unitCost)) continue;
    if (!known(pick.unitCost) || p.unitCost < pick.unitCost || (p.unitCost === pick.unitCost && (p.onTime ?? -1) > (pick.onTime ?? -1))) pick = p;
  }
  return pick;
}

/**
 * Under a decision policy: the cheapest of the plans meeting every target; failing that, the
 * cheapest of those meeting the most targets. A target whose figure a plan lacks is not met.
 */
function recommendByPolicy(plans: PlanOutcome[], policy: DecisionPolicy): Recommendation {
  const checked = plans.map((p) => ({ p, checks: checkTargets(policy, p.figures) }));
  const met = checked.map((c) => c.checks.filter((x) => x.met).length);
  const all = checked.filter((c) => c.checks.every((x) => x.met));
  const most = Math.max(...met);
  const among = all.length > 0 ? all : checked.filter((_, i) => met[i] === most);
  const pick = cheapest(among.map((c) => c.p));
  return { plan: pick.name, basis: all.length > 0 ? 'acceptable' : 'closest', among: among.map((c) => c.p.name), checks: checked.find((c) => c.p === pick)!.checks };
}

/** True when `a` is at least as good as `b` on both counts (chance on time up, cost down) and better on one. */
export function dominates(a: PlanOutcome, b: PlanOutcome): boolean {
  if (!known(a.onTime) || !known(a.unitCost) || !known(b.onTime) || !known(b.unitCost)) return false;
  return a.onTime >= b.onTime && a.unitCost <= b.unitCost && (a.onTime > b.onTime || a.unitCost < b.unitCost);
}

/**
 * The plans no other plan dominates, among those with both figures known, ordered by chance on
 * time (then cost): the trade-offs worth discussing. Plans with a missing figure are never on it.
 */
export function paretoFront(plans: PlanOutcome[]): string[] {
  const comparable = plans.filter((p) => known(p.onTime) && known(p.unitCost));
  return comparable
    .filter((p) => !comparable.some((q) => q !== p && dominates(q, p)))
    .sort((a, b) => a.onTime! - b.onTime! || a.unitCost! - b.unitCost!)
    .map((p) => p.name);
}
