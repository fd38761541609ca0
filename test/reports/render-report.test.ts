import { describe, expect, it } from 'vitest';
import { plotlyVersion } from '../../reports/plotly-source.js';
import type { ReportData } from '../../reports/report-data.js';
import { renderReport, scriptJson } from '../../reports/render-report.js';
import { recommendationLine, verdictLine } from '../../reports/sections/verdict.js';
import { embeddedJson, figuresOf, plotContainers, sectionIds, visibleText } from './html.js';
import { plan, reportData, SENSITIVITY } from './report-fixture.js';

describe('the report page', () => {
  const data = reportData();
  const html = renderReport(data);

  it('is one self-contained file: Plotly inlined, nothing fetched, a policy that forbids the network', () => {
    expect(plotlyVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(html).toContain(`plotly.js v${plotlyVersion()}`);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).not.toMatch(/@import|@font-face/);
    expect(html).toContain(`content="default-src 'none';`);
    // One inline script tag for Plotly means its source holds no "</script" that would end it early.
    expect(html.match(/<\/script>/g)).toHaveLength(4);
  });

  it('embeds the report data as JSON that reads back to the same data', () => {
    expect(embeddedJson<ReportData>(html, 'report-data')).toEqual(data);
  });

  it('promises in each plot container the number of traces its figure has', () => {
    const figures = figuresOf(html);
    const plots = plotContainers(html);
    expect(plots.map((p) => p.id)).toEqual(['completion-cdf', 'burn-down', 'unit-cost', 'cost-by-activity', 'comparison', 'utilisation', 'waits']);
    for (const p of plots) expect(figures[p.id].data, p.id).toHaveLength(p.traces);
    expect(Object.keys(figures).sort()).toEqual(plots.map((p) => p.id).sort());
  });

  it('runs header, verdict, deadline risk, burn-down, cost, comparison, bottlenecks, sensitivity, portfolio in that order', () => {
    expect(sectionIds(html)).toEqual(['verdict', 'deadline-risk', 'burn-down', 'cost', 'comparison', 'bottlenecks', 'sensitivity', 'portfolio']);
    const text = visibleText(html);
    expect(text.indexOf('eight-week-video')).toBeLessThan(text.indexOf('1. Verdict'));
    for (const fact of ['64504fbd58f2', '20270405', '20 per plan', '0.1.0', '22 Nov 2026, 23:25 UTC', '17 s', '8 weeks after the start: the end of Sun 30 May 2027 (24:00 Europe/Berlin)']) {
      expect(text).toContain(fact);
    }
    expect(html).toContain('title="64504fbd58f2cebf425fcb649a2cc3da00da68577405a6b95975a0825872b806"');
  });

  it('is the same bytes for the same data', () => {
    expect(renderReport(reportData())).toBe(html);
  });
});

