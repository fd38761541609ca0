import { bandTraces, baseLayout, deadlineMarks, legendFor, plotDiv, stackedWidth, weeksAxis, type Figure } from '../figure.js';
import { escapeHtml, formatChance, formatMoney, formatNumber, formatPercent, formatWeeks, HOURS_PER_WEEK, round, toWeeks } from '../format.js';
import { withAlpha } from '../palette.js';
import { plotlyMarkup, type PlotlyMarkup } from '../plotly-text.js';
import { deadlinesDiffer, latestDeadline, planDeadlineSpan } from '../plan-deadlines.js';
import type { ReportPlan, Spread, TrainingReport } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

type TrainingPlan = ReportPlan & { training: TrainingReport };

/** Plans that train a model on their labels: the Strategies section compares them. */
export function trainingPlans(plans: ReportPlan[]): TrainingPlan[] {
  return plans.filter((p): p is TrainingPlan => p.training !== undefined);
}

/** The median, and the p10–p90 range on a second line, in a table cell. */
const spreadOf = (s: Spread, show: (x: number | null) => string, unit = ''): Cell =>
  s.p50 === null ? 'never reached' : { html: `${escapeHtml(show(s.p50) + unit)}<br><small>${escapeHtml(`${show(s.p10)}–${show(s.p90)}${unit}`)}</small>` };

const spreadText = (s: Spread, show: (x: number | null) => string): string => (s.p50 === null ? 'none' : `${show(s.p50)} (${show(s.p10)}–${show(s.p90)})`);

/** Before the first model there is no accuracy to draw: a gap, not a line at 0%. */
const percentOrGap = (v: number): number | null => (v > 0 ? round(100 * v, 2) : null);

/**
 * The labelling strategies side by side: per plan, the distributions (p50 with p10–p90) of the
 * labels the model needed for its accuracy target, the time and cost to reach it, the time to the
 * first model, the cost per 10,000 labelled items, what retrains cost, and how long labelling
 * waited for active-learning batches; then the accuracy reached against time and against money.
 */
export function strategiesSection(ctx: ReportContext): Section {
  const { header } = ctx.data;
  const plans = trainingPlans(ctx.data.plans);
  const cur = header.currency;
  const money = (x: number | null) => formatMoney(x, cur, 0);
  const weeks = (x: number | null) => (x === null ? 'n/a' : (x / HOURS_PER_WEEK).toFixed(1));
  const target = plans.find((p) => p.training.target !== null)?.training.target ?? null;

  // Plans with deadlines of their own: each cell of the chance by the deadline says which.
  const own = deadlinesDiffer({ header, plans });
  const withCycles = plans.some((p) => p.training.cycles !== undefined);
  const cycleCount = plans.find((p) => p.training.cycles !== undefined)?.training.cycles?.count ?? 0;
  const rows: Cell[][] = plans.map((p) => {
    const t = p.training;
    const retrainShare = t.retrainCost !== null && t.retrains !== null && t.costToTarget.p50 !== null && t.costToTarget.p50 > 0 ? (t.retrainCost * t.retrains) / t.costToTarget.p50 : null;
    return [
      planLabel(ctx, p),
      spreadOf(t.labelsToTarget, (x) => formatNumber(x)),
      `${t.targetByDeadline !== undefined ? formatChance(t.targetByDeadline) : p.onTime === null ? 'n/a' : formatChance(p.onTime.probability)}${own ? ` by ${planDeadlineSpan(p, header)}` : ''}`,
      spreadOf(t.timeToTarget, weeks, ' wk'),
      spreadOf(t.firstModelHours, weeks, ' wk'),
      spreadOf(t.costToTarget, money),
      spreadOf(t.costPer10kItems, money),
      { html: `${escapeHtml(`${formatNumber(t.retrains, 1)} × ${money(t.retrainCost)}`)}${retrainShare === null ? '' : `<br><small>${escapeHtml(`${formatNumber(100 * retrainShare, 1)}% of the cost`)}</small>`}` },
      `${formatNumber(t.batchWaitHours, 0)} h`,
      ...(withCycles
        ? t.cycles === undefined
          ? ['n/a', 'n/a']
          : [
              { html: `${escapeHtml(spreadText(t.cycles.cost, money))}<br><small>${escapeHtml(`${formatPercent(t.cycles.shareOfFirst.p50, 0)} of the first`)}</small>` },
              spreadOf(t.cycles.cumulative, money),
            ]
        : []),
    ];
  });
  const headers = [
    'Plan',
    `Labels to ${target === null ? 'the target' : `${formatNumber(100 * target, 1)}%`} (p10–p90)`,
    header.deadlineHours === null || own ? 'Target by the deadline' : `Target by ${formatWeeks(header.deadlineHours)}`,
    'Time to target',
    'Time to first model',
    'Cost to target',
    'Cost per 10,000 items',
    'Retrains × cost each',
    'Waiting for batches',
    ...(withCycles ? ['Cost per retrain cycle (p50, share of the first model)', `Cost after ${cycleCount} cycles`] : []),
  ];

  const accuracyFigure = bandsFigure(ctx, plans, 'strategies-accuracy-time', target);
  const costFigure = costFigureOf(ctx, plans, target);
  const html = [
    paragraph(
      'Each plan trains a model on its accepted labels and stops when an evaluated model reaches the accuracy target. Labels to target are the training labels of the first model at or above it (held-out validation items not counted); each replication draws its own learning curve from the fit, so the spread includes the uncertainty of the curve. Cost per 10,000 items is the total cost over the items labelled, times 10,000. Replications that never reach the target by the horizon are left out of the spreads and count against the chance of reaching it by the deadline.',
      'note',
    ),
    table(headers, rows, { numeric: [1, 2, 3, 4, 5, 6, 8, ...(withCycles ? [9, 10] : [])] }),
    plotDiv(accuracyFigure, 'Model accuracy over weeks per strategy: median line and 10th to 90th percentile band, with the target.'),
    plotDiv(costFigure, 'Model accuracy against money spent per strategy: the median replication day by day, with the accuracy band.'),
  ];
  return { id: 'strategies', title: 'Strategies', html: html.join('\n'), figures: [accuracyFigure, costFigure] };
}

