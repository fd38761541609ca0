import { calendarDate, escapeHtml, formatDay, HOURS_PER_WEEK, round } from './format.js';
import { INK } from './palette.js';
import { plotlyMarkup, plotlyValue, type PlotlyMarkup } from './plotly-text.js';
import { otherDeadlines } from './plan-deadlines.js';
import type { ReportData, ReportHeader } from './report-data.js';

/** A Plotly figure as plain JSON: traces and layout, drawn in the page by Plotly.newPlot. */
export interface Figure {
  id: string;
  data: Array<Record<string, unknown>>;
  layout: Record<string, unknown>;
  /**
   * How the chart is laid out where its wide layout does not fit (panels abreast on a phone):
   * below `width` pixels of chart, or on any narrow screen, these layout keys replace the wide
   * ones and the plot is `height` pixels tall. Absent: the render script's general narrow rules
   * alone (title above as text, legend in rows).
   */
  narrow?: { width: number; layout: Record<string, unknown>; height: number };
}

/**
 * The figure as the page hands it to Plotly: every plain string escaped as text, every
 * `plotlyMarkup` string as written (see plotly-text.ts). The report passes every figure through
 * here, so no chart can let a name from the experiment file reach Plotly as markup.
 */
export function plotlyFigure(fig: Figure): Figure {
  const out: Figure = { id: fig.id, data: plotlyValue(fig.data) as Figure['data'], layout: plotlyValue(fig.layout) as Figure['layout'] };
  if (fig.narrow !== undefined) out.narrow = { width: fig.narrow.width, layout: plotlyValue(fig.narrow.layout) as Figure['layout'], height: fig.narrow.height };
  return out;
}

