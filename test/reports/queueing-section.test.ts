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
    // Each stage in its own unit: weeks for the annotate queue, minutes for the review.
    expect(text).toMatch(/annotate\s*100\.0% \(100\.0%–100\.0%\)\s*2\.0% \(1\.0%–3\.0%\)\s*2\.98 weeks/);
    expect(text).toMatch(/review\s*30\.0% \(28\.0%–32\.0%\)\s*99\.0% \(98\.0%–100\.0%\)\s*0\.00 minutes\s*6\.00 minutes/);
  });

  it('draws weekly throughput and queue bands, items by the deadline as a histogram, and delivery turnarounds against their SLA', () => {
    const figures = figuresOf(html);
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['weekly-throughput', 'weekly-queue', 'by-deadline', 'turnaround']));
    // A band and a median line per plan.
    expect(figures['weekly-throughput'].data).toHaveLength(4);
    expect(figures['by-deadline'].data.map((t) => (t as { type: string }).type)).toEqual(['histogram', 'histogram']);
    expect(text).toMatch(/frames\s*2\s*10\.0 days\s*8\.3 days–9\.2 days\s*not all done\s*65%\s*3/);
  });

  it('is left out for report data written before the measures were kept', () => {
    expect(sectionIds(renderReport(reportData()))).not.toContain('queueing');
  });
});