describe('the verdict', () => {
  const data = reportData();
  it('states the chance on time with its interval, the p85 and the unit cost per plan', () => {
    const base = plan('base', { onTime: { probability: 0.04, low: 0.02, high: 0.07 }, completion: { mean: 1950, p50: 1900, p85: 1948.8, p95: 2000 } });
    expect(verdictLine(base, data.header)).toBe('base: 4% chance to finish by 8 weeks (95% CI 2%–7%); p85 at 11.6 weeks; $0.91 per accurate item');
  });

  it('says how many replications did not finish by the horizon, and that the p85 is beyond it', () => {
    expect(verdictLine(data.plans[2], data.header)).toBe(
      'stuck: 0% chance to finish by 8 weeks (95% CI 0%–16%); p85 beyond the 30-week horizon; $1.50 per accurate item (5 of 20 replications did not finish by the 30-week horizon)',
    );
  });

  it('recommends the cheapest plan likely enough to finish on time', () => {
    expect(recommendationLine(data.plans, data.header)).toBe(
      'Recommended: fast — the only plan with at least a 90% chance to finish on time (100%), at $1.20 per accurate item.',
    );
    expect(visibleText(renderReport(data))).toContain('Recommended: fast');
  });

  it('says the recommendation follows the default policy when the file sets none, and how to set one', () => {
    const text = visibleText(renderReport(data));
    expect(text).toContain('This is the default decision policy: among the plans whose estimated chance on time is at least 90%, the cheapest per accurate item');
    expect(text).toMatch(/An experiment file can set its own with decision\s*, giving targets for the chance on time/);
    const decision = { name: 'Finance sign-off', basis: 'estimate' as const, targets: { budget: 160_000 } };
    expect(visibleText(renderReport({ ...data, decision }))).not.toContain('default decision policy');
  });

  it('recommends by the decision policy of the file when it has one, and names the policy', () => {
    const est = (mean: number, low: number, high: number) => ({ mean, low, high });
    const figures = (onTime: [number, number, number], cost: number) => ({ onTime: est(...onTime), serviceLevel: null, timeInSystemP85: null, residualError: est(0.02, 0.019, 0.021), cost: est(cost, cost, cost) });
    const plans = data.plans.map((p, i) => ({ ...p, decisionFigures: figures([[0.04, 0.02, 0.07], [1, 0.84, 1], [0, 0, 0.16]][i] as [number, number, number], [150_000, 180_000, 200_000][i]) }));
    const decision = { name: null, basis: 'estimate' as const, targets: { budget: 160_000 } };
    expect(recommendationLine(plans, data.header, decision)).toBe(
      'Recommended: base — the only plan meeting the decision policy "mean cost at most $160,000, on the estimates", at $0.91 per accurate item.',
    );
    const named = { ...decision, name: 'Finance sign-off', targets: { onTime: 0.9, budget: 160_000 } };
    expect(visibleText(renderReport({ ...data, plans, decision: named }))).toContain(
      'Recommended: base — no plan meets the decision policy "Finance sign-off"; this one misses the fewest targets (chance on time), and is the cheapest of the 2 tied, at $0.91 per accurate item.',
    );
  });

  it('flags a pool loaded above 100% in the capacity check', () => {
    const html = renderReport(data);
    expect(html).toMatch(/<td class="num over"[^>]*><strong>161%<\/strong> <span class="flag">over capacity<\/span>/);
    expect(visibleText(html)).toContain('loaded above 100%');
  });
});

