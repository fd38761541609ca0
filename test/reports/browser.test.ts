import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsim, REPO, tempDir } from '../support/cli.js';
import { launchChromium } from './chromium.js';
import { LOCAL_TOOLBAR_ACTIONS, OFF_PAGE_LINKS, TOOLBAR_BUTTONS, type ToolbarButton } from './page-checks.js';

/** Every shipped experiment, by its output folder name. */
const EXPERIMENTS: Array<{ name: string; file: string; args?: string[] }> = [
  { name: 'eight-week-video', file: 'experiments/eight-week-video.yaml' },
  { name: 'vendor-comparison', file: 'experiments/vendor-comparison.yaml' },
  { name: 'portfolio', file: 'experiments/portfolio.yaml' },
  { name: 'mmc', file: 'experiments/validation/mmc.yaml' },
  // A precision-driven run, for its convergence charts.
  { name: 'small-project', file: 'test/experiments/fixtures/small-project.yaml', args: ['--replications', '60', '--precision', 'unit-cost=3%,until=settled', '--plan', 'base', '--plan', 'plus-one'] },
];
const SCREENSHOTS = path.join(REPO, 'out', 'report-screenshots');

interface PlotCheck {
  id: string;
  promised: number;
  traces: number;
  drawnTraces: number;
  hasSvg: boolean;
  emptyTraces: number[];
}

/*
 * Code run inside the page, as source text: the project compiles without the DOM library, and
 * these few lines are plain browser JavaScript.
 */

/** Per plot container: the traces it promises, Plotly's traces, the trace groups drawn, and any trace that drew nothing. */
const PLOT_CHECK = `Array.from(document.querySelectorAll('.plot')).map((el) => {
  const groups = Array.from(el.querySelectorAll('.cartesianlayer .trace'));
  // A trace has drawn something when one of its paths has a real outline (a line, a bar, a box or a marker).
  const drawn = (g) => Array.from(g.querySelectorAll('path')).some((p) => (p.getAttribute('d') || '').length > 6 && p.getAttribute('d') !== 'M0,0Z');
  return {
    id: el.dataset.plot || '',
    promised: Number(el.dataset.traces),
    traces: (el._fullData || []).length,
    drawnTraces: groups.length,
    hasSvg: el.querySelector('svg.main-svg') !== null,
    emptyTraces: groups.map((g, i) => (drawn(g) ? -1 : i)).filter((i) => i >= 0),
  };
})`;

/** Decodes a PNG in the page and returns the share of pixels that are not (near) white. */
const inkedShare = (b64: string) => `(async () => {
  const img = new Image();
  img.src = 'data:image/png;base64,${b64}';
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const px = g.getImageData(0, 0, img.width, img.height).data;
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240) ink++;
  return ink / (img.width * img.height);
})()`;

describe('the HTML report in a browser with no network', () => {
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    out = tempDir('browser');
    for (const { file, args } of EXPERIMENTS) {
      const r = labelsim(['run', file, ...(args ?? ['--replications', '8']), '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    // The run folders hold a 5 MB report each; the screenshots stay in out/report-screenshots.
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it.each(EXPERIMENTS)('$name: every chart renders all its traces, with no errors, no request leaving the file, no toolbar action or link that could, and a non-blank page', async ({ name }) => {
    const file = path.join(out, name, 'report.html');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let aborted = 0;
    const abortedUrls: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      aborted++;
      abortedUrls.push(route.request().url());
      return route.abort();
    });
    try {
      await checkReport(context, name, file, () => aborted, abortedUrls);
    } finally {
      await context.close();
    }
  });

  it('notices a request that tries to leave the machine (the guard above works)', async () => {
    const context = await browser.newContext();
    let aborted = 0;
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (aborted++, route.abort())));
    const page = await context.newPage();
    await page.goto(`file://${path.join(out, 'mmc', 'report-data.json')}`);
    await page.evaluate(`fetch('https://example.com/x').catch(() => null)`);
    expect(aborted).toBe(1);
    await context.close();
  });
});

/** Opens one report and checks its charts, errors, requests and screenshot. */
async function checkReport(context: BrowserContext, name: string, file: string, aborted: () => number, abortedUrls: string[]): Promise<void> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith('file:')) abortedUrls.push(r.url());
  });

  await page.goto(`file://${file}`);
  await page.waitForSelector('body[data-rendered]', { timeout: 60_000 });
  expect(await page.getAttribute('body', 'data-rendered')).toBe('true');

  const plots = (await page.evaluate(PLOT_CHECK)) as PlotCheck[];
  expect(plots.length).toBeGreaterThan(0);
  for (const p of plots) {
    expect(p.hasSvg, `${p.id}: svg`).toBe(true);
    expect(p.promised, `${p.id}: promised traces`).toBeGreaterThan(0);
    expect(p.traces, `${p.id}: traces`).toBe(p.promised);
    expect(p.drawnTraces, `${p.id}: trace groups drawn`).toBe(p.promised);
    expect(p.emptyTraces, `${p.id}: traces with nothing drawn`).toEqual([]);
  }

  // The toolbars offer only local actions (no "Share chart..." to Plotly's cloud, no logo linking to plotly.com), and no link leaves the page.
  const buttons = (await page.evaluate(TOOLBAR_BUTTONS)) as ToolbarButton[];
  expect(buttons.length).toBeGreaterThan(0);
  expect(buttons.filter((b) => b.tag !== 'button' || !LOCAL_TOOLBAR_ACTIONS.includes(b.title))).toEqual([]);
  expect(await page.evaluate(OFF_PAGE_LINKS)).toEqual([]);

  const png = await page.screenshot({ fullPage: true });
  fs.writeFileSync(path.join(SCREENSHOTS, `${name}.png`), png);
  // Decode the PNG in a blank page and count the pixels that are not (near) white.
  const blank = await context.newPage();
  const inked = (await blank.evaluate(inkedShare(png.toString('base64')))) as number;
  expect(inked).toBeGreaterThan(0.01);

  expect(errors).toEqual([]);
  expect(abortedUrls).toEqual([]);
  expect(aborted()).toBe(0);
}
