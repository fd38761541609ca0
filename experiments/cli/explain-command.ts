import path from 'node:path';
import { explainRuns, type RunExplanation } from '../analysis/explain-runs.js';
import { PARTS } from '../analysis/explain.js';
import { explainHtml } from '../../reports/explain-page.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import { writing } from '../run/output-error.js';
import { UsageError } from '../usage-error.js';
import { printable } from './error-line.js';
import { money } from './format.js';
import { output } from './output.js';

export interface ExplainArgs {
  a: string;
  /** Absent: two plans of folder A. */
  b?: string;
  planA?: string;
  planB?: string;
  html?: string;
  json: boolean;
}

/** `labelsim explain A [B]`: why the cost per accurate item and the total cost changed, part by part. */
export function explainCommand(args: ExplainArgs): number {
  const b = args.b ?? args.a;
  if (args.html !== undefined) {
    const inside = [args.a, b].find((d) => !path.relative(path.resolve(d), path.resolve(args.html!)).startsWith('..'));
    if (args.html === '' || !args.html.endsWith('.html') || inside !== undefined) {
      throw new UsageError(`--html: expected a file name ending in .html outside the run folders, got ${JSON.stringify(args.html)}`);
    }
  }
  const e = explainRuns(args.a, b, args.planA, args.planB);
  const o = output(args.json);
  for (const w of e.warnings) o.note(`labelsim: warning: ${w}`);
  if (args.json) o.json(e);
  for (const line of explainLines(e)) o.result(line);
  if (args.html !== undefined) {
    const file = args.html;
    writing(file, null, () => writeFileAtomic(file, explainHtml(e)));
    o.result(`Wrote ${printable(file)}`);
  }
  return 0;
}

const signed = (currency: string, x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '-' : ' '}${money(currency, Math.abs(x), digits)}`;
const percent = (x: number, of: number) => (of === 0 ? '' : ` (${x >= 0 ? '+' : ''}${((100 * x) / of).toFixed(1)}%)`);

/** The explanation as terminal lines: the two figures, B - A, its parts, then the drivers behind them. */
export function explainLines(e: RunExplanation): string[] {
  const c = e.currency;
  const side = (s: RunExplanation['sideA']) => `${printable(s.dir)} plan ${printable(s.plan)} (${printable(s.experiment)})`;
  const rows: string[][] = [
    ['A', money(c, e.a.unitCost, 4), money(c, e.a.cost, 2)],
    ['B', money(c, e.b.unitCost, 4), money(c, e.b.cost, 2)],
    ['B - A', signed(c, e.unit.difference, 4) + percent(e.unit.difference, e.a.unitCost), signed(c, e.total.difference, 2) + percent(e.total.difference, e.a.cost)],
    ...PARTS.map((p) => [`  ${p}`, signed(c, e.unit.parts[p], 4), signed(c, e.total.parts[p], 2)]),
  ];
  const header = ['', 'cost per accurate item', 'total cost'];
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(w[0]) : x.padStart(w[i]))).join('   ');
  const out = [`A: ${side(e.sideA)}`, `B: ${side(e.sideB)}`, `Replications paired by index: ${e.replications}`, line(header), ...rows.map(line)];
  out.push(
    'The parts add up to B - A (rounded to the cent, and to 0.0001 per item, by largest remainders). Method: the Shapley',
    'decomposition (Shapley 1953; Albrecht, François & Schoors 2002), averaged over the paired replications: no order of factors.',
  );
  const perItem = e.labourPerItem.map((x) => [x.activity, money(c, x.a, 4), money(c, x.b, 4), x.a === 0 ? '' : percent(x.b - x.a, x.a).trim()]);
  const pw = [0, 1, 2, 3].map((i) => Math.max(...perItem.map((r) => r[i].length), 0));
  out.push('Labour per item accepted, by activity (A -> B):');
  for (const r of perItem) out.push(`  ${r[0].padEnd(pw[0])}  ${r[1].padStart(pw[1])} -> ${r[2].padStart(pw[2])}  ${r[3]}`);
  out.push('Drivers that moved (mean over replications, A -> B):');
  const num = (x: number | null) => (x === null ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: 4 }));
  // Overheads are listed even when unchanged: each is a cost line people forget.
  const drv = e.drivers.filter((d) => d.a !== d.b || d.group === 'overheads');
  const dw = Math.max(...drv.map((d) => d.what.length), 0);
  for (const d of drv) out.push(`  ${d.group.padEnd(9)} ${printable(d.what).padEnd(dw)}  ${num(d.a).padStart(12)} -> ${num(d.b)}`);
  return out;
}
