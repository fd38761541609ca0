import { describe, expect, it } from 'vitest';
import { tidyCsv } from '../../../experiments/report/csv-tables.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { tidyTables } from '../../../experiments/report/tidy/tidy-tables.js';
import { TIDY_TABLES } from '../../../experiments/report/tidy/tidy-columns.js';
import type { ReplicationRecord } from '../../../experiments/run/record-log.js';
import { recordSetOf } from '../../../experiments/run/record-set.js';
import type { RunManifest } from '../../../experiments/run/run-files.js';
import { columnNames, rowLayout } from '../../../workers/result-rows.js';
import { csvRecords, parseCsv } from './parse-csv.js';

describe('tidyCsv', () => {
  it('writes the header of the table\'s columns, numbers as numbers and a missing figure as an empty cell', () => {
    const text = tidyCsv({ spec: TIDY_TABLES.failures, rows: [['x', 'abc', 1, 'base', 3, 'boom, "twice"'], ['x', 'abc', 1, 'base', 4, null]] });
    expect(parseCsv(text)).toEqual([
      ['experiment', 'configHash', 'seed', 'plan', 'replication', 'error'],
      ['x', 'abc', '1', 'base', '3', 'boom, "twice"'],
      ['x', 'abc', '1', 'base', '4', ''],
    ]);
  });
});

describe('replication-measures and failures', () => {
  const experiment = loadExperiment('test/experiments/fixtures/small-project.yaml');
  const manifest: RunManifest = { experiment: experiment.name, description: experiment.description, configHash: experiment.configHash, seed: 11, replications: 2, shard: null, plans: experiment.plans };
  const layout = rowLayout(experiment.plans[0].model);
  const names = columnNames(layout);
  const row = (replication: number, completed: boolean): Array<number | null> =>
    names.map((c, i) => (c === 'replication' ? replication : c === 'completed' ? (completed ? 1 : 0) : c === 'completionHours' ? (completed ? 300 + replication : null) : c === 'bottleneck' ? 1 : i));

  it('has rows in plan then replication order, an empty value for a missing figure, and the bottleneck as a pool name', () => {
    const records: ReplicationRecord[] = [];
    for (const plan of manifest.plans.slice().reverse()) for (const k of [1, 0]) records.push({ plan: plan.name, replication: k, row: row(k, k === 0) });
    const out = csvRecords(tidyCsv(tidyTables(manifest, recordSetOf(manifest, records)).replicationMeasures));
    const order = [...new Set(out.map((r) => `${r.plan}:${r.replication}`))];
    expect(order).toEqual(['base:0', 'base:1', 'same-again:0', 'same-again:1', 'plus-one:0', 'plus-one:1']);
    const of = (plan: string, k: string, measure: string) => out.filter((r) => r.plan === plan && r.replication === k && r.measure === measure);
    expect(of('base', '0', 'completionHours')[0]).toMatchObject({ value: '300', unit: 'hours', date: '2027-04-17', dimension: 'none', element: '' });
    expect(of('base', '1', 'completionHours')[0]).toMatchObject({ value: '', date: '' });
    expect(of('base', '1', 'completed')[0]).toMatchObject({ value: '0', unit: 'flag' });
    expect(of('base', '0', 'bottleneck')).toEqual([expect.objectContaining({ dimension: 'pool', element: 'reviewers', value: '1', unit: 'pool' })]);
    expect(of('base', '0', 'cost')[0]).toMatchObject({ unit: 'money', currency: 'USD' });
    expect(of('base', '0', 'utilization').map((r) => r.element)).toEqual(['annotators', 'reviewers']);
    expect(out.some((r) => r.measure === 'remainingByDay' || r.measure === 'replication')).toBe(false);
  });

  it('lists a failed replication in failures, and a later success of the same replication instead of the failure', () => {
    const records: ReplicationRecord[] = [
      { plan: 'base', replication: 0, row: row(0, true) },
      { plan: 'base', replication: 1, seed: 11, error: 'boom, twice', stack: '' },
      { plan: 'plus-one', replication: 0, seed: 11, error: 'first try', stack: '' },
      { plan: 'plus-one', replication: 0, row: row(0, true) },
    ];
    const tables = tidyTables(manifest, recordSetOf(manifest, records));
    expect(csvRecords(tidyCsv(tables.failures)).map((r) => [r.plan, r.replication, r.error])).toEqual([['base', '1', 'boom, twice']]);
    expect([...new Set(csvRecords(tidyCsv(tables.replicationMeasures)).map((r) => `${r.plan}:${r.replication}`))]).toEqual(['base:0', 'plus-one:0']);
  });
});
