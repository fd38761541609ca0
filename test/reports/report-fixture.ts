import type { ReportData, ReportPlan, Sensitivity } from '../../reports/report-data.js';

/** `finished` sorted completion hours from `start`, `step` apart. */
function completions(finished: number, start: number, step: number): number[] {
  return Array.from({ length: finished }, (_, i) => start + i * step);
}

export function plan(name: string, over: Partial<ReportPlan> = {}): ReportPlan {
  const n = over.replications ?? 20;
  return {
    name,
    description: `${name} plan`,
    replications: n,
    failed: 0,
    completionHours: completions(n, 1300, 10),
    notFinished: 0,
    completion: { mean: 1400, p50: 1395, p85: 1460, p95: 1480 },
    onTime: { probability: 0.25, low: 0.11, high: 0.47 },
    unitCosts: Array.from({ length: n }, (_, i) => 0.9 + i * 0.001),
    unitCost: { mean: 0.91, p50: 0.91, p95: 0.918 },
    unitCostInterval: { mean: 0.9095, low: 0.9068, high: 0.9122 },
    cost: { mean: 150_000, atDeadline: 120_000, byActivity: { annotation: 120_000, rework: 5_000, review: 0, idle: 20_000, guidelines: 5_000 } },
    residualErrorRate: 0.02,
    accurate: 490_000,
    burnDown: { hours: [24, 48, 72, 1344, 1368], p10: [480_000, 470_000, 460_000, 5_000, 0], p50: [490_000, 480_000, 470_000, 10_000, 0], p90: [495_000, 490_000, 480_000, 20_000, 1_000] },
    pools: [{ name: 'annotators', utilization: 0.98, load: 1.61, bottleneckShare: 1, peakQueue: 500_000 }],
    stages: [{ name: 'annotate', waitMean: 623, waitP95: 1261 }],
    vsBaseline: null,
    work: [{ name: 'frames', items: 500_000, p85: 1460, onTime: 0.25, cost: 150_000, costPerEquivalentUnit: 0.3 }],
    ...over,
  };
}

/** Three plans with an eight-week deadline: a slow cheap base, a fast costly one, a censored one. */
export function reportData(over: Partial<ReportData> = {}): ReportData {
  return {
    header: {
      experiment: 'eight-week-video',
      description: '500,000 frames in 8 weeks',
      configHash: '64504fbd58f2cebf425fcb649a2cc3da00da68577405a6b95975a0825872b806',
      seed: 20270405,
      replications: 20,
      labelsimVersion: '0.1.0',
      runDate: '2026-11-22T23:25:02.666Z',
      wallSeconds: 16.8,
      currency: 'USD',
      deadlineHours: 1344,
      horizonHours: 5040,
      startDate: '2027-04-05',
      timeZone: 'Europe/Berlin',
      openEnded: false,
    },
    plans: [
      plan('base'),
      plan('fast', {
        completionHours: completions(20, 1100, 5),
        completion: { mean: 1150, p50: 1148, p85: 1180, p95: 1190 },
        onTime: { probability: 1, low: 0.84, high: 1 },
        unitCost: { mean: 1.2, p50: 1.2, p95: 1.25 },
        unitCosts: Array.from({ length: 20 }, (_, i) => 1.19 + i * 0.001),
        pools: [
          { name: 'annotators', utilization: 0.9, load: 0.95, bottleneckShare: 0.6, peakQueue: 400_000 },
          { name: 'manila', utilization: 0.85, load: 0.9, bottleneckShare: 0.4, peakQueue: 100_000 },
        ],
        vsBaseline: { completionHours: { mean: -250, low: -260, high: -240 }, unitCost: { mean: 0.29, low: 0.28, high: 0.3 }, cost: { mean: 40_000, low: 39_000, high: 41_000 } },
        work: [
          { name: 'frames', items: 318_000, p85: 1180, onTime: 1, cost: 100_000, costPerEquivalentUnit: 0.31 },
          { name: 'frames-manila', items: 182_000, p85: 1170, onTime: 1, cost: 90_000, costPerEquivalentUnit: 0.49 },
        ],
      }),
      plan('stuck', {
        completionHours: completions(15, 3000, 20),
        notFinished: 5,
        completion: { mean: null, p50: 3200, p85: null, p95: null },
        onTime: { probability: 0, low: 0, high: 0.16 },
        unitCost: { mean: 1.5, p50: 1.5, p95: 1.6 },
        vsBaseline: { completionHours: { mean: 1700, low: 1650, high: 1750 }, unitCost: { mean: 0.59, low: 0.58, high: 0.6 }, cost: { mean: 90_000, low: 88_000, high: 92_000 } },
      }),
    ],
    sensitivity: null,
    ...over,
  };
}

export const SENSITIVITY: Sensitivity = {
  plan: 'base',
  change: 0.2,
  replications: 50,
  base: { p85: 1460, unitCost: 0.91 },
  parameters: [
    { parameter: 'pools.annotators.headcount', label: 'Annotators', low: { p85: 1800, unitCost: 0.95 }, high: { p85: 1200, unitCost: 0.9 } },
    { parameter: 'stages.annotate.handling.mean', label: 'Handling time', low: { p85: 1300, unitCost: 0.8 }, high: { p85: 1650, unitCost: 1.05 } },
    { parameter: 'pools.annotators.errorRate', label: 'Error rate', low: { p85: 1450, unitCost: 0.89 }, high: { p85: 1470, unitCost: 0.93 } },
  ],
};
