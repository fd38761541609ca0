import path from 'node:path';
import { marginal } from '../analysis/marginal.js';
import { loadExperiment } from '../load/index.js';
import { selectPlans } from '../load/select-plans.js';
import { REPORT_FILES } from '../report/index.js';
import { createReplicationRunner, defaultWorkerCount } from '../../workers/replication-pool.js';
import type { Marginal, PairedInterval } from '../../reports/report-data.js';
import { byValuePerDollar } from '../../reports/sections/marginal.js';
import { parseSets } from './analysis-commands.js';
import { relative } from './commands.js';
import { printable } from './error-line.js';
import { money } from './format.js';
import { output } from './output.js';
import { saveStudy, studyFolder } from './save-study.js';
import { completionText } from './verdict-durations.js';

export interface MarginalArgs {
  file: string;
  plan?: string;
  replications?: number;
  seed?: number;
  workers?: number;
  set?: string[];
  out: string;
  json: boolean;
}

/** `labelsim marginal`: what one more unit of each lever buys, saved beside the run and added to its report. */
export async function marginalCommand(args: MarginalArgs): Promise<number> {
  const experiment = loadExperiment(args.file, { set: parseSets(args.set) });
  const plan = selectPlans(experiment, [args.plan ?? experiment.plans[0].name]).plans[0];
  const replications = args.replications ?? Math.min(experiment.replications, 200);
  const o = output(args.json);
  const folder = studyFolder(args.out, experiment.name, parseSets(args.set));
  const runner = createReplicationRunner(args.workers ?? defaultWorkerCount());
  let study: Marginal;
  try {
    o.note(`Marginal value of each lever of plan "${plan.name}", ${replications} replications per step (common random numbers)...`);
    study = await marginal(runner, plan, args.seed ?? experiment.seed, replications, (done, total) => o.note(`  ${done}/${total} runs`));
  } finally {
    await runner.close();
  }
  for (const note of await saveStudy(folder, REPORT_FILES.marginal, study, plan, args.file)) o.note(`labelsim: warning: ${note}`);
  if (args.json) o.json(study);
  for (const line of marginalLines(study, plan.model.deadlineHours)) o.result(line);
  o.result(`Wrote ${relative(path.join(folder.final, REPORT_FILES.marginal))}`);
  return 0;
}

/**
 * The study as an aligned table, levers ranked by value per dollar.
 *
 * @param deadlineHours - the plan's deadline, whose unit the plan's p85 is quoted in (as run's verdict line does)
 */
export function marginalLines(m: Marginal, deadlineHours: number | null = null): string[] {
  const c = m.currency;
  const f = (i: PairedInterval | null, g: (x: number) => string) => (i === null ? 'n/a' : `${g(i.mean)} [${Number.isFinite(i.low) ? g(i.low) : '?'}, ${Number.isFinite(i.high) ? g(i.high) : '?'}]`);
  // Signed at the shown precision, so a tiny negative reads +0.0, not -0.0.
  const signed = (x: number, digits: number) => {
    const v = Number(x.toFixed(digits)) + 0;
    return `${v >= 0 ? '+' : '-'}${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
  };
  const pts = (x: number) => signed(100 * x, 1);
  const hrs = (x: number) => signed(x, 1);
  const usd = (x: number) => signed(x, 0);
  const err = (x: number) => signed(100 * x, 2);
  const header = ['one more', 'on time (pt)', 'p85 (h)', `cost (${c})`, 'residual error (pt)', `${c} per on-time pt`, 'pt per 1k', 'p85 h saved per 1k'];
  const rows = byValuePerDollar(m.levers).map((l) => [
    printable(l.label),
    f(l.onTime, pts),
    f(l.p85Hours, hrs),
    f(l.cost, usd),
    f(l.residualErrorRate, err),
    l.costPerOnTimePoint === null ? '-' : money(c, l.costPerOnTimePoint),
    l.onTimePointsPer1000 === null ? '-' : l.onTimePointsPer1000.toFixed(3),
    l.p85HoursSavedPer1000 === null ? '-' : l.p85HoursSavedPer1000.toFixed(2),
  ]);
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(w[0]) : x.padStart(w[i]))).join('  ');
  const base = `${m.base.onTime === null ? '' : `${(100 * m.base.onTime).toFixed(1)}% on time, `}p85 ${completionText(m.base.p85Hours, deadlineHours)}, mean cost ${money(c, m.base.cost)}`;
  return [
    `Marginal value, plan ${printable(m.plan)} (${m.replications} replications per step, common random numbers): ${base}`,
    'Each row: one more unit of one lever, minus the plan, mean [95% paired interval; p85 by paired bootstrap]; ranked by value per dollar.',
    line(header),
    ...rows.map(line),
  ];
}
