import type { PoolCapacity } from '../../sim/model/capacity.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { durationText } from '../../sim/stats/duration-text.js';
import { PlanOutputs } from './plan-outputs.js';
import { POOLED_QUANTILE_BOUND } from './queueing-figures.js';
import { meanFigure } from './output-figures.js';
import { round } from './rounding.js';
import { finiteMean } from './statistics.js';

export interface PlanInput {
  name: string;
  description: string;
  layout: RowLayout;
  /** Successful replications, sorted by replication index. */
  results: ReplicationResult[];
  failed: number;
  capacity: PoolCapacity[];
  deadlineHours: number | null;
  /** Work types with their item counts (null = open-ended) and equivalent units per item. */
  types: Array<{ name: string; count: number | null; equivalentUnits: number }>;
  /** Whether the plan has a finish line (every count set, or a target): else no completion time. */
  finishLine: boolean;
  /** Whether the plan trains a model on its labels (training/): its figures then have a section of their own. */
  trainsModel: boolean;
  /** The model accuracy the plan stops at, if it has an accuracy target. */
  accuracyTarget?: number | null;
  /** Retrain cycles of continuous operation after the first model, if any. */
  cycles?: number | null;
}

/**
 * One plan's figures across its replications, each output aggregated as its declaration says
 * (sim/model/replication-outputs.ts) and rounded by its unit. This function only lays them out:
 * the layout of summary.json predates the table and is kept byte for byte, and the figures that
 * join two outputs or an output and the config (on time, errors caught, cost per equivalent unit,
 * capacity) are made here. Outputs laid out nowhere follow under their own names.
 */
