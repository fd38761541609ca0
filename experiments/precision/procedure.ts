import type { RowLayout } from '../../workers/result-rows.js';
import type { DecisionPolicy } from '../../reports/decision-policy.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { Precision } from '../load/precision.js';
import { figureStates, type FigureState, type PlanContext } from './figures.js';
import { roundSchedule } from './rounds.js';
import { settlement, type Settlement } from './settled.js';

/** One plan's records so far (record-set.ts's PlanRecords, or any list of them). */
export interface PlanSoFarRecords extends PlanContext {
  name: string;
  /** Successful replications, sorted by index. */
  results: ReplicationResult[];
  /** Indices of replications that failed (and never succeeded). */
  failed: number[];
  /** The cost the recommendation ranks the plan by (settled.ts). */
  rankedBy: 'unitCost' | 'cost';
  /** The plan's output layout (a decision policy's figures need it). */
  layout?: RowLayout;
}

/** What a precision-driven run knew after one round: each plan's count and figures, and the settlement. */
export interface PrecisionLook {
  /** The round's count in the schedule: plans still running were brought to it. */
  round: number;
  plans: Array<{ plan: string; replications: number; figures: FigureState[] }>;
  settlement: Settlement | null;
}

export interface PrecisionProgress {
  schedule: number[];
  /** Every look so far, in order. */
  looks: PrecisionLook[];
  /** The replications each plan must have before the next look (run those missing), or null when the run is finished. */
  next: Map<string, number> | null;
  /** When finished: `met` if every figure met its precision (and the recommendation settled, if asked), else `cap`. */
  stop: 'met' | 'cap' | null;
  /** Each plan's replications: at the last look when finished, else those being run to. */
  counts: Map<string, number>;
}

/**
 * The sequential procedure of a precision-driven run, as a pure function of the records so far.
 * Every plan runs the first round; after each round (a look), a plan whose figures are not yet
 * as precise as asked, or that an unsettled comparison needs, is brought to the next count of the
 * schedule; the others wait where they are (a plan that waits may be needed again by a later
 * comparison). The run ends when no plan needs more, or every plan that does is at the cap.
 *
 * Because each look reads only replications below each plan's count, and which replications a
 * round adds depends only on earlier looks, the same file and seed give the same looks, counts
 * and summary whatever the workers or batch order, and a resumed run replays the looks it had
 * made from its records and goes on where it stopped.
 */
export function precisionProgress(precision: Precision, cap: number, plans: PlanSoFarRecords[], policy: DecisionPolicy | null = null): PrecisionProgress {
  const schedule = roundSchedule(precision.firstRound, cap);
  const counts = new Map(plans.map((p) => [p.name, schedule[0]]));
  const looks: PrecisionLook[] = [];
  for (let r = 0; ; r++) {
    if (!plans.every((p) => allRecorded(p, counts.get(p.name)!))) return { schedule, looks, next: new Map(counts), stop: null, counts };
    const look = lookAt(precision, schedule[Math.min(r, schedule.length - 1)], plans, counts, policy);
    looks.push(look);
    const need = new Set<string>();
    for (const p of look.plans) if (p.figures.some((f) => f.met === false)) need.add(p.plan);
    for (const name of look.settlement?.needMore ?? []) need.add(name);
    const more = plans.filter((p) => need.has(p.name) && counts.get(p.name)! < cap);
    if (more.length === 0) return { schedule, looks, next: null, stop: need.size === 0 ? 'met' : 'cap', counts };
    // Past the schedule's end a plan that waited below the cap is brought to the cap.
    for (const p of more) counts.set(p.name, schedule[Math.min(r + 1, schedule.length - 1)]);
  }
}

function lookAt(precision: Precision, round: number, plans: PlanSoFarRecords[], counts: Map<string, number>, policy: DecisionPolicy | null): PrecisionLook {
  const below = plans.map((p) => ({ ...p, results: p.results.filter((r) => r.replication < counts.get(p.name)!) }));
  return {
    round,
    plans: below.map((p) => ({ plan: p.name, replications: counts.get(p.name)!, figures: figureStates(p.results, p, precision) })),
    settlement: precision.settled ? settlement(below, counts, precision.confidence, policy) : null,
  };
}

/** Every replication below `count` has a record: a success or a failure. */
function allRecorded(p: PlanSoFarRecords, count: number): boolean {
  let n = 0;
  for (const r of p.results) if (r.replication < count) n++;
  for (const k of p.failed) if (k < count) n++;
  return n >= count;
}
