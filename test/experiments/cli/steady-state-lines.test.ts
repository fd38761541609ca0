import { describe, expect, it } from 'vitest';
import { buildSummary, type Summary } from '../../../experiments/aggregate/summary.js';
import { capacityLines, verdictLines } from '../../../experiments/cli/format.js';
import { parseExperiment } from '../../../experiments/load/index.js';
import type { RecordSet } from '../../../experiments/run/record-set.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { feasibilityWarnings } from '../../../sim/model/feasibility.js';
import { rowLayout } from '../../../workers/result-rows.js';

/** The shipped M/M/c check (experiments/validation/mmc.yaml) with `servers` servers and a shorter horizon: arrivals 9/h, service 1 h. */
function mmc(servers: number) {
  const text = [
    'name: mmc',
    'seed: 7',
    'replications: 3',
    'timeZone: UTC',
    'warmup: 100h',
    'horizon: 1100h',
    'work:',
    '  jobs: { arrival: { poisson: 9/h }, workflow: [serve] }',
    'pools:',
    `  servers: { headcount: ${servers}, shifts: always, pay: none }`,
    'stages:',
    '  serve: { kind: annotate, pool: servers, handling: { exponential: { mean: 1h } } }',
  ].join('\n');
  return parseExperiment(text, 'mmc.yaml');
}

/** The run's summary as it is written: three replications, read back from JSON. */
function summaryOf(servers: number): Summary {
  const e = mmc(servers);
  const records: RecordSet = {
    plans: e.plans.map((p) => ({
      name: p.name,
      layout: rowLayout(p.model),
      results: [0, 1, 2].map((k) => simulateReplication(p.model, e.seed, k)),
      rows: [],
      failures: [],
    })),
    records: [],
    skipped: [],
    duplicates: 0,
  };
  const manifest = { experiment: e.name, description: e.description, configHash: e.configHash, seed: e.seed, replications: 3, plans: e.plans };
  return JSON.parse(JSON.stringify(buildSummary(manifest, records))) as Summary;
}

describe('the verdict of an open-ended plan', () => {
  it('calls a queue below capacity steady, and reads as sentences with the p95 of all waits pooled', () => {
    const s = summaryOf(10);
    const stage = s.plans[0]!.stages.serve!;
    // The pooled p95, as the report's Queues section and plan-measures.csv give it, not the mean of each replication's p95.
    const pooled = stage.pooledWaitHours.p95!;
    expect(pooled.toFixed(2)).not.toBe(stage.waitHours.p95!.toFixed(2));
    expect(verdictLines(s)).toEqual([
      `base: steady state; servers ${(100 * s.plans[0]!.pools.servers!.utilization!).toFixed(1)}% busy; serve tasks wait ${stage.waitHours.mean!.toFixed(3)} h on average (p95 ${pooled.toFixed(2)} h, all waits pooled)`,
    ]);
  });

  it('says there is no steady state when the pool is offered more than its capacity (8 servers: 112.5%)', () => {
    const [line] = verdictLines(summaryOf(8));
    expect(line).toMatch(/^base: no steady state \(servers offered 112\.5% of capacity\); servers \d+\.\d% busy; serve tasks wait /);
    expect(line).not.toMatch(/(^|[^o] )steady state;/);
  });

  it('says so at exactly its capacity too (9 servers: 100%), where an M/M/c queue is null recurrent and grows without bound', () => {
    expect(verdictLines(summaryOf(9))[0]).toMatch(/^base: no steady state \(servers offered 100\.0% of capacity\); /);
  });
});

describe('the capacity check of an open-ended plan', () => {
  const warningsOf = (servers: number) => {
    const model = mmc(servers).plans[0]!.model;
    return feasibilityWarnings(model, capacityCheck(model));
  };

  it('warns that a pool offered at least its capacity has a queue that grows without bound, and speaks of no deadline', () => {
    expect(warningsOf(8)).toEqual(['pool "servers" is offered 112.5% of its capacity: its queue grows without bound and the waits depend on the horizon']);
    expect(warningsOf(9)).toEqual(['pool "servers" is offered 100% of its capacity: its queue grows without bound and the waits depend on the horizon']);
    expect(warningsOf(10)).toEqual([]);
    const model = mmc(8).plans[0]!.model;
    const lines = capacityLines([{ plan: 'base', pools: capacityCheck(model), model }]);
    expect(lines.join('\n')).not.toContain('deadline');
    expect(lines[1]).toMatch(/^ {2}base +servers +9000 h \/ +8000 h = 112\.5%$/);
  });

  it('warns, without a deadline, that finite work cannot be done by the horizon', () => {
    const e = parseExperiment(
      [
        'name: backlog',
        'horizon: 100h',
        'work:',
        '  items: { count: 1000, workflow: [annotate] }',
        'pools:',
        '  annotators: { headcount: 2, shifts: always, pay: none }',
        'stages:',
        '  annotate: { kind: annotate, pool: annotators, handling: 1h }',
      ].join('\n'),
      'backlog.yaml',
    );
    const model = e.plans[0]!.model;
    const lines = capacityLines([{ plan: 'base', pools: capacityCheck(model), model }]);
    expect(lines[1]).toMatch(/= 500\.0% {2}WARNING: pool "annotators" cannot do its work by the horizon in plan "base" even with no randomness$/);
  });
});
