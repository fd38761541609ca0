import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../reports/render-report.js';
import type { ReportData, ReportPlan } from '../../reports/report-data.js';
import { tempDir } from '../support/cli.js';
import { launchChromium } from './chromium.js';
import { hoverText } from './page-checks.js';
import { plan, reportData } from './report-fixture.js';

/** `n` swept plans whose results sit close together (on time 90-100%, unit cost within 2%): the case that drew as one clump. */
function sweepPlans(n: number): ReportPlan[] {
  return Array.from({ length: n }, (_, i) => {
    const p = 0.9 + (0.1 * i) / Math.max(1, n - 1);
    const cost = 0.9 + 0.0015 * i;
    return plan(`base-review-${i + 1}pct`, {
      onTime: { probability: p, low: Math.max(0, p - 0.08), high: Math.min(1, p + 0.04) },
      unitCost: { mean: cost, p50: cost, p95: cost + 0.01 },
      unitCostInterval: { mean: cost, low: cost - 0.002, high: cost + 0.002 },
      unitCosts: Array.from({ length: 20 }, (_, k) => cost - 0.01 + k * 0.001),
      cost: { mean: 150_000 + i * 1000, atDeadline: 120_000, byActivity: { annotation: 120_000, review: 10_000 + i * 1000, penalty: -4_000, idle: 20_000 } },
      stages: [{ name: 'annotate', waitMean: 600, waitP95: 1200 }, { name: 'review', waitMean: 0.05 + i * 0.01, waitP95: 0.4 }],
      sweep: { plan: 'base', values: [{ parameter: 'review.share', value: `${i + 1}%` }] },
      vsBaseline: i === 0 ? null : { completionHours: { mean: -25, low: -30, high: -20 }, unitCost: { mean: 0.01, low: 0.005, high: 0.015 }, cost: { mean: 1000, low: 900, high: 1100 } },
    });
  });
}

const FIXTURES: Array<{ name: string; data: ReportData }> = [
  { name: 'one plan', data: reportData({ plans: [plan('only')] }) },
  { name: 'three plans', data: reportData() },
  { name: 'twelve sweep plans', data: reportData({ plans: sweepPlans(12) }) },
  { name: 'fifty plans', data: reportData({ plans: sweepPlans(50) }) },
  // Ten review stages make the waits table wider than an 800 px window whatever the styles do.
  {
    name: 'ten stages',
    data: reportData({
      plans: ['base', 'fast'].map((n) => plan(n, { stages: Array.from({ length: 10 }, (_, i) => ({ name: `review-tier-${i + 1}-of-the-long-chain`, waitMean: 0.2 * (i + 1), waitP95: 0.5 * (i + 1) })) })),
    }),
  },
];

const PLOT_CHECK = `Array.from(document.querySelectorAll('.plot')).map((el) => {
  const groups = Array.from(el.querySelectorAll('.cartesianlayer .trace'));
  const drawn = (g) => Array.from(g.querySelectorAll('path')).some((p) => (p.getAttribute('d') || '').length > 6 && p.getAttribute('d') !== 'M0,0Z');
  return { id: el.dataset.plot || '', promised: Number(el.dataset.traces), traces: (el._fullData || []).length, empty: groups.map((g, i) => (drawn(g) ? -1 : i)).filter((i) => i >= 0) };
})`;

/** Charts whose legend is drawn over their title (their boxes overlap by more than padding). */
const LEGEND_OVER_TITLE = `Array.from(document.querySelectorAll('.plot')).map((el) => {
  const title = el.querySelector('.g-gtitle text');
  const legend = el.querySelector('.legend .bg');
  if (!title || !legend || !title.textContent) return { id: el.dataset.plot || '', overlap: 0 };
  const a = title.getBoundingClientRect();
  const b = legend.getBoundingClientRect();
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  // A few pixels are the legend's padding meeting the title's descenders, not text over text.
  return { id: el.dataset.plot || '', overlap: w > 1 && h > 6 ? Math.round(w * h) : 0 };
}).filter((c) => c.overlap > 0)`;