export function summarizePlan(p: PlanInput, baseline: ReplicationResult[] | null) {
  const rs = p.results;
  const n = rs.length;
  const f = new PlanOutputs(rs, p.layout, p.deadlineHours);
  const openEnded = !p.finishLine;
  const completion = f.timeToFinish('completionHours');
  const cost = f.mean('cost');
  const byActivity = f.meanPer('costByActivity');
  const byActivityAtDeadline = f.meanPer('costByActivityAtDeadline');
  const typeCompletion = f.timeToFinishPer('completionByType');
  const typeCost = f.meanPer('costByType');
  const waitMean = f.meanPer('waitMean');
  const waitP95 = f.meanPer('waitP95');
  const served = f.meanPer('served');
  const errorsFound = f.meanPer('errorsFoundByStage');
  const utilization = f.meanPer('utilization');
  const busyHours = f.meanPer('busyHours');
  const peakQueue = f.meanPer('peakQueue');
  const bottleneck = f.sharePerPool('bottleneck');
  const waitProbability = f.meanPer('waitProbability');
  const serviceLevel = f.meanPer('serviceLevel');
  const waitQuantiles = f.pooled('waitBins') as Record<string, Record<string, number | null>>;
  const timeInSystem = f.pooled('timeInSystemBins') as Record<string, number | null>;
  const queueMean = f.meanPer('queueMean');
  const inSystemMean = f.meanPer('inSystemMean');
  const thresholds = p.layout.thresholds.map(durationText);

  return {
    name: p.name,
    description: p.description,
    replications: n,
    failed: p.failed,
    // Open-ended work (arrivals until the horizon) has no completion to speak of: null, not "never".
    completionHours: openEnded ? null : completion.completion,
    onTime: completion.onTime,
    acceptedByDeadline: f.mean('acceptedByDeadline'),
    accepted: f.mean('accepted'),
    accurate: f.mean('accurate'),
    unitCost: f.mean('unitCost'),
    cost: {
      ...cost,
      atDeadline: f.mean('costAtDeadline').mean,
      byActivity: mapValues(byActivity, (x) => x.mean),
      byActivityAtDeadline: mapValues(byActivityAtDeadline, (x) => x.mean),
    },
    residualErrorRate: f.mean('residualErrorRate').mean,
    errorsCaughtShare: f.ratio('errorsFound'),
    reworks: f.mean('reworks'),
    work: byName(p.layout.types, (name, i) => {
      const type = p.types[i];
      // Per equivalent unit from the unrounded mean: the cents of the rounded one would move it.
      const meanCost = finiteMean(f.values('costByType', i));
      return {
        items: type.count,
        equivalentUnits: type.count === null ? null : round(type.count * type.equivalentUnits),
        completionHours: type.count === null ? null : typeCompletion[name].completion,
        onTime: type.count === null ? null : typeCompletion[name].onTime,
        cost: typeCost[name].mean,
        costPerEquivalentUnit: type.count === null || meanCost === null ? null : round(meanCost / (type.count * type.equivalentUnits)),
      };
    }),
    stages: byName(p.layout.stages, (name) => ({
      waitHours: { ...waitMean[name], p95: waitP95[name].mean },
      served: served[name].mean,
      // Wrong labels the stage's review found first (0 at annotate stages).
      errorsFound: errorsFound[name].mean,
      // The queueing measures (issue 16): the pooled quantiles are of every wait of every replication.
      waitProbability: waitProbability[name],
      serviceLevel: Object.fromEntries(thresholds.map((t) => [t, serviceLevel[`${name}@${t}`]])),
      pooledWaitHours: pooledOf(waitQuantiles[name]),
    })),
    pools: byName(p.layout.pools, (name) => ({
      utilization: utilization[name].mean,
      busyHours: busyHours[name].mean,
      peakQueue: peakQueue[name].mean,
      bottleneckShare: bottleneck[name],
      utilizationInterval: utilization[name].ci,
      queueMean: queueMean[name],
      inSystemMean: inSystemMean[name],
    })),
    capacity: Object.fromEntries(
      p.capacity.map((c) => [c.pool, { demandHours: round(c.demandHours, 3), availableHours: round(c.availableHours, 3), load: round(c.load) }]),
    ),
    vsBaseline:
      baseline === null
        ? null
        : {
            completionHours: f.paired('completionHours', baseline),
            unitCost: f.paired('unitCost', baseline),
            cost: f.paired('cost', baseline),
          },
    ...(p.trainsModel ? { training: trainingFigures(f, rs, p.accuracyTarget ?? null, p.cycles ?? null) } : f.skip(TRAINING_OUTPUTS)),
    // After the figures that predate it, so summary.json keeps their layout. Null when no item was timed (random Poisson arrivals).
    timeInSystemHours: timeInSystem.count === 0 ? null : pooledOf(timeInSystem),
    // The deadline `onTime` counts against: a plan's patch may set its own, so the top-level one
    // (the first plan's, kept for older readers) need not be this plan's. Null without a deadline.
    deadlineHours: p.deadlineHours,
    // Agreement exists only where a work type declares classes: a section then, nothing otherwise.
    ...(p.layout.labels.consensusStage.length > 0 ? { agreement: agreementFigures(f, p.layout.labels.consensusStage) } : f.skip(AGREEMENT_OUTPUTS)),
    ...(p.layout.labels.consensusPool.length > 0 ? { poolAgreement: poolAgreementFigures(f, p.layout.labels.consensusPool) } : f.skip(POOL_AGREEMENT_OUTPUTS)),
    ...(p.layout.labels.workClass.length > 0 ? { classes: classFigures(f, p.layout.labels.workClass) } : f.skip(CLASS_OUTPUTS)),
    // Guideline changes and their relabelling bursts: a section where a plan declares changes, nothing otherwise.
    ...(p.layout.labels.guidelineChange.length > 0 ? { guidelines: guidelineFigures(f, p.layout.labels.guidelineChange) } : f.skip(GUIDELINE_OUTPUTS)),
    // A pilot gate's rounds: a section where a plan has one, nothing otherwise.
    ...(p.layout.labels.pilotGate.length > 0 ? { pilot: pilotFigures(f, p.layout.labels.pilotGate[0]!) } : f.skip(PILOT_OUTPUTS)),
    // Gold audits exist only where a stage flags people on its gold answers: a section then, nothing otherwise.
    ...(p.layout.labels.goldStage.length > 0 ? { gold: goldFigures(f, p.layout.labels.goldStage) } : f.skip(GOLD_OUTPUTS)),
    ...f.rest(),
  };
}

