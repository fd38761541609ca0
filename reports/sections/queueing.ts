import { bandTraces, baseLayout, legendFor, plotDiv, weeksAxis, type Figure } from '../figure.js';
import { durationUnit, formatDuration, formatNumber, formatPercent, round, toWeeks } from '../format.js';
import { withAlpha } from '../palette.js';
import { anyDeadline, deadlinePhrase } from '../plan-deadlines.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { Interval, QueueingData, ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';
import { mainBottleneck } from './bottlenecks.js';

type WithQueueing = ReportPlan & { queueing: QueueingData };
const withQueueing = (plans: ReportPlan[]): WithQueueing[] => plans.filter((p): p is WithQueueing => p.queueing !== undefined);

export const hasQueueing = (plans: ReportPlan[]) => withQueueing(plans).length > 0;

const pctCi = (i: Interval | null) => (i === null || i.mean === null ? 'n/a' : `${formatPercent(i.mean, 1)} (${formatPercent(i.low, 1)}–${formatPercent(i.high, 1)})`);
// A count of tasks is never below 0: a t interval of a skewed one may reach there, and is shown from 0.
const numCi = (i: Interval | null) => (i === null || i.mean === null ? 'n/a' : `${formatNumber(i.mean, 1)} (${formatNumber(i.low === null ? null : Math.max(0, i.low), 1)}–${formatNumber(i.high, 1)})`);

/**
 * The queueing measures that staffing practice reads: per stage the probability of waiting, the
 * service levels and the wait quantiles pooled over every task of every replication; per pool
 * utilisation and the time-average numbers in queue and in system with their 95% intervals; time
 * in system; weekly throughput and queue bands; items by the deadline as a distribution; and the
 * turnaround of scheduled deliveries against their SLA.
 */
