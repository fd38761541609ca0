import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { Precision } from '../load/precision.js';
import { round } from '../aggregate/rounding.js';
import { censoredQuantile, finiteMean } from '../aggregate/statistics.js';
import { quantileInterval, tInterval, wilsonInterval } from './intervals.js';

/** The figures a precision can be set on, in the order they are reported. */
export const PRECISION_FIGURES = ['onTime', 'p85', 'unitCost'] as const;
export type PrecisionFigure = (typeof PRECISION_FIGURES)[number];

/** One figure of one plan after some replications: its estimate, interval and whether it is as precise as asked. */
export interface FigureState {
  figure: PrecisionFigure;
  /** The estimate as summary.json gives it: the share on time, the censored-aware p85 (hours), the mean unit cost. */
  estimate: number | null;
  /** The interval at the run's confidence; an end null is unbounded (too few replications, or beyond the horizon). */
  low: number | null;
  high: number | null;
  /** Half the interval's width in the figure's unit (null when unbounded); for the unit cost also relative to the mean. */
  halfWidth: number | null;
  relativeHalfWidth?: number | null;
  /** The half-width asked for (a share for on time and unit cost, hours for p85), or null when none was. */
  target: number | null;
  /** Whether the target is met; null without a target, or when the plan has no such figure (no deadline, no finish line). */
  met: boolean | null;
}

export interface PlanContext {
  deadlineHours: number | null;
  /** Whether the plan has a completion at all (open-ended arrivals have none). */
  finishLine: boolean;
}

/** The three figures of a plan's replications (successful ones, those below the plan's count). */
export function figureStates(results: ReplicationResult[], plan: PlanContext, precision: Precision): FigureState[] {
  return [onTime(results, plan, precision), p85(results, plan, precision), unitCost(results, precision)];
}

function onTime(rs: ReplicationResult[], plan: PlanContext, precision: Precision): FigureState {
  const target = precision.onTime;
  if (plan.deadlineHours === null || !plan.finishLine || rs.length === 0) return empty('onTime', target);
  const deadline = plan.deadlineHours;
  const count = rs.filter((r) => Number.isFinite(r.completionHours) && r.completionHours <= deadline).length;
  const w = wilsonInterval(count, rs.length, precision.confidence)!;
  const halfWidth = (w.high - w.low) / 2;
  return { figure: 'onTime', estimate: round(w.mean), low: round(w.low), high: round(w.high), halfWidth: round(halfWidth), target, met: target === null ? null : halfWidth <= target };
}

function p85(rs: ReplicationResult[], plan: PlanContext, precision: Precision): FigureState {
  const target = precision.p85Hours;
  if (!plan.finishLine || rs.length === 0) return empty('p85', target);
  const done = rs.map((r) => r.completionHours).filter(Number.isFinite);
  const ci = quantileInterval(done, rs.length, 0.85, precision.confidence);
  const halfWidth = ci.low === null || ci.high === null ? null : (ci.high - ci.low) / 2;
  return {
    figure: 'p85',
    estimate: round(censoredQuantile(done, rs.length, 0.85)),
    low: round(ci.low),
    high: round(ci.high),
    halfWidth: round(halfWidth),
    target,
    met: target === null ? null : halfWidth !== null && halfWidth <= target,
  };
}

function unitCost(rs: ReplicationResult[], precision: Precision): FigureState {
  const target = precision.unitCost;
  const values = rs.map((r) => r.unitCost);
  const ci = tInterval(values, precision.confidence);
  const estimate = finiteMean(values);
  if (ci === null || estimate === null) return { ...empty('unitCost', target), estimate: round(estimate), relativeHalfWidth: null };
  const halfWidth = (ci.high - ci.low) / 2;
  const relative = ci.mean === 0 ? null : halfWidth / Math.abs(ci.mean);
  return {
    figure: 'unitCost',
    estimate: round(estimate),
    low: round(ci.low),
    high: round(ci.high),
    halfWidth: round(halfWidth),
    relativeHalfWidth: round(relative),
    target,
    // Law's correction (Simulation Modeling and Analysis, 5th ed., section 9.4.1): a relative
    // error gamma needs a half-width of gamma / (1 + gamma) of the estimate, since the estimate
    // itself is off by up to the half-width.
    met: target === null ? null : relative !== null && relative <= target / (1 + target),
  };
}

function empty(figure: PrecisionFigure, target: number | null): FigureState {
  return { figure, estimate: null, low: null, high: null, halfWidth: null, target, met: null };
}
