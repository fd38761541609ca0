import { describe, expect, it } from 'vitest';
import type { GuidelineReport, ReportData } from '../../reports/report-data.js';
import { renderReport } from '../../reports/render-report.js';
import { sectionIds, visibleText } from './html.js';
import { plan, reportData } from './report-fixture.js';

const spread = (p10: number, p50: number, p90: number) => ({ p10, p50, p90 });

/** A baseline without a change, and a plan whose week-3 change sends 5,600 items back (its name hostile, to see it escaped). */
function withChange(): ReportData {
  const change: GuidelineReport = { name: '<b>cyclists</b>', atHours: spread(504, 504, 504), relabelItems: spread(5250, 5600, 5880), relabelHours: spread(146, 152, 157), relabelCost: spread(3370, 3516, 3630) };
  return reportData({
    plans: [
      plan('no-change'),
      plan('targeted', {
        guidelines: [change],
        vsBaseline: { completionHours: { mean: 96, low: 87, high: 105 }, unitCost: null, cost: { mean: 3977, low: 3920, high: 4035 } },
      }),
    ],
  });
}

describe('the guideline section', () => {
  it('comes after the costs when a plan has guideline changes or a pilot gate, and not otherwise', () => {
    const ids = sectionIds(renderReport(withChange()));
    expect(ids.indexOf('guidelines')).toBe(ids.indexOf('cost') + 1);
    expect(sectionIds(renderReport(reportData()))).not.toContain('guidelines');
  });

  it('shows each change\'s burst (when, items, hours, money) beside the paired delay and extra cost, names escaped', () => {
    const html = renderReport(withChange());
    const text = visibleText(html);
    expect(text).toContain('targeted <b>cyclists</b> 3.0 wk 3.0 wk–3.0 wk 5,600 5,250–5,880 152 h 146 h–157 h $3,516 $3,370–$3,630 +4.0 days (3.6–4.4) +$3,977 ($3,920–$4,035)');
    expect(html).not.toContain('<b>cyclists</b>');
    expect(html).toContain('&lt;b&gt;cyclists&lt;/b&gt;');
  });

  it('shows a pilot gate\'s rounds, opening, agreement against its target and the revisions\' money', () => {
    const data = reportData({
      plans: [plan('piloted', { pilot: { workType: 'images', target: 0.75, rounds: spread(2, 2, 3), openHours: spread(48, 60, 110), agreement: spread(0.79, 0.82, 0.86), passedShare: 0.95, revisionCost: spread(1500, 1500, 3000) } })],
    });
    const text = visibleText(renderReport(data));
    expect(text).toContain('piloted images 75% 2 2–3 0.4 wk 0.3 wk–0.7 wk 82.0% 79.0%–86.0% 95% $1,500 $1,500–$3,000');
  });
});
