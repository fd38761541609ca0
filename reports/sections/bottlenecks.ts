import { baseLayout, legendFor, NARROW_PX, plotDiv, type Figure } from '../figure.js';
import { durationUnit, escapeHtml, formatDuration, formatNumber, formatPercent, round } from '../format.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

function union(plans: ReportPlan[], list: (p: ReportPlan) => Array<{ name: string }>): string[] {
  const names: string[] = [];
  for (const p of plans) for (const x of list(p)) if (!names.includes(x.name)) names.push(x.name);
  return names;
}

/** The pool most often the bottleneck in a plan, with its share of replications. */
export function mainBottleneck(plan: ReportPlan): { pool: string; share: number } | null {
  let best: { pool: string; share: number } | null = null;
  for (const p of plan.pools) if (p.bottleneckShare !== null && p.bottleneckShare > 0 && (best === null || p.bottleneckShare > best.share)) best = { pool: p.name, share: p.bottleneckShare };
  return best;
}


/**
 * The p95 wait the report shows: of every wait pooled over replications when the data has it,
 * else (report data of older runs) the mean of the replications' own p95s, and the words for it.
 */
export function p95Basis(plans: ReportPlan[]): { of: (s: ReportPlan['stages'][number]) => number | null; words: string } {
  const pooled = plans.every((p) => p.stages.every((s) => s.pooledP95 !== undefined));
  return pooled ? { of: (s) => s.pooledP95 ?? null, words: 'p95 of all waits pooled' } : { of: (s) => s.waitP95, words: "mean of replications' p95" };
}

