import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../reports/render-report.js';
import { reportContext } from '../../../reports/section.js';
import { burnDownSection } from '../../../reports/sections/burn-down.js';
import { deadlineRiskSection } from '../../../reports/sections/deadline-risk.js';
import { verdictLine } from '../../../reports/sections/verdict.js';
import { visibleText } from '../html.js';
import { plan, reportData } from '../report-fixture.js';

/** The fixture's eight-week experiment, its plan "fast" patched to a seven-week deadline of its own. */
function withOwnDeadline() {
  const data = reportData();
  data.plans = data.plans.map((p) => ({ ...p, deadlineHours: p.name === 'fast' ? 7 * 168 : 8 * 168 }));
  // Fast is down to 2,000 items at its own deadline (1,176 h), and done by the first plan's.
  data.plans[1] = { ...data.plans[1]!, burnDown: { hours: [24, 1176, 1344], p10: [470_000, 1_000, 0], p50: [480_000, 2_000, 0], p90: [490_000, 3_000, 0] } };
  return data;
}

interface Mark {
  x0?: number;
  x?: number;
  text?: string;
}

describe("a plan's own deadline in the report", () => {
  const data = withOwnDeadline();
  const text = visibleText(renderReport(data));

  it('is the one its verdict names', () => {
    expect(verdictLine(data.plans[0]!, data.header)).toMatch(/^base: 25% chance to finish by 8 weeks /);
    expect(verdictLine(data.plans[1]!, data.header)).toMatch(/^fast: 100% chance to finish by 7 weeks /);
  });

  it("is stated in the header beside the first plan's", () => {
    expect(text).toContain(
      'Deadline 8 weeks after the start: the end of Sun 30 May 2027 (24:00 Europe/Berlin); plan "fast": 7 weeks after the start: the end of Sun 23 May 2027 (24:00 Europe/Berlin)',
    );
  });

  it('is marked on the completion and burn-down charts, a dashed line per deadline naming the plans of those that are not the first plan\'s', () => {
    for (const section of [deadlineRiskSection, burnDownSection]) {
      const layout = section(reportContext(data)).figures[0]!.layout as { shapes: Mark[]; annotations: Mark[] };
      const lines = layout.shapes.filter((s) => s.x0 !== undefined && (s as { xref?: string }).xref === 'x');
      expect(lines.map((s) => s.x0)).toEqual([8, 7]);
      expect(layout.annotations.filter((a) => a.text?.startsWith('deadline')).map((a) => a.text)).toEqual(['deadline 8 wk', 'deadline 7 wk: fast']);
    }
  });

  it("is each plan's column in the deadline-risk and burn-down tables, and the items left are counted at it", () => {
    expect(text).toContain('Plan Deadline On time (95% CI) p50 p85 p85 date p95 Not finished');
    expect(text).toMatch(/ fast 7 weeks 100% \(84%–100%\) /);
    expect(text).toContain("Plan Deadline Median items left at the plan's deadline p10–p90");
    expect(text).toMatch(/ base 8 weeks 10,000 5,000–20,000 /);
    expect(text).toMatch(/ fast 7 weeks 2,000 1,000–3,000 /);
  });

  it("makes the capacity check's note count to each plan's deadline", () => {
    expect(text).toContain("hours its people are on shift less their expected absences, up to each plan's deadline, with no randomness");
  });

  it('reads as before where every plan has the deadline of the header, or report data predates plans keeping one', () => {
    const same = reportData();
    same.plans = same.plans.map((p) => ({ ...p, deadlineHours: 1344 }));
    const old = visibleText(renderReport(reportData()));
    expect(visibleText(renderReport(same))).toBe(old);
    expect(old).toContain('Plan On time (95% CI) p50 p85');
    expect(old).toContain('hours its people are on shift less their expected absences, up to the deadline (8 weeks), with no randomness');
  });

  it('gives a plan with a deadline its chance on time when the first plan has none', () => {
    const data = reportData();
    data.header = { ...data.header, deadlineHours: null };
    data.plans = [plan('base', { deadlineHours: null, onTime: null }), plan('tight', { deadlineHours: 3 * 24 })];
    expect(verdictLine(data.plans[1]!, data.header)).toMatch(/^tight: 25% chance to finish by 3 days /);
    expect(visibleText(renderReport(data))).toContain('Deadline none; plan "tight": 3 days after the start: the end of Wed 7 Apr 2027 (24:00 Europe/Berlin)');
  });
});