/** Pooled quantiles with the count they are of and the bound of their binning. */
export interface PooledFigure {
  p50?: number | null;
  p85?: number | null;
  p90?: number | null;
  p95?: number | null;
  p99?: number | null;
  /** Observations pooled. */
  count: number;
  /** The bound of the binning on every quantile. */
  error: string;
}
const pooledOf = ({ count, ...quantiles }: Record<string, number | null>): PooledFigure => ({ ...quantiles, count: count ?? 0, error: POOLED_QUANTILE_BOUND });
/** Agreement among a consensus stage's labels: a section of a plan whose work declares classes, and nowhere else. */
const AGREEMENT_OUTPUTS = ['percentAgreement', 'cohensKappa', 'fleissKappa', 'krippendorffAlpha'] as const;

/** Per consensus stage, each agreement figure across replications (Cohen's kappa is empty, null, for stages of more than two labels). */
function agreementFigures(f: PlanOutputs, stages: string[]) {
  const figures = Object.fromEntries(AGREEMENT_OUTPUTS.map((name) => [name, f.meanPer(name)]));
  return byName(stages, (stage) => Object.fromEntries(AGREEMENT_OUTPUTS.map((name) => [name, figures[name]![stage]])));
}

const POOL_AGREEMENT_OUTPUTS = ['poolAgreement', 'poolKappa'] as const;
const CLASS_OUTPUTS = ['acceptedByClass', 'residualErrorByClass'] as const;

/** Per class of each work type that declares classes (`type/class`): accepted items of that true class and their residual error. */
function classFigures(f: PlanOutputs, classes: string[]) {
  const accepted = f.meanPer('acceptedByClass');
  const residual = f.meanPer('residualErrorByClass');
  return byName(classes, (c) => ({ accepted: accepted[c].mean, residualErrorRate: residual[c] }));
}

/** Per pool labelling at a consensus stage: its agreement with the other labels of the same items, and its kappa. */
function poolAgreementFigures(f: PlanOutputs, pools: string[]) {
  const agreement = f.meanPer('poolAgreement');
  const kappa = f.meanPer('poolKappa');
  return byName(pools, (pool) => ({ percentAgreement: agreement[pool], cohensKappa: kappa[pool] }));
}

/** The relabelling of guideline changes: a section of a plan that declares changes, and nowhere else. */
const GUIDELINE_OUTPUTS = ['guidelineChangeHours', 'relabelItems', 'relabelHours', 'relabelCost'] as const;

/** Per guideline change, when it took effect and the relabelling burst it sent back (items, hours, money) across replications. */
function guidelineFigures(f: PlanOutputs, changes: string[]) {
  const figures = Object.fromEntries(GUIDELINE_OUTPUTS.map((name) => [name, f.meanPer(name)]));
  return byName(changes, (change) => ({
    atHours: figures.guidelineChangeHours![change],
    relabelItems: figures.relabelItems![change],
    relabelHours: figures.relabelHours![change],
    relabelCost: figures.relabelCost![change],
  }));
}

/** A pilot gate's figures: a section of a plan that has one, and nowhere else. */
const PILOT_OUTPUTS = ['pilotRounds', 'pilotOpenHours', 'pilotAgreement', 'pilotPassed', 'pilotRevisionCost'] as const;

/** The pilot of work type `type` across replications: rounds, when the bulk was let in, the last agreement measured, the share that passed, the revisions' money. */
function pilotFigures(f: PlanOutputs, type: string) {
  const figures = Object.fromEntries(PILOT_OUTPUTS.map((name) => [name, f.meanPer(name)[type]]));
  return {
    workType: type,
    rounds: figures.pilotRounds,
    openHours: figures.pilotOpenHours,
    agreement: figures.pilotAgreement,
    passedShare: figures.pilotPassed?.mean ?? null,
    revisionCost: figures.pilotRevisionCost,
  };
}

