import { describe, expect, it } from 'vitest';
import type { ReportPlan } from '../../reports/report-data.js';
import { renderReport } from '../../reports/render-report.js';
import { sectionIds, visibleText } from './html.js';
import { plan, reportData } from './report-fixture.js';

/** Vendor A at $0.5614 per accurate image (interval 0.55-0.57), vendor B at $1.2632; both swept over the QA sample. */
function vendors(): ReportPlan[] {
  const plans = [
    plan('vendor-a', { unitCost: { mean: 0.5614, p50: null, p95: null }, unitCostInterval: { mean: 0.5614, low: 0.55, high: 0.57 }, residualErrorRate: 0.05, errorsCaughtShare: 0.045 }),
    plan('vendor-b', { unitCost: { mean: 1.2632, p50: null, p95: null }, unitCostInterval: { mean: 1.2632, low: 1.25, high: 1.28 }, residualErrorRate: 0.03, errorsCaughtShare: 0.045 }),
  ];
  for (const base of ['vendor-a', 'vendor-b']) {
    for (const [s, u] of [['1%', 0.55], ['20%', 0.7]] as const) {
      plans.push(plan(`${base}/sample=${s}`, { sweep: { plan: base, values: [{ parameter: 'stages.qa.sample', value: s }] }, unitCost: { mean: base === 'vendor-a' ? u : 2 * u, p50: null, p95: null } }));
    }
  }
  return plans;
}

describe('the vendor one-pager', () => {
  it('shows each vendor’s cost per accurate item with its interval, and the cost at each QA sample rate', () => {
    const html = renderReport(reportData({ plans: vendors() }));
    expect(sectionIds(html)).toContain('vendor-comparison');
    const text = visibleText(html);
    expect(text).toContain('$0.5614 ($0.5500 to $0.5700)');
    expect(text).toContain('$1.2632 ($1.2500 to $1.2800)');
    expect(text).toMatch(/sample 1%\s*sample 20%/);
    expect(text).toMatch(/vendor-b\s*\$1\.1000\s*\$1\.4000/);
  });

  it('is left out when there is no sweep of a sample rate over several plans', () => {
    expect(sectionIds(renderReport(reportData()))).not.toContain('vendor-comparison');
  });
});