/** Utilisation per pool per plan, which pool is the bottleneck, and the mean and p95 wait before each stage. */
export function bottlenecksSection(ctx: ReportContext): Section {
  const { plans } = ctx.data;
  const pools = union(plans, (p) => p.pools);
  const stages = union(plans, (p) => p.stages);
  const figures: Figure[] = [];
  const parts: string[] = [];

  if (pools.length > 0) {
    const utilisation: Figure = {
      id: 'utilisation',
      data: plans.map((p) => ({
        type: 'bar',
        name: p.name,
        x: pools,
        y: pools.map((name) => {
          const u = p.pools.find((x) => x.name === name)?.utilization;
          return u === null || u === undefined ? null : round(u, 4);
        }),
        customdata: pools.map((name) => {
          const share = p.pools.find((x) => x.name === name)?.bottleneckShare;
          return share === null || share === undefined ? 'n/a' : formatPercent(share, 0);
        }),
        marker: { color: ctx.colorOf(p.name) },
        hovertemplate: plotlyMarkup`${p.name}, %{x}: %{y:.0%} busy; bottleneck in %{customdata} of replications<extra></extra>`,
      })),
      layout: baseLayout('Utilisation per pool: share of paid shift time spent working', { title: 'Pool', type: 'category' }, { title: 'Utilisation', tickformat: '.0%', range: [0, 1.05] }, {
        barmode: 'group',
        shapes: [{ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: 1, y1: 1, line: { color: '#9e9e9e', width: 1, dash: 'dot' } }],
        ...legendFor(plans.length),
      }),
    };
    figures.push(utilisation);
    parts.push(plotDiv(utilisation, 'Grouped bars: utilisation of each pool, one bar per plan.'));
    // A finite backlog is all queued at the start, so its peak queue is the backlog's size and says nothing of the pool: a
    // project shows the pool's load instead; a steady-state study, where the queue builds from arrivals, its peak queue.
    const open = ctx.data.header.openEnded;
    const rows: Cell[][] = plans.map((p) => {
      const b = mainBottleneck(p);
      const pool = b === null ? undefined : p.pools.find((x) => x.name === b.pool);
      return [
        planLabel(ctx, p),
        b === null ? 'none recorded' : b.pool,
        b === null ? 'n/a' : formatPercent(b.share, 0),
        open ? formatNumber(pool?.peakQueue ?? null) : formatPercent(pool?.load ?? null, 0),
      ];
    });
    parts.push(
      table(
        ['Plan', 'Bottleneck pool (the busiest)', 'Share of replications', open ? 'Its peak queue (tasks waiting at once, mean of replications)' : 'Its load (work offered / capacity)'],
        rows,
        { numeric: [2, 3] },
      ),
    );
  }

  if (stages.length > 0) {
    const w = waitsFigure(ctx, stages);
    if (w !== null) {
      figures.push(w.figure);
      parts.push(
        plotDiv(
          w.figure,
          `Bars: mean wait before each stage, one panel per stage in its own unit (${w.units.map((u, i) => `${stages[i]} in ${u.name}`).join(', ')}); the whisker ends at the ${p95Basis(plans).words === 'p95 of all waits pooled' ? '95th percentile of all waits pooled over replications' : "mean of the replications' 95th percentiles"}.`,
          w.rows > 1 ? 'tall' : 'normal',
        ),
      );
    }
    const units = stageUnits(plans, stages);
    const basis = p95Basis(plans);
    const num = (h: number | null, u: { perHour: number }) => (h === null ? 'n/a' : formatNumber(h * u.perHour, h * u.perHour >= 100 ? 0 : h * u.perHour >= 10 ? 1 : 2));
    let meanAbove = false;
    const rows: Cell[][] = plans.map((p) => [
      planLabel(ctx, p),
      ...stages.map((name, i): Cell => {
        const s = p.stages.find((x) => x.name === name);
        if (s === undefined) return '—';
        const p95 = basis.of(s);
        const above = s.waitMean !== null && p95 !== null && s.waitMean > p95;
        meanAbove ||= above;
        const text = `${num(s.waitMean, units[i])} / ${num(p95, units[i])}`;
        const title = basis.words === "mean of replications' p95" ? 'The mean is above the mean of p95s' : 'The mean is above the p95';
        return above ? { html: `${escapeHtml(text)}<sup>*</sup>`, title: `${title}: most tasks waited little and a few very long` } : text;
      }),
    ]);
    const pooledNote =
      'Wait before each stage, mean / p95 of all waits pooled: the 95th percentile of every task\'s wait in every replication, from histograms the replications keep (within 3.1%, 0.5 s below 16 s). Each column has one unit, named in its heading.';
    const meanNote =
      "Wait before each stage, mean / mean of replications' p95: each replication's 95th percentile of its tasks' waits, averaged over replications (the run keeps each replication's percentile, not every task's wait, so this is not a percentile of all waits pooled). Each column has one unit, named in its heading.";
    parts.push(
      paragraph(basis.words === "mean of replications' p95" ? meanNote : pooledNote, 'note'),
      table(['Plan', ...stages.map((name, i) => `${name} (${units[i].name}): mean / ${basis.words}`)], rows, { numeric: stages.map((_, i) => i + 1) }),
    );
    if (meanAbove) {
      const why =
        basis.words === "mean of replications' p95"
          ? "* The mean is above the mean of p95s. That is no error: when nearly every task starts without waiting and a few wait very long, each replication's 95th percentile is short while the long waits pull its mean up."
          : '* The mean is above the p95. That is no error: when nearly every task starts without waiting and a few wait very long, the 95th percentile is short while the long waits pull the mean up.';
      parts.push(paragraph(why, 'note'));
    }
  }
  if (parts.length === 0) parts.push(paragraph('No pools or stages to show.'));
  return { id: 'bottlenecks', title: 'Bottlenecks', html: parts.join('\n'), figures };
}

/** The unit of each stage: the one that suits its longest mean or p95 wait across plans. */
export function stageUnits(plans: ReportPlan[], stages: string[]): Array<{ name: string; perHour: number }> {
  return stages.map((name) => {
    let max = 0;
    for (const p of plans) for (const s of p.stages) if (s.name === name) max = Math.max(max, s.waitMean ?? 0, p95Basis(plans).of(s) ?? 0);
    return durationUnit(max);
  });
}

/**
 * Mean wait per plan as bars, one panel per stage with its own y axis in the unit that suits that
 * stage (minutes for a review, weeks for a long annotation queue), a whisker to the mean of the
 * replications' p95 (down to it, when it is below the mean). Null when no plan has a wait to draw.
 */
