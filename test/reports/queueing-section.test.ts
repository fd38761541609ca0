import { describe, expect, it } from 'vitest';
import type { QueueingData } from '../../reports/report-data.js';
import { renderReport } from '../../reports/render-report.js';
import { figuresOf, sectionIds, visibleText } from './html.js';
import { plan, reportData } from './report-fixture.js';

const queueing = (scale: number): QueueingData => ({
  pooledError: 'within 3.1% of the exact pooled quantile (0.5 s below 16 s)',
  stages: [
    { name: 'annotate', waitProbability: { mean: 1, low: 1, high: 1 }, serviceLevels: [{ withinHours: 24, level: { mean: 0.02, low: 0.01, high: 0.03 } }], pooledWait: { p50: 500 * scale, p90: 900, p95: 1000, p99: 1100 }, tasks: 500_000 },
    { name: 'review', waitProbability: { mean: 0.3, low: 0.28, high: 0.32 }, serviceLevels: [{ withinHours: 24, level: { mean: 0.99, low: 0.98, high: 1 } }], pooledWait: { p50: 0, p90: 0.1, p95: 0.2, p99: 0.25 }, tasks: 60_000 },
  ],
  pools: [{ name: 'annotators', utilization: { mean: 0.98, low: 0.97, high: 0.99 }, queueMean: { mean: 240_000, low: 239_000, high: 241_000 }, inSystemMean: { mean: 240_010, low: 239_010, high: 241_010 } }],
  timeInSystem: { p50: 600, p85: 1200, p95: 1300 },
  weekly: { hours: [168, 336, 504], accepted: { p10: [38_000, 39_000, 0], p50: [40_000, 41_000, 0], p90: [42_000, 43_000, 0] }, queues: [{ pool: 'annotators', p10: [450_000, 410_000, 0], p50: [460_000, 420_000, 0], p90: [470_000, 430_000, 0] }] },
  byDeadline: { values: [310_000, 320_000, 330_000], p10: 310_000, p50: 320_000, p90: 330_000 },
  deliveries: [
    { name: 'frames#1', slaHours: 240, p50: 200, p90: 260, notFinished: 0, withinSla: 0.8 },
    { name: 'frames#2', slaHours: 240, p50: 220, p90: null, notFinished: 3, withinSla: 0.5 },
  ],
});

