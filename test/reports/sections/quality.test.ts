import { describe, expect, it } from 'vitest';
import type { QualityReport, ReportPlan } from '../../../reports/report-data.js';
import { renderReport } from '../../../reports/render-report.js';
import { agreementReading, pricePerPoint, qualityPlans } from '../../../reports/sections/quality.js';
import { figuresOf, sectionIds, visibleText } from '../html.js';
import { plan, reportData } from '../report-fixture.js';

function quality(over: Partial<QualityReport> = {}): QualityReport {
  return {
    residualError: { mean: 0.0324, low: 0.03, high: 0.0348 },
    errorsMadePer1000: 398.2,
    reviewTiers: [{ stage: 'qa', foundPer1000: 41.5 }],
    costPerAccurate: [
      { activity: 'review', stated: false, amount: 0.12 },
      { activity: 'adjudication', stated: false, amount: 0.3257 },
      { activity: 'penalties', stated: false, amount: -0.01 },
      { activity: 'guidelines', stated: true, amount: 0.0102 },
    ],
    qualityCostPerAccurate: 0.4459,
    vsBaseline: null,
    classes: [
      { name: 'images/car', accepted: 1200, residualError: { mean: 0.0354, low: 0.0324, high: 0.0384 } },
      { name: 'images/bus', accepted: 200, residualError: { mean: 0.0197, low: 0.0156, high: 0.0237 } },
    ],
    agreement: {
      stages: [{ name: 'annotate', percent: { mean: 0.677, low: 0.671, high: 0.683 }, cohensKappa: { mean: 0.431, low: 0.421, high: 0.441 }, fleissKappa: { mean: 0.431, low: 0.421, high: 0.441 }, krippendorffAlpha: { mean: 0.431, low: 0.421, high: 0.441 } }],
      pools: [{ name: '<b>annotators</b>', percent: { mean: 0.677, low: 0.671, high: 0.683 }, kappa: { mean: 0.85, low: 0.84, high: 0.86 } }],
    },
    ...over,
  };
}

const plans = (): ReportPlan[] => [
  plan('base', { quality: quality() }),
  plan('three-labels', {
    quality: quality({
      residualError: { mean: 0.0043, low: 0.0028, high: 0.0058 },
      qualityCostPerAccurate: 0.638,
      vsBaseline: { residualError: { mean: -0.0281, low: -0.0306, high: -0.0255 }, unitCost: { mean: 0.4963, low: 0.48, high: 0.51 } },
    }),
  }),
];

