import { escapeHtml } from '../../reports/format.js';
import type { Comparison } from './compare-runs.js';

const cell = (x: number | null) => (x === null ? '' : String(x));

/**
 * The comparison as one self-contained HTML page: no script, no stylesheet or font from
 * anywhere, so it opens offline. Every name and value from the folders (plan names, model
 * fields, overrides, paths) is escaped: it is text from files, never markup.
 */
export function compareHtml(c: Comparison): string {
  const e = escapeHtml;
  const inputs =
    c.inputs.length === 0
      ? '<p>The inputs are the same.</p>'
      : `<table><thead><tr><th>input</th><th>A</th><th>B</th></tr></thead><tbody>${c.inputs.map((d) => `<tr><td>${e(d.what)}</td><td>${e(d.a)}</td><td>${e(d.b)}</td></tr>`).join('')}</tbody></table>`;
  const only = [
    c.onlyInA.length > 0 ? `<p>Plans only in A: ${e(c.onlyInA.join(', '))}</p>` : '',
    c.onlyInB.length > 0 ? `<p>Plans only in B: ${e(c.onlyInB.join(', '))}</p>` : '',
  ].join('');
  const rows = c.figures
    .map((f) => {
      const changed = f.a !== f.b ? ' class="changed"' : '';
      return `<tr${changed}><td>${e(f.plan)}</td><td>${e(f.measure)}</td><td>${e(f.element)}</td><td>${e(f.statistic)}</td><td class="n">${e(cell(f.a))}</td><td class="n">${e(cell(f.b))}</td><td class="n">${e(cell(f.difference))}</td><td>${e(f.unit)}${f.currency === '' ? '' : ` (${e(f.currency)})`}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>labelsim compare: ${e(c.a.experiment)} / ${e(c.b.experiment)}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.changed td { background: #fff6d5; }
code { font-size: 0.95em; }
</style>
</head>
<body>
<h1>labelsim compare</h1>
<p>A: <code>${e(c.a.dir)}</code> (${e(c.a.experiment)})<br>B: <code>${e(c.b.dir)}</code> (${e(c.b.experiment)})</p>
<h2>Inputs that differ</h2>
${inputs}
${only}
<h2>Figures</h2>
<p>Every figure of plan-measures.csv for the plans both runs have; rows whose value changed are shaded. The difference is B minus A, in the figure's unit.</p>
<table><thead><tr><th>plan</th><th>measure</th><th>element</th><th>statistic</th><th>A</th><th>B</th><th>B - A</th><th>unit</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body>
</html>
`;
}
