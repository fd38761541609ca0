import { baseLayout, plotDiv, type Figure } from '../figure.js';
import { formatMoney, formatPercent, formatSigned, formatSignedMoney, formatWeeks, round } from '../format.js';
import { OKABE_ITO } from '../palette.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { Marginal, MarginalLever, PairedInterval } from '../report-data.js';
import { paragraph, table, type ReportContext, type Section } from '../section.js';

/**
 * Levers ranked by value per dollar: on-time points bought per 1,000 of extra cost, then p85
 * hours saved per 1,000. A step that costs nothing more and loses nothing ranks first.
 */
export function byValuePerDollar(levers: MarginalLever[]): MarginalLever[] {
  const free = (l: MarginalLever) => l.cost !== null && l.cost.mean <= 0 && (l.onTime?.mean ?? 0) >= 0 && (l.p85Hours?.mean ?? 0) <= 0;
  const key = (l: MarginalLever): [number, number, number] => [free(l) ? 1 : 0, l.onTimePointsPer1000 ?? -Infinity, l.p85HoursSavedPer1000 ?? -Infinity];
  return [...levers].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2] || a.label.localeCompare(b.label);
  });
}

function ranking(m: Marginal, onTime: boolean): Figure | null {
  const ranked = byValuePerDollar(m.levers).filter((l) => (onTime ? l.onTimePointsPer1000 : l.p85HoursSavedPer1000) !== null);
  // No lever moves the figure (a plan already always on time, or never): nothing to rank.
  if (ranked.every((l) => (onTime ? l.onTimePointsPer1000 : l.p85HoursSavedPer1000) === 0)) return null;
  // Plotly draws the first category at the bottom: reversed, the best lever is on top.
  const order = [...ranked].reverse();
  const value = (l: MarginalLever) => round((onTime ? l.onTimePointsPer1000 : l.p85HoursSavedPer1000)!, 4);
  const what = onTime ? 'on-time points' : 'p85 hours saved';
  return {
    id: onTime ? 'marginal-on-time' : 'marginal-p85',
    data: [
      {
        type: 'bar',
        orientation: 'h',
        y: order.map((l) => l.label),
        x: order.map(value),
        marker: { color: order.map((l) => (value(l) >= 0 ? OKABE_ITO.bluishGreen : OKABE_ITO.vermillion)) },
        hovertemplate: plotlyMarkup`%{y}: %{x:.3~f} ${what} per 1,000 ${m.currency}<extra></extra>`,
        showlegend: false,
      },
    ],
    layout: baseLayout(`Value per dollar of one more unit of each lever of ${m.plan}: ${what} per 1,000 ${m.currency} of extra cost`, { title: `${what} per 1,000 ${m.currency}` }, { title: '', type: 'category', automargin: true }, {
      margin: { l: 200, r: 24, t: 72, b: 56 },
      showlegend: false,
    }),
  };
}

const ci = (i: PairedInterval | null, f: (x: number) => string) => (i === null ? 'n/a' : `${f(i.mean)} (${Number.isFinite(i.low) ? f(i.low) : '?'} to ${Number.isFinite(i.high) ? f(i.high) : '?'})`);
/** Signed at the shown precision, so a tiny negative reads 0.0, not −0.0. */
const signedPoints = (x: number) => `${formatSigned(100 * x, 1)} pt`;
const signedHours = (x: number) => `${formatSigned(x, 1)} h`;
const signedShare = (x: number) => `${formatSigned(100 * x, 2)} pt`;

/** The marginal value of each lever: a ranking chart and the table of paired differences. */
export function marginalSection(ctx: ReportContext, m: Marginal): Section {
  const c = ctx.currency;
  const signedMoney = (x: number) => formatSignedMoney(x, c);
  const figures = [ranking(m, true), ranking(m, false)].filter((f): f is Figure => f !== null);
  const rows = byValuePerDollar(m.levers).map((l) => [
    l.label,
    ci(l.onTime, signedPoints),
    ci(l.p85Hours, signedHours),
    ci(l.cost, signedMoney),
    ci(l.residualErrorRate, signedShare),
    l.costPerOnTimePoint === null ? '-' : formatMoney(l.costPerOnTimePoint, c),
  ]);
  const base = `Plan ${m.plan}, ${m.replications} replications per step on the same random worlds (common random numbers): ${m.base.onTime === null ? '' : `${formatPercent(m.base.onTime, 0)} on time, `}p85 ${m.base.p85Hours === null ? 'not finished' : formatWeeks(m.base.p85Hours)}, mean cost ${formatMoney(m.base.cost, c)}. Each row is one more unit of one lever, against the plan, with its 95% paired interval (t; bootstrap for p85).`;
  const html = [
    paragraph(base, 'note'),
    ...figures.map((f) => plotDiv(f, f.id === 'marginal-on-time' ? 'Levers ranked by on-time points per 1,000 of extra cost.' : 'Levers ranked by p85 hours saved per 1,000 of extra cost.')),
    table(['one more', 'on time', 'p85 completion', 'total cost', 'residual error', 'cost per on-time point'], rows, { numeric: [1, 2, 3, 4, 5] }),
  ];
  return { id: 'marginal', title: 'Marginal value', html: html.join('\n'), figures };
}