describe('the Quality section', () => {
  it('appears after the costs when a plan makes errors or spends on quality, and not otherwise', () => {
    const ids = sectionIds(renderReport(reportData({ plans: plans() })));
    expect(ids).toContain('quality');
    expect(ids.indexOf('quality')).toBe(ids.indexOf('cost') + 1);
    const clean = quality({ errorsMadePer1000: 0, qualityCostPerAccurate: 0 });
    expect(qualityPlans([plan('a', { quality: clean })])).toEqual([]);
    expect(sectionIds(renderReport(reportData()))).not.toContain('quality');
  });

  it('prices the error a plan removes: the paired unit-cost difference over the points of residual error removed', () => {
    const text = visibleText(renderReport(reportData({ plans: plans() })));
    expect(text).toContain('3.24%');
    expect(text).toContain('−2.81 pt');
    expect(text).toContain('Found by qa per 1,000');
    expect(text).toContain('41.5');
    // 0.4963 / 2.81 points = 0.1766 per point.
    expect(text).toContain(`$${(0.4963 / 2.81).toFixed(4)}`);
  });

  it('quotes no negative price: a plan cheaper and more accurate than the baseline is no trade-off, one dearer and less accurate says so', () => {
    const better = plan('better', { quality: quality({ vsBaseline: { residualError: { mean: -0.0044, low: -0.0061, high: -0.0027 }, unitCost: { mean: -0.0739, low: -0.081, high: -0.0668 } } }) });
    const worse = plan('worse', { quality: quality({ vsBaseline: { residualError: { mean: 0.012, low: 0.009, high: 0.015 }, unitCost: { mean: 0.05, low: 0.04, high: 0.06 } } }) });
    const text = visibleText(renderReport(reportData({ plans: [plan('base', { quality: quality() }), better, worse] })));
    expect(text).toContain('cheaper and more accurate than base: no trade-off');
    expect(text).toContain('dearer and less accurate than base');
    // The differences themselves, with the true minus; -0.0739 / 0.44 points would have read "-$0.1680".
    expect(text).toContain('−0.44 pt');
    expect(text).toContain('−$0.0739 −$0.0810 to −$0.0668');
    expect(text).not.toContain('$0.1680');
    expect(text).not.toMatch(/[-−]\$0\.16/);
  });

  it('prices a point of error only when the plan removes error at an extra cost', () => {
    const money = (x: number) => `$${x.toFixed(4)}`;
    const removes = { mean: -0.02, low: -0.03, high: -0.01 };
    expect(pricePerPoint({ residualError: removes, unitCost: { mean: 0.1, low: 0.05, high: 0.15 } }, 'base', money)).toBe('$0.0500');
    expect(pricePerPoint({ residualError: removes, unitCost: { mean: -0.1, low: -0.15, high: -0.05 } }, 'base', money)).toBe('cheaper and more accurate than base: no trade-off');
    // Cheaper on average but not clearly: no dearer, still no price to quote.
    expect(pricePerPoint({ residualError: removes, unitCost: { mean: -0.01, low: -0.05, high: 0.03 } }, 'base', money)).toBe('more accurate than base at no extra cost: no trade-off');
    expect(pricePerPoint({ residualError: { mean: 0.02, low: 0.01, high: 0.03 }, unitCost: { mean: 0.1, low: 0.05, high: 0.15 } }, 'base', money)).toBe('dearer and less accurate than base');
    // No clear difference in error, or a cheaper plan with more error (a trade-off the other way): nothing to price.
    expect(pricePerPoint({ residualError: { mean: -0.001, low: -0.01, high: 0.008 }, unitCost: { mean: 0.1, low: 0.05, high: 0.15 } }, 'base', money)).toBe('no clear difference in error from base');
    // Cheaper but less accurate: no error removed to price (a bare dash said nothing).
    expect(pricePerPoint({ residualError: { mean: 0.02, low: 0.01, high: 0.03 }, unitCost: { mean: -0.1, low: -0.15, high: -0.05 } }, 'base', money)).toBe('less accurate than base: no error removed');
    expect(pricePerPoint(null, 'base', money)).toBe('—');
  });

  it('draws the quality cost by activity, penalties below zero, and residual error against that cost', () => {
    const figs = figuresOf(renderReport(reportData({ plans: plans() })));
    const cost = figs['quality-cost']!;
    expect(cost.data.map((t) => t.name)).toEqual(['review', 'adjudication', 'penalties', 'guidelines']);
    expect((cost.layout as { barmode: string }).barmode).toBe('relative');
    expect(cost.data.find((t) => t.name === 'penalties')!.y).toEqual([-0.01, -0.01]);
    const frontier = figs['quality-frontier']!;
    expect(frontier.data.map((t) => (t.x as number[])[0])).toEqual([0.4459, 0.638]);
  });

  it('shows residual error by class, and kappa against the 0.8 and 0.6 marks with the reading of each', () => {
    const html = renderReport(reportData({ plans: plans() }));
    const figs = figuresOf(html);
    expect(figs['quality-classes']!.data[0]!.x).toEqual(['images/car', 'images/bus']);
    const shapes = (figs['quality-agreement']!.layout as { shapes: Array<{ y0: number }> }).shapes.map((s) => s.y0);
    expect(shapes).toEqual([0.8, 0.6]);
    const text = visibleText(html);
    expect(text).toContain('weak: check the guidelines');
    expect(text).toContain('strong');
    // A pool's name from the file is text, never markup.
    expect(html).not.toContain('<b>annotators</b>');
    expect(html).toContain('&lt;b&gt;annotators&lt;/b&gt;');
  });

  it('reads kappa as Landis and Koch: 0.8 and above strong, 0.6 to 0.8 moderate, below 0.6 weak', () => {
    expect(agreementReading(0.8)).toBe('strong');
    expect(agreementReading(0.79)).toBe('moderate');
    expect(agreementReading(0.6)).toBe('moderate');
    expect(agreementReading(0.59)).toBe('weak: check the guidelines');
    expect(agreementReading(null)).toBe('n/a');
  });
});
