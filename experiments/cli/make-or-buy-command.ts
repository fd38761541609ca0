import { makeOrBuy, GRID_MODELS, GRID_RETRAINS, type MakeOrBuyStudy } from '../analysis/make-or-buy.js';
import { ExperimentError } from '../load/errors.js';
import { loadExperiment } from '../load/index.js';
import type { ExperimentDocument } from '../load/schema.js';
import { createReplicationRunner, defaultWorkerCount } from '../../workers/replication-pool.js';
import { parseSets } from './analysis-commands.js';
import { printable } from './error-line.js';
import { money } from './format.js';
import { output } from './output.js';

export interface MakeOrBuyArgs {
  file: string;
  replications?: number;
  seed?: number;
  workers?: number;
  set?: string[];
  json: boolean;
}

/** `labelsim make-or-buy`: build against buy over the file's horizon, each label priced by simulation. */
export async function makeOrBuyCommand(args: MakeOrBuyArgs): Promise<number> {
  const experiment = loadExperiment(args.file, { set: parseSets(args.set) });
  const doc = (experiment.document as ExperimentDocument).makeOrBuy;
  if (doc === undefined) throw new ExperimentError(args.file, 'makeOrBuy', 'a makeOrBuy section (see experiments/make-or-buy.yaml)', 'nothing');
  const plan = (field: 'build' | 'buy') => {
    const p = experiment.plans.find((x) => x.name === doc[field].plan);
    if (p === undefined) throw new ExperimentError(args.file, `makeOrBuy.${field}.plan`, `the name of a plan (${experiment.plans.map((x) => x.name).join(', ')})`, JSON.stringify(doc[field].plan));
    return p;
  };
  const plans = { build: plan('build'), buy: plan('buy') };
  const { plan: _b, ...build } = doc.build;
  const { plan: _v, ...buy } = doc.buy;
  const inputs = { ...doc, build, buy };
  const replications = args.replications ?? Math.min(experiment.replications, 200);
  const o = output(args.json);
  o.note(`Make or buy over ${doc.horizonMonths} months: plans "${doc.build.plan}" and "${doc.buy.plan}" price a label, ${replications} replications each...`);
  const runner = createReplicationRunner(args.workers ?? defaultWorkerCount());
  let study: MakeOrBuyStudy;
  try {
    study = await makeOrBuy(runner, inputs, plans, args.seed ?? experiment.seed, replications);
  } finally {
    await runner.close();
  }
  if (args.json) o.json(study);
  for (const line of makeOrBuyLines(study)) o.result(line);
  return 0;
}

const labels = (v: number | null) => (v === null ? 'never (a vendor label costs no more)' : `${Math.round(v).toLocaleString('en-US')} labels a year`);

export function makeOrBuyLines(s: MakeOrBuyStudy): string[] {
  const c = s.currency;
  const i = s.inputs;
  const iv = (x: { mean: number; low: number; high: number } | null, d = 0) => (x === null ? 'n/a' : `${money(c, x.mean, d)} (95% CI ${money(c, x.low, d)} to ${money(c, x.high, d)})`);
  const out = [
    `Make or buy over ${i.horizonMonths} months: ${i.labelsPerYear.toLocaleString('en-US')} labels a year, ${i.models} model(s), ${i.retrainsPerYear} retrains a year each (${s.replications} replications)`,
    `  cost per accurate label: build (plan ${printable(s.plans.build)}) ${iv(s.unitBuild, 4)}; buy (plan ${printable(s.plans.buy)}) ${iv(s.unitBuy, 4)}`,
    `  total cost of ownership: build ${iv(s.build)}; buy ${iv(s.buy)}`,
    `  build - buy: ${iv(s.buildMinusBuy)}; building is cheaper in ${(100 * s.buildCheaper).toFixed(0)}% of replications`,
    `  break-even: ${labels(s.breakEven.mean)} (p10-p90 over replications: ${labels(s.breakEven.p10)} to ${labels(s.breakEven.p90)})`,
    'Break-even labels a year by models and retrains a year (at the mean label costs; 0 = build at any volume):',
    `  ${'models'.padEnd(8)}${GRID_RETRAINS.map((r) => `${r}/yr`.padStart(12)).join('')}`,
  ];
  for (const m of GRID_MODELS) {
    const row = GRID_RETRAINS.map((r) => {
      const v = s.grid.find((g) => g.models === m && g.retrainsPerYear === r)!.breakEven;
      return (v === null ? 'never' : Math.round(v).toLocaleString('en-US')).padStart(12);
    });
    out.push(`  ${String(m).padEnd(8)}${row.join('')}`);
  }
  return out;
}
