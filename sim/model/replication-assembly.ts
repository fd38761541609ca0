import type { ServerPool } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';
import type { WaitHistogram } from '../stats/wait-histogram.js';
import type { ClassOutcomes } from './class-outcomes.js';
import type { ConsensusClasses } from './consensus-classes.js';
import type { GuidelineVersions } from './guideline-versions.js';
import type { PilotGate } from './pilot-gate.js';
import { agreementByPool, agreementByStage } from './agreement-outputs.js';
import type { GoldAudits } from './quality/gold-audit.js';
import { goldByStage } from './quality/gold-outputs.js';
import type { ModelConfig } from './config.js';
import { total, type CostLedger } from './cost-ledger.js';
import type { Recorder } from './recorder.js';
import type { ReplicationResult } from './replication-result.js';
import type { ReplicationTally } from './replication-tally.js';
import type { ServiceLevels } from './service-levels.js';
import type { TimeInSystem } from './time-in-system.js';
import type { WeeklyQueue } from './weekly-queue.js';
import { histogramLength } from '../stats/duration-bins.js';
import type { TrainingLoop } from './training/training-loop.js';

/** What a finished replication is read from. */
export interface AssemblyParts {
  config: ModelConfig;
  replication: number;
  sim: Simulation;
  tally: ReplicationTally;
  ledger: CostLedger;
  /** Costs as of the deadline, if the run reached it. */
  costAtDeadline: Float64Array | null;
  groups: ServerPool[];
  /** Per group and server, the config pool and the person within it. */
  serverPool: Int32Array[];
  serverPerson: Int32Array[];
  waits: WaitHistogram[];
  serviceLevels: ServiceLevels | null;
  timeInSystem: TimeInSystem;
  weeklyQueue: WeeklyQueue;
  /** Items not yet accepted at each day end, filled by day-end events. */
  remainingByDay: Float64Array;
  /** The deployed model's accuracy and the cost so far at each day end (models that train one; empty otherwise). */
  accuracyByDay: Float64Array;
  costByDay: Float64Array;
  /** The model being trained, if any. */
  training: TrainingLoop | null;
  /** Items the stopping rule asks for (Infinity when open-ended: no burn-down). */
  goal: number;
  recorder: Recorder | null;
  /** The classes of consensus labels and their agreement tallies; null when no work type declares classes. */
  consensusClasses?: ConsensusClasses | null;
  /** Accepted items by true class; null when no work type declares classes. */
  classOutcomes?: ClassOutcomes | null;
  /** Guideline versions and their relabelling; null without guideline changes. */
  guidelines?: GuidelineVersions | null;
  /** The pilot gate; null without one. */
  pilot?: PilotGate | null;
  /** Gold audits (quality/gold-audit.ts); absent or null when no stage has one. */
  audits?: GoldAudits | null;
}

