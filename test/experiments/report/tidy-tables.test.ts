import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUTS, REPLICATION_OUTPUTS, isDaily, type OutputName } from '../../../sim/model/replication-outputs.js';
import { dictionaryMarkdown } from '../../../experiments/report/tidy/data-dictionary.js';
import { planOnly } from '../../../experiments/report/tidy/tidy-tables.js';
import { TIDY_TABLES, type ColumnType } from '../../../experiments/report/tidy/tidy-columns.js';
import { labelsim, REPO, tempDir } from '../../support/cli.js';
import { csvRecords, parseCsv } from './parse-csv.js';

/** Two small runs whose pools, stages and currency differ: their tables must still append. */
const SMALL = 'test/experiments/fixtures/small-project.yaml';
const DESK = 'test/experiments/fixtures/support-desk.yaml';
/** A run with classes and consensus: the only kind that has agreement figures. */
const CLASSES = 'test/experiments/fixtures/consensus-classes.yaml';
/** A run with a guideline change: the only kind that has relabelling figures. */
const GUIDELINES = 'test/experiments/fixtures/guideline-change.yaml';
/** A run with a pilot gate: the only kind that has pilot figures. */
const PILOT = 'test/experiments/fixtures/pilot-gate.yaml';
/** A run with a gold audit: the only kind that has gold figures. */
const GOLD = 'test/experiments/fixtures/gold-audit.yaml';
const TABLE_NAMES = Object.values(TIDY_TABLES).map((t) => t.name);

const CELL: Record<ColumnType, RegExp> = { text: /^[^]*$/, integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/, date: /^\d{4}-\d{2}-\d{2}$/ };

