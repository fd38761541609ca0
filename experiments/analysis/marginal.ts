import type { ModelConfig } from '../../sim/model/config.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { randomStream } from '../../sim/random/stream.js';
import type { Marginal, MarginalLever } from '../../reports/report-data.js';
import type { ReplicationRunner } from '../../workers/replication-pool.js';
import { censoredQuantile, pairedDifference, type Interval } from '../aggregate/statistics.js';
import { runReplications } from './evaluate-plan.js';

/** One small step of one lever: what `labelsim marginal` asks "what does this buy?" of. */
export interface MarginalStep {
  lever: string;
  label: string;
  /** Changes the model in place. */
  apply(model: ModelConfig): void;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A shift one hour longer: an hour later at its end, or an hour earlier at its start when it ends at midnight; null when it already runs all day. */
function longerShift(s: { start: string; end: string }): { start: string; end: string } | null {
  const [a, b] = [minutes(s.start), minutes(s.end)];
  if (b + 60 <= 24 * 60) return { start: s.start, end: hhmm(b + 60) };
  if (a - 60 >= 0) return { start: hhmm(a - 60), end: s.end };
  return null;
}

/**
 * The steps of a plan: for each pool, one more person (on its largest shift group) and one more
 * hour on every shift; for each review tier that samples less than everything, five more points
 * of sample rate (capped at 100%).
 */
export function marginalSteps(model: ModelConfig): MarginalStep[] {
  const steps: MarginalStep[] = [];
  model.pools.forEach((pool, p) => {
    if (pool.shifts.length === 0) return;
    steps.push({
      lever: `person:${pool.name}`,
      label: `+1 person in ${pool.name}`,
      apply: (m) => {
        const groups = m.pools[p].shifts;
        let g = 0;
        for (let i = 1; i < groups.length; i++) if (groups[i].headcount > groups[g].headcount) g = i;
        groups[g].headcount += 1;
      },
    });
    if (pool.shifts.every((g) => g.shifts.length > 0 && g.shifts.every((s) => longerShift(s) !== null))) {
      steps.push({
        lever: `shift-hour:${pool.name}`,
        label: `+1 h a shift in ${pool.name}`,
        apply: (m) => m.pools[p].shifts.forEach((g) => (g.shifts = g.shifts.map((s) => ({ ...s, ...longerShift(s)! })))),
      });
    }
  });
  model.stages.forEach((stage, s) => {
    if (stage.kind !== 'review' || stage.sampleRate >= 1) return;
    steps.push({
      lever: `sample:${stage.name}`,
      label: `+5 points of sample in ${stage.name}`,
      apply: (m) => {
        const st = m.stages[s];
        if (st.kind === 'review') st.sampleRate = Math.min(1, Math.round((st.sampleRate + 0.05) * 1e9) / 1e9);
      },
    });
  });
  return steps;
}

const onTime = (r: ReplicationResult, deadline: number | null) => (deadline !== null && r.completed && r.completionHours <= deadline ? 1 : 0);

/** The p85 completion of replications (censored: those not finished rank last), in hours. */
const p85 = (rs: ReplicationResult[]) => censoredQuantile(rs.filter((r) => r.completed).map((r) => r.completionHours), rs.length, 0.85);

/**
 * A 95% percentile-bootstrap interval of a paired statistic: the replications are resampled as
 * pairs (the same index in both plans), so the interval keeps the common random numbers' gain.
 * Seeded from the run's seed: the same study gives the same interval.
 */
function pairedBootstrap(a: ReplicationResult[], b: ReplicationResult[], stat: (x: ReplicationResult[]) => number | null, seed: number, resamples = 400): Interval | null {
  const point = (() => {
    const sa = stat(a);
    const sb = stat(b);
    return sa === null || sb === null ? null : sb - sa;
  })();
  if (point === null) return null;
  const u = randomStream(seed, 0, 'marginal/bootstrap');
  const ds: number[] = [];
  for (let k = 0; k < resamples; k++) {
    const idx = Array.from({ length: a.length }, () => Math.floor(u() * a.length));
    const sa = stat(idx.map((i) => a[i]));
    const sb = stat(idx.map((i) => b[i]));
    if (sa !== null && sb !== null) ds.push(sb - sa);
  }
  if (ds.length < resamples / 2) return { mean: point, low: NaN, high: NaN };
  ds.sort((x, y) => x - y);
  return { mean: point, low: ds[Math.floor(0.025 * (ds.length - 1))], high: ds[Math.ceil(0.975 * (ds.length - 1))] };
}

/** What one step changes, against the plan, replication by replication. */
export function marginalEffect(step: { lever: string; label: string }, base: ReplicationResult[], variant: ReplicationResult[], deadline: number | null, seed: number): MarginalLever {
  const col = (rs: ReplicationResult[], f: (r: ReplicationResult) => number) => rs.map(f);
  const dOnTime = pairedDifference(col(variant, (r) => onTime(r, deadline)), col(base, (r) => onTime(r, deadline)));
  const dCost = pairedDifference(col(variant, (r) => r.cost), col(base, (r) => r.cost));
  const dError = pairedDifference(col(variant, (r) => r.residualErrorRate), col(base, (r) => r.residualErrorRate));
  const dP85 = pairedBootstrap(base, variant, p85, seed);
  const points = dOnTime === null || deadline === null ? null : 100 * dOnTime.mean;
  const cost = dCost?.mean ?? null;
  return {
    lever: step.lever,
    label: step.label,
    onTime: deadline === null ? null : dOnTime,
    p85Hours: dP85,
    cost: dCost,
    residualErrorRate: dError,
    // Money per point of on-time probability: only where the step buys points and costs money.
    costPerOnTimePoint: points !== null && points > 0 && cost !== null && cost > 0 ? cost / points : null,
    onTimePointsPer1000: points !== null && cost !== null && cost > 0 ? (1000 * points) / cost : null,
    p85HoursSavedPer1000: dP85 !== null && cost !== null && cost > 0 ? (-1000 * dP85.mean) / cost : null,
  };
}

/**
 * The marginal study of a plan: each step run on the same replication indices as the plan
 * (common random numbers), so each difference is the step's effect, not luck. Its intervals are
 * paired t intervals (on time, cost, residual error) and a paired bootstrap (p85).
 */
export async function marginal(
  runner: ReplicationRunner,
  plan: { name: string; model: ModelConfig },
  seed: number,
  replications: number,
  onStep?: (done: number, total: number) => void,
): Promise<Marginal> {
  const steps = marginalSteps(plan.model);
  const deadline = plan.model.deadlineHours;
  let done = 0;
  const run = async (model: ModelConfig) => {
    const rs = await runReplications(runner, model, seed, replications);
    onStep?.(++done, steps.length + 1);
    return rs;
  };
  const base = await run(plan.model);
  const levers: MarginalLever[] = [];
  for (const step of steps) {
    const model = structuredClone(plan.model);
    step.apply(model);
    levers.push(marginalEffect(step, base, await run(model), deadline, seed));
  }
  const onTimeShare = deadline === null ? null : base.reduce((s, r) => s + onTime(r, deadline), 0) / base.length;
  return {
    plan: plan.name,
    replications,
    currency: plan.model.currency,
    base: { onTime: onTimeShare, p85Hours: p85(base), cost: base.reduce((s, r) => s + r.cost, 0) / base.length },
    levers,
  };
}