/** The replication's result: flat numbers and typed arrays, no engine objects. */
export function assembleResult(parts: AssemblyParts): ReplicationResult {
  const { config, tally, groups } = parts;
  const completed = !Number.isNaN(tally.completionHours);
  const end = completed ? tally.completionHours : config.horizonHours;
  const costs = parts.ledger.snapshot(end);
  const atDeadline = parts.costAtDeadline ?? costs;
  const remainingByDay = parts.remainingByDay;
  if (Number.isFinite(parts.goal)) {
    // Days that end at or after the run's last instant (its completion, or a horizon inside a
    // day) may have no day-end event of their own: the run stopped first, or an acceptance at
    // the very day end was handled before it. They hold what was left at the end.
    const left = parts.goal - tally.accepted;
    for (let d = Math.max(0, Math.ceil(end / 24) - 1); d < remainingByDay.length; d++) remainingByDay[d] = left;
  }
  const training = parts.training;
  if (training !== null) {
    // As for the burn-down: the days from the run's end on hold the state at the end.
    const spent = total(costs);
    for (let d = Math.max(0, Math.ceil(end / 24) - 1); d < parts.accuracyByDay.length; d++) {
      parts.accuracyByDay[d] = training.accuracy;
      parts.costByDay[d] = spent;
    }
  }
  const pools = config.pools.length;
  const busy = new Float64Array(pools);
  const open = new Float64Array(pools);
  const peakQueue = new Float64Array(pools);
  groups.forEach((group, g) => {
    for (let s = 0; s < group.servers; s++) {
      const p = parts.serverPool[g][s];
      const hours = group.busyHours(s);
      busy[p] += hours;
      open[p] += group.openHours(s);
      parts.recorder?.busy(p, parts.serverPerson[g][s], hours);
    }
    for (const p of new Set(parts.serverPool[g])) peakQueue[p] = group.peakQueueLength;
  });
  const utilization = Float64Array.from(busy, (b, p) => (open[p] > 0 ? b / open[p] : 0));
  let bottleneck = 0;
  for (let i = 1; i < utilization.length; i++) if (utilization[i] > utilization[bottleneck]) bottleneck = i;
  const cost = total(costs);
  const served = Float64Array.from(parts.waits, (h) => h.count);
  const queueMean = new Float64Array(pools);
  const inSystemMean = new Float64Array(pools);
  groups.forEach((group, g) => {
    const waiting = group.meanQueueLength();
    const inService = group.meanInService();
    for (const p of new Set(parts.serverPool[g])) {
      queueMean[p] = waiting;
      inSystemMean[p] = waiting + inService;
    }
  });
  const bins = histogramLength(config.horizonHours);
  const waitBins = new Float64Array(parts.waits.length * bins);
  parts.waits.forEach((h, s) => h.foldInto(waitBins, s * bins, bins));
  parts.weeklyQueue.finish();
  const lines = parts.ledger.byPoolActivity(end);
  const typeLines = parts.ledger.byPoolActivityType();
  return {
    replication: parts.replication,
    completed,
    completionHours: tally.completionHours,
    acceptedByDeadline: config.deadlineHours === null ? tally.accepted : tally.acceptedByDeadline,
    accepted: tally.accepted,
    accurate: tally.accurate,
    // A share of no items is unknown, not 0: NaN, as the unit cost of no accurate item (statistics skip it).
    residualErrorRate: tally.accepted > 0 ? (tally.accepted - tally.accurate) / tally.accepted : NaN,
    cost,
    costAtDeadline: total(atDeadline),
    costByActivity: costs,
    costByActivityAtDeadline: atDeadline,
    unitCost: tally.accurate > 0 ? cost / tally.accurate : NaN,
    utilization,
    busyHours: busy,
    peakQueue,
    completionByType: tally.typeCompletion,
    costByType: parts.ledger.byType(cost),
    waitMean: Float64Array.from(parts.waits, (h) => h.mean()),
    waitP95: Float64Array.from(parts.waits, (h) => h.quantile(0.95)),
    served,
    reworks: tally.reworks,
    errorsFound: tally.errorsFound,
    errorsMade: tally.errorsMade,
    remainingByDay,
    costByPoolActivity: lines.cost,
    hoursByPoolActivity: lines.hours,
    tasksByPoolActivity: lines.tasks,
    accurateByType: Float64Array.from(tally.typeAccurate),
    bottleneck,
    // The week-end reads are an observer's events, not the model's: the count stays the model's.
    events: parts.sim.eventsHandled - parts.weeklyQueue.events,
    firstModelHours: training?.firstModelHours ?? NaN,
    labelsToTarget: training?.labelsToTarget ?? NaN,
    retrains: training?.retrains ?? 0,
    modelAccuracy: training?.accuracy ?? NaN,
    batchWaitHours: training?.batchWaitHours ?? 0,
    targetHours: training?.targetHours ?? NaN,
    targetCost: training?.targetCost ?? NaN,
    cycleCost: training !== null && training.cyclesDone > 0 ? training.cyclesCost / training.cyclesDone : NaN,
    accuracyByDay: parts.accuracyByDay,
    costByDay: parts.costByDay,
    waitProbability: Float64Array.from(parts.waits, (h) => (h.count > 0 ? h.positive / h.count : NaN)),
    serviceLevel: parts.serviceLevels === null ? new Float64Array(0) : parts.serviceLevels.shares(served),
    waitBins,
    timeInSystemBins: parts.timeInSystem.bins,
    queueMean,
    inSystemMean,
    acceptedByWeek: parts.timeInSystem.acceptedByWeek,
    queueByWeek: parts.weeklyQueue.byWeek,
    deliveryTurnaround: parts.timeInSystem.turnaround,
    ...agreementByStage(config, parts.consensusClasses ?? null),
    ...agreementByPool(config, parts.consensusClasses ?? null),
    errorsFoundByStage: tally.foundByStage,
    acceptedByClass: parts.classOutcomes?.accepted ?? new Float64Array(0),
    residualErrorByClass: parts.classOutcomes?.residualError() ?? new Float64Array(0),
    hoursByPoolActivityType: typeLines.hours,
    tasksByPoolActivityType: typeLines.tasks,
    ...relabelling(parts.guidelines ?? null),
    ...pilotFigures(parts.pilot ?? null),
    ...goldByStage(parts.audits ?? null),
  };
}

/** The relabelling of each guideline change (empty without changes). */
function relabelling(g: GuidelineVersions | null) {
  if (g === null) return { guidelineChangeHours: new Float64Array(0), relabelItems: new Float64Array(0), relabelHours: new Float64Array(0), relabelCost: new Float64Array(0) };
  return { guidelineChangeHours: g.changeHours, relabelItems: g.relabelItems, relabelHours: g.relabelHours, relabelCost: Float64Array.from(g.relabelCost, (x) => Math.round(x * 100) / 100) };
}

/** The pilot gate's figures, one per gated work type (empty without a gate). */
function pilotFigures(p: PilotGate | null) {
  const one = (x: number) => (p === null ? new Float64Array(0) : Float64Array.of(x));
  return {
    pilotRounds: one(p?.rounds ?? 0),
    pilotOpenHours: one(p?.openHours ?? NaN),
    pilotAgreement: one(p?.lastAgreement ?? NaN),
    pilotPassed: one(p?.passed ? 1 : 0),
    pilotRevisionCost: one(Math.round((p?.revisionCost ?? 0) * 100) / 100),
  };
}