/** Below this width in pixels a chart is drawn for a phone (the render script's narrow mode). */
export const NARROW_PX = 560;

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The container a figure is drawn into; `data-traces` states how many traces it must show. */
export function plotDiv(fig: Figure, caption: string, size: 'normal' | 'tall' | 'short' = 'normal'): string {
  const cls = size === 'normal' ? 'plot' : `plot plot-${size}`;
  return `<figure class="chart"><div class="${cls}" data-plot="${escapeHtml(fig.id)}" data-traces="${fig.data.length}" role="img" aria-label="${escapeHtml(caption)}"></div><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

export interface Axis {
  title: string;
  [key: string]: unknown;
}

/** Layout shared by every chart: white background, light grid, system fonts, legend above the plot. */
export function baseLayout(title: string, x: Axis, y: Axis, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const axis = ({ title: text, ...rest }: Axis) => ({
    title: { text, standoff: 8 },
    gridcolor: INK.grid,
    zerolinecolor: '#bdbdbd',
    linecolor: '#9e9e9e',
    automargin: true,
    ...rest,
  });
  return {
    title: { text: title, x: 0, xanchor: 'left', font: { size: 15 } },
    font: { family: FONT_FAMILY, size: 12, color: INK.text },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    margin: { l: 64, r: 24, t: 72, b: 56 },
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', bgcolor: 'rgba(255,255,255,0)' },
    hoverlabel: { font: { family: FONT_FAMILY } },
    autosize: true,
    xaxis: axis(x),
    yaxis: axis(y),
    ...extra,
  };
}

/**
 * Where the legend goes: a row above the plot for a few entries, a column on the right for many
 * (a long row would wrap into the title).
 */
export function legendFor(entries: number): Record<string, unknown> {
  return entries <= 5
    ? { legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', bgcolor: 'rgba(255,255,255,0)' } }
    : { legend: { orientation: 'v', x: 1.02, xanchor: 'left', y: 1, yanchor: 'top', bgcolor: 'rgba(255,255,255,0)', font: { size: 11 }, tracegroupgap: 0 }, margin: { l: 64, r: 24, t: 56, b: 56 } };
}

/** The date ("12 Apr") of the day `weeks` weeks after the start date, or n/a. */
function weekStart(startDate: string, weeks: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (m === null || !Number.isInteger(weeks)) return 'n/a';
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 7 * weeks)).toISOString().slice(0, 10);
  return formatDay(day, { weekday: false, year: false });
}

/** Tick positions every few weeks, labelled with the week number and the date of the day it begins (the start's weekday). */
export function weekTicks(maxWeeks: number, header: ReportHeader): { tickvals: number[]; ticktext: PlotlyMarkup[] } {
  const steps = [1, 2, 4, 5, 10, 13, 26, 52, 104];
  const step = steps.find((s) => maxWeeks / s <= 12) ?? Math.ceil(maxWeeks / 12);
  const tickvals: number[] = [];
  const ticktext: PlotlyMarkup[] = [];
  for (let w = 0; w <= maxWeeks + 1e-9; w += step) {
    tickvals.push(w);
    // Week w begins 7w calendar days after the start: its date, whatever the clock changes in between.
    const date = weekStart(header.startDate, w);
    ticktext.push(date === 'n/a' ? plotlyMarkup`${w}` : plotlyMarkup`${w}<br><span style="font-size:10px">${date}</span>`);
  }
  return { tickvals, ticktext };
}

/** The x axis of a chart over project weeks, with calendar dates under the week numbers. */
export function weeksAxis(maxWeeks: number, header: ReportHeader, title = 'Weeks from start'): Axis {
  const { tickvals, ticktext } = weekTicks(maxWeeks, header);
  return {
    title: `${title} (week 0 = ${calendarDate(0, header.startDate, header.timeZone, { time: false })}, ${header.timeZone})`,
    range: [0, maxWeeks],
    tickmode: 'array',
    tickvals,
    ticktext,
  };
}

/** Plans named on a deadline's label: up to three, then how many more. */
const MARKED_PLANS = 3;

/**
 * A vertical dashed line at each deadline with its label, as layout shapes and annotations: the
 * header's (the first plan's), then each other deadline a plan's patch set, its label naming those
 * plans and set a line lower so two deadlines close together do not print over each other.
 */
export function deadlineMarks(data: Pick<ReportData, 'header' | 'plans'>): { shapes: unknown[]; annotations: unknown[] } {
  const marks: Array<{ hours: number; plans: string[] | null }> = [];
  if (data.header.deadlineHours !== null) marks.push({ hours: data.header.deadlineHours, plans: null });
  for (const d of otherDeadlines(data)) if (d.hours !== null) marks.push({ hours: d.hours, plans: d.plans });
  const named = (plans: string[]) =>
    plans.length <= MARKED_PLANS ? plans.join(', ') : `${plans.slice(0, MARKED_PLANS - 1).join(', ')} and ${plans.length - MARKED_PLANS + 1} more`;
  return {
    shapes: marks.map(({ hours }) => {
      const x = hours / HOURS_PER_WEEK;
      return { type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color: INK.deadline, width: 2, dash: 'dash' } };
    }),
    annotations: marks.map(({ hours, plans }, k) => {
      const x = hours / HOURS_PER_WEEK;
      return {
        xref: 'x',
        yref: 'paper',
        x,
        y: 1,
        yanchor: 'top',
        xanchor: 'right',
        xshift: -4,
        ...(k === 0 ? {} : { yshift: -18 * k }),
        showarrow: false,
        bgcolor: 'rgba(255,255,255,0.85)',
        text: `deadline ${+x.toFixed(1)} wk${plans === null ? '' : `: ${named(plans)}`}`,
        font: { color: INK.deadline, size: 11 },
      };
    }),
  };
}

/**
 * A p10–p90 band as two traces, its lower edge and then its upper edge filled down to it
 * ('tonexty'), both drawn with the line shape of the median they surround. A band drawn as one
 * closed 'toself' polygon cannot step: a straight band leaves a stepped median outside it between
 * points, and a stepped polygon steps its way back along the lower edge the wrong way round.
 * Plotly draws a 'tonexty' fill's far edge with the shape reversed, so it follows the lower line.
 */
export function bandTraces(b: { name: string; legendgroup: string; x: number[]; lower: Array<number | null>; upper: Array<number | null>; shape: 'hv' | 'vh' | 'linear'; color: string; fillcolor: string }): Figure['data'] {
  const edge = { type: 'scatter', mode: 'lines', legendgroup: b.legendgroup, showlegend: false, x: b.x, line: { width: 0.5, color: b.color, shape: b.shape }, hoverinfo: 'skip' };
  return [
    { ...edge, name: `${b.name} p10`, y: b.lower },
    { ...edge, name: `${b.name} p10–p90`, y: b.upper, fill: 'tonexty', fillcolor: b.fillcolor },
  ];
}

/**
 * For each series, the index of the first earlier series with exactly the same points, or -1.
 * Two plans with equal results draw the same line; the later one is then drawn dashed and thinner
 * on top, and named "(same as …)", so neither hides the other.
 */
export function duplicatesOf(series: unknown[]): number[] {
  const keys = series.map((s) => JSON.stringify(s));
  return keys.map((k, i) => keys.indexOf(k) < i ? keys.indexOf(k) : -1);
}

/** The line style of a series drawn over an equal earlier one: dashed, thinner, so the one beneath shows on both sides. */
export const OVERLAID_LINE = { dash: 'dash', width: 1.6 } as const;

/**
 * Line width of the k-th of n plans: the first widest, each later one thinner and drawn on top, so
 * plans whose curves nearly coincide still show every colour (a later line runs inside an earlier one).
 */
export function stackedWidth(k: number, n: number): number {
  if (n <= 1) return 2.5;
  const thinnest = n <= 9 ? 2 : 1.5;
  return round(thinnest + (4.5 - thinnest) * ((n - 1 - k) / (n - 1)), 2);
}
