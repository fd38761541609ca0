import { capacityCheck } from '../../sim/model/capacity.js';
import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { evaluate, runReplications, type Evaluation } from './evaluate-plan.js';

export class SolveError extends Error {}

export interface HeadcountAnswer {
  pool: string;
  target: number;
  /** Smallest headcount whose estimated probability on time reaches the target, and the one below it. */
  headcount: number;
  at: Evaluation;
  below: Evaluation | null;
  /** Every headcount tried, in order. */
  tried: Array<{ headcount: number; onTime: number | null }>;
}

/**
 * The smallest headcount of one pool that finishes on time with at least probability `target`.
 *
 * Every candidate runs the same replication indices (common random numbers), so the estimate is
 * monotone in headcount up to the odd random world, and neighbouring candidates differ by the
 * people, not by luck. The search starts from the fluid bound (the capacity check), walks in
 * doubling steps to bracket the answer, then bisects.
 */
export async function solveHeadcount(
  runner: ReplicationRunner,
  model: ModelConfig,
  poolName: string,
  target: number,
  seed: number,
  replications: number,
  onStep?: (headcount: number, onTime: number | null) => void,
): Promise<HeadcountAnswer> {
  if (model.deadlineHours === null) throw new SolveError('solve: the experiment has no deadline, so there is no probability on time to reach');
  const pool = model.pools.find((p) => p.name === poolName);
  if (pool === undefined) throw new SolveError(`--pool: expected one of ${model.pools.map((p) => p.name).join(', ')}, got "${poolName}"`);
  if (pool.shifts.length !== 1) throw new SolveError(`--pool ${poolName}: the pool has ${pool.shifts.length} crews; solve varies the headcount of a pool with one crew`);

  const cache = new Map<number, Evaluation>();
  const tried: HeadcountAnswer['tried'] = [];
  const at = async (headcount: number) => {
    const hit = cache.get(headcount);
    if (hit) return hit;
    const m = structuredClone(model);
    m.pools.find((p) => p.name === poolName)!.shifts[0].headcount = headcount;
    const e = evaluate(await runReplications(runner, m, seed, replications), m.deadlineHours);
    cache.set(headcount, e);
    tried.push({ headcount, onTime: e.onTime?.mean ?? null });
    onStep?.(headcount, e.onTime?.mean ?? null);
    return e;
  };
  const meets = async (h: number) => ((await at(h)).onTime?.mean ?? 0) >= target;

  const current = pool.shifts[0].headcount;
  const load = capacityCheck(model).find((c) => c.pool === poolName)?.load ?? 1;
  let guess = Math.max(1, Math.ceil(current * (Number.isFinite(load) ? load : 2)));
  const limit = Math.max(1000, current * 100);
  let low = 0; // largest headcount known to fail
  let high = -1; // smallest headcount known to meet the target
  if (await meets(guess)) high = guess;
  else low = guess;
  for (let step = 1; high < 0; step *= 2) {
    const next = low + step;
    if (next > limit) throw new SolveError(`solve: even ${limit} people in pool ${poolName} do not reach ${target} on time; another pool or stage is the bottleneck`);
    if (await meets(next)) high = next;
    else low = next;
  }
  for (let step = 1; low === 0 && high > 1; step *= 2) {
    const next = Math.max(1, high - step);
    if (await meets(next)) high = next;
    else low = next;
    if (next === 1) break;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await meets(mid)) high = mid;
    else low = mid;
  }
  return { pool: poolName, target, headcount: high, at: await at(high), below: high > 1 ? await at(high - 1) : null, tried };
}

export interface CheapestPlanAnswer {
  target: number;
  plan: string | null;
  evaluations: Array<{ plan: string; evaluation: Evaluation; meets: boolean }>;
}

/** Among plans (a sweep, say), the cheapest by mean total cost whose probability on time reaches the target. */
export async function cheapestPlan(
  runner: ReplicationRunner,
  plans: Array<{ name: string; model: ModelConfig }>,
  target: number,
  seed: number,
  replications: number,
  onStep?: (plan: string, onTime: number | null) => void,
): Promise<CheapestPlanAnswer> {
  const evaluations: CheapestPlanAnswer['evaluations'] = [];
  for (const plan of plans) {
    if (plan.model.deadlineHours === null) throw new SolveError(`solve: plan ${plan.name} has no deadline`);
    const evaluation = evaluate(await runReplications(runner, plan.model, seed, replications), plan.model.deadlineHours);
    evaluations.push({ plan: plan.name, evaluation, meets: (evaluation.onTime?.mean ?? 0) >= target });
    onStep?.(plan.name, evaluation.onTime?.mean ?? null);
  }
  const winners = evaluations.filter((e) => e.meets).sort((a, b) => (a.evaluation.cost ?? Infinity) - (b.evaluation.cost ?? Infinity));
  return { target, plan: winners[0]?.plan ?? null, evaluations };
}
