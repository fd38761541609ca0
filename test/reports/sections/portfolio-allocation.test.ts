import { afterAll, describe, expect, it } from 'vitest';
import { portfolio } from '../../../experiments/analysis/portfolio.js';
import { formatMoney, formatPercent } from '../../../reports/format.js';
import { escapePlotlyText } from '../../../reports/plotly-text.js';
import type { PortfolioAllocation } from '../../../reports/report-data.js';
import { renderReport } from '../../../reports/render-report.js';
import { createReplicationRunner } from '../../../workers/replication-pool.js';
import { sharedExperts } from '../../experiments/analysis/portfolio-fixture.js';
import { parseDoc } from '../../experiments/load/helpers.js';
import { LINK } from '../hostile-fixture.js';
import { figuresOf, sectionIds, visibleText } from '../html.js';
import { reportData } from '../report-fixture.js';

/** The section's own text: from its heading to the next section. */
const sectionText = (html: string) => visibleText(/<section id="portfolio-allocation"[\s\S]*?<\/section>/.exec(html)![0]);

describe('the portfolio allocation section', () => {
  const runner = createReplicationRunner(0);
  afterAll(() => runner.close());
  let study: PortfolioAllocation;
  const computed = async () => (study ??= await portfolio(runner, parseDoc(sharedExperts()).plans[0], [0.2, 6, null], { budget: 20000, share: 0.5 }, 5, 10));

  it('shows the computed ranking, the shift and every product’s change of deadline risk', async () => {
    const s = await computed();
    const html = renderReport(reportData({ portfolio: s }));
    expect(sectionIds(html)).toContain('portfolio-allocation');
    const text = sectionText(html);
    const usd = (x: number) => formatMoney(x, 'USD', 0);
    // The ranking: rank, name, items, value per item, cost, value, return per dollar, on time (interval).
    s.products.forEach((p, i) => {
      const onTime = `${formatPercent(p.onTime, 0)} (${formatPercent(p.onTimeInterval!.low, 0)} to ${formatPercent(p.onTimeInterval!.high, 0)})`;
      const row = [String(i + 1), p.name, p.items.toLocaleString('en-US'), p.value === null ? '-' : formatMoney(p.value, 'USD', 3), usd(p.cost), p.value === null ? '-' : usd(p.value * p.accurate), p.returnPerDollar === null ? '-' : p.returnPerDollar.toFixed(2), onTime];
      expect(text).toContain(row.join(' '));
    });
    expect(s.products.map((p) => p.name)).toEqual(['documents', 'frames', 'notes']);
    expect(text).toContain(`cost ${usd(s.totalCost)}, value of the accurate items ${usd(s.totalValue)}. Budget ${usd(20000)}`);
    const f = s.shift!;
    expect(text).toContain(`Shifting 50% of frames's spend (${usd(f.amount)}) to documents: ${f.itemsFrom.toLocaleString('en-US')} fewer frames items, ${f.itemsTo.toLocaleString('en-US')} more documents items`);
    // Documents and notes lose the deadline in every replication: −100 points (a true minus), the paired interval a point.
    expect(text).toMatch(/notes 400 \S+ - 100% \(72% to 100%\) 0% \(0% to 28%\) −100\.0 pt \(−100\.0 pt to −100\.0 pt\)/);
  });

  it('charts the chance of missing the deadline before and after, with the Wilson intervals as error bars', async () => {
    const s = await computed();
    const fig = figuresOf(renderReport(reportData({ portfolio: s })))['portfolio-risk'];
    expect(fig.data.map((t) => t.name)).toEqual(['before the shift', 'after the shift']);
    for (const [k, ps] of [s.products, s.shift!.products].entries()) {
      const t = fig.data[k] as { x: string[]; y: number[]; error_y: { array: number[]; arrayminus: number[] } };
      expect(t.x).toEqual(s.products.map((p) => p.name));
      ps.forEach((p, i) => {
        expect(t.y[i]).toBeCloseTo(1 - p.onTime!, 6);
        // The bar spans the interval of missing: 1 - high to 1 - low.
        expect(t.y[i] - t.error_y.arrayminus[i]).toBeCloseTo(1 - p.onTimeInterval!.high, 6);
        expect(t.y[i] + t.error_y.array[i]).toBeCloseTo(1 - p.onTimeInterval!.low, 6);
      });
    }
    // The shift raises documents' and notes' risk, and lowers frames'.
    const [before, after] = fig.data.map((t) => t.y as number[]);
    expect(after[0]).toBeGreaterThan(before[0]);
    expect(after[1]).toBeLessThan(before[1]);
    expect(after[2]).toBeGreaterThan(before[2]);
  });

  it('escapes product names in the tables and the chart', async () => {
    const s = structuredClone(await computed());
    const hostile = `${LINK} frames`;
    const rename = <T extends { name: string }>(p: T): T => (p.name === 'frames' ? { ...p, name: hostile } : p);
    s.products = s.products.map(rename);
    s.shift = { ...s.shift!, from: hostile, products: s.shift!.products.map(rename), onTimeChange: s.shift!.onTimeChange.map(rename) };
    const html = renderReport(reportData({ portfolio: s }));
    const section = /<section id="portfolio-allocation"[\s\S]*?<\/section>/.exec(html)![0];
    expect(section).not.toContain(LINK);
    expect(section).toContain('&lt;a href=&quot;https://example.com&quot;&gt;x&lt;/a&gt; frames');
    expect(sectionText(html)).toContain(`${hostile} items`);
    const fig = figuresOf(html)['portfolio-risk'];
    expect(JSON.stringify(fig)).not.toContain('<a href');
    expect((fig.data[0] as { x: string[] }).x).toContain(escapePlotlyText(hostile));
  });

  it('is left out of a report without a portfolio study', () => {
    expect(sectionIds(renderReport(reportData()))).not.toContain('portfolio-allocation');
  });
});
