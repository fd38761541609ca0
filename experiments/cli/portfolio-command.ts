import path from 'node:path';
import { portfolio, type PortfolioStudy, type ProductFigures } from '../analysis/portfolio.js';
import { ExperimentError } from '../load/errors.js';
import { loadExperiment } from '../load/index.js';
import type { ExperimentDocument } from '../load/schema.js';
import { selectPlans } from '../load/select-plans.js';
import { REPORT_FILES } from '../report/index.js';
import { shareValue } from '../load/units.js';
import { createReplicationRunner, defaultWorkerCount } from '../../workers/replication-pool.js';
import { parseSets } from './analysis-commands.js';
import { relative } from './commands.js';
import { printable } from './error-line.js';
import { money } from './format.js';
import { output } from './output.js';
import { saveStudy, studyFolder } from './save-study.js';

export interface PortfolioArgs {
  file: string;
  plan?: string;
  replications?: number;
  seed?: number;
  workers?: number;
  set?: string[];
  out: string;
  json: boolean;
}

/** `labelsim portfolio`: products ranked by return per dollar, and what moving spend between them does to every deadline; saved beside the run and added to its report. */
export async function portfolioCommand(args: PortfolioArgs): Promise<number> {
  const experiment = loadExperiment(args.file, { set: parseSets(args.set) });
  const doc = experiment.document as ExperimentDocument;
  const plan = selectPlans(experiment, [args.plan ?? experiment.plans[0].name]).plans[0];
  const values = plan.model.work.map((w) => doc.work[w.name]?.value ?? null);
  if (values.every((v) => v === null)) throw new ExperimentError(args.file, 'work', 'a value on at least one item type (what one accurate item is worth), like work.sentiment.value: 0.08', 'none');
  const replications = args.replications ?? Math.min(experiment.replications, 200);
  const o = output(args.json);
  const folder = studyFolder(args.out, experiment.name, parseSets(args.set));
  o.note(`Portfolio of plan "${plan.name}": ${replications} replications, then again with spend shifted...`);
  const runner = createReplicationRunner(args.workers ?? defaultWorkerCount());
  let study: PortfolioStudy;
  try {
    study = await portfolio(runner, plan, values, { budget: doc.portfolio?.budget ?? null, share: shareValue(doc.portfolio?.shift ?? 0.1) as number }, args.seed ?? experiment.seed, replications);
  } finally {
    await runner.close();
  }
  for (const note of await saveStudy(folder, REPORT_FILES.portfolio, study, plan, args.file)) o.note(`labelsim: warning: ${note}`);
  if (args.json) o.json(study);
  for (const line of portfolioLines(study)) o.result(line);
  o.result(`Wrote ${relative(path.join(folder.final, REPORT_FILES.portfolio))}`);
  return 0;
}

export function portfolioLines(s: PortfolioStudy): string[] {
  const c = s.currency;
  const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(0)}%`);
  const wk = (h: number | null) => (h === null ? 'not finished' : `${(h / 168).toFixed(1)} wk`);
  const header = ['product', 'value/item', 'cost', 'value', `return per ${c}`, 'on time', 'p85'];
  const row = (p: ProductFigures) => [
    printable(p.name),
    p.value === null ? '-' : money(c, p.value, 3),
    money(c, p.cost),
    p.value === null ? '-' : money(c, p.value * p.accurate),
    p.returnPerDollar === null ? '-' : p.returnPerDollar.toFixed(2),
    pct(p.onTime),
    wk(p.p85Hours),
  ];
  const pts = (x: number) => {
    const v = Number((100 * x).toFixed(1)) + 0;
    return `${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(1)}`;
  };
  const table = (ps: ProductFigures[], extra?: { header: string; cells: string[] }) => {
    const rows = ps.map((p, i) => (extra === undefined ? row(p) : [...row(p), extra.cells[i]]));
    const head = extra === undefined ? header : [...header, extra.header];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) => '  ' + r.map((x, i) => (i === 0 ? x.padEnd(w[0]) : x.padStart(w[i]))).join('  ');
    return [line(head), ...rows.map(line)];
  };
  const budget = s.budget === null ? '' : `; budget ${money(c, s.budget)} (${s.totalCost <= s.budget ? `${money(c, s.budget - s.totalCost)} left` : `${money(c, s.totalCost - s.budget)} over`})`;
  const out = [
    `Portfolio of plan ${printable(s.plan)} (${s.replications} replications): cost ${money(c, s.totalCost)}, value ${money(c, s.totalValue)}${budget}`,
    `Products by return per ${c} (value of accurate items / activity-based cost):`,
    ...table(s.products),
  ];
  if (s.shift !== null) {
    const f = s.shift;
    out.push(
      `Shifting ${(100 * f.share).toFixed(0)}% of ${printable(f.from)}'s spend (${money(c, f.amount)}) to ${printable(f.to)}: ${f.itemsFrom.toLocaleString('en-US')} fewer ${printable(f.from)} items, ${f.itemsTo.toLocaleString('en-US')} more ${printable(f.to)} items (same replications):`,
      `  cost ${money(c, s.totalCost)} -> ${money(c, f.totalCost)}, value ${money(c, s.totalValue)} -> ${money(c, f.totalValue)}${s.budget !== null && f.totalCost > s.budget ? ` (${money(c, f.totalCost - s.budget)} over the budget of ${money(c, s.budget)})` : ''}`,
      ...table(f.products, {
        header: 'on time change (pt, 95% CI)',
        cells: f.onTimeChange.map(({ change: d }) => (d === null ? '-' : `${pts(d.mean)} [${Number.isFinite(d.low) ? pts(d.low) : '?'}, ${Number.isFinite(d.high) ? pts(d.high) : '?'}]`)),
      }),
    );
  }
  return out;
}
