import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../experiments/load/index.js';
import { planOnly, tidyTables } from '../../experiments/report/tidy/tidy-tables.js';
import { decodeRecord, encodeRecord, type ReplicationRecord } from '../../experiments/run/record-codec.js';
import { recordLayoutOf, recordSetOf } from '../../experiments/run/record-set.js';
import type { RunManifest } from '../../experiments/run/run-files.js';
import { OUTPUTS } from '../../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import { columnNames, decodeRow, encodeRow, rowLayout, type RowLayout } from '../../workers/result-rows.js';

/**
 * Nothing here names an output: each declared output must reach every reader of the table by
 * itself, so adding one to sim/model/replication-outputs.ts is enough for it to be stored,
 * read back and written out.
 */
const FILES = [
  'experiments/eight-week-video.yaml',
  'experiments/portfolio.yaml',
  'experiments/vendor-comparison.yaml',
  'experiments/validation/mmc.yaml',
  'test/experiments/fixtures/small-project.yaml',
  'test/experiments/fixtures/support-desk.yaml',
];

/** A result with a distinct value in every figure (a missing one, NaN, among them), so a column read from the wrong place shows. */
function distinctResult(layout: RowLayout): ReplicationResult {
  const r: Record<string, unknown> = {};
  let next = 1;
  for (const o of OUTPUTS) {
    if (o.name === 'replication') r[o.name] = 0;
    else if (o.unit === 'flag') r[o.name] = true;
    else if (o.per === 'scalar') r[o.name] = next++ + 0.25;
    else r[o.name] = Float64Array.from({ length: layout.labels[o.per].length }, (_, j) => (j === 1 ? NaN : next++ + 0.5));
  }
  return r as unknown as ReplicationResult;
}

/** The columns of one output in a row: its name, or `name.element` per element of its dimension. */
const columnsOf = (o: (typeof OUTPUTS)[number], layout: RowLayout) => (o.per === 'scalar' ? [o.name] : layout.labels[o.per].map((l) => `${o.name}.${l}`));

describe.each(FILES)('every declared output of %s', (file) => {
  const experiment = loadExperiment(file);
  const manifest: RunManifest = { experiment: experiment.name, description: '', configHash: experiment.configHash, seed: 1, replications: 1, shard: null, plans: experiment.plans };

  it('round-trips through a row, a record line and the record set', () => {
    const records: ReplicationRecord[] = [];
    const sent = experiment.plans.map((plan) => {
      const layout = rowLayout(plan.model);
      const r = distinctResult(layout);
      const row = new Float64Array(layout.width + 2);
      encodeRow(r, layout, row, 1);
      expect(decodeRow(row.subarray(1, 1 + layout.width), layout)).toEqual(r);
      const line = encodeRecord({ plan: plan.name, replication: 0, row: Array.from(row.subarray(1, 1 + layout.width), (x) => (Number.isFinite(x) ? x : null)) });
      records.push(decodeRecord(line) as ReplicationRecord);
      return r;
    });
    const set = recordSetOf(manifest, records);
    expect(set.skipped).toEqual([]);
    set.plans.forEach((p, i) => {
      expect(p.results).toHaveLength(1);
      for (const o of OUTPUTS) expect(p.results[0][o.name], `${p.name}: ${o.name}`).toEqual(sent[i][o.name]);
    });
  });

  it('has its columns, in row order, in the row and the manifest, and every figure in the tidy tables', () => {
    const layout = rowLayout(experiment.plans[0].model);
    const names = columnNames(layout);
    expect(names).toEqual(OUTPUTS.flatMap((o) => columnsOf(o, layout)));
    expect(names).toHaveLength(layout.width);
    for (const plan of experiment.plans) expect(recordLayoutOf(manifest.plans).columns![plan.name]).toEqual(columnNames(rowLayout(plan.model)));
    const records = experiment.plans.map((plan): ReplicationRecord => {
      const own = rowLayout(plan.model);
      const row = new Float64Array(own.width);
      encodeRow(distinctResult(own), own, row, 0);
      return { plan: plan.name, replication: 0, row: Array.from(row, (x) => (Number.isFinite(x) ? x : null)) };
    });
    const tables = tidyTables(manifest, recordSetOf(manifest, records));
    // measure and element of each row: the replication index is the key column, days are the time series.
    const seen = new Set(tables.replicationMeasures.rows.map((r) => `${r[5]}${r[7] === null ? '' : `.${r[7]}`}`));
    for (const r of tables.planDays.rows) seen.add(`${r[5]}.${r[6]}`);
    // Histograms and weekly bands are figures of the plan only: their statistics are in plan-measures.
    const planSeen = new Set(tables.planMeasures.rows.map((r) => `${r[5]}${r[7] === null ? '' : `.${r[7]}`}`));
    for (const plan of experiment.plans) {
      const own = rowLayout(plan.model);
      for (const o of OUTPUTS) {
        if (o.name === 'replication') continue;
        // A pool-valued figure is one row naming the pool, not a column per pool.
        if (o.unit === 'pool') expect([...seen].some((c) => c.split('.')[0] === o.name), o.name).toBe(true);
        else if (o.aggregate.kind === 'pooled-quantiles') {
          const elements = o.aggregate.of === 'stage' ? own.stages.map((s) => `${o.name}.${s}`) : [o.name];
          for (const c of elements) expect(planSeen, `${plan.name}: ${c}`).toContain(c);
        } else if (planOnly(o)) for (const c of columnsOf(o, own)) expect(planSeen, `${plan.name}: ${c}`).toContain(c);
        else for (const c of columnsOf(o, own)) expect(seen, `${plan.name}: ${c}`).toContain(c);
      }
    }
  });
});
