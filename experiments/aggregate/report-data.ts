import { hasFinishLine } from '../../sim/model/stopping-rule.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { quantileSorted } from 'simple-statistics';
import type { ModelConfig } from '../../sim/model/config.js';
import type { ReportData, ReportPlan, Sensitivity, Spread, SweepPoint, TrainingReport } from '../../reports/report-data.js';
import type { RecordSet } from '../run/record-set.js';
import type { RunManifest } from '../run/run-files.js';
import { band, distribution, interval } from './report-figures.js';
import type { Summary } from './summary.js';
import { overrideText } from '../run/overrides.js';
import { rowLayout } from '../../workers/result-rows.js';
import { policyFigures } from './decision-figures.js';
import { queueingData } from './queueing-report.js';
import { qualityReport } from './quality-report.js';
import { completionDays } from './completion-days.js';
import { saturatedPools } from './saturated-pools.js';
import { guidelineReport, pilotReport } from './guideline-report.js';

export interface RunFacts {
  labelsimVersion: string;
  runDate: string;
  wallSeconds: number;
}

/** The report's data from a run's records and summary: distributions, bands and verdict figures, nothing of the engine. */
export function buildReportData(manifest: RunManifest, summary: Summary, records: RecordSet, facts: RunFacts, sensitivity: Sensitivity | null): ReportData {
  const base = manifest.plans[0].model;
  const openEnded = !hasFinishLine(base);
  return {
    header: {
      experiment: manifest.experiment,
      description: manifest.description,
      configHash: manifest.configHash,
      seed: manifest.seed,
      replications: manifest.replications,
      labelsimVersion: facts.labelsimVersion,
      runDate: facts.runDate,
      wallSeconds: facts.wallSeconds,
      currency: base.currency,
      deadlineHours: base.deadlineHours,
      horizonHours: base.horizonHours,
      startDate: base.clock.startDate,
      timeZone: base.clock.timeZone,
      openEnded,
      overrides: (manifest.overrides ?? []).map(overrideText),
    },
    plans: manifest.plans.map((plan, i) => {
      const baselineResults = records.plans.find((p) => p.name === manifest.plans[0].name)?.results ?? [];
      const rs = records.plans.find((p) => p.name === plan.name)?.results ?? [];
      const layout = rowLayout(plan.model);
      const data: ReportPlan = {
        ...planData(summary.plans[i], rs, openEnded, plan.model),
        // A plan's own deadline, only where its patch set one other than the header's, so the report data of other plans is what it was.
        ...(plan.model.deadlineHours === base.deadlineHours ? {} : { deadlineHours: plan.model.deadlineHours }),
        queueing: queueingData(summary.plans[i], rs, layout, plan.model.deadlineHours, plan.model.horizonHours),
        quality: qualityReport(rs, i === 0 ? null : baselineResults, layout, plan.model),
        ...(manifest.decision === undefined ? {} : { decisionFigures: policyFigures(rs, layout, plan.model.deadlineHours, manifest.decision) }),
        // Only where a plan has them, so the report data of other plans is what it was.
        ...(plan.model.guidelines === undefined ? {} : { guidelines: guidelineReport(summary.plans[i]) }),
        ...(plan.model.pilot === undefined ? {} : { pilot: pilotReport(summary.plans[i], plan.model.pilot.agreement) }),
      };
      return plan.sweep === undefined ? data : { ...data, sweep: sweepPoint(plan.sweep) };
    }),
    sensitivity,
    ...(summary.precision === undefined ? {} : { precision: summary.precision }),
    ...(manifest.decision === undefined ? {} : { decision: manifest.decision }),
  };
}

/** A generated plan's place in the sweep, its values as plain scalars: a list or mapping becomes its JSON text, as in the plan's name. */
export function sweepPoint(sweep: { plan: string; values: Array<{ parameter: string; value: unknown }> }): SweepPoint {
  const scalar = (v: unknown): SweepPoint['values'][number]['value'] => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
    return JSON.stringify(v) ?? String(v);
  };
  return { plan: sweep.plan, values: sweep.values.map((a) => ({ parameter: a.parameter, value: scalar(a.value) })) };
}