export function waitsFigure(ctx: ReportContext, stages: string[]): { figure: Figure; units: Array<{ name: string; perHour: number }>; rows: number } | null {
  const { plans } = ctx.data;
  const units = stageUnits(plans, stages);
  const basis = p95Basis(plans);
  const cols = Math.min(stages.length, 4);
  const rows = Math.ceil(stages.length / cols);
  // A panel's y axis (ticks and unit) needs about 70 px of gap beside its neighbour: a gap in
  // fractions that gives that where the chart is as narrow as it is drawn abreast, and one panel
  // a row below that (a phone), where abreast they would leave each unit over the next bars.
  const abreastFrom = cols * PANEL_MIN_PX;
  const axes = panelAxes(stages, units, cols, round(Math.max(0.06, Y_AXIS_GAP_PX / (Math.max(abreastFrom, NARROW_PX) - MARGINS_PX)), 4), 0.16);
  const narrowHeight = NARROW_LEGEND_PX + stages.length * NARROW_PANEL_PX;
  const narrow = { width: abreastFrom, layout: panelAxes(stages, units, 1, 0, round(NARROW_GAP_PX / (narrowHeight - NARROW_LEGEND_PX), 4)), height: narrowHeight };
  const data: Figure['data'] = [];
  const shown = new Set<string>();
  stages.forEach((stage, i) => {
    const k = i === 0 ? '' : String(i + 1);
    const u = units[i];
    const inUnit = (h: number | null | undefined) => (h === null || h === undefined ? null : round(h * u.perHour, 4));
    for (const p of plans) {
      const s = p.stages.find((x) => x.name === stage);
      const mean = inUnit(s?.waitMean);
      if (s === undefined || mean === null) continue;
      const p95 = inUnit(basis.of(s));
      data.push({
        type: 'bar',
        name: p.name,
        legendgroup: p.name,
        showlegend: !shown.has(p.name),
        xaxis: `x${k}`,
        yaxis: `y${k}`,
        x: [stage],
        y: [mean],
        offsetgroup: p.name,
        customdata: [[formatDuration(s.waitMean), formatDuration(basis.of(s))]],
        error_y: {
          type: 'data',
          symmetric: false,
          array: [p95 === null ? 0 : Math.max(0, round(p95 - mean, 4))],
          arrayminus: [p95 === null ? 0 : Math.max(0, round(mean - p95, 4))],
          color: '#444444',
          thickness: 1.2,
          width: 4,
        },
        marker: { color: ctx.colorOf(p.name) },
        hovertemplate: plotlyMarkup`${p.name}, ${stage}: mean wait %{customdata[0]}, ${basis.words} %{customdata[1]}<extra></extra>`,
      });
      shown.add(p.name);
    }
  });
  if (data.length === 0) return null;
  const layout = baseLayout(`Waiting time before each stage: mean (bar) and ${basis.words} (whisker end)`, { title: '' }, { title: '' }, {
    barmode: 'group',
    ...legendFor(plans.length),
  });
  return { figure: { id: 'waits', data, layout: { ...layout, ...axes }, narrow }, units, rows };
}

/** Pixels of chart width per panel below which the panels go one a row, the gap a y axis needs, and the chart's side margins. */
const PANEL_MIN_PX = 220;
const Y_AXIS_GAP_PX = 70;
const MARGINS_PX = 80;
/** Pixels of the one-a-row chart: the legend's rows and title margin, each panel, the gap below a panel for its stage name. */
const NARROW_LEGEND_PX = 90;
const NARROW_PANEL_PX = 260;
const NARROW_GAP_PX = 50;

/** The x and y axes of one panel per stage, `cols` abreast, with gaps as fractions of the plot area. */
function panelAxes(stages: string[], units: Array<{ name: string }>, cols: number, gapX: number, gapY: number): Record<string, unknown> {
  const rows = Math.ceil(stages.length / cols);
  const width = (1 - gapX * (cols - 1)) / cols;
  const height = (1 - gapY * (rows - 1)) / rows;
  const axes: Record<string, unknown> = {};
  stages.forEach((stage, i) => {
    const k = i === 0 ? '' : String(i + 1);
    const c = i % cols;
    const top = 1 - Math.floor(i / cols) * (height + gapY);
    axes[`xaxis${k}`] = { domain: [round(c * (width + gapX), 4), round(c * (width + gapX) + width, 4)], anchor: `y${k}`, type: 'category', showticklabels: false, title: { text: stage, standoff: 4 }, automargin: true, linecolor: '#9e9e9e' };
    axes[`yaxis${k}`] = { domain: [round(top - height, 4), round(top, 4)], anchor: `x${k}`, title: { text: units[i].name, standoff: 4 }, rangemode: 'tozero', tickformat: ',~r', gridcolor: '#e3e3e3', zerolinecolor: '#bdbdbd', automargin: true };
  });
  return axes;
}
