import { openHoursBetween, openIntervals } from '../calendar/index.js';
import { meanOf } from '../random/distribution.js';
import type { AnnotateStage, ModelConfig, ReviewStage, WorkType } from './config.js';
import { wrongLabelsAgreeShare } from './label-classes.js';
import { serviceGroups } from './service-groups.js';
import { labelsNeeded } from './training/labels-needed.js';

export interface PoolCapacity {
  pool: string;
  /** Expected hours of work the pool must do for the whole project (or, open-ended, within the window). */
  demandHours: number;
  /** Productive person-hours the pool's calendars offer from its start to the deadline (or over the window). */
  availableHours: number;
  /** demand / available: above 1 the plan cannot finish in time even with no randomness. */
  load: number;
}

/**
 * Whether a pool offered `load` of its capacity has no steady state under open-ended arrivals:
 * a queue is stable only when its offered load is below 1 (Loynes 1962; for M/M/c, Kleinrock,
 * Queueing Systems I, 1975, 3.5). At exactly 1 the M/M/c queue is null recurrent: it empties
 * now and then but its expected length grows without bound, so 100% counts as saturated. The
 * tolerance keeps a load that sums to 1 up to rounding of the hours (0.999999999...) at 1.
 */
export function saturated(load: number): boolean {
  return load >= 1 - SATURATION_TOLERANCE;
}
const SATURATION_TOLERANCE = 1e-9;

/**
 * The fluid bound, checked before a single event runs: expected work per pool against the
 * person-hours its shifts offer up to the deadline. Work counts consensus labels, gold items
 * (1/(1-share) tasks per real one), review samples, expected rework loops (a geometric number of
 * rejections), adjudication, pre-labels from the first retrain, shrinkage and absences. It ignores
 * learning curves and ramp-ups, so it is optimistic for new teams. Under an accuracy target the
 * training type's items are the labels the model's learning curve needs (training/labels-needed.ts),
 * without the model's pre-labels (pessimistic) or batch overshoot (optimistic).
 */
export function capacityCheck(config: ModelConfig): PoolCapacity[] {
  const groups = serviceGroups(config);
  // Demand lands on service groups (pools sharing a queue), then is shared out by available hours.
  const demand = new Float64Array(groups.members.length);
  const stageIndex = new Map(config.stages.map((s, i) => [s.name, i]));
  const groupOf = (stageName: string) => groups.groupOfStage[stageIndex.get(stageName)!];
  const errorOf = (stageName: string) => {
    const members = groups.members[groupOf(stageName)];
    return members.reduce((e, p) => e + config.pools[p].errorRate, 0) / members.length;
  };
  const stage = new Map(config.stages.map((s) => [s.name, s]));
  const openEnded = config.work.some((w) => w.count === null);
  const windowFrom = openEnded ? config.warmupHours : 0;
  const windowTo = openEnded || config.deadlineHours === null ? config.horizonHours : config.deadlineHours;

  // An accuracy target asks for the labels the learning curve needs, not the whole pool.
  const needed = labelsNeeded(config);
  for (const w of config.work) {
    const all = itemsIn(w, windowTo - windowFrom);
    const items = needed !== null && w.name === config.training!.workType ? Math.min(all, needed) : all;
    const annotate = stage.get(w.workflow[0]) as AnnotateStage;
    const labelHours = meanOf(annotate.handling) * w.complexity * preLabelFactor(config, items);
    const e = errorOf(annotate.name);
    let deliveredError = e;
    demand[groupOf(annotate.name)] += (items * annotate.labels * labelHours) / (1 - annotate.goldShare);
    if (annotate.labels > 1 && annotate.adjudication !== null) {
      const adj = stage.get(annotate.adjudication) as AnnotateStage;
      const k = annotate.labels;
      // With classes, wrong labels agree as the confusion pattern makes them, not by wrongAgreement.
      const wrongAgree = w.classes === undefined ? annotate.wrongAgreement : wrongLabelsAgreeShare(w.classes, k);
      const disagree = Math.max(0, 1 - Math.pow(1 - e, k) - Math.pow(e, k) * wrongAgree);
      demand[groupOf(adj.name)] += items * disagree * meanOf(adj.handling) * w.complexity;
      deliveredError = disagree * errorOf(adj.name) + Math.pow(e, k) * wrongAgree;
    }
    for (const name of w.workflow.slice(1)) {
      const tier = stage.get(name) as ReviewStage;
      // Rejection chance of one review; a rejected item is reworked and re-reviewed until it passes.
      const r = deliveredError * tier.detection + (1 - deliveredError) * tier.falseReject;
      const rejections = tier.action === 'rework' && r < 1 ? (tier.sampleRate * r) / (1 - r) : tier.action === 'rework' && r >= 1 ? Infinity : 0;
      demand[groupOf(tier.name)] += items * (tier.sampleRate + rejections) * meanOf(tier.handling) * w.complexity;
      demand[groupOf(annotate.name)] += items * rejections * labelHours * annotate.reworkFactor;
      if (tier.action === 'rework') deliveredError = deliveredError * (1 - tier.sampleRate * tier.detection);
    }
  }

  const available = config.pools.map((p) => {
    let open = 0;
    for (const crew of p.shifts) {
      const intervals = openIntervals(crew, config.clock, config.horizonHours);
      open += crew.headcount * openHoursBetween(intervals, Math.max(windowFrom, p.startHours), windowTo);
    }
    // Deterministic mode has no absences (see Workforce), so the check must not count them either.
    return open * (1 - (config.deterministic ? 0 : p.absenceRate)) * (1 - p.shrinkage);
  });
  return config.pools.map((p, i) => {
    const g = groups.groupOfPool[i];
    const groupAvailable = groups.members[g].reduce((h, m) => h + available[m], 0);
    const share = groupAvailable > 0 ? available[i] / groupAvailable : 1 / groups.members[g].length;
    const load = demand[g] === 0 ? 0 : groupAvailable > 0 ? demand[g] / groupAvailable : Infinity;
    return { pool: p.name, demandHours: demand[g] * share, availableHours: available[i], load };
  });
}

function itemsIn(w: WorkType, windowHours: number): number {
  if (w.count !== null) return w.count;
  const a = w.arrival;
  if (a.kind === 'poisson') return a.perHour * windowHours;
  if (a.kind === 'schedule') return (a.batch * windowHours) / a.everyHours;
  return 0;
}

/**
 * Average handling multiplier from pre-labels over a project of `items`: the first model's factor
 * from the first retrain on. It ignores the retraining time (optimistic) and later improvements
 * (pessimistic).
 */
function preLabelFactor(config: ModelConfig, items: number): number {
  const p = config.preLabels;
  if (p === null || items <= p.firstRetrainAfter) return 1;
  return (p.firstRetrainAfter + (items - p.firstRetrainAfter) * p.handlingFactor) / items;
}
