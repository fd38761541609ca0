import { checkTargets, TARGET_NAMES, type DecisionPolicy, type PolicyTargets, type TargetCheck } from '../../reports/decision-policy.js';
import { capacityCheck } from '../../sim/model/capacity.js';
import type { ModelConfig, PoolConfig } from '../../sim/model/config.js';
import { timedInSystem } from '../../sim/model/time-in-system.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { joinPath } from '../load/errors.js';
import { evaluate, runReplications, type Evaluation } from './evaluate-plan.js';

export class SolveError extends Error {}

export interface HeadcountAnswer {
  pool: string;
  /** The on-time probability asked for (null when no on-time target was given). */
  target: number | null;
  targets: PolicyTargets;
  /** Smallest headcount whose estimates reach every target but the budget, and the one below it. */
  headcount: number;
  at: Evaluation;
  below: Evaluation | null;
  /** Every target judged at `headcount`; the budget, when given, may fail here. */
  checks: TargetCheck[];
  /** Every headcount tried, in order. */
  tried: Array<{ headcount: number; onTime: number | null; meets: boolean }>;
}

/** Targets are judged on the estimates when solving: the answer says how sure each is. */
const policyOf = (targets: PolicyTargets): DecisionPolicy => ({ name: null, basis: 'estimate', targets });

/** The targets that more people make easier to reach: all but the budget. */
const staffingTargets = ({ budget: _budget, ...rest }: PolicyTargets): PolicyTargets => rest;

/**
 * The model as the targets need it: a service-level target's stage resolved (the first stage when
 * not named) and its threshold among those the replications count at. A target the model has no
 * figure for is refused here, before anything runs: on time without a deadline, and a p85 time
 * in system when no work type's items are timed (random Poisson arrivals keep no arrival instants,
 * sim/model/time-in-system.ts), which would otherwise search to the limit reading "n/a" at every
 * headcount. `where` names the model in that error: the file, or a plan of it.
 */
export function modelForTargets(model: ModelConfig, targets: PolicyTargets, where = 'the plan'): { model: ModelConfig; targets: PolicyTargets } {
  if (targets.onTime !== undefined && model.deadlineHours === null) throw new SolveError('solve: the experiment has no deadline, so there is no probability on time to reach');
  if (targets.timeInSystemP85Hours !== undefined && !model.work.some((w) => timedInSystem(w, model.deterministic))) {
    const fields = model.work.map((w) => joinPath('', ['work', w.name, 'arrival'])).join(', ');
    throw new SolveError(
      `solve: --target p85-time-in-system: the work of ${where} arrives as ${model.work.length === 1 ? 'a random Poisson stream' : 'random Poisson streams'} (${fields}), ` +
        'whose items are not timed in system (their arrival instants are not kept); use a service-level target instead',
    );
  }
  const sl = targets.serviceLevel;
  if (sl === undefined) return { model, targets };
  const stage = sl.stage === '' ? model.stages[0].name : sl.stage;
  if (!model.stages.some((s) => s.name === stage)) throw new SolveError(`--target service-level: expected a stage of the plan (${model.stages.map((s) => s.name).join(', ')}), got "${stage}"`);
  const thresholds = model.waitThresholdHours ?? [];
  const m = thresholds.includes(sl.withinHours) ? model : { ...model, waitThresholdHours: [...thresholds, sl.withinHours] };
  return { model: m, targets: { ...targets, serviceLevel: { ...sl, stage } } };
}

/**
 * Whether solveHeadcount can answer for this pool and these targets, before anything runs: the
 * model as the targets need it (modelForTargets), or a SolveError naming the pool or the target.
 */
export function checkHeadcountQuestion(base: ModelConfig, poolName: string, wanted: PolicyTargets, where?: string): { model: ModelConfig; targets: PolicyTargets; pool: PoolConfig } {
  const resolved = modelForTargets(base, wanted, where);
  const pool = resolved.model.pools.find((p) => p.name === poolName);
  if (pool === undefined) throw new SolveError(`--pool: expected one of ${resolved.model.pools.map((p) => p.name).join(', ')}, got "${poolName}"`);
  if (pool.shifts.length !== 1) throw new SolveError(`--pool ${poolName}: the pool has ${pool.shifts.length} crews; solve varies the headcount of a pool with one crew`);
  return { ...resolved, pool };
}

