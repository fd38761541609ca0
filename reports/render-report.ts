import { pageHead } from './page-head.js';
import { NARROW_PX, plotlyFigure, type Figure } from './figure.js';
import { escapeHtml } from './format.js';
import { PLOT_CONFIG } from './plot-config.js';
import { plotlySource, plotlyVersion } from './plotly-source.js';
import type { ReportData } from './report-data.js';
import { reportContext, type ReportContext, type Section } from './section.js';
import { bottlenecksSection } from './sections/bottlenecks.js';
import { burnDownSection } from './sections/burn-down.js';
import { comparisonSection } from './sections/comparison.js';
import { convergenceSection } from './sections/convergence.js';
import { costSection, hasCosts } from './sections/cost.js';
import { deadlineRiskSection } from './sections/deadline-risk.js';
import { guidelinesSection, hasGuidelines } from './sections/guidelines.js';
import { headerHtml } from './sections/header.js';
import { marginalSection } from './sections/marginal.js';
import { vendorComparisonSection } from './sections/vendor-comparison.js';
import { portfolioAllocationSection } from './sections/portfolio-allocation.js';
import { portfolioPlans, portfolioSection } from './sections/portfolio.js';
import { qualityPlans, qualitySection } from './sections/quality.js';
import { hasQueueing, queueingSection } from './sections/queueing.js';
import { sensitivitySection } from './sections/sensitivity.js';
import { strategiesSection, trainingPlans } from './sections/strategies.js';
import { hasSweep, sweepSection } from './sections/sweep.js';
import { verdictSection } from './sections/verdict.js';

/**
 * The sections of a report, in reading order. An open-ended (steady-state) experiment has no
 * completion, so it skips deadline risk, burn-down and on-time comparisons and shows utilisation
 * and waits. An experiment with a sweep gets a section of the plans it generated after the comparison.
 */
export function reportSections(data: ReportData, ctx: ReportContext = reportContext(data)): Section[] {
  const open = data.header.openEnded;
  const sections: Section[] = [verdictSection(ctx)];
  if (!open) sections.push(deadlineRiskSection(ctx));
  if (trainingPlans(data.plans).length > 0) sections.push(strategiesSection(ctx));
  if (!open && data.plans.some((p) => p.burnDown !== null)) sections.push(burnDownSection(ctx));
  if (hasCosts(data.plans)) sections.push(costSection(ctx));
  if (qualityPlans(data.plans).length > 0) sections.push(qualitySection(ctx));
  if (hasGuidelines(data.plans)) sections.push(guidelinesSection(ctx));
  if (!open || data.plans.length > 1) sections.push(comparisonSection(ctx));
  if (data.precision !== undefined) sections.push(convergenceSection(ctx, data.precision));
  if (hasSweep(data.plans)) sections.push(sweepSection(ctx));
  const vendors = vendorComparisonSection(ctx);
  if (vendors !== null) sections.push(vendors);
  sections.push(bottlenecksSection(ctx));
  if (hasQueueing(data.plans)) sections.push(queueingSection(ctx));
  if (!open) sections.push(sensitivitySection(ctx));
  if (data.marginal !== undefined) sections.push(marginalSection(ctx, data.marginal));
  if (!open && portfolioPlans(data.plans).length > 0) sections.push(portfolioSection(ctx));
  if (data.portfolio !== undefined) sections.push(portfolioAllocationSection(ctx, data.portfolio));
  return sections;
}

