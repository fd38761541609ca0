import { rowLayout } from '../../workers/result-rows.js';
import { hasFinishLine } from '../../sim/model/stopping-rule.js';
import type { Precision } from '../load/precision.js';
import type { RecordSet } from '../run/record-set.js';
import type { SummaryInput } from '../aggregate/summary.js';
import { round } from '../aggregate/rounding.js';
import { PRECISION_FIGURES, type FigureState, type PrecisionFigure } from './figures.js';
import { precisionProgress, type PlanSoFarRecords, type PrecisionProgress } from './procedure.js';
import type { Settlement } from './settled.js';

/** A point of the convergence chart: a figure's estimate and interval after a number of replications. */
export interface ConvergencePoint {
  replications: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** summary.json's `precision`: what was asked, where the run stopped and why, per plan. */
export interface PrecisionSummary {
  confidence: number;
  firstRound: number;
  /** The most replications a plan may run (the file's `replications`, or --replications). */
  cap: number;
  targets: { onTime: number | null; p85Hours: number | null; unitCost: number | null; settled: boolean };
  /** The counts looked at, in order (one look per entry). */
  looks: number[];
  /** `met`: every figure as precise as asked (and the recommendation settled, if asked); `cap`: some were not when the cap stopped the run. */
  stop: 'met' | 'cap' | null;
  plans: Array<{
    plan: string;
    replications: number;
    /** Every figure with a target met it (figures a plan does not have are left out). */
    met: boolean;
    figures: FigureState[];
    /** Each figure at every count the plan was looked at. */
    convergence: Record<PrecisionFigure, ConvergencePoint[]>;
  }>;
  /** With `until: settled`: the comparisons at the last look. */
  settlement: (Omit<Settlement, 'recommendation' | 'needMore'> & { recommended: string | null; basis: string | null }) | null;
}

/** Each plan's records as the procedure reads them. */
export function plansSoFar(input: Pick<SummaryInput, 'plans'>, records: RecordSet): PlanSoFarRecords[] {
  return input.plans.map((plan) => {
    const own = records.plans.find((p) => p.name === plan.name);
    return {
      name: plan.name,
      results: own?.results ?? [],
      failed: (own?.failures ?? []).map((f) => f.replication),
      deadlineHours: plan.model.deadlineHours,
      finishLine: hasFinishLine(plan.model),
      rankedBy: plan.model.target != null && 'accuracy' in plan.model.target ? ('cost' as const) : ('unitCost' as const),
      layout: rowLayout(plan.model),
    };
  });
}

/** The procedure replayed over a run's records, laid out for summary.json. */
export function precisionSummary(precision: Precision, cap: number, input: Pick<SummaryInput, 'plans' | 'decision'>, records: RecordSet): PrecisionSummary {
  return layOut(precision, cap, precisionProgress(precision, cap, plansSoFar(input, records), input.decision ?? null));
}

function layOut(precision: Precision, cap: number, progress: PrecisionProgress): PrecisionSummary {
  const last = progress.looks[progress.looks.length - 1];
  const s = last?.settlement ?? null;
  return {
    confidence: precision.confidence,
    firstRound: precision.firstRound,
    cap,
    targets: { onTime: precision.onTime, p85Hours: round(precision.p85Hours), unitCost: precision.unitCost, settled: precision.settled },
    looks: progress.looks.map((l) => l.round),
    stop: progress.stop,
    plans: (last?.plans ?? []).map((p, i) => ({
      plan: p.plan,
      replications: p.replications,
      met: p.figures.every((f) => f.met !== false),
      figures: p.figures,
      convergence: Object.fromEntries(
        PRECISION_FIGURES.map((figure, j) => {
          const points: ConvergencePoint[] = [];
          for (const look of progress.looks) {
            const at = look.plans[i];
            if (points.length > 0 && points[points.length - 1].replications === at.replications) continue;
            const f = at.figures[j];
            points.push({ replications: at.replications, estimate: f.estimate, low: f.low, high: f.high });
          }
          return [figure, points];
        }),
      ) as Record<PrecisionFigure, ConvergencePoint[]>,
    })),
    settlement:
      s === null
        ? null
        : {
            recommended: s.recommendation?.plan ?? null,
            basis: s.recommendation?.basis ?? null,
            acceptable: s.acceptable,
            comparisons: s.comparisons,
            settled: s.settled,
            confidence: s.confidence,
            // Under a decision policy, the targets the recommended plan meets beyond doubt (absent otherwise, as before policies settled runs).
            ...(s.targets === undefined ? {} : { targets: s.targets }),
          },
  };
}
