import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLORS, activityColor, colorDistance, colorFor, dashFor, lab, PLAN_COLORS, symbolFor } from '../../reports/palette.js';
import { renderReport } from '../../reports/render-report.js';
import { stageUnits, waitsFigure } from '../../reports/sections/bottlenecks.js';
import { reportContext } from '../../reports/section.js';
import { figuresOf, visibleText } from './html.js';
import { plan, reportData } from './report-fixture.js';

describe('plan and activity colours', () => {
  it('gives the first nine plans colours far apart (no two oranges), none of them yellow', () => {
    for (let i = 0; i < PLAN_COLORS.length; i++) for (let j = 0; j < i; j++) expect(colorDistance(colorFor(i), colorFor(j)), `${i} vs ${j}`).toBeGreaterThan(20);
    // Orange and vermillion are the pair readers confused: they are no longer neighbours.
    expect(PLAN_COLORS.indexOf('#D55E00')).toBeGreaterThan(PLAN_COLORS.indexOf('#E69F00') + 2);
    expect(PLAN_COLORS).not.toContain('#F0E442');
  });

  it('never gives a plan a pale colour, from 1 to 50 plans, and no two of the 50 the same colour, dash and marker', () => {
    const styles = new Set<string>();
    for (let i = 0; i < 50; i++) {
      expect(lab(colorFor(i))[0], `plan ${i} lightness`).toBeLessThanOrEqual(72);
      expect(colorDistance(colorFor(i), '#FFFFFF'), `plan ${i} against white`).toBeGreaterThan(35);
      styles.add(`${colorFor(i)} ${dashFor(i)} ${symbolFor(i)}`);
    }
    expect(styles.size).toBe(50);
    expect(dashFor(0)).toBe('solid');
    expect(dashFor(PLAN_COLORS.length)).not.toBe('solid');
  });

  it('colours activities apart from every plan colour', () => {
    for (let a = 0; a < ACTIVITY_COLORS.length; a++) for (let i = 0; i < 50; i++) expect(activityColor(a)).not.toBe(colorFor(i));
    for (const a of ACTIVITY_COLORS) for (const p of PLAN_COLORS) expect(colorDistance(a, p), `${a} vs ${p}`).toBeGreaterThan(20);
    const figures = figuresOf(renderReport(reportData()));
    const planColours = new Set(reportData().plans.map((_, i) => colorFor(i)));
    for (const t of figures['cost-by-activity'].data.filter((t) => t.type === 'bar')) expect(planColours.has((t.marker as { color: string }).color)).toBe(false);
  });
});

describe('waiting times', () => {
  const twoStages = (annotate: number, review: number) =>
    plan('p', { stages: [{ name: 'annotate', waitMean: annotate, waitP95: annotate * 2 }, { name: 'review', waitMean: review, waitP95: review * 3 }] });

  it('gives each stage the unit that suits it: weeks for a long queue, minutes for a quick review', () => {
    const plans = [twoStages(600, 0.1)];
    expect(stageUnits(plans, ['annotate', 'review']).map((u) => u.name)).toEqual(['weeks', 'minutes']);
    const w = waitsFigure(reportContext(reportData({ plans })), ['annotate', 'review'])!;
    // One panel per stage, each y axis titled with its own unit; the review's bar is 6 minutes, not 0.0006 weeks.
    expect((w.figure.layout.yaxis as { title: { text: string } }).title.text).toBe('weeks');
    expect((w.figure.layout.yaxis2 as { title: { text: string } }).title.text).toBe('minutes');
    const review = w.figure.data.find((t) => t.yaxis === 'y2') as { y: number[] };
    expect(review.y).toEqual([6]);
  });

  it("names the p95 for what it is, and explains a mean above it", () => {
    const skewed = plan('skewed', { stages: [{ name: 'annotate', waitMean: 600, waitP95: 20 }] });
    const text = visibleText(renderReport(reportData({ plans: [skewed] })));
    expect(text).toContain("mean of replications' p95");
    expect(text).toContain('The mean is above the mean of p95s');
    const w = figuresOf(renderReport(reportData({ plans: [skewed] }))).waits;
    const bar = w.data[0] as { error_y: { array: number[]; arrayminus: number[] } };
    // The whisker goes down to the p95 rather than vanishing.
    expect(bar.error_y.array[0]).toBe(0);
    expect(bar.error_y.arrayminus[0]).toBeGreaterThan(0);
  });

  it('shows the p95 of all waits pooled over replications when the data has it, in the chart and the table', () => {
    const pooled = plan('pooled', { stages: [{ name: 'annotate', waitMean: 600, waitP95: 20, pooledP95: 900 }] });
    const html = renderReport(reportData({ plans: [pooled] }));
    expect(visibleText(html)).toContain('mean / p95 of all waits pooled');
    expect(visibleText(html)).not.toContain("mean of replications' p95");
    const bar = figuresOf(html).waits.data[0] as { y: number[]; error_y: { array: number[] } };
    // 600 h and 900 h in weeks: the whisker rises to the pooled p95.
    expect(bar.error_y.array[0]).toBeCloseTo((900 - 600) / 168, 3);
  });

  it('shows the bottleneck pool’s load, not a peak queue that is only the backlog, for a project with a backlog', () => {
    const text = visibleText(renderReport(reportData()));
    expect(text).toContain('Its load (work offered / capacity)');
    expect(text).toContain('161%');
    expect(text).not.toMatch(/peak queue/i);
  });
});