/** JSON that is safe inside a <script> element: no "<", ">" or "&" that the HTML parser could act on. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Draws every `.plot` container from the embedded figures, and refits them for printing. */
const RENDER_SCRIPT = `
(function () {
  'use strict';
  var figures = JSON.parse(document.getElementById('report-figures').textContent);
  var config = ${scriptJson(PLOT_CONFIG)};
  var plots = Array.prototype.slice.call(document.querySelectorAll('.plot'));
  // On a narrow screen, or wherever a chart's title is wider than the chart, the title goes above
  // it as page text, which wraps; on a narrow screen a legend beside the plot (half its width
  // there) goes above it in rows. Plotly places its title and a legend above the plot
  // independently, so legend rows were drawn over the title. A chart with a layout of its own for
  // narrow screens (fig.narrow: panels one a row) takes it below its width. Chosen again when the
  // window is resized or the phone turned.
  var NARROW = ${NARROW_PX};
  var inert = document.createElement('template');
  function plainText(markup) {
    // A template's content is inert (no scripts, no image loads): Plotly markup to its text.
    inert.innerHTML = markup;
    return inert.content.textContent || '';
  }
  function modeOf(el, fig) {
    var width = el.clientWidth;
    var title = fig.layout.title && fig.layout.title.text ? plainText(fig.layout.title.text) : '';
    // About 8 px a character at the title's 15 px.
    var titleAbove = title !== '' && (width < NARROW || title.length * 8 > width - 24);
    var own = !!fig.narrow && (width < NARROW || width < fig.narrow.width);
    return { narrow: width < NARROW, title: titleAbove ? title : '', own: own };
  }
  function sameMode(a, b) {
    return a.narrow === b.narrow && a.title === b.title && a.own === b.own;
  }
  function layoutOf(fig, mode) {
    if (!mode.narrow && mode.title === '' && !mode.own) return fig.layout;
    var layout = Object.assign({}, fig.layout);
    if (mode.title !== '') {
      layout.title = Object.assign({}, fig.layout.title, { text: '' });
      layout.margin = Object.assign({}, fig.layout.margin, { t: 24 });
    }
    if (mode.own) Object.assign(layout, fig.narrow.layout);
    if (!mode.narrow) return layout;
    // A parenthesis of definitions ("(week 0 = Mon 5 Apr 2027, Europe/Berlin)") is cut off at both
    // ends on a phone and the ticks carry the dates; one that says what is measured ("(8 weeks)") stays.
    ['xaxis', 'yaxis'].forEach(function (name) {
      var axis = fig.layout[name];
      var t = axis && axis.title && axis.title.text;
      var open = typeof t === 'string' ? t.indexOf(' (') : -1;
      if (open > 0 && t.indexOf('=', open) > 0) layout[name] = Object.assign({}, axis, { title: Object.assign({}, axis.title, { text: t.slice(0, open) }) });
    });
    var legend = fig.layout.legend;
    if (legend && legend.orientation === 'v') {
      // Two entries a row ('reversed' would keep it to one a row).
      layout.legend = Object.assign({}, legend, { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', traceorder: 'normal', entrywidth: 0.5, entrywidthmode: 'fraction' });
      layout.margin = Object.assign({}, layout.margin, { r: 24 });
    }
    return layout;
  }
  function placeTitle(el, text) {
    var before = el.previousElementSibling;
    if (before && before.className === 'chart-title') before.parentNode.removeChild(before);
    if (text === '') return;
    var p = document.createElement('p');
    p.className = 'chart-title';
    p.textContent = text;
    el.parentNode.insertBefore(p, el);
  }
  // A legend above the plot that wraps into rows can still reach the title: measured once drawn.
  function legendOverTitle(el) {
    var title = el.querySelector('.g-gtitle text');
    var legend = el.querySelector('.legend .bg');
    if (!title || !legend || !title.textContent) return false;
    var a = title.getBoundingClientRect();
    var b = legend.getBoundingClientRect();
    return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 6;
  }
  // Legend rows above a chart on a phone come out of its height: the chart grows instead, so its
  // plot keeps MIN_PLOT px however many rows the legend takes.
  var MIN_PLOT = 210;
  function keepPlotTall(el, tries) {
    var areas = el.querySelectorAll('.draglayer .nsewdrag');
    if (areas.length !== 1) return null;
    var short = MIN_PLOT - areas[0].getBoundingClientRect().height;
    if (short <= 1) return null;
    el.style.height = Math.ceil(el.clientHeight + short) + 'px';
    // A taller chart can let a long legend take more rows: measured again, a few times at most.
    return Plotly.Plots.resize(el).then(function () {
      return (tries || 0) < 3 ? keepPlotTall(el, (tries || 0) + 1) : null;
    });
  }
  // A legend in rows is as wide as the plot, and Plotly cuts off whatever of a right-hand entry's
  // name passes its edge ("agreement a"): such a legend moves to the chart's left edge, each entry
  // half the chart wide, or all of it for names longer than that.
  function fitLegend(el) {
    var legend = el.querySelector('.legend');
    var box = el.querySelector('.legend .bg');
    var size = el._fullLayout && el._fullLayout._size;
    if (!legend || !box || !size || el._fullLayout.legend.orientation !== 'h') return null;
    var right = box.getBoundingClientRect().right;
    var texts = Array.prototype.slice.call(legend.querySelectorAll('text'));
    // Within a few pixels of the edge counts: a later re-layout can move the entries that far.
    if (!texts.some(function (t) { return t.getBoundingClientRect().right > right - 4; })) return null;
    // Two entries a row when every name fits half the chart (less its symbol), else one.
    var longest = Math.max.apply(null, texts.map(function (t) { return t.getComputedTextLength(); }));
    var row = size.l - 8 + size.w;
    var entry = longest <= row / 2 - 50 ? Math.floor(row / 2) - 50 : row - 50;
    return Plotly.relayout(el, { 'legend.x': -(size.l - 8) / size.w, 'legend.entrywidth': entry, 'legend.entrywidthmode': 'pixels' });
  }
  function draw(el, i, fig, mode, plot) {
    modes[i] = mode;
    placeTitle(el, mode.title);
    // A chart with a layout of its own for a narrow screen says how tall it is there.
    el.style.height = mode.own ? fig.narrow.height + 'px' : '';
    return plot(el, fig.data, layoutOf(fig, mode), config).then(function () {
      return mode.narrow ? fitLegend(el) : null;
    }).then(function () {
      return mode.narrow ? keepPlotTall(el) : null;
    }).then(function () {
      if (mode.title !== '' || !legendOverTitle(el)) return;
      var title = plainText(fig.layout.title.text);
      return draw(el, i, fig, { narrow: mode.narrow, title: title, own: mode.own }, Plotly.react);
    });
  }
  var modes = [];
  var drawn = plots.map(function (el, i) {
    var id = el.getAttribute('data-plot');
    var fig = figures[id];
    if (!fig) return Promise.reject(new Error('labelsim report: no figure "' + id + '"'));
    return draw(el, i, fig, modeOf(el, fig), Plotly.newPlot);
  });
  var resizing = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      plots.forEach(function (el, i) {
        var fig = figures[el.getAttribute('data-plot')];
        if (!fig || !modes[i]) return;
        var mode = modeOf(el, fig);
        if (sameMode(mode, modes[i])) return;
        draw(el, i, fig, mode, Plotly.react);
      });
    }, 150);
  });
  Promise.all(drawn).then(
    function () { document.body.setAttribute('data-rendered', 'true'); },
    function (err) { document.body.setAttribute('data-rendered', 'error'); console.error(err); }
  );
  // A table wider than the page scrolls sideways; the line above it says so, and only then.
  function cueTables() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (wrap) {
      var over = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.setAttribute('data-overflow', over ? 'true' : 'false');
      var cue = wrap.previousElementSibling;
      if (cue && cue.className === 'scroll-cue') cue.setAttribute('data-shown', over ? 'true' : 'false');
    });
  }
  cueTables();
  window.addEventListener('resize', cueTables);
  function fit(width) {
    plots.forEach(function (el) { Plotly.relayout(el, width ? { width: width } : { width: null, autosize: true }); });
  }
  // Printing does not resize the window, so charts are refitted to the printed page width (A4 less margins) and back.
  window.addEventListener('beforeprint', function () { fit(680); });
  window.addEventListener('afterprint', function () { fit(0); });
  if (window.matchMedia) {
    var print = window.matchMedia('print');
    var onChange = function (e) { fit(e.matches ? 680 : 0); };
    if (print.addEventListener) print.addEventListener('change', onChange);
  }
})();
`;