describe('the charts', () => {
  const data = reportData();
  const figures = figuresOf(renderReport(data));

  it('draws each completion curve in weeks, stopping below 1 for a plan with censored replications, and says so', () => {
    const cdf = figures['completion-cdf'];
    const curve = (name: string) => cdf.data.find((t) => t.name === name) as { x: number[]; y: number[] };
    expect(curve('base').y.at(-1)).toBe(1);
    expect(curve('stuck').y.at(-1)).toBe(0.75);
    expect(curve('base').x[1]).toBeCloseTo(1300 / 168, 4);
    const shapes = (cdf.layout.shapes as Array<{ x0: number; line: { dash: string } }>).filter((s) => s.line.dash === 'dash');
    expect(shapes.map((s) => s.x0)).toEqual([8]);
    expect(visibleText(renderReport(data))).toContain('stuck: 5 of 20 replications did not finish by the 30-week horizon, so its curve stops at 75%');
  });

  it('marks p50, p85 and p95 where known, leaving out those beyond the horizon', () => {
    const marks = figures['completion-cdf'].data.filter((t) => String(t.name).endsWith('p50/p85/p95')) as Array<{ name: string; y: number[] }>;
    expect(marks.map((m) => [m.name, m.y])).toEqual([
      ['base p50/p85/p95', [0.5, 0.85, 0.95]],
      ['fast p50/p85/p95', [0.5, 0.85, 0.95]],
      ['stuck p50/p85/p95', [0.5]],
    ]);
  });

  it('draws the burn-down as a p10-p90 band and a median line per plan', () => {
    const bd = figures['burn-down'];
    // The fixture's three plans share one band: the later two are drawn dashed over the first and named so, not hidden under it.
    expect(bd.data.map((t) => t.name)).toEqual(['base p10–p90', 'base', 'fast p10–p90', 'fast (same as base)', 'stuck p10–p90', 'stuck (same as base)']);
    expect((bd.data[1] as { line: { dash: string } }).line.dash).toBe('solid');
    expect((bd.data[5] as { line: { dash: string } }).line.dash).toBe('dash');
    const band = bd.data[0] as { x: number[]; y: number[]; fill: string };
    expect(band.fill).toBe('toself');
    expect(band.x).toHaveLength(10);
    expect(band.y.slice(0, 5)).toEqual([495_000, 490_000, 480_000, 20_000, 1_000]);
  });

  it('stacks cost by activity with one trace per activity that cost anything, and marks the net total', () => {
    expect(figures['cost-by-activity'].data.map((t) => t.name)).toEqual(['annotation', 'rework', 'idle', 'guidelines', 'Net total']);
    // Relative: a negative amount stacks below zero instead of hiding inside the positive stack.
    expect(figures['cost-by-activity'].layout.barmode).toBe('relative');
    expect(figures['unit-cost'].data.map((t) => t.type)).toEqual(['box', 'box', 'box']);
  });

  it('plots chance on time against unit cost with Wilson whiskers, and rings the Pareto front', () => {
    const cmp = figures.comparison;
    const fast = cmp.data.find((t) => t.name === 'fast') as { x: number[]; error_x: { array: number[]; arrayminus: number[] }; error_y: unknown };
    expect(fast.x).toEqual([1]);
    expect(fast.error_x.arrayminus[0]).toBeCloseTo(0.16, 6);
    expect(fast.error_x.array[0]).toBe(0);
    expect(fast.error_y).toBeDefined();
    const front = cmp.data.find((t) => t.name === 'Pareto front') as { x: number[] };
    expect(front.x).toEqual([0.25, 1]);
  });

  it('shows paired differences against the baseline in weeks and money', () => {
    const text = visibleText(renderReport(data));
    expect(text).toContain('Paired differences against the baseline (base)');
    expect(text).toContain('−1.49 wk (−1.55 wk to −1.43 wk)');
    expect(text).toContain('+$0.2900 (+$0.2800 to +$0.3000)');
    expect(text).toContain('+$40,000 (+$39,000 to +$41,000)');
  });

  it('states how many replication pairs each difference rests on: as many as the shorter run', () => {
    const [base, ...rest] = data.plans;
    const text = visibleText(renderReport({ ...data, plans: [{ ...base, replications: 180 }, ...rest.map((p, i) => ({ ...p, replications: [30, 400][i] ?? 20 }))] }));
    expect(text).toMatch(new RegExp(`Plan Pairs Completion time[^]*${rest[0].name} 30 [^]*${rest[1].name} 180 `));
  });

  it('writes every negative number it shows with the true minus sign, not a hyphen', () => {
    const text = visibleText(renderReport(reportData({ sensitivity: SENSITIVITY })));
    expect(text).toContain('−');
    // A hyphen before a figure ("-1.49", "-$0.15", "(-5%"): the report's own text has none.
    expect(text.match(/(?:^|[\s(])-[$€£]?\d[^\s]*/g) ?? []).toEqual([]);
  });

  it('groups utilisation by pool with one bar per plan', () => {
    const u = figures.utilisation;
    expect(u.layout.barmode).toBe('group');
    expect(u.data.map((t) => t.x)).toEqual([
      ['annotators', 'manila'],
      ['annotators', 'manila'],
      ['annotators', 'manila'],
    ]);
    expect(u.data[0].y).toEqual([0.98, null]);
  });

  it('shows a table of work types for a plan with more than one', () => {
    const text = visibleText(renderReport(data));
    expect(text).toMatch(/frames-manila 182,000 7\.0 weeks 100% \$90,000 \$0\.49/);
  });
});

describe('sensitivity', () => {
  it('says how to produce it when the run has none', () => {
    const text = visibleText(renderReport(reportData()));
    expect(text).toContain('labelsim run <file> --sensitivity');
    expect(text).toContain('labelsim sensitivity <file>');
  });

  it('draws tornado charts of p85 weeks and unit cost, widest swing on top', () => {
    const html = renderReport(reportData({ sensitivity: SENSITIVITY }));
    const figures = figuresOf(html);
    expect(plotContainers(html).filter((p) => p.id.startsWith('tornado'))).toEqual([
      { id: 'tornado-p85', traces: 2 },
      { id: 'tornado-unit-cost', traces: 2 },
    ]);
    const p85 = figures['tornado-p85'].data[0] as { y: string[]; x: number[]; base: number[] };
    // Plotly draws the first category at the bottom: the widest swing (annotators, 600 h) is last.
    expect(p85.y).toEqual(['Error rate', 'Handling time', 'Annotators']);
    expect(p85.base[0]).toBeCloseTo(1460 / 168, 4);
    expect(p85.x[2]).toBeCloseTo((1800 - 1460) / 168, 4);
    expect((figures['tornado-unit-cost'].data[1] as { y: string[] }).y).toEqual(['Error rate', 'Annotators', 'Handling time']);
  });
});

describe('an open-ended (steady-state) experiment', () => {
  const open = reportData({
    header: { ...reportData().header, deadlineHours: null, openEnded: true },
    plans: [
      plan('base', {
        completionHours: [],
        completion: { mean: null, p50: null, p85: null, p95: null },
        onTime: null,
        burnDown: null,
        unitCosts: [0, 0, 0],
        unitCost: { mean: 0, p50: 0, p95: 0 },
        cost: { mean: 0, atDeadline: 0, byActivity: { annotation: 0 } },
        pools: [{ name: 'servers', utilization: 0.9, load: 0.9, bottleneckShare: 1, peakQueue: 70 }],
        stages: [{ name: 'serve', waitMean: 0.669, waitP95: 2.6 }],
        work: [{ name: 'jobs', items: null, p85: null, onTime: null, cost: 0, costPerEquivalentUnit: null }],
      }),
    ],
  });
  const html = renderReport(open);

  it('skips completion, burn-down and on-time sections and shows utilisation and waits', () => {
    expect(sectionIds(html)).toEqual(['verdict', 'bottlenecks']);
    expect(plotContainers(html)).toEqual([
      { id: 'utilisation', traces: 1 },
      { id: 'waits', traces: 1 },
    ]);
  });

  it('gives a verdict of utilisation and waits, without a deadline', () => {
    expect(verdictLine(open.plans[0], open.header)).toBe('base: busiest pool servers at 90% utilisation; longest mean wait 40 min at serve (p95 2.6 h)');
    expect(visibleText(html)).toContain('none (open-ended: items keep arriving; a steady-state study)');
  });

  /** The same plan with too few servers: offered `load` of their capacity. */
  const saturated = (load: number) =>
    reportData({ ...open, plans: [{ ...open.plans[0], pools: [{ name: 'servers', utilization: 0.999, load, bottleneckShare: 1, peakQueue: 9000, saturated: true }] }] });

  it('says a plan whose pool is offered more than its capacity has no steady state, in its verdict, its header and its capacity check', () => {
    const over = saturated(1.125);
    expect(verdictLine(over.plans[0], over.header)).toBe('base: no steady state (servers offered 112.5% of capacity); busiest pool servers at 100% utilisation; longest mean wait 40 min at serve (p95 2.6 h)');
    const page = renderReport(over);
    const text = visibleText(page);
    expect(text).toContain('none (open-ended: items keep arriving)');
    expect(text).not.toContain('steady-state study');
    expect(page).toMatch(/<td class="num over"[^>]*><strong>113%<\/strong> <span class="flag">no steady state<\/span>/);
    expect(text).toContain('One pool is offered at least its capacity in its plan: its queue grows without bound, so the plan has no steady state and its waits depend on the horizon.');
    // The deadline's words are for work that can finish.
    expect(text).not.toContain('in time');
  });

  it('says so at exactly 100%, where a queue with random arrivals is null recurrent', () => {
    const full = saturated(1);
    expect(verdictLine(full.plans[0], full.header)).toMatch(/^base: no steady state \(servers offered 100\.0% of capacity\); /);
    expect(renderReport(full)).toMatch(/<td class="num over"[^>]*><strong>100%<\/strong> <span class="flag">no steady state<\/span>/);
  });
});

describe('escaping', () => {
  it('keeps plan names with markup as text, and the embedded JSON unable to close its script', () => {
    const data = reportData();
    data.plans[1] = { ...data.plans[1], name: '</script><b>x</b>' };
    const html = renderReport(data);
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;');
    expect(embeddedJson<ReportData>(html, 'report-data').plans[1].name).toBe('</script><b>x</b>');
    expect(scriptJson({ a: '</script>&\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
  });
});
