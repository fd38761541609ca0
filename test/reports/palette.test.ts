import { describe, expect, it } from 'vitest';
import { ACTIVITY_STYLES, activityLabel, activityStyles, colorDistance, colorFor, dashFor, freeActivityStyle, lab, PLAN_COLORS, symbolFor } from '../../reports/palette.js';
import type { QualityReport } from '../../reports/report-data.js';
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
    const colours = [...Object.values(ACTIVITY_STYLES), ...Array.from({ length: 24 }, (_, k) => freeActivityStyle(k))].map((s) => s.color);
    for (const a of colours) for (let i = 0; i < 50; i++) expect(a).not.toBe(colorFor(i));
    for (const a of colours) for (const p of PLAN_COLORS) expect(colorDistance(a, p), `${a} vs ${p}`).toBeGreaterThan(20);
    const figures = figuresOf(renderReport(reportData()));
    const planColours = new Set(reportData().plans.map((_, i) => colorFor(i)));
    for (const t of figures['cost-by-activity'].data.filter((t) => t.type === 'bar')) expect(planColours.has((t.marker as { color: string }).color)).toBe(false);
  });
});

describe('cost activity styles', () => {
  const byActivity = { annotation: 120_000, rework: 5_000, review: 8_000, idle: 20_000, platform: 3_000, management: 9_600, guidelines: 5_000, goldSet: 3_000, agreementAudits: 2_000, vendorOnboarding: 1_500, '<b>x</b>': 700 };
  const quality = (over: Partial<QualityReport> = {}): QualityReport => ({
    residualError: { mean: 0.0324, low: 0.03, high: 0.0348 },
    errorsMadePer1000: 398.2,
    reviewTiers: [{ stage: 'qa', foundPer1000: 41.5 }],
    // The Quality chart leaves out annotation, idle and overheads, so its lines sit at other places in its stack than in the Cost chart's.
    costPerAccurate: [
      { activity: 'review', stated: false, amount: 0.016 },
      { activity: 'rework', stated: false, amount: 0.01 },
      { activity: 'guidelines', stated: true, amount: 0.0102 },
      { activity: 'goldSet', stated: true, amount: 0.006 },
      { activity: 'agreementAudits', stated: true, amount: 0.004 },
      { activity: 'vendorOnboarding', stated: true, amount: 0.003 },
      { activity: '<b>x</b>', stated: true, amount: 0.0014 },
    ],
    qualityCostPerAccurate: 0.05,
    vsBaseline: null,
    ...over,
  });
  const data = reportData({ plans: [plan('base', { cost: { mean: 178_000, atDeadline: 150_000, byActivity }, quality: quality() }), plan('fast', { cost: { mean: 190_000, atDeadline: 160_000, byActivity }, quality: quality() })] });
  const figures = figuresOf(renderReport(data));
  type Bar = { name: string; type: string; marker: { color: string; pattern: { shape: string } } };
  const bars = (id: string) => (figures[id]!.data as Bar[]).filter((t) => t.type === 'bar');

  it('draws each cost line in one colour and pattern, the same in the Cost and the Quality charts', () => {
    const cost = new Map(bars('cost-by-activity').map((t) => [t.name, t]));
    const quality = bars('quality-cost');
    expect(quality.map((t) => t.name)).toEqual(['review', 'rework', 'guidelines', 'gold set', 'agreement audits', 'vendorOnboarding', '&lt;b&gt;x&lt;/b&gt;']);
    for (const q of quality) {
      const c = cost.get(q.name)!;
      expect(c, q.name).toBeDefined();
      expect(q.marker.color, q.name).toBe(c.marker.color);
      expect(q.marker.pattern.shape, q.name).toBe(c.marker.pattern.shape);
    }
  });

  it('gives the lines of one chart clearly different looks: no two alike, every two colours at least 20 apart, gold set nothing like annotation', () => {
    const looks = bars('cost-by-activity').map((t) => `${t.marker.color} ${t.marker.pattern.shape}`);
    expect(new Set(looks).size).toBe(looks.length);
    const known = Object.entries(ACTIVITY_STYLES);
    for (let i = 0; i < known.length; i++) for (let j = 0; j < i; j++) expect(colorDistance(known[i]![1].color, known[j]![1].color), `${known[i]![0]} vs ${known[j]![0]}`).toBeGreaterThan(20);
    expect(colorDistance(ACTIVITY_STYLES.annotation!.color, ACTIVITY_STYLES.goldSet!.color)).toBeGreaterThan(40);
    expect(lab(ACTIVITY_STYLES.goldSet!.color)[0]).toBeGreaterThan(40);
  });

  it('gives lines of similar colour different patterns (platform and gold set were two browns with one hatch)', () => {
    const known = Object.entries(ACTIVITY_STYLES);
    for (let i = 0; i < known.length; i++)
      for (let j = 0; j < i; j++) {
        const [a, b] = [known[i]!, known[j]!];
        if (colorDistance(a[1].color, b[1].color) < 32) expect(a[1].pattern, `${a[0]} vs ${b[0]}`).not.toBe(b[1].pattern);
      }
  });

  it('styles the lines a file names by their order in the report, so a chart that leaves some out does not shift the others', () => {
    const style = activityStyles(['annotation', 'alpha', 'beta', 'gamma']);
    expect(style('gamma')).toEqual(freeActivityStyle(2));
    expect(activityStyles(['gamma', 'beta', 'alpha'])('alpha')).toEqual(freeActivityStyle(2));
    expect(style('goldSet')).toEqual(ACTIVITY_STYLES.goldSet);
    const free = new Set(Array.from({ length: 24 }, (_, k) => JSON.stringify(freeActivityStyle(k))));
    expect(free.size).toBe(24);
  });

  it('names the files’ own cost keys in words in the legends and keeps any other name as written', () => {
    expect(activityLabel('goldSet')).toBe('gold set');
    expect(activityLabel('agreementAudits')).toBe('agreement audits');
    expect(activityLabel('vendorOnboarding')).toBe('vendorOnboarding');
    expect(activityLabel('__proto__')).toBe('__proto__');
    const names = bars('cost-by-activity').map((t) => t.name);
    expect(names).toContain('gold set');
    expect(names).not.toContain('goldSet');
    // A name from the file reaches Plotly escaped, in the legend and the hover label.
    const hostile = bars('cost-by-activity').find((t) => t.name.includes('x&lt;'))! as Bar & { hovertemplate: string };
    expect(hostile.name).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(hostile.hovertemplate).toContain('&lt;b&gt;x&lt;/b&gt;');
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
