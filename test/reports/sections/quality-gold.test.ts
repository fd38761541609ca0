import { describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../reports/report-data.js';
import { renderReport } from '../../../reports/render-report.js';
import { visibleText } from '../html.js';
import { plan, reportData } from '../report-fixture.js';

const base: QualityReport = {
  residualError: { mean: 0.038, low: 0.036, high: 0.04 },
  errorsMadePer1000: 38,
  reviewTiers: [],
  costPerAccurate: [{ activity: 'gold', stated: false, amount: 0.0095 }],
  qualityCostPerAccurate: 0.0095,
  vsBaseline: null,
};
const gold: NonNullable<QualityReport['gold']> = [
  { stage: '<i>annotate</i>', goldItems: 15788, costPerAccurate: 0.0095, flags: 9.25, removed: 9.25, retrainHours: 0, caughtShare: 0.9938, falseFlagShare: 0.1092, timeToFlag: { mean: 42.6, low: 38.1, high: 47.0 } },
];

describe('the Quality section on gold audits', () => {
  it('shows a plan’s gold figures: gold served, flags, the rule’s catch and false flags, and the time to flag with its interval', () => {
    const html = renderReport(reportData({ plans: [plan('replace', { quality: { ...base, gold } })] }));
    const text = visibleText(html);
    expect(text).toContain('Gold audits');
    expect(text).toContain('15,788');
    expect(text).toContain('99.4%');
    expect(text).toContain('10.9%');
    expect(text).toContain('42.6 h');
    expect(text).toContain('38.1 h to 47.0 h');
    // A stage's name from the file is text, never markup.
    expect(html).not.toContain('<i>annotate</i>');
  });

  it('has no gold table for plans without an audit', () => {
    expect(visibleText(renderReport(reportData({ plans: [plan('base', { quality: base })] })))).not.toContain('Gold audits');
  });
});
