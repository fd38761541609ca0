import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../reports/render-report.js';
import { tempDir } from '../support/cli.js';
import { launchChromium } from './chromium.js';
import { HOSTILE, hostileReportData } from './hostile-fixture.js';
import { hoverText, LOCAL_TOOLBAR_ACTIONS, MARKUP_DRAWN, OFF_PAGE_LINKS, PLOT_TEXTS, TOOLBAR_BUTTONS, type ToolbarButton } from './page-checks.js';

describe('a report whose names carry markup, in a browser with no network', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const leaving: string[] = [];

  beforeAll(async () => {
    dir = tempDir('plot-safety');
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, renderReport(hostileReportData()));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (leaving.push(route.request().url()), route.abort())));
    page = await context.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-rendered]', { timeout: 60_000 });
    expect(await page.getAttribute('body', 'data-rendered')).toBe('true');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('offers in every plot toolbar only actions that stay on the machine: no share to the cloud, no logo linking to plotly.com', async () => {
    const buttons = (await page.evaluate(TOOLBAR_BUTTONS)) as ToolbarButton[];
    expect(new Set(buttons.map((b) => b.plot)).size).toBe(await page.locator('.plot').count());
    expect(buttons.filter((b) => /share|cloud|studio|plotly|edit|link/i.test(`${b.title} ${b.attr ?? ''} ${b.val ?? ''}`))).toEqual([]);
    expect(buttons.filter((b) => b.tag !== 'button' || !LOCAL_TOOLBAR_ACTIONS.includes(b.title))).toEqual([]);
  });

  it('has no link anywhere in the page, plots included, that points off the page', async () => {
    expect(await page.evaluate(OFF_PAGE_LINKS)).toEqual([]);
    expect(leaving).toEqual([]);
  });

  it('shows names carrying markup literally, in legends, axis ticks, titles and point labels, and draws none of their markup', async () => {
    const texts = (await page.evaluate(PLOT_TEXTS)) as Record<string, string[]>;
    const shows = (plot: string, text: string) => expect(texts[plot], `${plot} shows ${text}`).toContain(text);
    for (const name of HOSTILE.plans) shows('completion-cdf', name);
    for (const name of HOSTILE.plans) shows('unit-cost', name);
    shows('cost-by-activity', HOSTILE.activity);
    shows('comparison', HOSTILE.plans[0]);
    for (const pool of HOSTILE.pools) shows('utilisation', pool);
    shows('waits', HOSTILE.stage);
    shows('tornado-p85', HOSTILE.sensitivityLabel);
    expect(texts['tornado-p85'].join(' ')).toContain(`p85 completion of ${HOSTILE.plans[0]} (weeks)`);
    for (const value of HOSTILE.sweepValues) shows('sweep-cost', value);
    shows('sweep-cost', HOSTILE.sweepParameter);
    expect(await page.evaluate(MARKUP_DRAWN)).toBe(0);
  });

  it('shows names carrying markup or a template field literally in hover labels', async () => {
    // Traces of the completion chart: curve and p50/p85/p95 marks per plan.
    expect(await page.evaluate(hoverText('completion-cdf', 0, 1))).toContain(`${HOSTILE.plans[0]}: 5% finished by week`);
    expect(await page.evaluate(hoverText('completion-cdf', 2, 1))).toContain(`${HOSTILE.plans[1]}: 5% finished by week`);
    expect(await page.evaluate(hoverText('cost-by-activity', 1, 0))).toContain(`${HOSTILE.plans[0]}: ${HOSTILE.activity} 20,000 USD`);
    expect(await page.evaluate(hoverText('utilisation', 0, 0))).toContain(`${HOSTILE.plans[0]}, ${HOSTILE.pools[0]}: 98% busy`);
    expect(await page.evaluate(OFF_PAGE_LINKS)).toEqual([]);
    expect(await page.evaluate(MARKUP_DRAWN)).toBe(0);
  });
});