function run(file: string): string {
  const out = tempDir('tidy');
  const r = labelsim(['run', file, '-r', '3', '-w', '1', '--quiet', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const [name] = fs.readdirSync(out).filter((f) => !f.startsWith('.'));
  return path.join(out, name);
}

const table = (dir: string, name: string) => fs.readFileSync(path.join(dir, `${name}.csv`), 'utf8');

describe('the tidy tables of a run folder', () => {
  let small: string;
  let desk: string;
  let classes: string;
  let guidelines: string;
  let pilot: string;
  let gold: string;
  beforeAll(() => {
    small = run(SMALL);
    desk = run(DESK);
    classes = run(CLASSES);
    guidelines = run(GUIDELINES);
    pilot = run(PILOT);
    gold = run(GOLD);
  });

  it('have the declared columns, the same whatever the pools, stages and plans, and cells of each column\'s type', () => {
    for (const spec of Object.values(TIDY_TABLES)) {
      for (const dir of [small, desk]) {
        const rows = parseCsv(table(dir, spec.name));
        expect(rows[0], `${dir} ${spec.name}`).toEqual(spec.columns.map((c) => c.name));
        for (const row of rows.slice(1)) {
          expect(row).toHaveLength(spec.columns.length);
          spec.columns.forEach((c, i) => {
            if (row[i] !== '') expect(row[i], `${spec.name}.${c.name}`).toMatch(CELL[c.type]);
          });
        }
      }
    }
  });

  it('name every figure as its declaration does, with its declared unit, and money with its currency', () => {
    const rows = [small, desk, classes, guidelines, pilot, gold].flatMap((dir) => csvRecords(table(dir, 'replication-measures')));
    const measures = new Set(rows.map((r) => r.measure));
    // Histograms and weekly bands are in plan-measures only; a vector along nothing (no wait
    // thresholds, no scheduled deliveries, one work type in these files) has no row.
    const alongSomething = (o: (typeof OUTPUTS)[number]) => !['stageThreshold', 'delivery', 'poolActivityType'].includes(o.per);
    for (const o of OUTPUTS) if (o.unit !== 'index' && !isDaily(o.per) && !planOnly(o) && alongSomething(o)) expect(measures, o.name).toContain(o.name);
    const planMeasures = new Set([...csvRecords(table(small, 'plan-measures')), ...csvRecords(table(desk, 'plan-measures'))].map((r) => r.measure));
    for (const o of OUTPUTS) if (planOnly(o)) expect(planMeasures, o.name).toContain(o.name);
    for (const r of rows) {
      const o = REPLICATION_OUTPUTS[r.measure as OutputName];
      expect(r.unit).toBe(o.unit);
      expect(r.dimension).toBe(o.unit === 'pool' ? 'pool' : o.per === 'scalar' ? 'none' : o.per);
      expect(r.currency !== '', `${r.measure} currency`).toBe(o.unit === 'money' || o.unit === 'money-per-item');
    }
    // bottleneck names a pool of the run, never an index.
    const pools = new Set(rows.filter((r) => r.measure === 'utilization').map((r) => r.element));
    for (const r of rows.filter((r) => r.measure === 'bottleneck')) expect(pools).toContain(r.element);
    // No column is empty in every row of a table.
    for (const spec of Object.values(TIDY_TABLES)) {
      if (spec.name === 'failures') continue;
      const all = [...csvRecords(table(small, spec.name)), ...csvRecords(table(desk, spec.name))];
      for (const c of spec.columns) expect(all.some((r) => r[c.name] !== ''), `${spec.name}.${c.name}`).toBe(true);
    }
  });

  it('give plan statistics equal to summary.json, completion dates in the project\'s time zone, and the burn-down per plan x day', () => {
    const summary = JSON.parse(fs.readFileSync(path.join(small, 'summary.json'), 'utf8'));
    const stats = csvRecords(table(small, 'plan-measures'));
    const replications = csvRecords(table(small, 'replication-measures'));
    const get = (plan: string, measure: string, statistic: string, element = '') =>
      stats.find((r) => r.plan === plan && r.measure === measure && r.statistic === statistic && r.element === element);
    for (const p of summary.plans) {
      expect(Number(get(p.name, 'cost', 'mean')!.value)).toBe(p.cost.mean);
      expect(Number(get(p.name, 'unitCost', 'p95')!.value)).toBe(p.unitCost.p95);
      expect(Number(get(p.name, 'waitMean', 'mean', 'review')!.value)).toBe(p.stages.review.waitHours.mean);
      expect(Number(get(p.name, 'bottleneck', 'share', 'annotators')!.value)).toBe(p.pools.annotators.bottleneckShare);
      expect(Number(get(p.name, 'completionHours', 'onTimeProbability')!.value)).toBe(p.onTime.probability);
      const p85 = get(p.name, 'completionHours', 'p85')!;
      expect(p85.value === '' ? null : Number(p85.value)).toBe(p.completionHours.p85);
      // A replication's date is the day of its finish in Europe/Berlin (t = 0 is 00:00 of Monday 2027-04-05, 22:00 UTC the day before).
      const finishes = replications.filter((r) => r.plan === p.name && r.measure === 'completionHours' && r.value !== '');
      for (const r of finishes) expect(r.date).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.UTC(2027, 3, 4, 22) + Number(r.value) * 3_600_000)));
      // The p85's date is the day the replication at rank ceil(0.85 n) finished, whatever `value` interpolates.
      const ranked = [...finishes].sort((a, b) => Number(a.value) - Number(b.value))[Math.ceil(0.85 * p.replications) - 1];
      expect(p85.date).toBe(ranked === undefined ? '' : ranked.date);
    }
    expect(get('plus-one', 'cost', 'vsBaselineMean')!.value).toBe(String(summary.plans[2].vsBaseline.cost.mean));
    const days = csvRecords(table(small, 'plan-days')).filter((r) => r.plan === 'base' && r.statistic === 'p50');
    expect(days[0]).toMatchObject({ measure: 'remainingByDay', day: '1', date: '2027-04-05', unit: 'items' });
    expect(days[6]).toMatchObject({ day: '7', date: '2027-04-11' });
  });

  it('append: two runs of different experiments give one table with one header', () => {
    for (const name of TABLE_NAMES) {
      const [a, b] = [small, desk].map((dir) => table(dir, name).trimEnd().split('\n'));
      expect(b[0]).toBe(a[0]);
      const appended = csvRecords([...a, ...b.slice(1)].join('\n') + '\n');
      expect(appended).toHaveLength(a.length - 1 + b.length - 1);
    }
  });

  it('are named in the data dictionary of the folder, column by column, with every measure, statistic and unit used', () => {
    const dictionary = csvRecords(table(small, 'data-dictionary'));
    const named = (kind: string) => new Set(dictionary.filter((r) => r.kind === kind).map((r) => r.name));
    for (const spec of Object.values(TIDY_TABLES)) {
      expect(named('table')).toContain(spec.name);
      for (const c of spec.columns) expect(dictionary.some((r) => r.kind === 'column' && r.table === spec.name && r.name === c.name && r.meaning !== ''), `${spec.name}.${c.name}`).toBe(true);
    }
    for (const o of OUTPUTS) if (o.unit !== 'index') expect(named('measure'), o.name).toContain(o.name);
    const statistics = [...named('statistic')].flatMap((s) => s.split(', '));
    for (const r of csvRecords(table(small, 'plan-measures'))) {
      expect(statistics, r.statistic).toContain(r.statistic);
      expect(named('unit'), r.unit).toContain(r.unit);
    }
  });
});

describe('the README', () => {
  it('holds the data dictionary as the code writes it', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(dictionaryMarkdown());
  });
});
