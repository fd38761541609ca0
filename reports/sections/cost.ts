import { baseLayout, plotDiv, type Figure } from '../figure.js';
import { formatMoney, formatNumber, formatPercent, round } from '../format.js';
import { activityLabel, activityMarker, withAlpha } from '../palette.js';
import { plotlyMarkup } from '../plotly-text.js';
import { deadlineOf } from '../plan-deadlines.js';
import type { ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

/** Activities with a non-zero mean cost in at least one plan, in their order of first appearance. */
export function spentActivities(plans: ReportPlan[]): string[] {
  const names: string[] = [];
  for (const p of plans) for (const name of Object.keys(p.cost.byActivity)) if (!names.includes(name)) names.push(name);
  return names.filter((name) => plans.some((p) => (p.cost.byActivity[name] ?? 0) !== 0));
}

/** True when some plan spent money (a queueing study may set no pay at all). */
export function hasCosts(plans: ReportPlan[]): boolean {
  return plans.some((p) => (p.cost.mean ?? 0) !== 0 || p.unitCosts.some((c) => c !== 0));
}

/** Unit cost distribution per plan (box plot) and mean cost by activity (stacked bars). */
export function costSection(ctx: ReportContext): Section {
  const { header, plans } = ctx.data;
  const cur = header.currency;
  const boxes: Figure['data'] = plans
    .filter((p) => p.unitCosts.length > 0)
    .map((p) => ({
      type: 'box',
      name: p.name,
      y: p.unitCosts.map((c) => round(c, 6)),
      boxmean: true,
      boxpoints: p.unitCosts.length <= 60 ? 'all' : 'outliers',
      jitter: 0.4,
      pointpos: 0,
      marker: { color: ctx.colorOf(p.name), size: 4, opacity: 0.8 },
      line: { color: ctx.colorOf(p.name), width: 2 },
      fillcolor: withAlpha(ctx.colorOf(p.name), 0.35),
      // Every hover label says whose figure it is and in what unit, not a bare number.
      hovertemplate: plotlyMarkup`${p.name}: %{y:,.4f} ${cur} per accurate item<extra></extra>`,
      showlegend: false,
    }));
  const unitFigure: Figure = {
    id: 'unit-cost',
    data: boxes,
    layout: baseLayout(`Cost per accurately labelled item, across replications (${cur})`, { title: 'Plan', type: 'category' }, {
      title: `${cur} per accurate item`,
      tickformat: ',.3~f',
      // The box's own hover labels (median, quartiles, fences) carry the plan's name and take the axis's suffix: "(fast, median: 1.1995 USD)".
      hoverformat: ',.4f',
      ticksuffix: ` ${cur}`,
    }, { hovermode: 'closest' }),
  };

  const activities = spentActivities(plans);
  // Stacked relative to zero: a negative amount (a credit, a penalty refunded) goes below the axis instead of hiding inside the positive stack.
  const bars: Figure['data'] = activities.map((name) => ({
    type: 'bar',
    name: activityLabel(name),
    x: plans.map((p) => p.name),
    y: plans.map((p) => round(p.cost.byActivity[name] ?? 0, 2)),
    marker: activityMarker(ctx.activityStyleOf(name)),
    hovertemplate: plotlyMarkup`%{x}: ${activityLabel(name)} %{y:,.0f} ${cur}<extra></extra>`,
  }));
  const negative = activities.some((name) => plans.some((p) => (p.cost.byActivity[name] ?? 0) < 0));
  if (bars.length > 0) {
    bars.push({
      type: 'scatter',
      mode: 'markers',
      name: 'Net total',
      x: plans.map((p) => p.name),
      y: plans.map((p) => round(activities.reduce((sum, name) => sum + (p.cost.byActivity[name] ?? 0), 0), 2)),
      marker: { symbol: 'line-ew-open', size: 26, color: '#000000', line: { width: 2.5, color: '#000000' } },
      hovertemplate: plotlyMarkup`%{x}: net total %{y:,.0f} ${cur}<extra></extra>`,
    });
  }
  const activityFigure: Figure = {
    id: 'cost-by-activity',
    data: bars,
    layout: baseLayout(`Mean total cost by activity (${cur})`, { title: 'Plan', type: 'category' }, { title: `Mean cost (${cur})`, tickformat: ',.0f' }, {
      barmode: 'relative',
      // Reversed, so the legend reads top to bottom like the stack.
      legend: { orientation: 'v', x: 1.02, xanchor: 'left', y: 1, yanchor: 'top', traceorder: 'reversed' },
      margin: { l: 72, r: 24, t: 56, b: 56 },
    }),
  };

  const rows: Cell[][] = plans.map((p) => [
    planLabel(ctx, p),
    formatMoney(p.unitCost.mean, cur),
    formatMoney(p.unitCost.p50, cur),
    formatMoney(p.unitCost.p95, cur),
    formatMoney(p.cost.mean, cur, 0),
    deadlineOf(p, header) === null ? 'n/a' : formatMoney(p.cost.atDeadline, cur, 0),
    formatNumber(p.accurate),
    formatPercent(p.residualErrorRate, 2),
  ]);
  const html = [
    paragraph('Unit cost is the total cost of a replication divided by the items it labelled accurately, so rework, idle paid time and errors that slip through all raise it.', 'note'),
    boxes.length > 0 ? plotDiv(unitFigure, `Box plot of cost per accurate item per plan; the box spans the middle half of replications, the dashed line is the mean.`) : paragraph('No replication produced an accurate item, so there is no unit cost to show.'),
    bars.length > 0
      ? plotDiv(activityFigure, `Stacked bars: mean total cost per plan split by activity (colours and patterns are activities, not plans); the black bar marks the net total${negative ? ', and amounts below zero are credits drawn under the axis' : ''}.`)
      : paragraph('No costs were recorded.'),
    table(['Plan', 'Unit cost (mean)', 'p50', 'p95', 'Total cost (mean)', 'Cost by deadline', 'Accurate items', 'Residual error'], rows, { numeric: [1, 2, 3, 4, 5, 6, 7] }),
  ].join('\n');
  return { id: 'cost', title: 'Cost', html, figures: [...(boxes.length > 0 ? [unitFigure] : []), ...(bars.length > 0 ? [activityFigure] : [])] };
}