/**
 * Axis titles drawn over a plot area (a panel's "minutes" over its neighbour's bars): the title's
 * box against every subplot's plot area, beyond a few pixels of descenders.
 */
const AXIS_TITLE_OVER_PLOT = `Array.from(document.querySelectorAll('.plot')).flatMap((el) => {
  const areas = Array.from(el.querySelectorAll('.draglayer .nsewdrag')).map((r) => r.getBoundingClientRect());
  return Array.from(el.querySelectorAll('.infolayer [class^="g-y"][class$="title"] text, .infolayer [class^="g-x"][class$="title"] text')).flatMap((t) => {
    const a = t.getBoundingClientRect();
    return areas.map((b) => {
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      return w > 3 && h > 3 ? (el.dataset.plot || '') + ': ' + t.textContent : '';
    });
  }).filter((x) => x !== '');
})`;

/** Legend entries whose name Plotly cuts off at the legend's edge ("agreement a"). */
const LEGEND_NAMES_CUT = `Array.from(document.querySelectorAll('.plot')).flatMap((el) => {
  const box = el.querySelector('.legend .bg');
  if (!box) return [];
  const right = box.getBoundingClientRect().right;
  return Array.from(el.querySelectorAll('.legend text')).filter((t) => t.getBoundingClientRect().right > right + 1).map((t) => (el.dataset.plot || '') + ': ' + t.textContent);
})`;

/** Height in pixels of each chart's plot area, for charts of one plot area. */
const PLOT_AREA_HEIGHTS = `Array.from(document.querySelectorAll('.plot')).flatMap((el) => {
  const areas = el.querySelectorAll('.draglayer .nsewdrag');
  return areas.length === 1 ? [{ id: el.dataset.plot || '', height: Math.round(areas[0].getBoundingClientRect().height) }] : [];
})`;

/** Per table: whether it is wider than its box (scrolls sideways), and whether the cue above it shows. */
const TABLES = `Array.from(document.querySelectorAll('.table-wrap')).map((w) => {
  const cue = w.previousElementSibling;
  return { head: (w.querySelector('thead') || w).textContent.slice(0, 60), scrolls: w.scrollWidth > w.clientWidth + 1, cue: !!cue && cue.className === 'scroll-cue' && getComputedStyle(cue).display !== 'none', pageWider: document.documentElement.scrollWidth > window.innerWidth };
})`;