export function queueingSection(ctx: ReportContext): Section {
  const plans = withQueueing(ctx.data.plans);
  const parts: string[] = [];
  const figures: Figure[] = [];
  const error = plans[0].queueing.pooledError;

  const stages: string[] = [];
  for (const p of plans) for (const s of p.queueing.stages) if (!stages.includes(s.name)) stages.push(s.name);
  const thresholds = plans[0].queueing.stages[0]?.serviceLevels.map((l) => l.withinHours) ?? [];
  parts.push(
    paragraph(
      `Per stage: the share of tasks that waited at all (the probability of waiting, which queueing theory's Erlang C formula gives for a steady queue), ${
        thresholds.length > 0 ? 'the service level P(wait ≤ T) at each wait T the file lists in waitThresholds' : 'the service level P(wait ≤ T) at each wait T the file lists (this file lists none: add, say, waitThresholds: [30s, 4h, 1d])'
      }, with 95% intervals over replications, and the 50th, 90th, 95th and 99th percentiles of every wait of every replication pooled (${error}), each stage in the unit that suits it.`,
      'note',
    ),
  );
  const rows: Cell[][] = [];
  for (const p of plans) {
    for (const s of p.queueing.stages) {
      const w = s.pooledWait;
      const u = durationUnit(Math.max(w.p99 ?? 0, w.p50 ?? 0));
      // No wait at all (most tasks of a stage that rarely queues) is 0, not 0.00 of some unit.
      const inUnit = (h: number | null) => (h === null ? 'n/a' : h === 0 ? '0' : `${formatNumber(h * u.perHour, h * u.perHour >= 100 ? 0 : h * u.perHour >= 10 ? 1 : 2)} ${u.name}`);
      rows.push([planLabel(ctx, p), s.name, pctCi(s.waitProbability), ...s.serviceLevels.map((l) => pctCi(l.level)), inUnit(w.p50), inUnit(w.p90), inUnit(w.p95), inUnit(w.p99), formatNumber(s.tasks)]);
    }
  }
  const slHeads = thresholds.map((t) => `P(wait ≤ ${formatDuration(t)})`);
  parts.push(table(['Plan', 'Stage', 'P(wait)', ...slHeads, 'p50 wait', 'p90', 'p95', 'p99', 'Tasks pooled'], rows, { numeric: Array.from({ length: 7 + slHeads.length }, (_, i) => i + 2) }));

  const poolRows: Cell[][] = [];
  for (const p of plans) for (const q of p.queueing.pools) poolRows.push([planLabel(ctx, p), q.name, pctCi(q.utilization), numCi(q.queueMean), numCi(q.inSystemMean)]);
  parts.push(
    paragraph(
      `Per pool: utilisation and the time-average numbers of tasks waiting (Lq) and waiting or in service (L), means over replications with their 95% intervals. Pools that share a queue show the shared queue.${
        ctx.data.header.openEnded
          ? ''
          : " Work of a fixed count is a backlog that drains: these average over each plan's own run until its work was done, not a steady state, so a plan that finishes sooner averages over a shorter and fuller span."
      }`,
      'note',
    ),
    table(['Plan', 'Pool', 'Utilisation', 'Tasks in queue (Lq)', 'Tasks in system (L)'], poolRows, { numeric: [2, 3, 4] }),
  );

  const timed = plans.filter((p) => p.queueing.timeInSystem !== null);
  if (timed.length > 0) {
    parts.push(
      paragraph(`Time in system: from an item's arrival to its acceptance, every accepted item of every replication pooled (${error}).`, 'note'),
      table(
        ['Plan', 'p50', 'p85', 'p95'],
        timed.map((p) => [planLabel(ctx, p), formatDuration(p.queueing.timeInSystem!.p50), formatDuration(p.queueing.timeInSystem!.p85), formatDuration(p.queueing.timeInSystem!.p95)]),
        { numeric: [1, 2, 3] },
      ),
    );
  }

  const weekly = weeklyFigures(ctx, plans);
  for (const w of weekly) {
    figures.push(w.figure);
    parts.push(plotDiv(w.figure, w.caption));
  }

  if (anyDeadline(ctx.data)) {
    const d = deadlineFigure(ctx, plans);
    if (d !== null) {
      figures.push(d);
      parts.push(
        plotDiv(d, 'Histogram per plan: the share of its replications that accepted each number of items by the deadline, the plans side by side in each bin.'),
        table(
          ['Plan', `Items by ${deadlinePhrase(ctx.data)}: p10`, 'p50', 'p90'],
          plans.map((p) => [planLabel(ctx, p), formatNumber(p.queueing.byDeadline?.p10), formatNumber(p.queueing.byDeadline?.p50), formatNumber(p.queueing.byDeadline?.p90)]),
          { numeric: [1, 2, 3] },
        ),
      );
    }
  }

  const delivered = plans.filter((p) => p.queueing.deliveries.length > 0);
  if (delivered.length > 0) {
    const t = turnaroundFigure(ctx, delivered);
    figures.push(t);
    parts.push(
      plotDiv(t, 'Markers: median turnaround of each scheduled delivery per plan, whiskers to the 90th percentile; dotted lines are the SLAs.'),
      paragraph('Per work type, over its deliveries: the range of their median turnarounds, the longest 90th percentile, and the mean share of replications that turned a delivery around within its SLA (plan-measures.csv has each delivery).', 'note'),
      table(['Plan', 'Work type', 'Deliveries', 'SLA', 'Median turnaround', 'Longest p90', 'Within SLA', 'Not done'], delivered.flatMap((p) => deliveryRows(ctx, p)), { numeric: [2, 4, 5, 6, 7] }),
    );
  }
  return { id: 'queueing', title: 'Queues and service levels', html: parts.join('\n'), figures };
}

/** One row per work type of a plan's deliveries (named `type#k`). */
function deliveryRows(ctx: ReportContext, p: WithQueueing): Cell[][] {
  const types = new Map<string, QueueingData['deliveries']>();
  for (const d of p.queueing.deliveries) {
    const type = d.name.slice(0, d.name.lastIndexOf('#'));
    types.set(type, [...(types.get(type) ?? []), d]);
  }
  return [...types].map(([type, ds]) => {
    const p50s = ds.map((d) => d.p50).filter((x): x is number => x !== null);
    const p90s = ds.map((d) => d.p90);
    const within = ds.map((d) => d.withinSla).filter((x): x is number => x !== null);
    const sla = ds[0].slaHours;
    return [
      planLabel(ctx, p),
      type,
      formatNumber(ds.length),
      sla === null ? '—' : formatDuration(sla),
      p50s.length === 0 ? 'n/a' : `${formatDuration(Math.min(...p50s))}–${formatDuration(Math.max(...p50s))}`,
      p90s.some((x) => x === null) ? 'not all done' : formatDuration(Math.max(...(p90s as number[]))),
      within.length === 0 ? '—' : formatPercent(within.reduce((a, b) => a + b, 0) / within.length, 0),
      formatNumber(ds.reduce((n, d) => n + d.notFinished, 0)),
    ];
  });
}

/** A p10–p90 band and its median line for one plan, the band stepped as the median is. */
/**
 * A median line and its p10–p90 band, drawn alike: `over-week` for a count of the week that ends
 * at x (held over that week, from its start), `at-point` for a reading at x (week-end queues),
 * joined by straight lines with a marker at each reading.
 */
