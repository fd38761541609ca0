import { describe, expect, it } from 'vitest';
import type { ReportPlan, TrainingReport } from '../../../reports/report-data.js';
import { renderReport } from '../../../reports/render-report.js';
import { recommendationLine, verdictLine } from '../../../reports/sections/verdict.js';
import { figuresOf, sectionIds, visibleText } from '../html.js';
import { plan, reportData } from '../report-fixture.js';

function training(over: Partial<TrainingReport> = {}): TrainingReport {
  return {
    target: 0.9,
    reachedShare: 1,
    labelsToTarget: { p10: 11_000, p50: 12_000, p90: 13_000 },
    timeToTarget: { p10: 960, p50: 1130, p90: 1300 },
    firstModelHours: { p10: 200, p50: 236, p90: 262 },
    costPer10kItems: { p10: 32_500, p50: 36_862, p90: 42_375 },
    costToTarget: { p10: 45_000, p50: 52_000, p90: 60_000 },
    retrains: 11.8,
    retrainCost: 420,
    batchWaitHours: 0,
    accuracyByDay: { hours: [24, 48, 72], p10: [0, 0.84, 0.86], p50: [0, 0.85, 0.87], p90: [0.8, 0.86, 0.88] },
    costByDay: { p10: [900, 1800, 2700], p50: [1000, 2000, 3000], p90: [1100, 2200, 3300] },
    ...over,
  };
}

const strategies = (): ReportPlan[] => [
  plan('manual', { training: training(), burnDown: null, cost: { mean: 52_000, atDeadline: 50_000, byActivity: { annotation: 50_000 } } }),
  plan('active', {
    training: training({ labelsToTarget: { p10: 7000, p50: 7500, p90: 8000 }, batchWaitHours: 79.6 }),
    burnDown: null,
    onTime: { probability: 1, low: 0.98, high: 1 },
    cost: { mean: 36_670, atDeadline: 36_000, byActivity: { annotation: 30_000 } },
  }),
];

describe('the Strategies section', () => {
  it('appears only when a plan trains a model, after the deadline risk', () => {
    expect(sectionIds(renderReport(reportData()))).not.toContain('strategies');
    const ids = sectionIds(renderReport(reportData({ plans: strategies() })));
    expect(ids.indexOf('strategies')).toBe(ids.indexOf('deadline-risk') + 1);
    // An accuracy target has no item count to burn down.
    expect(ids).not.toContain('burn-down');
  });

  it('shows each strategy\'s spreads: labels, time, first model, costs, retrains and batch waits', () => {
    const text = visibleText(renderReport(reportData({ plans: strategies() })));
    expect(text).toContain('Labels to 90.0%');
    expect(text).toContain('12,000');
    expect(text).toContain('11,000–13,000');
    expect(text).toContain('7,500');
    expect(text).toContain('6.7 wk'); // 1,130 h
    expect(text).toContain('1.4 wk'); // 236 h to the first model
    expect(text).toContain('$36,862');
    expect(text).toContain('11.8 × $420');
    expect(text).toContain('80 h');
  });

  it('draws accuracy against weeks and against money, from the first model on, with the target line', () => {
    const figures = figuresOf(renderReport(reportData({ plans: strategies() })));
    const time = figures['strategies-accuracy-time'];
    const money = figures['strategies-accuracy-cost'];
    // Per plan the band's lower and upper edges, then the median line.
    expect(time.data.length).toBe(6);
    // The band starts where nine replications in ten have a model (day 2), the median line has a gap before.
    expect(time.data[0].x).toEqual([2 / 7, 3 / 7].map((w) => Number(w.toFixed(4))));
    expect(time.data[0].y).toEqual([84, 86]);
    expect(time.data[1].y).toEqual([86, 88]);
    expect(time.data[2].y).toEqual([null, 85, 87]);
    expect(money.data[2].x).toEqual([1000, 2000, 3000]);
    expect((time.layout.shapes as Array<{ y0: number }>).some((s) => s.y0 === 90)).toBe(true);
  });

  it('steps the accuracy band like its median line, in both charts, so the median stays inside its band at every x', () => {
    const figures = figuresOf(renderReport(reportData({ plans: strategies() })));
    for (const id of ['strategies-accuracy-time', 'strategies-accuracy-cost']) {
      const traces = figures[id].data as Array<{ name: string; fill?: string; line: { shape?: string } }>;
      expect(traces.map((t) => [t.name, t.fill ?? 'none', t.line.shape]), id).toEqual([
        ['manual p10', 'none', 'hv'],
        ['manual p10–p90', 'tonexty', 'hv'],
        ['manual', 'none', 'hv'],
        ['active p10', 'none', 'hv'],
        ['active p10–p90', 'tonexty', 'hv'],
        ['active', 'none', 'hv'],
      ]);
    }
  });

  it('makes the verdict about reaching the target and its cost, and recommends by that cost', () => {
    const data = reportData({ plans: strategies() });
    expect(verdictLine(data.plans[1], data.header)).toContain('100% chance to reach 90.0% accuracy by 8 weeks');
    expect(verdictLine(data.plans[1], data.header)).toContain('$36,670 to reach it on average');
    expect(recommendationLine(data.plans, data.header)).toContain('Recommended: active');
  });
});