function planData(s: Summary['plans'][number], rs: ReplicationResult[], openEnded: boolean, model: ModelConfig): ReportPlan {
  const saturated = saturatedPools(s.capacity);
  return {
    name: s.name,
    description: s.description,
    replications: s.replications,
    failed: s.failed,
    completionHours: openEnded ? [] : distribution(rs, 'completionHours'),
    notFinished: s.completionHours?.notFinished ?? 0,
    completion: {
      mean: s.completionHours?.mean ?? null,
      p50: s.completionHours?.p50 ?? null,
      p85: s.completionHours?.p85 ?? null,
      p95: s.completionHours?.p95 ?? null,
    },
    ...(openEnded ? {} : { completionDays: completionDays(rs.map((r) => r.completionHours), model.clock) }),
    onTime: s.onTime === null ? null : { probability: s.onTime.probability, low: s.onTime.low, high: s.onTime.high },
    unitCosts: distribution(rs, 'unitCost'),
    unitCost: s.unitCost,
    unitCostInterval: interval(rs, 'unitCost'),
    cost: { mean: s.cost.mean, atDeadline: s.cost.atDeadline, byActivity: s.cost.byActivity },
    residualErrorRate: s.residualErrorRate,
    // A summary saved before the share was kept has none.
    errorsCaughtShare: s.errorsCaughtShare ?? null,
    accurate: s.accurate.mean,
    // An accuracy target has no item count to burn down from.
    burnDown: openEnded || (model.target != null && 'accuracy' in model.target) ? null : burnDown(rs),
    ...('training' in s ? { training: trainingReport(s.training, rs, model) } : {}),
    pools: Object.entries(s.pools).map(([name, p]) => ({
      name,
      utilization: p.utilization,
      load: s.capacity[name]?.load ?? null,
      bottleneckShare: p.bottleneckShare,
      peakQueue: p.peakQueue,
      // Only open-ended work has a steady state to lack: a project's load is judged against its deadline.
      ...(openEnded ? { saturated: saturated.some((x) => x.pool === name) } : {}),
    })),
    stages: Object.entries(s.stages).map(([name, st]) => ({ name, waitMean: st.waitHours.mean, waitP95: st.waitHours.p95, pooledP95: st.pooledWaitHours.p95 ?? null })),
    vsBaseline: s.vsBaseline,
    work: Object.entries(s.work).map(([name, w]) => ({
      name,
      items: w.items,
      p85: w.completionHours?.p85 ?? null,
      onTime: w.onTime,
      cost: w.cost,
      costPerEquivalentUnit: w.costPerEquivalentUnit,
    })),
  };
}

/** The model being trained: the Strategies section's spreads, and its accuracy and cost by day up to the day after the last replication ended. */
function trainingReport(t: TrainingFigures, rs: ReplicationResult[], model: ModelConfig): TrainingReport {
  const target = model.target != null && 'accuracy' in model.target ? model.target.accuracy : null;
  const r = model.training!.retrain;
  const days = rs.length === 0 ? 0 : rs[0].accuracyByDay.length;
  let last = 0;
  for (const x of rs) last = Math.max(last, Math.ceil((Number.isNaN(x.completionHours) ? model.horizonHours : x.completionHours) / 24));
  const through = Math.min(days, last + 1);
  const accuracy = band(rs, 'accuracyByDay', through);
  const cost = band(rs, 'costByDay', through);
  return {
    target,
    reachedShare: t.reachedShare,
    cycleCount: t.cycles,
    labelsToTarget: spread(rs.map((x) => x.labelsToTarget)),
    timeToTarget: spread(rs.map((x) => x.targetHours)),
    targetByDeadline: t.targetHours.onTime?.probability ?? null,
    firstModelHours: spread(rs.map((x) => x.firstModelHours)),
    costPer10kItems: spread(rs.map((x) => (x.accepted > 0 ? (10_000 * x.cost) / x.accepted : NaN))),
    costToTarget: spread(rs.map((x) => x.targetCost)),
    retrains: t.retrains.mean,
    retrainCost: r.compute + r.engineerHours * r.engineerPerHour,
    batchWaitHours: t.batchWaitHours.mean,
    ...((model.training!.cycles ?? null) === null
      ? {}
      : {
          cycles: {
            count: model.training!.cycles!.count,
            cost: spread(rs.map((x) => x.cycleCost)),
            shareOfFirst: spread(rs.map((x) => (x.targetCost > 0 ? x.cycleCost / x.targetCost : NaN))),
            cumulative: spread(rs.map((x) => (Number.isNaN(x.completionHours) ? NaN : x.cost))),
          },
        }),
    accuracyByDay: { hours: Array.from({ length: through }, (_, d) => 24 * (d + 1)), ...accuracy },
    costByDay: cost,
  };
}

type TrainingFigures = Extract<Summary['plans'][number], { training: unknown }>['training'];

/** p10, p50 and p90 of the finite values (a replication that never reached the target has no labels to it). */
function spread(values: number[]): Spread {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return { p10: null, p50: null, p90: null };
  return { p10: quantileSorted(xs, 0.1), p50: quantileSorted(xs, 0.5), p90: quantileSorted(xs, 0.9) };
}

/** The declared band of remaining items at each day's end, up to the day after the last replication finished. */
function burnDown(rs: ReplicationResult[]): ReportPlan['burnDown'] {
  if (rs.length === 0) return null;
  const days = rs[0].remainingByDay.length;
  let last = 0;
  for (const r of rs) for (let d = days - 1; d >= last; d--) if (r.remainingByDay[d] > 0) { last = d; break; }
  const through = Math.min(days, last + 2);
  return { hours: Array.from({ length: through }, (_, d) => 24 * (d + 1)), ...band(rs, 'remainingByDay', through) };
}
