import { paretoFront } from '../decide.js';
import { baseLayout, legendFor, plotDiv, type Figure } from '../figure.js';
import { escapeHtml, formatChance, formatMoney, formatNumber, formatSigned, formatSignedMoney, HOURS_PER_WEEK, round } from '../format.js';
import { deadlinePhrase } from '../plan-deadlines.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { Interval, ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

/**
 * A paired difference as "mean (low to high)", signed: durations in weeks, money in the
 * currency. A difference that rounds to nothing reads "0.00", never "−0.00".
 */
export function formatDifference(i: Interval | null, kind: 'duration' | 'unit-cost' | 'cost', currency: string): string {
  if (i === null || i.mean === null) return 'n/a';
  let f: (x: number | null) => string;
  if (kind === 'duration') {
    f = (x) => (x === null ? 'n/a' : `${formatSigned(x / HOURS_PER_WEEK, 2)} wk`);
  } else {
    const digits = kind === 'cost' ? 0 : 4;
    f = (x) => (x === null ? 'n/a' : formatSignedMoney(x, currency, digits));
  }
  return `${f(i.mean)} (${f(i.low)} to ${f(i.high)})`;
}

/** Mean unit cost with its 95% t interval, as the run's aggregation computed it. */
export function unitCostInterval(plan: ReportPlan): { mean: number; low: number; high: number } | null {
  const i = plan.unitCostInterval;
  return i === undefined || i === null || i.mean === null || i.low === null || i.high === null ? null : { mean: i.mean, low: i.low, high: i.high };
}