function band(ctx: ReportContext, name: string, label: string, x: number[], b: { p10: number[]; p50: number[]; p90: number[] }, unit: string, drawn: 'over-week' | 'at-point'): Figure['data'] {
  const week = drawn === 'over-week';
  // A 'vh' step holds each value back to the point before it: the first week starts at 0.
  const xs = week && x.length > 0 ? [Math.max(0, x[0] - 1), ...x] : x;
  const held = (v: number[]) => (week && v.length > 0 ? [v[0], ...v] : v).map((y) => round(y, 1));
  const shape = week ? 'vh' : 'linear';
  const [lower, median, upper] = [held(b.p10), held(b.p50), held(b.p90)];
  // The point held back to the week's start repeats the first week's figures: it has no hover label.
  const template = plotlyMarkup`${label}, ${week ? 'week ending' : 'end of week'} %{x:.0f}: median %{y:,.0f} ${unit} (p10–p90 %{customdata[0]:,}–%{customdata[1]:,})<extra></extra>`;
  return [
    ...bandTraces({
      name: label,
      legendgroup: label,
      x: xs,
      lower,
      upper,
      shape,
      color: withAlpha(ctx.colorOf(name), 0.4),
      fillcolor: withAlpha(ctx.colorOf(name), 0.15),
    }),
    {
      type: 'scatter',
      mode: week ? 'lines' : 'lines+markers',
      name: label,
      legendgroup: label,
      x: xs,
      y: median,
      customdata: lower.map((lo, i) => [round(lo, 0), round(upper[i], 0)]),
      line: { color: ctx.colorOf(name), dash: ctx.dashOf(name), width: 2, shape },
      ...(week ? {} : { marker: { size: 5, color: ctx.colorOf(name) } }),
      hovertemplate: week ? xs.map((_, i) => (i === 0 ? plotlyMarkup`<extra></extra>` : template)) : template,
    },
  ];
}

/** Weekly throughput bands, and the queue of each plan's bottleneck pool at each week's end. */
function weeklyFigures(ctx: ReportContext, plans: WithQueueing[]): Array<{ figure: Figure; caption: string }> {
  const header = ctx.data.header;
  let last = 1;
  for (const p of plans) last = Math.max(last, p.queueing.weekly.hours.length);
  const axis = weeksAxis(last * 1.02 + 0.5, header, 'Week');
  const throughput: Figure['data'] = plans.flatMap((p) => band(ctx, p.name, p.name, p.queueing.weekly.hours.map((h) => toWeeks(h)), p.queueing.weekly.accepted, 'items', 'over-week'));
  const queues: Figure['data'] = plans.flatMap((p) => {
    const pool = mainBottleneck(p)?.pool ?? p.queueing.weekly.queues[0]?.pool;
    const q = p.queueing.weekly.queues.find((x) => x.pool === pool);
    return q === undefined ? [] : band(ctx, p.name, `${p.name}: ${q.pool}`, p.queueing.weekly.hours.map((h) => toWeeks(h)), q, 'tasks waiting', 'at-point');
  });
  return [
    {
      figure: { id: 'weekly-throughput', data: throughput, layout: baseLayout('Items accepted per week: median (line) and 10th–90th percentile band', axis, { title: 'Items accepted in the week', rangemode: 'tozero', tickformat: ',.0f' }, legendFor(plans.length)) },
      caption: 'Weekly throughput per plan: items accepted in each week, median and 10th to 90th percentile band across replications.',
    },
    {
      figure: { id: 'weekly-queue', data: queues, layout: baseLayout("Tasks waiting at each week's end for each plan's bottleneck pool: median and 10th–90th percentile band", axis, { title: 'Tasks waiting', rangemode: 'tozero', tickformat: ',.0f' }, legendFor(plans.length)) },
      caption: "Queue length per plan: tasks waiting for the plan's bottleneck pool at each week's end, median and 10th to 90th percentile band.",
    },
  ];
}

/**
 * Items accepted by the deadline: per plan the share of its replications in each of the same bins,
 * so a plan run 180 times and one run 20 times (precision rounds give plans different counts) read
 * on one scale, with the plans' bars side by side in a bin, so none hides another.
 */
