import { recordSetOf } from '../../../experiments/run/record-set.js';
import { describe, expect, it } from 'vitest';
import { flatten, replicationsCsv, summaryCsv } from '../../../experiments/report/csv-tables.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import type { Summary } from '../../../experiments/aggregate/summary.js';
import type { ReplicationRecord } from '../../../experiments/run/record-log.js';
import type { RunManifest } from '../../../experiments/run/run-files.js';
import { columnNames, rowLayout } from '../../../workers/result-rows.js';
import { csvRecords, parseCsv } from './parse-csv.js';

describe('flatten', () => {
  it('turns nested figures into dotted columns, keeping nulls as empty and arrays as JSON', () => {
    const flat = flatten({ a: { b: 1, c: { d: null } }, e: 'x', f: [1, 2], g: true, h: Number.NaN });
    expect([...flat.entries()]).toEqual([
      ['a.b', 1],
      ['a.c.d', null],
      ['e', 'x'],
      ['f', '[1,2]'],
      ['g', 1],
      ['h', null],
    ]);
  });
});

describe('summary.csv', () => {
  it('has one row per plan, the plan first, and the union of every plan\'s columns', () => {
    const summary = {
      plans: [
        { name: 'base', description: 'one, two', completionHours: { p85: 1948.8, notFinished: 0 }, pools: { annotators: { utilization: 0.98 } } },
        { name: 'second', description: '', completionHours: { p85: null, notFinished: 3 }, pools: { annotators: { utilization: 0.9 }, manila: { utilization: 0.8 } } },
      ],
    } as unknown as Summary;
    const rows = parseCsv(summaryCsv(summary));
    expect(rows).toEqual([
      ['plan', 'description', 'completionHours.p85', 'completionHours.notFinished', 'pools.annotators.utilization', 'pools.manila.utilization'],
      ['base', 'one, two', '1948.8', '0', '0.98', ''],
      ['second', '', '', '3', '0.9', '0.8'],
    ]);
  });
});

describe('replications.csv', () => {
  const experiment = loadExperiment('test/experiments/fixtures/small-project.yaml');
  const manifest: RunManifest = { experiment: experiment.name, description: experiment.description, configHash: experiment.configHash, seed: 11, replications: 2, shard: null, plans: experiment.plans };
  const layout = rowLayout(experiment.plans[0].model);
  const names = columnNames(layout);
  const row = (replication: number, completed: boolean): Array<number | null> =>
    names.map((c, i) => (c === 'replication' ? replication : c === 'completed' ? (completed ? 1 : 0) : c === 'completionHours' ? (completed ? 300 + replication : null) : i));

  it('has one row per plan and replication, in plan then replication order, with every row column and empty cells for missing figures', () => {
    const records: ReplicationRecord[] = [];
    for (const plan of manifest.plans.slice().reverse()) for (const k of [1, 0]) records.push({ plan: plan.name, replication: k, row: row(k, k === 0) });
    const out = csvRecords(replicationsCsv(manifest, recordSetOf(manifest, records)));
    expect(out.map((r) => `${r.plan}:${r.replication}`)).toEqual(['base:0', 'base:1', 'same-again:0', 'same-again:1', 'plus-one:0', 'plus-one:1']);
    expect(Object.keys(out[0])).toEqual(['plan', ...names]);
    expect(out[0].completionHours).toBe('300');
    expect(out[1].completionHours).toBe('');
    expect(out[1].completed).toBe('0');
    expect(out[0]['remainingByDay.1']).toBe(String(names.indexOf('remainingByDay.1')));
  });

  it('lists a failed replication with its error, and a later success of the same replication instead of the failure', () => {
    const records: ReplicationRecord[] = [
      { plan: 'base', replication: 0, row: row(0, true) },
      { plan: 'base', replication: 1, seed: 11, error: 'boom, twice', stack: '' },
      { plan: 'plus-one', replication: 0, seed: 11, error: 'first try', stack: '' },
      { plan: 'plus-one', replication: 0, row: row(0, true) },
    ];
    const out = csvRecords(replicationsCsv(manifest, recordSetOf(manifest, records)));
    expect(out.map((r) => [r.plan, r.replication, r.error])).toEqual([
      ['base', '0', ''],
      ['base', '1', 'boom, twice'],
      ['plus-one', '0', ''],
    ]);
  });
});
