import { pageHead } from '../page-head.js';
import { baseLayout, plotDiv, plotlyFigure, type Figure } from '../figure.js';
import { escapeHtml } from '../format.js';
import { colorFor } from '../palette.js';
import { PLOT_CONFIG } from '../plot-config.js';
import { plotlySource } from '../plotly-source.js';
import { scriptJson } from '../render-report.js';
import type { CalibrationSummary, FitSummary } from './calibration-summary.js';


/**
 * The page of `labelsim calibrate`: what was read and trimmed, the handling-time fits (histogram
 * with both fitted densities, QQ plots), the learning curve, review and agreement, throughput, the
 * bootstrap, and the fragment itself. Self-contained like the report (Plotly inlined, no
 * network); every name from an export is escaped (plotlyFigure escapes the figures' text).
 */
export function calibrationPage(s: CalibrationSummary): string {
  const figures: Figure[] = [];
  const sections: string[] = [];
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const num = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

  sections.push(
    section('What was read', table(['file', 'format', 'records', 'without annotations', 'annotations'], s.sources.map((x) => [x.file, x.format, x.records, x.recordsWithoutAnnotations, x.annotations]))) +
      `<p>${s.annotations} annotations of ${s.items} items by ${s.annotators} annotators: ${s.firstPasses} first passes, ${s.reworks} rework passes (after a rejection of the same item), ${s.cancelled} cancelled or skipped (counted, not fitted).</p>`,
  );
  sections.push(
    section(
      'Active time: what was trimmed',
      `<p>Rule: ${escapeHtml(s.trim.rule)}. ${s.trim.total} times trimmed in all.</p>` +
        table(['group', 'times', 'too short', 'too long', 'over the cap', 'kept from (s)', 'kept to (s)'], s.trim.groups.map((g) => [g.name, g.n, g.low, g.high, g.overMax, num(g.lowerSeconds), num(g.upperSeconds)])),
    ),
  );

  const h = s.handling;
  figures.push(histogramFigure('fit-histogram', h), qqFigure('fit-qq', h));
  sections.push(
    section(
      `Handling time: ${h.name}`,
      fitTable([h]) +
        `<p>The fragment uses the ${h.chosen} ${h.chosen === 'empirical' ? 'distribution (neither fit passed Kolmogorov-Smirnov at 5%)' : 'fit (the likelier of the fits that pass Kolmogorov-Smirnov at 5%)'}. With parameters estimated from the same data the KS p-value is conservative.</p>` +
        plotDiv(figures[0], 'Histogram of kept handling times (log scale) with both fitted densities') +
        plotDiv(figures[1], 'QQ plot: observed quantiles against each fit; on the diagonal is a perfect fit'),
    ),
  );
  if (s.groups.length > 0) sections.push(section(`Fits by ${s.by}`, fitTable(s.groups)));

  if (s.learning !== null) {
    const l = s.learning;
    figures.push(learningFigure('learning', l));
    sections.push(
      section(
        'Learning curve',
        `<p>${l.shown ? `New annotators ${num(l.initialFactor)}x slower, half the excess gone after ${l.halfLife} items (t = ${num(l.t, 1)}); the fragment's pools carry it.` : `No learning curve the data show (excess ${pct(l.initialFactor - 1)}, t = ${num(l.t, 1)}; a curve needs at least 5% and t of 4).`}</p>` +
          plotDiv(figures[figures.length - 1], "Mean handling time against the annotator's items done before"),
      ),
    );
  }

  const r = s.review;
  sections.push(
    section(
      'Review and rework',
      table(['tier', 'reviews', 'rejected', 'rate', 'sampled first passes', 'review time'], r.tiers.map((t) => [t.name, t.reviews, t.rejected, pct(t.rate), pct(t.sample), t.handling === null ? 'not timed' : `${num(t.handling.meanSeconds, 1)} s mean`])) +
        `<p>Rework factor: ${r.reworkFactor === null ? 'too few rework passes' : num(r.reworkFactor, 3)}.</p>` +
        table(['annotator', 'first passes reviewed', 'rejected', 'rate'], r.byAnnotator.map((a) => [a.annotator, a.reviewed, a.rejected, pct(a.rate)])),
    ),
  );
  const a = s.agreement;
  sections.push(section('Agreement', a === null ? '<p>No item was labelled more than once with a class.</p>' : `<p>${pct(a.pairwise)} of label pairs agree over ${a.items} items (${a.labels} labels); Fleiss' kappa ${a.fleissKappa === null ? 'n/a' : num(a.fleissKappa, 3)}; typically ${a.typicalLabels} labels an item.</p>`));
  const t = s.throughput;
  sections.push(
    section(
      'Throughput',
      `<p>${num(t.labelsPerPersonDay, 1)} labels and ${num(t.activeHoursPerPersonDay)} active hours per person-day over ${t.personDays} person-days (days in ${escapeHtml(t.timeZone)}).` +
        (t.shrinkage === null ? ' No schedule given (--shifts): no shrinkage.' : ` Scheduled ${num(t.scheduledHoursPerPersonDay ?? NaN)} h a person-day: shrinkage ${pct(t.shrinkage)}${t.offScheduleDays > 0 ? ` (${t.offScheduleDays} person-days off the schedule left out of it)` : ''}.`) +
        '</p>',
    ),
  );
  if (s.uncertainty !== null) {
    const u = s.uncertainty;
    sections.push(
      section(
        'Uncertainty of the parameters',
        `<p>${u.draws} bootstrap draws of the handling, error rate and rework factor are in the fragment (uncertainty.draws); a run draws one per replication. Work per item across draws: p05 ${num(u.workPerItem.p05)} s, p50 ${num(u.workPerItem.p50)} s, p95 ${num(u.workPerItem.p95)} s (±${pct(u.relativeHalfWidth)}).</p>` +
          (s.pilot === null ? '' : `<p>The p85 completion is known within ±${pct(s.pilot.margin)} after about ${s.pilot.items} first passes (this export has ${s.pilot.current}).</p>`),
      ),
    );
  }
  sections.push(section('The fragment', `<pre class="fragment">${escapeHtml(s.fragment)}</pre>`));

  const byId: Record<string, Figure> = {};
  for (const f of figures) byId[f.id] = plotlyFigure(f);
  return [
    ...pageHead('labelsim calibration', { extraCss: ' pre.fragment { white-space: pre-wrap; font-size: 12px; max-height: 40em; overflow: auto; background: #f7f7f7; padding: 8px; }' }),
    '<main class="report">',
    `<h1>Calibration</h1><p><code>${escapeHtml(s.command)}</code></p>`,
    sections.join('\n'),
    '</main>',
    `<script type="application/json" id="report-figures">${scriptJson(byId)}</script>`,
    `<script>${plotlySource()}</script>`,
    `<script>(function(){var f=JSON.parse(document.getElementById('report-figures').textContent);var c=${scriptJson(PLOT_CONFIG)};Promise.all(Array.prototype.map.call(document.querySelectorAll('.plot'),function(el){var g=f[el.getAttribute('data-plot')];return Plotly.newPlot(el,g.data,g.layout,c);})).then(function(){document.body.setAttribute('data-rendered','true');},function(e){document.body.setAttribute('data-rendered','error');console.error(e);});})();</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(title: string, html: string): string {
  return `<section class="report-section"><h2>${escapeHtml(title)}</h2>\n${html}\n</section>`;
}

function table(head: string[], rows: Array<Array<string | number>>): string {
  const cell = (x: string | number) => `<td>${escapeHtml(String(x))}</td>`;
  return `<div class="table-wrap"><table><thead><tr>${head.map((x) => `<th>${escapeHtml(x)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function fitTable(fits: FitSummary[]): string {
  return table(
    ['of', 'n', 'mean (s)', 'lognormal mean', 'cv', 'KS D', 'p', 'gamma mean', 'cv', 'KS D', 'p', 'chosen'],
    fits.map((f) => [f.name, f.n, f.meanSeconds.toFixed(2), f.lognormal.meanSeconds.toFixed(2), f.lognormal.cv.toFixed(3), f.lognormal.ks.toFixed(4), f.lognormal.pValue.toFixed(3), f.gamma.meanSeconds.toFixed(2), f.gamma.cv.toFixed(3), f.gamma.ks.toFixed(4), f.gamma.pValue.toFixed(3), f.chosen]),
  );
}

function histogramFigure(id: string, h: FitSummary): Figure {
  const { edges, counts } = h.histogram;
  const mids = counts.map((_, i) => Math.sqrt(edges[i] * edges[i + 1]));
  const n = counts.reduce((a, b) => a + b, 0);
  // Expected counts per bin from each fit's density at the bin's middle (on the log scale: x f(x) d ln x).
  const dl = Math.log(edges[1] / edges[0]);
  const lnDensity = (x: number) => Math.exp(-((Math.log(x) - h.lognormal.mu) ** 2) / (2 * h.lognormal.sigma ** 2)) / (h.lognormal.sigma * Math.sqrt(2 * Math.PI));
  const k = h.gamma.shape;
  const th = h.gamma.scaleSeconds;
  const gaDensity = (x: number) => Math.exp(k * Math.log(x / th) - x / th - lgamma(k));
  return {
    id,
    data: [
      { type: 'bar', x: mids, y: counts, name: 'observed', marker: { color: '#B8B8B8' } },
      { type: 'scatter', mode: 'lines', x: mids, y: mids.map((x) => n * dl * lnDensity(x)), name: 'lognormal fit', line: { color: colorFor(0) } },
      { type: 'scatter', mode: 'lines', x: mids, y: mids.map((x) => n * dl * gaDensity(x)), name: 'gamma fit', line: { color: colorFor(1), dash: 'dash' } },
    ],
    layout: baseLayout('Handling time', { title: 'seconds', type: 'log' }, { title: 'annotations' }),
  };
}

function qqFigure(id: string, h: FitSummary): Figure {
  const all = [...h.lognormal.qq, ...h.gamma.qq].flat();
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return {
    id,
    data: [
      { type: 'scatter', mode: 'markers', x: h.lognormal.qq.map((p) => p[1]), y: h.lognormal.qq.map((p) => p[0]), name: 'lognormal', marker: { color: colorFor(0) } },
      { type: 'scatter', mode: 'markers', x: h.gamma.qq.map((p) => p[1]), y: h.gamma.qq.map((p) => p[0]), name: 'gamma', marker: { color: colorFor(1), symbol: 'x' } },
      { type: 'scatter', mode: 'lines', x: [lo, hi], y: [lo, hi], name: 'perfect fit', line: { color: '#757575', dash: 'dot' } },
    ],
    layout: baseLayout('QQ plot', { title: 'fitted quantile (s)', type: 'log' }, { title: 'observed quantile (s)', type: 'log' }),
  };
}

function learningFigure(id: string, l: NonNullable<CalibrationSummary['learning']>): Figure {
  const xs = l.bins.map((b) => b[0]);
  const base = l.baseSeconds;
  return {
    id,
    data: [
      { type: 'scatter', mode: 'markers', x: xs.map((x) => x + 1), y: l.bins.map((b) => b[1]), name: 'observed mean', marker: { color: '#3B3B3B', size: l.bins.map((b) => 4 + Math.min(12, Math.log10(b[2] + 1) * 3)) } },
      { type: 'scatter', mode: 'lines', x: xs.map((x) => x + 1), y: xs.map((x) => base * (1 + (l.initialFactor - 1) * Math.pow(2, -x / l.halfLife))), name: l.shown ? 'fitted curve' : 'best curve (not shown by the data)', line: { color: colorFor(0) } },
    ],
    layout: baseLayout('Learning curve', { title: 'items done before (+1, log scale)', type: 'log' }, { title: 'seconds' }),
  };
}

/** ln Gamma by Stirling's series with shift (accurate to 1e-10 for x > 0), for the page's density curve. */
function lgamma(x: number): number {
  let shift = 0;
  while (x < 7) {
    shift -= Math.log(x);
    x += 1;
  }
  const f = 1 / (x * x);
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + (1 / x) * (1 / 12 - f * (1 / 360 - f / 1260));
}
