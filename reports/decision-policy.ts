/**
 * A decision policy: the targets a plan must reach to be acceptable, and whether each is judged
 * at its point estimate or at the unfavourable end of its 95% interval. Plain data, set in the
 * experiment file (`decision`), so the report can name the policy it recommended by and the
 * precision-driven runs can stop when its verdict is settled.
 */
export interface DecisionPolicy {
  /** What the report calls it; null: its targets in words. */
  name: string | null;
  basis: 'estimate' | 'interval';
  targets: PolicyTargets;
}

export interface PolicyTargets {
  /** Probability of finishing by the deadline, at least. */
  onTime?: number;
  /** At least `atLeast` of `stage`'s tasks started within `withinHours`. */
  serviceLevel?: { stage: string; withinHours: number; atLeast: number };
  /** 85th percentile of an item's time in system, at most (hours). */
  timeInSystemP85Hours?: number;
  /** Share of accepted items with a wrong label, at most. */
  residualError?: number;
  /** Mean total cost, at most. */
  budget?: number;
}

export interface Estimate {
  mean: number | null;
  low: number | null;
  high: number | null;
}

/** The figures a policy judges, for one plan; null where the plan has none (no deadline, no such stage). */
export interface PolicyFigures {
  onTime: Estimate | null;
  serviceLevel: Estimate | null;
  /** A pooled quantile: its interval is its binning error (sim/stats/duration-bins.ts), not sampling. */
  timeInSystemP85: Estimate | null;
  residualError: Estimate | null;
  cost: Estimate | null;
}

export type TargetName = keyof PolicyTargets;

/** Each target's name in a sentence. */
export const TARGET_NAMES: Record<TargetName, string> = { onTime: 'on time', serviceLevel: 'service level', timeInSystemP85Hours: 'p85 time in system', residualError: 'residual error', budget: 'budget' };

export interface TargetCheck {
  target: TargetName;
  /** The figure the target was judged on (the estimate, or the end of the interval the basis takes). */
  value: number | null;
  limit: number;
  met: boolean;
}

const ORDER: TargetName[] = ['onTime', 'serviceLevel', 'timeInSystemP85Hours', 'residualError', 'budget'];

/** Each target of the policy judged on one plan's figures, in a fixed order. */
export function checkTargets(policy: DecisionPolicy, figures: PolicyFigures | undefined): TargetCheck[] {
  const t = policy.targets;
  const pick = (e: Estimate | null | undefined, higherIsBetter: boolean): number | null => {
    if (e === null || e === undefined) return null;
    if (policy.basis === 'estimate') return e.mean;
    return higherIsBetter ? e.low : e.high;
  };
  const out: TargetCheck[] = [];
  for (const name of ORDER) {
    if (t[name] === undefined) continue;
    let value: number | null;
    let limit: number;
    let atLeast: boolean;
    if (name === 'onTime') [value, limit, atLeast] = [pick(figures?.onTime, true), t.onTime!, true];
    else if (name === 'serviceLevel') [value, limit, atLeast] = [pick(figures?.serviceLevel, true), t.serviceLevel!.atLeast, true];
    else if (name === 'timeInSystemP85Hours') [value, limit, atLeast] = [pick(figures?.timeInSystemP85, false), t.timeInSystemP85Hours!, false];
    else if (name === 'residualError') [value, limit, atLeast] = [pick(figures?.residualError, false), t.residualError!, false];
    else [value, limit, atLeast] = [pick(figures?.cost, false), t.budget!, false];
    const known = value !== null && Number.isFinite(value);
    out.push({ target: name, value: known ? value : null, limit, met: known && (atLeast ? value! >= limit : value! <= limit) });
  }
  return out;
}

/** The policy's targets in words, for the report: "at least 90% on time; ..." (money and durations as the caller writes them). */
export function policyWords(policy: DecisionPolicy, money: (x: number) => string, duration: (hours: number) => string): string {
  if (policy.name !== null) return policy.name;
  const t = policy.targets;
  const pct = (x: number) => `${Number((100 * x).toFixed(2))}%`;
  const parts: string[] = [];
  if (t.onTime !== undefined) parts.push(`at least ${pct(t.onTime)} chance on time`);
  if (t.serviceLevel !== undefined) parts.push(`at least ${pct(t.serviceLevel.atLeast)} of ${t.serviceLevel.stage} tasks started within ${duration(t.serviceLevel.withinHours)}`);
  if (t.timeInSystemP85Hours !== undefined) parts.push(`85% of items accepted within ${duration(t.timeInSystemP85Hours)} of arriving`);
  if (t.residualError !== undefined) parts.push(`at most ${pct(t.residualError)} wrong labels delivered`);
  if (t.budget !== undefined) parts.push(`mean cost at most ${money(t.budget)}`);
  return `${parts.join('; ')}, ${policy.basis === 'estimate' ? 'on the estimates' : 'at the unfavourable end of each 95% interval'}`;
}