function deadlineFigure(ctx: ReportContext, plans: WithQueueing[]): Figure | null {
  const shown = plans.filter((p) => p.queueing.byDeadline !== null && p.queueing.byDeadline.values.length > 0);
  if (shown.length === 0) return null;
  // The same 30 bins for every plan, so a plan whose every replication delivers the same count still shows a bar.
  const all = shown.flatMap((p) => p.queueing.byDeadline!.values);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const size = hi > lo ? (hi - lo) / 30 : Math.max(1, Math.abs(hi) / 100);
  const start = lo - size / 2;
  const bins = Math.floor((hi - start) / size) + 1;
  // Each plan's bars take its slot of 80% of the bin, placed explicitly: Plotly would size bars from the nearest two positions of any plan.
  const width = (0.8 * size) / shown.length;
  return {
    id: 'by-deadline',
    data: shown.map((p, k) => {
      const values = p.queueing.byDeadline!.values;
      const counts = new Array<number>(bins).fill(0);
      const low = new Array<number>(bins).fill(Infinity);
      const high = new Array<number>(bins).fill(-Infinity);
      for (const v of values) {
        const i = Math.min(bins - 1, Math.max(0, Math.floor((v - start) / size)));
        counts[i]++;
        low[i] = Math.min(low[i], v);
        high[i] = Math.max(high[i], v);
      }
      const used = counts.flatMap((c, i) => (c > 0 ? [i] : []));
      return {
        type: 'bar',
        name: p.name,
        x: used.map((i) => round(start + (i + 0.5) * size, 2)),
        y: used.map((i) => (100 * counts[i]) / values.length),
        customdata: used.map((i) => counts[i]),
        // What the bin's replications accepted, as hover text.
        text: used.map((i) => (low[i] === high[i] ? formatNumber(low[i]) : `${formatNumber(low[i])}–${formatNumber(high[i])}`)),
        textposition: 'none',
        offset: round(-0.4 * size + k * width, 4),
        width: round(width, 4),
        marker: { color: ctx.colorOf(p.name) },
        hovertemplate: plotlyMarkup`${p.name}: %{y:.1f}% of its replications (%{customdata} of ${values.length}) accepted %{text} items by the deadline<extra></extra>`,
      };
    }),
    layout: baseLayout(
      `Items accepted by ${deadlinePhrase(ctx.data)}: share of each plan's replications`,
      // Every replication of every plan at one count: one bin, its bars side by side, and one tick at the count itself.
      { title: 'Items accepted by the deadline', tickformat: ',.0f', ...(bins === 1 ? { tickmode: 'array', tickvals: [hi] } : {}) },
      { title: "Share of the plan's replications (%)", rangemode: 'tozero', ticksuffix: '%' },
      { barmode: 'group', ...legendFor(shown.length) },
    ),
  };
}

/** Median and p90 turnaround per delivery and plan, in the unit that suits them, with each SLA dotted. */
function turnaroundFigure(ctx: ReportContext, plans: WithQueueing[]): Figure {
  let max = 0;
  for (const p of plans) for (const d of p.queueing.deliveries) max = Math.max(max, d.p90 ?? 0, d.slaHours ?? 0);
  const u = durationUnit(max);
  const inUnit = (h: number | null) => (h === null ? null : round(h * u.perHour, 4));
  const slas = new Set(plans.flatMap((p) => p.queueing.deliveries.map((d) => d.slaHours)).filter((s): s is number => s !== null));
  return {
    id: 'turnaround',
    data: plans.map((p) => ({
      type: 'scatter',
      mode: 'markers',
      name: p.name,
      x: p.queueing.deliveries.map((d) => d.name),
      y: p.queueing.deliveries.map((d) => inUnit(d.p50)),
      error_y: { type: 'data', symmetric: false, array: p.queueing.deliveries.map((d) => (d.p90 === null || d.p50 === null ? 0 : Math.max(0, round((d.p90 - d.p50) * u.perHour, 4)))), arrayminus: p.queueing.deliveries.map(() => 0), thickness: 1.2, width: 3 },
      marker: { color: ctx.colorOf(p.name), symbol: ctx.symbolOf(p.name) },
      hovertemplate: plotlyMarkup`${p.name}, %{x}: median turnaround %{y} ${u.name}<extra></extra>`,
    })),
    layout: baseLayout('Turnaround of each scheduled delivery: median (marker) and 90th percentile (whisker end)', { title: 'Delivery', type: 'category' }, { title: u.name, rangemode: 'tozero' }, {
      shapes: [...slas].map((s) => ({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: round(s * u.perHour, 4), y1: round(s * u.perHour, 4), line: { color: '#9e9e9e', width: 1, dash: 'dot' } })),
      ...legendFor(plans.length),
    }),
  };
}

