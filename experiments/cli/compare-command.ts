import path from 'node:path';
import { compareHtml } from '../report/compare-html.js';
import { compareRuns, type Comparison } from '../report/compare-runs.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import { writing } from '../run/output-error.js';
import { UsageError } from '../usage-error.js';
import { printable } from './error-line.js';
import { output } from './output.js';

export interface CompareArgs {
  a: string;
  b: string;
  /** Also write the comparison as a self-contained HTML page here. */
  html?: string;
}

/** `labelsim compare A B`: two run folders side by side, on stdout (and as HTML with --html). */
export function compareCommand(args: CompareArgs): number {
  if (args.html !== undefined) {
    // The page must not land over a run's own files.
    const inside = [args.a, args.b].find((d) => !path.relative(path.resolve(d), path.resolve(args.html!)).startsWith('..'));
    if (args.html === '' || !args.html.endsWith('.html') || inside !== undefined) {
      throw new UsageError(`--html: expected a file name ending in .html outside the folders compared, got ${JSON.stringify(args.html)}`);
    }
  }
  const c = compareRuns(args.a, args.b);
  const o = output();
  for (const line of compareLines(c)) o.result(line);
  if (args.html !== undefined) {
    const file = args.html;
    writing(file, null, () => writeFileAtomic(file, compareHtml(c)));
    o.result(`Wrote ${printable(file)}`);
  }
  return 0;
}

const num = (x: number | null) => (x === null ? '-' : String(x));

/** The comparison as terminal lines: the inputs that differ, then one aligned row per figure. */
export function compareLines(c: Comparison): string[] {
  const out = [`A: ${printable(c.a.dir)} (${printable(c.a.experiment)})`, `B: ${printable(c.b.dir)} (${printable(c.b.experiment)})`];
  out.push(c.inputs.length === 0 ? 'Inputs: the same.' : 'Inputs that differ (A | B):');
  for (const d of c.inputs) out.push(`  ${printable(d.what)}: ${printable(d.a)} | ${printable(d.b)}`);
  if (c.onlyInA.length > 0) out.push(`Plans only in A: ${printable(c.onlyInA.join(', '))}`);
  if (c.onlyInB.length > 0) out.push(`Plans only in B: ${printable(c.onlyInB.join(', '))}`);
  const header = ['plan', 'measure', 'element', 'statistic', 'A', 'B', 'B - A', 'unit'];
  const rows = c.figures.map((f) => [f.plan, f.measure, f.element, f.statistic, num(f.a), num(f.b), num(f.difference), f.currency === '' ? f.unit : `${f.unit} (${f.currency})`].map(printable));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = new Set([4, 5, 6]);
  const line = (r: string[]) => r.map((x, i) => (numeric.has(i) ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd();
  out.push(`Figures (${c.figures.length}; B - A in the figure's unit):`, line(header), ...rows.map(line));
  return out;
}