describe('the report stays readable from 1 to 50 plans, at 1400 and 800 px and on a 390 px phone', () => {
  let browser: Browser;
  let dir: string;
  const files = new Map<string, string>();

  beforeAll(async () => {
    dir = tempDir('readability');
    FIXTURES.forEach(({ name, data }, i) => {
      const file = path.join(dir, `report-${i}.html`);
      fs.writeFileSync(file, renderReport(data));
      files.set(name, file);
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${files.get(name)}`);
    await page.waitForSelector('body[data-rendered]', { timeout: 60_000 });
    expect(await page.getAttribute('body', 'data-rendered')).toBe('true');
    return { page, errors };
  }

  for (const width of [1400, 800, 390]) {
    it.each(FIXTURES.map((f) => f.name))(`%s at ${width} px: every chart draws every trace, and a table that scrolls sideways says so`, async (name) => {
      const { page, errors } = await open(name, width);
      const plots = (await page.evaluate(PLOT_CHECK)) as Array<{ id: string; promised: number; traces: number; empty: number[] }>;
      for (const p of plots) {
        expect(p.traces, p.id).toBe(p.promised);
        expect(p.empty, `${p.id}: traces that drew nothing`).toEqual([]);
      }
      expect(await page.evaluate(LEGEND_OVER_TITLE), 'charts whose legend covers the title').toEqual([]);
      expect(await page.evaluate(AXIS_TITLE_OVER_PLOT), 'axis titles over a plot area').toEqual([]);
      expect(await page.evaluate(LEGEND_NAMES_CUT), 'legend names cut off').toEqual([]);
      // However many rows a legend takes above a chart on a phone, the plot keeps its height.
      const short = ((await page.evaluate(PLOT_AREA_HEIGHTS)) as Array<{ id: string; height: number }>).filter((a) => a.height < 200);
      expect(short, 'plot areas under 200 px tall').toEqual([]);
      // A wide table scrolls in its own box (with the cue); the page itself never scrolls sideways.
      expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'), 'page wider than the window by').toBeLessThanOrEqual(0);
      const tables = (await page.evaluate(TABLES)) as Array<{ head: string; scrolls: boolean; cue: boolean; pageWider: boolean }>;
      for (const t of tables) {
        expect(t.cue, `${t.head}: cue shown exactly when it scrolls`).toBe(t.scrolls);
        expect(t.pageWider, 'the page itself never scrolls sideways').toBe(false);
      }
      // At 1400 px nothing should need to scroll with a few plans.
      if (width === 1400 && name !== 'fifty plans' && name !== 'ten stages') expect(tables.filter((t) => t.scrolls).map((t) => t.head)).toEqual([]);
      await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('lays the charts out again when the window narrows (a phone turned upright) and widens back', async () => {
    const { page, errors } = await open('three plans', 844);
    const titlesAbove = () => page.evaluate(`document.querySelectorAll('p.chart-title').length`) as Promise<number>;
    const plots = (await page.evaluate(`document.querySelectorAll('.plot').length`)) as number;
    // The page's CSP allows no eval, which waitForFunction needs: polled instead.
    const until = async (want: number) => {
      for (let i = 0; i < 50 && (await titlesAbove()) !== want; i++) await page.waitForTimeout(200);
      await page.waitForTimeout(300);
      return titlesAbove();
    };
    expect(await titlesAbove()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await until(plots)).toBe(plots);
    expect(await page.evaluate(LEGEND_OVER_TITLE)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(await until(0)).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the cue over a table that does scroll sideways at 800 px, and the page itself stays put', async () => {
    const { page } = await open('ten stages', 800);
    const tables = (await page.evaluate(TABLES)) as Array<{ head: string; scrolls: boolean; cue: boolean; pageWider: boolean }>;
    const scrolling = tables.filter((t) => t.scrolls);
    expect(scrolling.length).toBeGreaterThan(0);
    expect(scrolling.every((t) => t.cue)).toBe(true);
    expect(tables.some((t) => t.pageWider)).toBe(false);
    await page.context().close();
  });

  it('names the plan and the unit in a box-plot hover label', async () => {
    const { page } = await open('three plans', 1400);
    const text = (await page.evaluate(hoverText('unit-cost', 1, 0))) as string;
    expect(text).toContain('fast');
    expect(text).toMatch(/median: [\d.,]+ USD/);
    await page.context().close();
  });

  it('spreads twelve close plans across the scatter instead of drawing one clump', async () => {
    const { page } = await open('twelve sweep plans', 1400);
    const xs = (await page.evaluate(`(() => {
      const el = document.querySelector('.plot[data-plot="comparison"]');
      const xa = el._fullLayout.xaxis;
      return el._fullData.filter((t) => t.name !== 'Pareto front').map((t) => xa.l2p(t.x[0]));
    })()`)) as number[];
    const sorted = [...xs].sort((a, b) => a - b);
    // The points span most of the plot's width rather than the last tenth of it.
    expect(sorted[sorted.length - 1] - sorted[0]).toBeGreaterThan(300);
    await page.context().close();
  });

  it('draws a negative cost (a penalty refunded) below zero instead of hiding it in the stack', async () => {
    const { page } = await open('twelve sweep plans', 1400);
    const below = (await page.evaluate(`(() => {
      const el = document.querySelector('.plot[data-plot="cost-by-activity"]');
      return el._fullLayout.yaxis.range[0];
    })()`)) as number;
    expect(below).toBeLessThan(0);
    await page.context().close();
  });
});
