import { describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import type { Precision } from '../../../experiments/load/precision.js';
import type { DecisionPolicy } from '../../../reports/decision-policy.js';
import type { RowLayout } from '../../../workers/result-rows.js';
import { precisionProgress, type PlanSoFarRecords } from '../../../experiments/precision/procedure.js';

/** The figures a residual-error policy reads: every replication on time, its cost, its residual error (of 1000 items accepted); no timed items. */
const rep = (replication: number, unitCost: number, residualErrorRate: number) =>
  ({ replication, completed: true, completionHours: 50, unitCost, cost: 1000 * unitCost, accepted: 1000, residualErrorRate, timeInSystemBins: new Float64Array(1), serviceLevel: new Float64Array(0) }) as unknown as ReplicationResult;

const layout = { stages: [], thresholds: [], histogram: 1 } as unknown as RowLayout;

/** A plan whose unit cost and residual error alternate around their means by +-spread (shared across plans by replication: common random numbers). */
function plan(name: string, cost: number, error: number, errorSpread = 0.004): PlanSoFarRecords {
  const results = Array.from({ length: 1000 }, (_, k) => {
    const s = k % 2 === 0 ? -1 : 1;
    return rep(k, cost + 0.05 * s, error + errorSpread * s);
  });
  return { name, results, failed: [], deadlineHours: 100, finishLine: true, rankedBy: 'unitCost', layout };
}

const settledOnly: Precision = { onTime: null, p85Hours: null, unitCost: null, settled: true, confidence: 0.95, firstRound: 20 };
const errorCeiling: DecisionPolicy = { name: null, basis: 'estimate', targets: { residualError: 0.02 } };

describe('a precision-driven run settling a decision policy', () => {
  const plans = () => [plan('cheap-sloppy', 1.0, 0.03), plan('good', 1.2, 0.01), plan('pricey-good', 1.5, 0.005)];

  it("recommends by the policy, not by 90% on time: the cheapest plan under the error ceiling", () => {
    const byPolicy = precisionProgress(settledOnly, 1000, plans(), errorCeiling);
    const last = byPolicy.looks[byPolicy.looks.length - 1]!.settlement!;
    expect(last.recommendation!.plan).toBe('good');
    // Every plan is on time, so without the policy the cheapest of them is recommended.
    const byDefault = precisionProgress(settledOnly, 1000, plans());
    expect(byDefault.looks[byDefault.looks.length - 1]!.settlement!.recommendation!.plan).toBe('cheap-sloppy');
  });

  it('is settled when the recommended plan meets the ceiling beyond doubt, a plan over it misses it beyond doubt, and one under it costs more', () => {
    const p = precisionProgress(settledOnly, 1000, plans(), errorCeiling);
    expect(p.stop).toBe('met');
    const s = p.looks[p.looks.length - 1]!.settlement!;
    expect(s.settled).toBe(true);
    expect(s.targets).toEqual([expect.objectContaining({ target: 'residualError', limit: 0.02, significant: true })]);
    // The high end of good's interval is its value, within the ceiling.
    expect(s.targets![0]!.value!).toBeLessThan(0.02);
    const by = Object.fromEntries(s.comparisons.map((c) => [c.plan, c]));
    expect(by['cheap-sloppy']).toMatchObject({ figure: 'target', target: 'residualError', significant: true });
    expect(by['pricey-good']).toMatchObject({ figure: 'unitCost', significant: true });
    // Settled at the first look: the alternating figures make every interval narrow at 20.
    expect(p.counts.get('good')).toBe(20);
  });

  it('asks for more replications of the recommended plan while its figure is within sampling error of the ceiling', () => {
    // Mean 1.95% with a spread of +-1 point: at n replications the t half-width is about 1 point x t / sqrt(n),
    // which stays above the 0.05-point margin until the cap.
    const close = [plan('cheap-sloppy', 1.0, 0.03), plan('good', 1.2, 0.0195, 0.01)];
    const p = precisionProgress(settledOnly, 200, close, errorCeiling);
    const s = p.looks[p.looks.length - 1]!.settlement!;
    expect(s.recommendation!.plan).toBe('good');
    expect(s.settled).toBe(false);
    expect(s.targets![0]!.significant).toBe(false);
    expect(p.stop).toBe('cap');
    expect(p.counts.get('good')).toBe(200);
  });
});
