import { baseLayout, legendFor, plotDiv, type Figure } from '../figure.js';
import { durationUnit, formatDuration, formatNumber, formatPercent, round } from '../format.js';
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
    const rows: Cell[][] = plans.map((p) => {
      const b = mainBottleneck(p);
      const peak = b === null ? null : (p.pools.find((x) => x.name === b.pool)?.peakQueue ?? null);
      return [planLabel(ctx, p), b === null ? 'none recorded' : b.pool, b === null ? 'n/a' : formatPercent(b.share, 0), formatNumber(peak)];
    });
    parts.push(
      table(['Plan', 'Bottleneck pool (the busiest)', 'Share of replications', 'Its peak queue (items, mean)'], rows, { numeric: [2, 3] }),
    );
  }

  if (stages.length > 0) {
    let longest = 0;
    for (const p of plans) for (const s of p.stages) longest = Math.max(longest, s.waitMean ?? 0, s.waitP95 ?? 0);
    const unit = durationUnit(longest);
    const inUnit = (h: number | null | undefined) => (h === null || h === undefined ? null : round(h * unit.perHour, 4));
    const waits: Figure = {
      id: 'waits',
      data: plans.map((p) => {
        const st = stages.map((name) => p.stages.find((s) => s.name === name) ?? null);
        const mean = st.map((s) => inUnit(s?.waitMean));
        const p95 = st.map((s) => inUnit(s?.waitP95));
        return {
          type: 'bar',
          name: p.name,
          x: stages,
          y: mean,
          customdata: st.map((s) => [formatDuration(s?.waitMean ?? null), formatDuration(s?.waitP95 ?? null)]),
          error_y: {
            type: 'data',
            symmetric: false,
            array: mean.map((m, i) => (m === null || p95[i] === null ? 0 : Math.max(0, round(p95[i]! - m, 4)))),
            arrayminus: mean.map(() => 0),
            color: '#444444',
            thickness: 1.2,
            width: 4,
          },
          marker: { color: ctx.colorOf(p.name) },
          hovertemplate: plotlyMarkup`${p.name}, %{x}: mean wait %{customdata[0]}, p95 %{customdata[1]}<extra></extra>`,
        };
      }),
      layout: baseLayout('Waiting time before each stage: mean (bar) and p95 (whisker top)', { title: 'Stage', type: 'category' }, { title: `Waiting time (${unit.name})`, rangemode: 'tozero', tickformat: ',~r' }, {
        barmode: 'group',
        ...legendFor(plans.length),
      }),
    };
    figures.push(waits);
    parts.push(plotDiv(waits, `Grouped bars: mean ${unit.name} an item waits before each stage, whisker to the 95th percentile.`));
    // One unit per stage column, so the numbers in a column compare at a glance.
    const stageUnits = stages.map((name) => {
      let max = 0;
      for (const p of plans) for (const s of p.stages) if (s.name === name) max = Math.max(max, s.waitMean ?? 0, s.waitP95 ?? 0);
      return durationUnit(max);
    });
    const num = (h: number | null, u: { perHour: number }) => (h === null ? 'n/a' : formatNumber(h * u.perHour, h * u.perHour >= 100 ? 0 : h * u.perHour >= 10 ? 1 : 2));
    const rows: Cell[][] = plans.map((p) => [
      planLabel(ctx, p),
      ...stages.map((name, i) => {
        const s = p.stages.find((x) => x.name === name);
        return s === undefined ? '—' : `${num(s.waitMean, stageUnits[i])} / ${num(s.waitP95, stageUnits[i])}`;
      }),
    ]);
    parts.push(
      paragraph('Wait before each stage, mean / p95 (the p95 is the average over replications of each replication\'s 95th percentile).', 'note'),
      table(['Plan', ...stages.map((name, i) => `${name} (${stageUnits[i].name})`)], rows, { numeric: stages.map((_, i) => i + 1) }),
    );
  }
  if (parts.length === 0) parts.push(paragraph('No pools or stages to show.'));
  return { id: 'bottlenecks', title: 'Bottlenecks', html: parts.join('\n'), figures };
}