/** No network at all: scripts and styles only from the page itself, images only from data: and blob: URLs. */
export { CSP } from './page-head.js';

/**
 * The whole report as one self-contained HTML page: Plotly inlined, data and figures embedded
 * as JSON, no fonts or scripts fetched, so it opens from file:// on a machine with no network.
 * The same data gives the same bytes.
 */
export function renderReport(data: ReportData): string {
  const ctx = reportContext(data);
  const sections = reportSections(data, ctx);
  const figures: Record<string, Figure> = {};
  for (const s of sections) for (const f of s.figures) figures[f.id] = plotlyFigure(f);
  const h = data.header;
  // One link per line: text readers and copy-paste see separate words, and the row can wrap between them.
  const toc = sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join('\n');
  const body = sections
    .map((s, i) => `<section id="${s.id}" class="report-section${i === 0 ? ' first' : ''}">\n<h2>${i + 1}. ${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`)
    .join('\n');
  return [
    ...pageHead(`${h.experiment} — labelsim report`, { generator: `labelsim ${h.labelsimVersion}` }),
    '<main class="report">',
    headerHtml(ctx),
    `<nav class="toc" aria-label="Sections">${toc}</nav>`,
    body,
    `<footer>Written by labelsim ${escapeHtml(h.labelsimVersion)} with Plotly ${escapeHtml(plotlyVersion())} inlined; this file needs no network. The figures' data is embedded below (script#report-data) and saved beside it as report-data.json.</footer>`,
    '</main>',
    `<script type="application/json" id="report-data">${scriptJson(data)}</script>`,
    `<script type="application/json" id="report-figures">${scriptJson(figures)}</script>`,
    `<script>${plotlySource()}</script>`,
    `<script>${RENDER_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
