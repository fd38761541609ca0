import { baseLayout, deadlineMarks, duplicatesOf, legendFor, OVERLAID_LINE, plotDiv, stackedWidth, weeksAxis, type Figure } from '../figure.js';
import { calendarDate, escapeHtml, formatChance, formatDay, formatNumber, formatWeeks, horizonPhrase, HOURS_PER_WEEK, round, toWeeks } from '../format.js';
import { INK } from '../palette.js';
import { plotlyMarkup } from '../plotly-text.js';
import { anyDeadline, deadlinesDiffer, latestDeadline, planDeadlineSpan } from '../plan-deadlines.js';
import type { ReportData, ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

const QUANTILES = [
  { key: 'p50', q: 0.5 },
  { key: 'p85', q: 0.85 },
  { key: 'p95', q: 0.95 },
] as const;

/** The right end of the weeks axis: past the last finish and the deadline, or the horizon if nothing finished. */
export function completionAxisEnd(data: ReportData): number {
  let last = 0;
  for (const p of data.plans) if (p.completionHours.length > 0) last = Math.max(last, p.completionHours[p.completionHours.length - 1]);
  const deadline = latestDeadline(data);
  if (deadline !== null) last = Math.max(last, deadline);
  if (last === 0) last = data.header.horizonHours;
  return Math.min(data.header.horizonHours, last * 1.06) / HOURS_PER_WEEK;
}

/** The p85 as the day a replication finished; report data of older runs has only the interpolated time. */
function p85Date(p: ReportData['plans'][number], header: ReportData['header']): string {
  if (p.completionDays !== undefined) return formatDay(p.completionDays.p85);
  return calendarDate(p.completion.p85, header.startDate, header.timeZone, { time: false });
}

/** Completion-time CDF per plan: the chance of having finished by each week, with the deadline and p50/p85/p95. */
export function deadlineRiskSection(ctx: ReportContext): Section {
  const { header, plans } = ctx.data;
  const end = completionAxisEnd(ctx.data);
  const data: Figure['data'] = [];
  const same = duplicatesOf(plans.map((p) => [p.replications, p.completionHours]));
  plans.forEach((p, k) => {
    if (p.replications === 0) return;
    const twin = same[k] === -1 ? null : plans[same[k]].name;
    const n = p.replications;
    const x = [0, ...p.completionHours.map((h) => toWeeks(h)), round(end, 4)];
    const y = [0, ...p.completionHours.map((_, i) => round((i + 1) / n, 5)), round(p.completionHours.length / n, 5)];
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: twin === null ? p.name : `${p.name} (same as ${twin})`,
      legendgroup: p.name,
      x,
      y,
      line: { shape: 'hv', color: ctx.colorOf(p.name), dash: ctx.dashOf(p.name), width: stackedWidth(k, plans.length), ...(twin === null ? {} : OVERLAID_LINE) },
      hovertemplate: plotlyMarkup`${p.name}: %{y:.0%} finished by week %{x:.1f}<extra></extra>`,
    });
    const marks = QUANTILES.filter(({ key }) => p.completion[key] !== null);
    if (marks.length > 0) {
      data.push({
        type: 'scatter',
        mode: 'markers',
        name: `${p.name} p50/p85/p95`,
        legendgroup: p.name,
        showlegend: false,
        x: marks.map(({ key }) => toWeeks(p.completion[key]!)),
        y: marks.map(({ q }) => q),
        text: marks.map(({ key }) => key),
        marker: { symbol: 'diamond', size: twin === null ? 10 : 6, color: ctx.colorOf(p.name), line: { color: '#ffffff', width: 1 } },
        hovertemplate: plotlyMarkup`${p.name} %{text}: week %{x:.1f}<extra></extra>`,
      });
    }
  });
  const deadline = deadlineMarks(ctx.data);
  const guides = QUANTILES.map(({ q }) => ({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: q, y1: q, line: { color: '#9e9e9e', width: 1, dash: 'dot' } }));
  const guideLabels = QUANTILES.map(({ key, q }) => ({ xref: 'paper', yref: 'y', x: 1, y: q, xanchor: 'right', yanchor: 'bottom', showarrow: false, text: key, font: { size: 10, color: INK.muted } }));
  const figure: Figure = {
    id: 'completion-cdf',
    data,
    layout: baseLayout('Chance of having finished, by week (completion-time distribution)', weeksAxis(end, header), {
      title: 'Share of replications finished',
      range: [0, 1.03],
      tickformat: '.0%',
    }, {
      shapes: [...guides, ...deadline.shapes],
      annotations: [...guideLabels, ...deadline.annotations],
      ...legendFor(plans.length),
    }),
  };

  const censored = plans.filter((p) => p.notFinished > 0);
  const notes = censored.map((p) =>
    paragraph(
      `${p.name}: ${p.notFinished} of ${p.replications} replications did not finish by ${horizonPhrase(header.horizonHours)}, so its curve stops at ${formatChance(p.completionHours.length / p.replications)} and the percentiles above that are unknown.`,
      'warning',
    ),
  );
  // Plans with deadlines of their own: each row says which its chance on time is of.
  const own = deadlinesDiffer(ctx.data);
  const rows: Cell[][] = plans.map((p) => [
    planLabel(ctx, p),
    ...(own ? [planDeadlineSpan(p, header)] : []),
    p.onTime === null ? 'n/a' : `${formatChance(p.onTime.probability)} (${formatChance(p.onTime.low)}–${formatChance(p.onTime.high)})`,
    formatWeeks(p.completion.p50),
    formatWeeks(p.completion.p85),
    { html: escapeHtml(p85Date(p, header)), className: 'date' },
    formatWeeks(p.completion.p95),
    `${p.notFinished} of ${p.replications}`,
  ]);
  const html = [
    !anyDeadline(ctx.data)
      ? paragraph('The experiment sets no deadline; the chart shows when the work is done.')
      : paragraph(`Each curve is the share of replications that had finished all the work by a given week; where a curve crosses ${own ? "its plan's dashed deadline line (the plans' deadlines differ)" : 'the dashed deadline line'} is the chance of finishing on time. Diamonds mark p50, p85 and p95.`, 'note'),
    plotDiv(figure, 'Completion-time distribution per plan, in weeks from the start, with the deadline as a dashed line.'),
    ...notes,
    own
      ? table(['Plan', 'Deadline', 'On time (95% CI)', 'p50', 'p85', 'p85 date', 'p95', 'Not finished by the horizon'], rows, { numeric: [1, 2, 3, 4, 6, 7] })
      : table(['Plan', 'On time (95% CI)', 'p50', 'p85', 'p85 date', 'p95', 'Not finished by the horizon'], rows, { numeric: [1, 2, 3, 5, 6] }),
    ...plans.map(shortfallNote).filter((t): t is string => t !== null).map((t) => paragraph(t, 'note')),
    paragraph(`p85 date: the day (${header.timeZone}) on which the replication at rank ⌈0.85 n⌉ of the n replications, earliest first, finished: a day its last item was accepted. The weeks interpolate between replications.`, 'note'),
  ].join('\n');
  return { id: 'deadline-risk', title: 'Deadline risk', html, figures: [figure] };
}

