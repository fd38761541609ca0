import { baseLayout, plotDiv, plotlyFigure, type Figure } from './figure.js';
import { escapeHtml } from './format.js';
import { OKABE_ITO } from './palette.js';
import { PLOT_CONFIG } from './plot-config.js';
import { plotlySource } from './plotly-source.js';
import { pageHead } from './page-head.js';
import { scriptJson } from './render-report.js';

/** What the page shows: an explanation as `labelsim explain` computes it (aggregated figures only). */
export interface ExplainPageData {
  currency: string;
  replications: number;
  sideA: { dir: string; experiment: string; plan: string };
  sideB: { dir: string; experiment: string; plan: string };
  a: { cost: number; unitCost: number };
  b: { cost: number; unitCost: number };
  total: { difference: number; parts: Record<string, number> };
  unit: { difference: number; parts: Record<string, number> };
  drivers: Array<{ group: string; what: string; a: number | null; b: number | null }>;
  /** What weakens the pairing (other seeds, one side deterministic); absent or empty when none. */
  warnings?: string[];
}

/** A waterfall from A's figure through each part to B's: the bars end exactly where B stands. */
function waterfall(id: string, title: string, axis: string, start: number, parts: Record<string, number>, end: number): Figure {
  const names = Object.keys(parts);
  return {
    id,
    data: [
      {
        type: 'waterfall',
        orientation: 'v',
        x: ['A', ...names, 'B'],
        y: [start, ...names.map((n) => parts[n]), end],
        measure: ['absolute', ...names.map(() => 'relative'), 'total'],
        increasing: { marker: { color: OKABE_ITO.vermillion } },
        decreasing: { marker: { color: OKABE_ITO.bluishGreen } },
        totals: { marker: { color: OKABE_ITO.blue } },
        connector: { line: { color: '#9e9e9e', width: 1 } },
        hovertemplate: '%{x}: %{y}<extra></extra>',
        showlegend: false,
      },
    ],
    layout: baseLayout(title, { title: 'part' }, { title: axis }, { showlegend: false }),
  };
}

/**
 * `labelsim explain` as a self-contained page: the two waterfalls (cost per accurate item, total
 * cost) and the tables of parts and drivers. Plotly is inlined as in the report; every name from
 * the folders is escaped, and reaches Plotly as text (plotlyFigure).
 */
export function explainHtml(e: ExplainPageData): string {
  const h = escapeHtml;
  const c = e.currency;
  const figures = [
    waterfall('explain-unit', `Cost per accurate item, A to B (${c})`, `${c} per accurate item`, e.a.unitCost, e.unit.parts, e.b.unitCost),
    waterfall('explain-total', `Total cost, A to B (${c})`, c, e.a.cost, e.total.parts, e.b.cost),
  ].map(plotlyFigure);
  const byId = Object.fromEntries(figures.map((f) => [f.id, f]));
  const fmt = (x: number | null, digits: number) => (x === null ? '-' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const parts = Object.keys(e.total.parts)
    .map((p) => `<tr><td>${h(p)}</td><td class="n">${fmt(e.unit.parts[p], 4)}</td><td class="n">${fmt(e.total.parts[p], 2)}</td></tr>`)
    .join('');
  const drivers = e.drivers
    .filter((d) => d.a !== d.b || d.group === 'overheads')
    .map((d) => `<tr><td>${h(d.group)}</td><td>${h(d.what)}</td><td class="n">${fmt(d.a, 4)}</td><td class="n">${fmt(d.b, 4)}</td></tr>`)
    .join('');
  const side = (s: ExplainPageData['sideA']) => `<code>${h(s.dir)}</code>, plan ${h(s.plan)} (${h(s.experiment)})`;
  const script = `(function () { var f = JSON.parse(document.getElementById('explain-figures').textContent); var config = ${scriptJson(PLOT_CONFIG)};
  var plots = Array.prototype.slice.call(document.querySelectorAll('.plot'));
  Promise.all(plots.map(function (el) { var fig = f[el.getAttribute('data-plot')]; return Plotly.newPlot(el, fig.data, fig.layout, config); }))
    .then(function () { document.body.setAttribute('data-rendered', 'true'); }, function (err) { document.body.setAttribute('data-rendered', 'error'); console.error(err); }); })();`;
  return [
    ...pageHead(`labelsim explain: ${e.sideA.experiment} / ${e.sideB.experiment}`),
    '<main class="report">',
    '<h1>Why the cost changed</h1>',
    `<p>A: ${side(e.sideA)}<br>B: ${side(e.sideB)}<br>${e.replications} replications paired by index.</p>`,
    ...(e.warnings ?? []).map((w) => `<p class="warning">${h(w)}</p>`),
    `<p>Cost per accurate item ${h(c)} ${fmt(e.a.unitCost, 4)} → ${fmt(e.b.unitCost, 4)} (${fmt(e.unit.difference, 4)}); total cost ${h(c)} ${fmt(e.a.cost, 2)} → ${fmt(e.b.cost, 2)} (${fmt(e.total.difference, 2)}).
The parts are the Shapley decomposition of the change (Shapley 1953; Albrecht, François &amp; Schoors 2002): each factor's part is its effect averaged over every order in which the factors could change, so no order is assumed, and the parts add up to the change (rounded by largest remainders, to the cent and to 0.0001 per item).</p>`,
    plotDiv(byId['explain-unit'], 'Waterfall of the cost per accurate item from A to B, one bar per part'),
    plotDiv(byId['explain-total'], 'Waterfall of the total cost from A to B, one bar per part'),
    `<table><thead><tr><th>part</th><th>per accurate item (${h(c)})</th><th>total (${h(c)})</th></tr></thead><tbody>${parts}<tr><td><b>B - A</b></td><td class="n"><b>${fmt(e.unit.difference, 4)}</b></td><td class="n"><b>${fmt(e.total.difference, 2)}</b></td></tr></tbody></table>`,
    '<h2>The drivers that moved</h2>',
    `<table><thead><tr><th>part</th><th>driver</th><th>A</th><th>B</th></tr></thead><tbody>${drivers}</tbody></table>`,
    '</main>',
    `<script type="application/json" id="explain-figures">${scriptJson(byId)}</script>`,
    `<script>${plotlySource()}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