/**
 * The smallest headcount of one pool that meets every target (on time, a service level, a p85
 * time in system, a residual error), judged on the estimates, and whose runs have no shortfall
 * (they accept items, and keep up with open-ended arrivals: shortfall.ts); a budget cap is then
 * judged at that headcount and the answer says whether it holds. (Cost is not monotone in headcount:
 * salaried people who finish sooner can cost less in all, so the budget is not searched on.)
 *
 * Every candidate runs the same replication indices (common random numbers), so the estimates
 * are monotone in headcount up to the odd random world, and neighbouring candidates differ by the
 * people, not by luck. The search starts from the fluid bound (the capacity check), walks in
 * doubling steps to bracket the answer, then bisects.
 */
export async function solveHeadcount(
  runner: ReplicationRunner,
  base: ModelConfig,
  poolName: string,
  wanted: PolicyTargets,
  seed: number,
  replications: number,
  onStep?: (headcount: number, e: Evaluation, meets: boolean) => void,
): Promise<HeadcountAnswer> {
  const { model, targets, pool } = checkHeadcountQuestion(base, poolName, wanted);
  const search = policyOf(staffingTargets(targets));

  const cache = new Map<number, Evaluation>();
  const tried: HeadcountAnswer['tried'] = [];
  const passes = (e: Evaluation) => e.shortfall === null && checkTargets(search, e.figures).every((c) => c.met);
  const at = async (headcount: number) => {
    const hit = cache.get(headcount);
    if (hit) return hit;
    const m = structuredClone(model);
    m.pools.find((p) => p.name === poolName)!.shifts[0].headcount = headcount;
    const e = evaluate(await runReplications(runner, m, seed, replications), m, search);
    cache.set(headcount, e);
    tried.push({ headcount, onTime: e.onTime?.mean ?? null, meets: passes(e) });
    onStep?.(headcount, e, passes(e));
    return e;
  };
  const meets = async (h: number) => passes(await at(h));

  const current = pool.shifts[0].headcount;
  const load = capacityCheck(model).find((c) => c.pool === poolName)?.load ?? 1;
  let guess = Math.max(1, Math.ceil(current * (Number.isFinite(load) ? load : 2)));
  const limit = Math.max(1000, current * 100);
  let low = 0; // largest headcount known to fail
  let high = -1; // smallest headcount known to meet the targets
  if (await meets(guess)) high = guess;
  else low = guess;
  for (let step = 1; high < 0; step *= 2) {
    const next = low + step;
    if (next > limit) {
      const last = await at(low);
      const missed = checkTargets(search, last.figures).filter((c) => !c.met).map((c) => TARGET_NAMES[c.target]);
      const why = [...(missed.length > 0 ? [`${missed.join(', ')} still missed`] : []), ...(last.shortfall === null ? [] : [last.shortfall])].join('; ');
      throw new SolveError(
        `solve: no headcount of pool ${poolName} up to ${low} meets the targets (at ${low} ${low === 1 ? 'person' : 'people'} ${why}): ` +
          'more of this pool does not get there; another pool or stage may be the bottleneck, or the target may not depend on headcount (residual error, for one)',
      );
    }
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
  const answer = await at(high);
  return {
    pool: poolName,
    target: targets.onTime ?? null,
    targets,
    headcount: high,
    at: answer,
    below: high > 1 ? await at(high - 1) : null,
    checks: checkTargets(policyOf(targets), answer.figures),
    tried,
  };
}

export interface CheapestPlanAnswer {
  target: number | null;
  targets: PolicyTargets;
  plan: string | null;
  evaluations: Array<{ plan: string; evaluation: Evaluation; meets: boolean; checks: TargetCheck[] }>;
}

/** Among plans (a sweep, say), the cheapest by mean total cost that meets every target on the estimates (and has no shortfall, shortfall.ts). */
export async function cheapestPlan(
  runner: ReplicationRunner,
  plans: Array<{ name: string; model: ModelConfig }>,
  wanted: PolicyTargets,
  seed: number,
  replications: number,
  onStep?: (plan: string, e: Evaluation, meets: boolean) => void,
): Promise<CheapestPlanAnswer> {
  const evaluations: CheapestPlanAnswer['evaluations'] = [];
  let asked = wanted;
  for (const plan of plans) {
    const { model, targets } = modelForTargets(plan.model, wanted);
    asked = targets;
    const policy = policyOf(targets);
    const evaluation = evaluate(await runReplications(runner, model, seed, replications), model, policy);
    const checks = checkTargets(policy, evaluation.figures);
    const meets = evaluation.shortfall === null && checks.every((c) => c.met);
    evaluations.push({ plan: plan.name, evaluation, meets, checks });
    onStep?.(plan.name, evaluation, meets);
  }
  const winners = evaluations.filter((e) => e.meets).sort((a, b) => (a.evaluation.cost ?? Infinity) - (b.evaluation.cost ?? Infinity));
  return { target: wanted.onTime ?? null, targets: asked, plan: winners[0]?.plan ?? null, evaluations };
}