/** Chance on time against unit cost, one point per plan with its intervals, and paired differences against the baseline. */
export function comparisonSection(ctx: ReportContext): Section {
  const { header, plans } = ctx.data;
  const cur = header.currency;
  const figures: Figure[] = [];
  const parts: string[] = [];
  const outcomes = plans.map((p) => ({ name: p.name, onTime: p.onTime?.probability ?? null, unitCost: p.unitCost.mean }));
  const front = new Set(paretoFront(outcomes));
  const drawable = plans.filter((p) => p.onTime !== null && p.onTime.probability !== null && p.unitCost.mean !== null);

  if (drawable.length > 0) {
    // A name goes above its point, or below when the plan just above in cost is close enough for the two to collide.
    const costs = drawable.map((p) => p.unitCost.mean!);
    const near = (Math.max(...costs) - Math.min(...costs)) * 0.08;
    const below = new Set<string>();
    const byCost = [...drawable].sort((a, b) => b.unitCost.mean! - a.unitCost.mean!);
    byCost.forEach((p, i) => {
      const prev = byCost[i - 1];
      if (prev !== undefined && !below.has(prev.name) && prev.unitCost.mean! - p.unitCost.mean! < near && Math.abs(prev.onTime!.probability! - p.onTime!.probability!) < 0.15) below.add(p.name);
    });
    // Smaller points with many plans, so a cluster stays a set of points rather than one blot.
    const size = drawable.length <= 5 ? 13 : drawable.length <= 12 ? 10 : 8;
    const data: Figure['data'] = drawable.map((p) => {
      const ci = unitCostInterval(p);
      const on = p.onTime!;
      const y = p.unitCost.mean!;
      return {
        type: 'scatter',
        // Names beside the points help with a few plans and pile up with many (the legend and hover remain).
        mode: drawable.length <= 5 ? 'markers+text' : 'markers',
        name: p.name,
        x: [on.probability],
        y: [round(y, 6)],
        text: [p.name],
        textposition: below.has(p.name) ? 'bottom center' : 'top center',
        cliponaxis: false,
        marker: { color: ctx.colorOf(p.name), size, symbol: front.has(p.name) ? ctx.symbolOf(p.name) : `${ctx.symbolOf(p.name)}-open`, line: { width: 2, color: ctx.colorOf(p.name) } },
        error_x: { type: 'data', symmetric: false, array: [round((on.high ?? on.probability!) - on.probability!, 6)], arrayminus: [round(on.probability! - (on.low ?? on.probability!), 6)], color: ctx.colorOf(p.name), thickness: 1.5, width: 5 },
        ...(ci === null ? {} : { error_y: { type: 'data', symmetric: false, array: [round(ci.high - y, 6)], arrayminus: [round(y - ci.low, 6)], color: ctx.colorOf(p.name), thickness: 1.5, width: 5 } }),
        hovertemplate: plotlyMarkup`${p.name}: %{x:.0%} on time (95% CI ${formatChance(on.low)}–${formatChance(on.high)}), ${formatMoney(y, cur)} per accurate item<extra></extra>`,
      };
    });
    const frontPlans = drawable.filter((p) => front.has(p.name)).sort((a, b) => a.onTime!.probability! - b.onTime!.probability!);
    if (frontPlans.length > 0) {
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: 'Pareto front',
        x: frontPlans.map((p) => p.onTime!.probability),
        y: frontPlans.map((p) => round(p.unitCost.mean!, 6)),
        line: { color: '#000000', width: 1.5, dash: 'dot' },
        marker: { symbol: 'circle-open', size: size + 11, color: '#000000', line: { width: 1.5 } },
        hoverinfo: 'skip',
      });
    }
    // Room above and below for the whiskers and the names over the points.
    const ys = drawable.flatMap((p) => {
      const ci = unitCostInterval(p);
      return ci === null ? [p.unitCost.mean!] : [ci.low, ci.high, p.unitCost.mean!];
    });
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
    // The chance axis spans the points and their intervals, not always 0-100%: twelve plans between 90% and 100% would otherwise sit in one clump at the right edge.
    const xs = drawable.flatMap((p) => [p.onTime!.probability!, p.onTime!.low ?? p.onTime!.probability!, p.onTime!.high ?? p.onTime!.probability!]);
    const xSpan = Math.max(0.1, Math.max(...xs) - Math.min(...xs));
    const x0 = Math.max(-0.02, Math.min(...xs) - xSpan * 0.08);
    const x1 = Math.min(1.02, Math.max(...xs) + xSpan * 0.08);
    figures.push({
      id: 'comparison',
      data,
      layout: baseLayout(
        'Chance of finishing on time against cost per accurate item (best: bottom right)',
        { title: `Probability of finishing by ${deadlinePhrase(ctx.data)}`, range: [round(x0, 4), round(x1, 4)], tickformat: '.0%', zeroline: false },
        { title: `Mean cost per accurate item (${cur})`, tickformat: ',.3~f', range: [round(Math.max(0, lo - pad), 6), round(hi + pad, 6)] },
        legendFor(drawable.length + 1),
      ),
    });
    parts.push(
      paragraph(
        'Each point is a plan: across, its chance of finishing on time with the 95% Wilson interval; up, its mean cost per accurate item with the 95% interval of the mean. Filled points ringed in black are on the Pareto front: no other plan is both at least as likely to finish on time and at most as costly.',
        'note',
      ),
      plotDiv(figures[0], 'Scatter of chance on time against mean cost per accurate item, one point per plan, Pareto front ringed.'),
    );
    const dominated = drawable.filter((p) => !front.has(p.name)).map((p) => p.name);
    if (dominated.length > 0) parts.push(paragraph(`Dominated (another plan is at least as likely to finish on time for no more cost): ${dominated.join(', ')}.`));
  } else if (!header.openEnded) {
    parts.push(paragraph('The experiment sets no deadline, so there is no chance of finishing on time to compare; the table below compares plans with the baseline.'));
  }

  if (plans.length > 1) {
    const base = plans[0];
    const rows: Cell[][] = plans.slice(1).map((p) => [
      planLabel(ctx, p),
      // Replication k of one plan is paired with replication k of the other: as many pairs as the shorter run (precision rounds stop plans at different counts).
      formatNumber(Math.min(p.replications, base.replications)),
      header.openEnded ? 'n/a' : formatDifference(p.vsBaseline?.completionHours ?? null, 'duration', cur),
      formatDifference(p.vsBaseline?.unitCost ?? null, 'unit-cost', cur),
      formatDifference(p.vsBaseline?.cost ?? null, 'cost', cur),
    ]);
    parts.push(
      `<h3>Paired differences against the baseline (${escapeHtml(base.name)})</h3>`,
      paragraph(
        `Plan minus ${base.name}, replication by replication (both plans see the same random world), mean and 95% confidence interval over the pairs (replication k of each plan, for as many replications as both ran). Negative is faster or cheaper. Completion differences use only replications where both plans finished.`,
        'note',
      ),
      table(['Plan', 'Pairs', 'Completion time', `Unit cost (${cur})`, `Total cost (${cur})`], rows, { numeric: [1, 2, 3, 4] }),
    );
  }
  return { id: 'comparison', title: 'Plan comparison', html: parts.join('\n'), figures };
}
