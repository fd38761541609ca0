import { baseLayout, plotDiv, type Figure } from '../figure.js';
import { escapeHtml, formatMoney, formatPercent, formatWeeks, MINUS, round } from '../format.js';
import { movedInexactly, settingsText } from '../sensitivity-settings.js';
import { OKABE_ITO } from '../palette.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { Sensitivity } from '../report-data.js';
import { paragraph, type ReportContext, type Section } from '../section.js';

type Metric = 'p85' | 'unitCost';

/** Parameters ordered for a tornado: the widest swing last, so Plotly draws it at the top. */
export function tornadoOrder(s: Sensitivity, metric: Metric): Sensitivity['parameters'] {
  const swing = (p: Sensitivity['parameters'][number]) => {
    const lo = p.low[metric];
    const hi = p.high[metric];
    const base = s.base[metric];
    if (base === null) return 0;
    return Math.max(lo === null ? 0 : Math.abs(lo - base), hi === null ? 0 : Math.abs(hi - base));
  };
  return [...s.parameters].sort((a, b) => swing(a) - swing(b));
}

function tornado(s: Sensitivity, metric: Metric, currency: string): Figure | null {
  const base = s.base[metric];
  if (base === null || s.parameters.length === 0) return null;
  const scale = (x: number) => (metric === 'p85' ? round(x / 168, 4) : round(x, 6));
  const order = tornadoOrder(s, metric);
  const labels = order.map((p) => p.label || p.parameter);
  const change = formatPercent(s.change, 0);
  const side = (which: 'low' | 'high', name: string, color: string) => ({
    type: 'bar',
    orientation: 'h',
    name,
    y: labels,
    x: order.map((p) => (p[which][metric] === null ? null : scale(p[which][metric]! - base))),
    base: order.map(() => scale(base)),
    marker: { color },
    hovertemplate: plotlyMarkup`%{y}, ${name}: %{x:+.3~f} → %{base:.3~f}<extra></extra>`,
  });
  const title =
    metric === 'p85'
      ? `p85 completion of ${s.plan} (weeks) when each parameter moves ${change} down or up`
      : `Mean cost per accurate item of ${s.plan} (${currency}) when each parameter moves ${change} down or up`;
  const baseLabel = metric === 'p85' ? formatWeeks(base) : formatMoney(base, currency);
  return {
    id: metric === 'p85' ? 'tornado-p85' : 'tornado-unit-cost',
    data: [side('low', `${MINUS}${change}`, OKABE_ITO.blue), side('high', `+${change}`, OKABE_ITO.vermillion)],
    layout: baseLayout(title, { title: metric === 'p85' ? 'p85 completion (weeks)' : `${currency} per accurate item`, tickformat: metric === 'p85' ? ',.1f' : ',.3~f' }, { title: '', type: 'category', automargin: true }, {
      barmode: 'overlay',
      shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: scale(base), x1: scale(base), y0: 0, y1: 1, line: { color: '#000000', width: 1.5 } }],
      annotations: [{ xref: 'x', yref: 'paper', x: scale(base), y: 1, yanchor: 'bottom', showarrow: false, text: `base ${baseLabel}`, font: { size: 11 } }],
      margin: { l: 160, r: 24, t: 72, b: 56 },
    }),
  };
}

/** Tornado charts of the baseline plan's p85 completion and unit cost, or how to produce them. */
export function sensitivitySection(ctx: ReportContext): Section {
  const s = ctx.data.sensitivity;
  if (s === null) {
    return {
      id: 'sensitivity',
      title: 'Sensitivity',
      html: `<p class="note">Not computed for this run. To see which inputs move the baseline's p85 completion and unit cost most, run <code>labelsim run &lt;file&gt; --sensitivity</code>, or <code>labelsim sensitivity &lt;file&gt;</code> and then <code>labelsim report &lt;folder&gt;</code>.</p>`,
      figures: [],
    };
  }
  const figures = [tornado(s, 'p85', ctx.currency), tornado(s, 'unitCost', ctx.currency)].filter((f): f is Figure => f !== null);
  const html = [
    paragraph(
      `Plan ${s.plan}, ${s.replications} replications per setting, each parameter moved ${formatPercent(s.change, 0)} down and up with the others held. The longest bars are the inputs worth pinning down first.`,
      'note',
    ),
    ...inexactMoves(s),
    ...figures.map((f) => plotDiv(f, `Tornado chart: ${f.id === 'tornado-p85' ? 'p85 completion in weeks' : 'unit cost'} at each parameter's low and high setting.`)),
  ];
  if (figures.length === 0) html.push(paragraph('The sensitivity run has no figures to show.'));
  return { id: 'sensitivity', title: 'Sensitivity', html: html.join('\n'), figures };
}

/** The levers that could not move by exactly the change (whole people, shares up to 100%), with the settings they ran. */
function inexactMoves(s: Sensitivity): string[] {
  const moves = s.parameters.filter((p) => p.settings !== undefined && movedInexactly(p.settings, s.change));
  if (moves.length === 0) return [];
  const items = moves.map((p) => `<li>${escapeHtml(p.label || p.parameter)}: ${escapeHtml(settingsText(p.parameter, p.settings!))}</li>`);
  return [paragraph(`Not every setting could move by exactly ${formatPercent(s.change, 0)}: headcounts are whole people and shares stop at 100%. The settings run:`, 'note'), `<ul class="note">${items.join('')}</ul>`];
}