/** Accuracy of the deployed model at each day's end: median and p10–p90 band over weeks. */
function bandsFigure(ctx: ReportContext, plans: TrainingPlan[], id: string, target: number | null): Figure {
  const { header } = ctx.data;
  const data: Figure['data'] = [];
  let lastHour = latestDeadline({ header, plans }) ?? 0;
  plans.forEach((p, k) => {
    const a = p.training.accuracyByDay;
    if (a.hours.length === 0) return;
    lastHour = Math.max(lastHour, a.hours[a.hours.length - 1]);
    const hover = plotlyMarkup`${p.name}, week %{x:.1f}: median accuracy %{y:.1f}%<extra></extra>`;
    data.push(...accuracyTraces(ctx, p, k, plans.length, a.hours.map((h) => toWeeks(h)), hover));
  });
  const deadline = deadlineMarks({ header, plans });
  const shapes = [...deadline.shapes, ...targetLine(target)];
  return {
    id,
    data,
    layout: baseLayout('Accuracy of the deployed model: median (line) and 10th–90th percentile band', weeksAxis(Math.max(1, (lastHour * 1.02) / HOURS_PER_WEEK), header), {
      title: 'Accuracy (%)',
      ticksuffix: '%',
    }, { shapes, annotations: deadline.annotations, ...legendFor(plans.length) }),
  };
}

/** The median replication's cost so far (x) against the accuracy band (y), day by day. */
function costFigureOf(ctx: ReportContext, plans: TrainingPlan[], target: number | null): Figure {
  const cur = ctx.data.header.currency;
  const data: Figure['data'] = [];
  plans.forEach((p, k) => {
    const c = p.training.costByDay.p50.map((v) => round(v, 0));
    if (c.length === 0) return;
    const hover = plotlyMarkup`${p.name}: median accuracy %{y:.1f}% after %{x:,.0f} ${cur}<extra></extra>`;
    data.push(...accuracyTraces(ctx, p, k, plans.length, c, hover));
  });
  return {
    id: 'strategies-accuracy-cost',
    data,
    layout: baseLayout('Accuracy against money spent: the median day by day, with the accuracy band', { title: `Cost so far (${cur})`, tickformat: ',.0f', rangemode: 'tozero' }, {
      title: 'Accuracy (%)',
      ticksuffix: '%',
    }, { shapes: targetLine(target), ...legendFor(plans.length) }),
  };
}

/** A plan's accuracy band (from the first day nine replications in ten have a model) and its median line, against `x` (one value per day). */
function accuracyTraces(ctx: ReportContext, p: TrainingPlan, k: number, plans: number, x: number[], hover: PlotlyMarkup): Figure['data'] {
  const a = p.training.accuracyByDay;
  const from = bandStart(a);
  return [
    ...bandTraces({
      name: p.name,
      legendgroup: p.name,
      x: x.slice(from),
      lower: a.p10.slice(from).map(percentOrGap),
      upper: a.p90.slice(from).map(percentOrGap),
      shape: 'hv',
      color: withAlpha(ctx.colorOf(p.name), 0.4),
      fillcolor: withAlpha(ctx.colorOf(p.name), 0.15),
    }),
    {
      type: 'scatter',
      mode: 'lines',
      name: p.name,
      legendgroup: p.name,
      x,
      y: a.p50.map(percentOrGap),
      line: { color: ctx.colorOf(p.name), dash: ctx.dashOf(p.name), width: stackedWidth(k, plans), shape: 'hv' },
      hovertemplate: hover,
    },
  ];
}

/** The first day the band has a model in nine replications of ten (p10 above 0): before it, the band would reach down to 0%. */
function bandStart(a: TrainingReport['accuracyByDay']): number {
  const i = a.p10.findIndex((v) => v > 0);
  return i === -1 ? a.p10.length : i;
}

/** A dotted horizontal line at the accuracy target. */
function targetLine(target: number | null): unknown[] {
  if (target === null) return [];
  return [{ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: 100 * target, y1: 100 * target, line: { color: '#424242', width: 1, dash: 'dot' } }];
}