/**
 * How far a plan's late replications fell short at the deadline, in items not accepted by then:
 * one late run a frame short is another risk than one of many runs thousands short. For work of a
 * fixed count with a deadline (not a model trained to an accuracy target); null when none was late.
 */
function shortfallNote(p: ReportPlan): string | null {
  const accepted = p.queueing?.byDeadline?.values;
  if (accepted === undefined || accepted.length === 0 || p.training !== undefined || p.work.some((w) => w.items === null)) return null;
  const goal = p.work.reduce((n, w) => n + (w.items ?? 0), 0);
  const short = accepted.map((v) => goal - v).filter((x) => x > 0).sort((a, b) => a - b);
  if (short.length === 0) return null;
  const items = (n: number) => `${formatNumber(n)} item${n === 1 ? '' : 's'}`;
  const late = short.length === accepted.length ? `all ${formatNumber(accepted.length)} replications were late` : `${formatNumber(short.length)} of ${formatNumber(accepted.length)} replications ${short.length === 1 ? 'was' : 'were'} late`;
  if (short.length === 1) return `${p.name}: ${late}, ${items(short[0])} short of ${formatNumber(goal)} at the deadline.`;
  const median = short[Math.floor((short.length - 1) / 2)];
  const range = short[0] === short[short.length - 1] ? `each ${items(short[0])}` : `${formatNumber(short[0])} to ${items(short[short.length - 1])}, median ${formatNumber(median)}`;
  return `${p.name}: ${late}, short of ${formatNumber(goal)} at the deadline by ${range}.`;
}
