import { describe, expect, it } from 'vitest';
import type { ReportPrecision } from '../../../reports/report-data.js';
import { renderReport } from '../../../reports/render-report.js';
import { visibleText } from '../html.js';
import { reportData } from '../report-fixture.js';

const point = (replications: number, estimate: number) => ({ replications, estimate, low: estimate * 0.98, high: estimate * 1.02 });
const unitCost = (relativeHalfWidth: number) => ({ figure: 'unitCost' as const, halfWidth: relativeHalfWidth * 0.9, relativeHalfWidth, target: 0.02, met: relativeHalfWidth <= 0.02 / 1.02 });
const precisionPlan = (plan: string, replications: number, width: number): ReportPrecision['plans'][number] => ({
  plan,
  replications,
  met: true,
  figures: [unitCost(width)],
  convergence: { onTime: [], p85: [], unitCost: [point(20, 0.9), point(replications, 0.91)] },
});

function precision(settled: boolean, extra: NonNullable<ReportPrecision['settlement']>['comparisons'] = []): ReportPrecision {
  return {
    confidence: 0.95,
    cap: 1000,
    looks: [20, 30],
    stop: 'met',
    plans: [precisionPlan('base', 30, 0.0159), precisionPlan('fast', 20, 0.0153)],
    settlement: {
      recommended: 'fast',
      settled,
      confidence: 0.975,
      comparisons: [{ plan: 'base', figure: 'unitCost', replications: 20, estimate: 0.05, low: 0.02, high: 0.08, significant: settled }, ...extra],
    },
  };
}

describe('the convergence section', () => {
  it('states each half-width against its target, and names the figures that had one', () => {
    const text = visibleText(renderReport(reportData({ precision: precision(true) })));
    expect(text).toContain('±1.59% (target ±2.00%): met');
    expect(text).toContain('Unit cost reached the precision asked in every plan after 30 replications at most (looks at 20, 30).');
  });

  it("counts the recommended plan's own test against the bar among the tests, and says it", () => {
    const own = precision(true);
    own.settlement!.acceptable = { low: 0.921817, bar: 0.9, significant: true };
    const text = visibleText(renderReport(reportData({ precision: own })));
    expect(text).toContain('is settled: its own chance on time is above the 90% bar beyond doubt (at least 92.2%); it beats base on cost, paired over 20 replications, each of the 2 a one-sided test at 97.50% (the run\'s confidence split over the 2 tests).');
  });

  it('says on what the recommended plan beats each other plan, and over how many pairs', () => {
    const text = visibleText(renderReport(reportData({ precision: precision(true) })));
    expect(text).toContain('The recommendation (fast) is settled: it beats base on cost, paired over 20 replications, a one-sided test at 97.50%');
    const open = visibleText(renderReport(reportData({ precision: precision(false) })));
    expect(open).toContain('its advantage over base (on cost, paired over 20 replications) is not significant');
  });

  it('names whose chance on time is below the bar: the other plan, not the recommended one', () => {
    const belowBar = (significant: boolean) => [{ plan: 'slow', figure: 'onTimeBelowBar' as const, replications: 30, estimate: 0.4, low: 0.25, high: 0.57, significant }];
    const text = visibleText(renderReport(reportData({ precision: precision(true, belowBar(true)) })));
    expect(text).toContain('it beats base on cost, paired over 20 replications; slow, whose chance on time is below the 90% bar (30 replications), each of the 2 a one-sided test at 97.50% (the run\'s confidence split over the 2 tests)');
    const open = visibleText(renderReport(reportData({ precision: precision(false, belowBar(false)) })));
    expect(open).toContain('slow (its chance on time is not surely below the 90% bar, 30 replications)');
  });

  it("counts a decision policy's targets the recommended plan must meet among the tests, and names them", () => {
    const policy = precision(true);
    policy.settlement!.targets = [{ target: 'onTime', value: 0.93, limit: 0.9, significant: true }];
    const text = visibleText(renderReport(reportData({ precision: policy })));
    expect(text).toContain('is settled: it meets the on time target beyond doubt; it beats base on cost, paired over 20 replications, each of the 2 a one-sided test at 97.50% (the run\'s confidence split over the 2 tests).');
  });
});
