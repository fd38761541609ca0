import { baseLayout, plotDiv, type Figure } from '../figure.js';
import { formatMoney, formatNumber, formatPercent, formatSigned, formatWeeks, round } from '../format.js';
import { OKABE_ITO } from '../palette.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { PairedInterval, PortfolioAllocation, PortfolioProduct } from '../report-data.js';
import { paragraph, table, type Cell, type ReportContext, type Section } from '../section.js';

/** The chance of missing the deadline (1 - on time) and its interval, as a chart trace wants it. */
function missBars(ps: PortfolioProduct[]): { y: number[]; plus: number[]; minus: number[] } {
  // 1 - onTime, so the Wilson interval's ends swap: the high end of on time is the low end of missing.
  const y = ps.map((p) => round(1 - (p.onTime ?? NaN), 6));
  return {
    y,
    plus: ps.map((p, i) => (p.onTimeInterval === null ? 0 : round(Math.max(0, 1 - p.onTimeInterval.low - y[i]), 6))),
    minus: ps.map((p, i) => (p.onTimeInterval === null ? 0 : round(Math.max(0, y[i] - (1 - p.onTimeInterval.high)), 6))),
  };
}

/** Every product's chance of missing the deadline before and after the shift, with 95% Wilson intervals. */
function riskChart(s: PortfolioAllocation): Figure | null {
  if (s.shift === null || s.products.every((p) => p.onTime === null)) return null;
  const names = s.products.map((p) => p.name);
  const trace = (label: string, ps: PortfolioProduct[], color: string) => {
    const b = missBars(ps);
    return {
      type: 'bar',
      name: label,
      x: names,
      y: b.y,
      error_y: { type: 'data', symmetric: false, array: b.plus, arrayminus: b.minus, color: OKABE_ITO.black, thickness: 1, width: 4 },
      marker: { color },
      hovertemplate: plotlyMarkup`%{x}, ${label}: %{y:.1%} miss the deadline<extra></extra>`,
    };
  };
  return {
    id: 'portfolio-risk',
    data: [trace('before the shift', s.products, OKABE_ITO.blue), trace('after the shift', s.shift.products, OKABE_ITO.orange)],
    layout: baseLayout(`Chance each product of ${s.plan} misses the deadline, before and after the shift (95% intervals)`, { title: 'product', type: 'category', automargin: true }, {
      title: 'chance of missing the deadline',
      tickformat: '.0%',
      range: [0, 1.05],
    }, { barmode: 'group' }),
  };
}

const chance = (p: PortfolioProduct) => (p.onTime === null ? 'n/a' : `${formatPercent(p.onTime, 0)}${p.onTimeInterval === null ? '' : ` (${formatPercent(p.onTimeInterval.low, 0)} to ${formatPercent(p.onTimeInterval.high, 0)})`}`);
/** Signed points at the shown precision, so a tiny negative reads 0.0, not −0.0. */
const points = (x: number) => `${formatSigned(100 * x, 1)} pt`;
const change = (c: PairedInterval | null) => (c === null ? 'n/a' : `${points(c.mean)} (${Number.isFinite(c.low) ? points(c.low) : '?'} to ${Number.isFinite(c.high) ? points(c.high) : '?'})`);
const ret = (p: PortfolioProduct) => (p.returnPerDollar === null ? '-' : p.returnPerDollar.toFixed(2));

/**
 * The portfolio allocation of `labelsim portfolio`: the products ranked by return per dollar, and
 * what moving spend from the lowest-return to the highest does to every product's deadline risk
 * (a chart with intervals and a table of paired changes), since the products share people.
 */
export function portfolioAllocationSection(ctx: ReportContext, s: PortfolioAllocation): Section {
  const c = ctx.currency;
  const money = (x: number) => formatMoney(x, c, 0);
  const budget = s.budget === null ? '' : ` Budget ${money(s.budget)}: ${s.totalCost <= s.budget ? `${money(s.budget - s.totalCost)} left` : `${money(s.totalCost - s.budget)} over`}.`;
  const parts = [
    paragraph(
      `Plan ${s.plan}, ${s.replications} replications: cost ${money(s.totalCost)}, value of the accurate items ${money(s.totalValue)}.${budget} Return per ${c} spent is the value of a product's accurate items over its activity-based cost (its own labour and fees, and shared costs allocated by hours worked).`,
      'note',
    ),
    table(
      ['Rank', 'Product', 'Items', 'Value per accurate item', 'Cost', 'Value', `Return per ${c}`, 'On time (95% CI)', 'p85 completion'],
      s.products.map((p, i): Cell[] => [
        String(i + 1),
        p.name,
        formatNumber(p.items),
        p.value === null ? '-' : formatMoney(p.value, c, 3),
        money(p.cost),
        p.value === null ? '-' : money(p.value * p.accurate),
        ret(p),
        chance(p),
        formatWeeks(p.p85Hours),
      ]),
      { numeric: [0, 2, 3, 4, 5, 6, 7, 8] },
    ),
  ];
  const figures: Figure[] = [];
  const f = s.shift;
  if (f === null) {
    parts.push(paragraph('No shift: fewer than two products have a value and a count, or the shift is 0%.', 'note'));
  } else {
    parts.push(
      paragraph(
        `Shifting ${formatPercent(f.share, 0)} of ${f.from}'s spend (${money(f.amount)}) to ${f.to}: ${formatNumber(f.itemsFrom)} fewer ${f.from} items, ${formatNumber(f.itemsTo)} more ${f.to} items, on the same replications (common random numbers). Cost ${money(s.totalCost)} → ${money(f.totalCost)}, value ${money(s.totalValue)} → ${money(f.totalValue)}. The products share people, so the shift moves the deadline risk of products it does not touch.`,
      ),
    );
    const chart = riskChart(s);
    if (chart !== null) {
      figures.push(chart);
      parts.push(plotDiv(chart, 'Chance of missing the deadline per product before and after the shift, with 95% Wilson intervals.'));
    }
    parts.push(
      table(
        ['Product', 'Items after', 'Cost after', `Return per ${c} after`, 'On time before', 'On time after', 'Change (95% paired CI)', 'p85 before → after'],
        s.products.map((p, i): Cell[] => {
          const q = f.products[i];
          return [p.name, formatNumber(q.items), money(q.cost), ret(q), chance(p), chance(q), change(f.onTimeChange[i]?.change ?? null), `${formatWeeks(p.p85Hours)} → ${formatWeeks(q.p85Hours)}`];
        }),
        { numeric: [1, 2, 3, 4, 5, 6, 7] },
      ),
    );
  }
  return { id: 'portfolio-allocation', title: 'Portfolio allocation', html: parts.join('\n'), figures };
}
