import { baseLayout, deadlineMarks, duplicatesOf, legendFor, OVERLAID_LINE, plotDiv, stackedWidth, weeksAxis, type Figure } from '../figure.js';
import { deadlineSpan, formatNumber, HOURS_PER_WEEK, round, toWeeks } from '../format.js';
import { withAlpha } from '../palette.js';
import { plotlyMarkup } from '../plotly-text.js';
import { anyDeadline, deadlineOf, deadlinesDiffer, latestDeadline, planDeadlineSpan } from '../plan-deadlines.js';
import type { ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

/** Remaining items at the deadline (p10, p50, p90), from the burn-down band; zero once every replication is done. */
export function remainingAt(plan: ReportPlan, hours: number): { p10: number; p50: number; p90: number } | null {
  const b = plan.burnDown;
  if (b === null || b.hours.length === 0) return null;
  const i = b.hours.findIndex((h) => h >= hours);
  if (i === -1) return { p10: b.p10[b.p10.length - 1], p50: b.p50[b.p50.length - 1], p90: b.p90[b.p90.length - 1] };
  return { p10: b.p10[i], p50: b.p50[i], p90: b.p90[i] };
}

/** Burn-down fan per plan: items left at each day's end over calendar weeks, median line and p10-p90 band. */
export function burnDownSection(ctx: ReportContext): Section {
  const { header, plans } = ctx.data;
  let lastHour = latestDeadline(ctx.data) ?? 0;
  for (const p of plans) if (p.burnDown && p.burnDown.hours.length > 0) lastHour = Math.max(lastHour, p.burnDown.hours[p.burnDown.hours.length - 1]);
  const end = Math.max(1, (lastHour * 1.02) / HOURS_PER_WEEK);
  const data: Figure['data'] = [];
  const same = duplicatesOf(plans.map((p) => p.burnDown));
  plans.forEach((p, k) => {
    const b = p.burnDown;
    if (b === null || b.hours.length === 0) return;
    const twin = same[k] === -1 ? null : plans[same[k]].name;
    const x = b.hours.map((h) => toWeeks(h));
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `${p.name} p10–p90`,
      legendgroup: p.name,
      showlegend: false,
      x: [...x, ...[...x].reverse()],
      y: [...b.p90.map((v) => round(v, 1)), ...[...b.p10].reverse().map((v) => round(v, 1))],
      fill: 'toself',
      // An equal earlier plan's band is already there: this one adds its outline only.
      fillcolor: withAlpha(ctx.colorOf(p.name), twin === null ? 0.18 : 0.04),
      line: { width: 0.5, color: withAlpha(ctx.colorOf(p.name), 0.4) },
      hoverinfo: 'skip',
    });
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: twin === null ? p.name : `${p.name} (same as ${twin})`,
      legendgroup: p.name,
      x,
      y: b.p50.map((v) => round(v, 1)),
      customdata: b.p10.map((lo, i) => [round(lo, 0), round(b.p90[i], 0)]),
      line: { color: ctx.colorOf(p.name), dash: ctx.dashOf(p.name), width: stackedWidth(k, plans.length), ...(twin === null ? {} : OVERLAID_LINE) },
      hovertemplate: plotlyMarkup`${p.name}, week %{x:.1f}: median %{y:,.0f} left (p10–p90 %{customdata[0]:,}–%{customdata[1]:,})<extra></extra>`,
    });
  });
  const deadline = deadlineMarks(ctx.data);
  const figure: Figure = {
    id: 'burn-down',
    data,
    layout: baseLayout('Items remaining at the end of each day: median (line) and 10th–90th percentile band', weeksAxis(end, header), {
      title: 'Items remaining',
      rangemode: 'tozero',
      tickformat: ',.0f',
    }, { shapes: deadline.shapes, annotations: deadline.annotations, ...legendFor(plans.length) }),
  };
  const parts = [
    paragraph('Lines are the median replication; the shaded band holds 80% of replications (p10 to p90). A band still above zero at the deadline line means work left over. A plan with the same band as an earlier plan is drawn dashed over it and named "same as".', 'note'),
    plotDiv(figure, 'Burn-down per plan: items remaining over weeks, with the 10th to 90th percentile band.'),
  ];
  if (anyDeadline(ctx.data)) {
    // Each plan at its own deadline (a plan's patch may set one), named in a column when they differ.
    const own = deadlinesDiffer(ctx.data);
    const rows: Cell[][] = plans.map((p) => {
      const hours = deadlineOf(p, header);
      const r = hours === null ? null : remainingAt(p, hours);
      return [planLabel(ctx, p), ...(own ? [planDeadlineSpan(p, header)] : []), r === null ? 'n/a' : formatNumber(r.p50), r === null ? 'n/a' : `${formatNumber(r.p10)}–${formatNumber(r.p90)}`];
    });
    parts.push(
      own
        ? table(['Plan', 'Deadline', "Median items left at the plan's deadline", 'p10–p90'], rows, { numeric: [1, 2, 3] })
        : table([`Plan`, `Median items left at the deadline (${deadlineSpan(header)})`, 'p10–p90'], rows, { numeric: [1, 2] }),
    );
  }
  return { id: 'burn-down', title: 'Burn-down', html: parts.join('\n'), figures: [figure] };
}