describe('the queues and service levels section', () => {
  const data = reportData({ plans: [plan('base', { queueing: queueing(1) }), plan('fast', { queueing: queueing(0.5) })] });
  const html = renderReport(data);
  const text = visibleText(html);

  it('shows the probability of waiting, each service level and the pooled wait quantiles per stage, naming the bound', () => {
    expect(sectionIds(html)).toContain('queueing');
    expect(text).toContain('P(wait ≤ 24.0 h)');
    expect(text).toContain('within 3.1% of the exact pooled quantile');
    expect(text).not.toContain('this file lists none');
    // Each stage in its own unit: weeks for the annotate queue, minutes for the review; no wait at all is 0.
    expect(text).toMatch(/annotate\s*100\.0% \(100\.0%–100\.0%\)\s*2\.0% \(1\.0%–3\.0%\)\s*2\.98 weeks/);
    expect(text).toMatch(/review\s*30\.0% \(28\.0%–32\.0%\)\s*99\.0% \(98\.0%–100\.0%\)\s*0\s*6\.00 minutes/);
  });

  it('says how to get service levels when the file lists no waits to measure them at', () => {
    const none = (scale: number): QueueingData => ({ ...queueing(scale), stages: queueing(scale).stages.map((st) => ({ ...st, serviceLevels: [] })) });
    const bare = visibleText(renderReport(reportData({ plans: [plan('base', { queueing: none(1) }), plan('fast', { queueing: none(0.5) })] })));
    expect(bare).toContain('this file lists none: add, say, waitThresholds: [30s, 4h, 1d]');
    expect(bare).not.toContain('P(wait ≤ 24.0 h)');
  });

  it('draws weekly throughput and queue bands, items by the deadline as a histogram, and delivery turnarounds against their SLA', () => {
    const figures = figuresOf(html);
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['weekly-throughput', 'weekly-queue', 'by-deadline', 'turnaround']));
    // A band (its two edges) and a median line per plan.
    expect(figures['weekly-throughput'].data).toHaveLength(6);
    expect(figures['by-deadline'].data.map((t) => (t as { type: string }).type)).toEqual(['bar', 'bar']);
    expect(text).toMatch(/frames\s*2\s*10\.0 days\s*8\.3 days–9\.2 days\s*not all done\s*65%\s*3/);
  });

  it('draws the p10–p90 band of each over-time chart as its median line is drawn, so the median stays inside its band at every x', () => {
    const figures = figuresOf(html);
    // A week's throughput is held over the week it counts (a 'vh' step back from the week's end); a week-end queue is a reading, joined by lines.
    for (const [id, shape] of [['weekly-throughput', 'vh'], ['weekly-queue', 'linear']]) {
      type Trace = { name: string; legendgroup: string; x: number[]; y: number[]; fill?: string; line: { shape?: string }; hoverinfo?: string };
      const traces = figures[id].data as Trace[];
      const medians = traces.filter((t) => t.hoverinfo !== 'skip');
      expect(medians.map((t) => t.line.shape), id).toEqual([shape, shape]);
      for (const m of medians) {
        const edges = traces.filter((t) => t.legendgroup === m.legendgroup && t !== m);
        // The lower edge, then the upper edge filled down to it: both over the median's x, stepped as it is.
        expect(edges.map((t) => [t.name, t.fill ?? 'none', t.line.shape]), `${id} ${m.name}`).toEqual([[`${m.name} p10`, 'none', shape], [`${m.name} p10–p90`, 'tonexty', shape]]);
        for (const e of edges) expect(e.x).toEqual(m.x);
        const [lower, upper] = edges;
        m.y.forEach((v, i) => {
          expect(lower.y[i]).toBeLessThanOrEqual(v);
          expect(upper.y[i]).toBeGreaterThanOrEqual(v);
        });
      }
    }
    // The first week's count is held from the start (week 0) to its end (week 1); that held point
    // has no hover label of its own, which would read "week ending 0" with week 1's figures.
    const median = (figures['weekly-throughput'].data as Array<{ x: number[]; y: number[]; hovertemplate: string[] }>)[2];
    expect([median.x[0], median.x[1], median.y[0]]).toEqual([0, 1, median.y[1]]);
    expect(median.hovertemplate[0]).toBe('<extra></extra>');
    expect(median.hovertemplate.slice(1).every((t) => t.includes('week ending %{x:.0f}'))).toBe(true);
    const queue = figures['weekly-queue'].data as Array<{ y: number[] }>;
    expect(queue.slice(0, 3).map((t) => t.y)).toEqual([[450_000, 410_000, 0], [470_000, 430_000, 0], [460_000, 420_000, 0]]);
  });

  it('shows items by the deadline as the share of each plan\'s replications, bars of plans side by side', () => {
    // 180 replications against 20: counts would dwarf the smaller plan, and both have bars at 500,000.
    const byDeadline = (n: number, at500k: number): QueueingData['byDeadline'] => ({
      values: [...Array.from({ length: n - at500k }, () => 310_000), ...Array.from({ length: at500k }, () => 500_000)],
      p10: 310_000,
      p50: 500_000,
      p90: 500_000,
    });
    const two = reportData({
      plans: [
        plan('base', { replications: 180, queueing: { ...queueing(1), byDeadline: byDeadline(180, 90) } }),
        plan('fast', { replications: 20, queueing: { ...queueing(0.5), byDeadline: byDeadline(20, 15) } }),
      ],
    });
    const page = renderReport(two);
    const fig = figuresOf(page)['by-deadline'];
    type Bar = { name: string; x: number[]; y: number[]; customdata: number[]; offset: number; width: number };
    const bars = fig.data as Bar[];
    expect(bars.map((b) => b.name)).toEqual(['base', 'fast']);
    for (const b of bars) expect(b.y.reduce((a, v) => a + v, 0), b.name).toBeCloseTo(100, 6);
    expect(bars[0].y).toEqual([50, 50]);
    expect(bars[1].y).toEqual([25, 75]);
    // The counts behind the shares, for the hover.
    expect(bars.map((b) => b.customdata)).toEqual([[90, 90], [5, 15]]);
    // The same bins: both plans have a bar at 500,000, next to each other rather than one over the other.
    expect(bars[0].x).toEqual(bars[1].x);
    expect(bars[0].offset + bars[0].width).toBeLessThanOrEqual(bars[1].offset);
    const layout = fig.layout as { barmode: string; yaxis: { title: { text: string } } };
    expect(layout.barmode).toBe('group');
    expect(layout.yaxis.title.text).toMatch(/^Share of the plan's replications \(%\)$/);
    const text = visibleText(page);
    expect(text).toContain('share of its replications');
    // The p10/p50/p90 table stays.
    expect(text).toMatch(/base\s*310,000\s*500,000\s*500,000/);
  });

  it('is left out for report data written before the measures were kept', () => {
    expect(sectionIds(renderReport(reportData()))).not.toContain('queueing');
  });

  it("says in the deadline risk how short each plan's late replications fell at the deadline: all late by thousands, or one late by a frame", () => {
    expect(text).toContain('base: all 3 replications were late, short of 500,000 at the deadline by 170,000 to 190,000 items, median 180,000.');
    const nearly: QueueingData = { ...queueing(1), byDeadline: { values: [499_999, 500_000, 500_000], p10: 499_999, p50: 500_000, p90: 500_000 } };
    const one = visibleText(renderReport(reportData({ plans: [plan('base', { queueing: nearly })] })));
    expect(one).toContain('base: 1 of 3 replications was late, 1 item short of 500,000 at the deadline.');
    const done: QueueingData = { ...queueing(1), byDeadline: { values: [500_000, 500_000], p10: 500_000, p50: 500_000, p90: 500_000 } };
    expect(visibleText(renderReport(reportData({ plans: [plan('base', { queueing: done })] })))).not.toContain('short of');
  });
});