/** Gold audits with consequences (sim/model/quality/gold-audit.ts): a section of a plan with one, and nowhere else. */
const GOLD_OUTPUTS = ['goldItems', 'goldHours', 'goldCost', 'goldRetrainHours', 'goldFlags', 'goldRemoved', 'goldBadPeople', 'goldBadFlagged', 'goldTimeToFlag', 'goldGoodPeople', 'goldFalseFlags'] as const;

/**
 * Per gold-audited stage, each figure across replications, and the rule's record: the share of
 * bad people it caught (power) and of good people it flagged (false-flag rate), each the total
 * over the replications of those flagged over those there were (null when there were none).
 */
function goldFigures(f: PlanOutputs, stages: string[]) {
  const figures = Object.fromEntries(GOLD_OUTPUTS.map((name) => [name, f.meanPer(name)]));
  const pooledShare = (num: (typeof GOLD_OUTPUTS)[number], den: (typeof GOLD_OUTPUTS)[number], i: number) => {
    const d = f.values(den, i).reduce((a, b) => a + b, 0);
    return d === 0 ? null : round(f.values(num, i).reduce((a, b) => a + b, 0) / d);
  };
  return byName(stages, (stage, i) => ({
    ...Object.fromEntries(GOLD_OUTPUTS.map((name) => [name, figures[name]![stage]])),
    caughtShare: pooledShare('goldBadFlagged', 'goldBadPeople', i),
    falseFlagShare: pooledShare('goldFalseFlags', 'goldGoodPeople', i),
  }));
}

/** The outputs of the model being trained: a section of a plan that trains one, and nowhere else. */
const TRAINING_OUTPUTS = ['firstModelHours', 'labelsToTarget', 'retrains', 'modelAccuracy', 'batchWaitHours', 'targetHours', 'targetCost', 'cycleCost'] as const;

/**
 * What the model being trained took, across replications: when its first version came, the
 * labels that reached the target, retrains, the accuracy reached, the waiting for batches, and
 * the cost per 10,000 labelled items (the brief's unit: the mean of each replication's total cost
 * over its accepted items, times 10,000).
 */
function trainingFigures(f: PlanOutputs, rs: ReplicationResult[], accuracy: number | null, cycles: number | null) {
  const first = f.timeToFinish('firstModelHours');
  const target = f.timeToFinish('targetHours');
  // A cycle's cost as a share of the first model's, replication by replication.
  const shares = rs.map((r) => (r.targetCost > 0 ? r.cycleCost / r.targetCost : NaN));
  const per10k = rs.map((r) => (r.accepted > 0 ? (10_000 * r.cost) / r.accepted : NaN));
  return {
    target: accuracy,
    cycles,
    firstModelHours: { ...first.completion, byDeadline: first.onTime },
    labelsToTarget: f.mean('labelsToTarget'),
    reachedShare: rs.length === 0 ? null : round(rs.filter((r) => !Number.isNaN(r.labelsToTarget)).length / rs.length),
    retrains: f.mean('retrains'),
    modelAccuracy: f.mean('modelAccuracy'),
    batchWaitHours: f.mean('batchWaitHours'),
    costPer10kItems: meanFigure(per10k, { kind: 'mean', quantiles: { p10: 0.1, p50: 0.5, p90: 0.9 } }, 2),
    targetHours: { ...target.completion, onTime: target.onTime },
    targetCost: f.mean('targetCost'),
    cycleCost: f.mean('cycleCost'),
    cycleShareOfFirst: meanFigure(shares, { kind: 'mean', quantiles: { p10: 0.1, p50: 0.5, p90: 0.9 } }, 6),
  };
}

const byName = <T>(names: string[], f: (name: string, i: number) => T): Record<string, T> => Object.fromEntries(names.map((name, i) => [name, f(name, i)]));
const mapValues = <A, B>(o: Record<string, A>, f: (a: A) => B): Record<string, B> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

export type PlanSummary = ReturnType<typeof summarizePlan>;
