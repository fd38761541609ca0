import { describe, expect, it } from 'vitest';
import { leftOutPoolLines } from '../../../experiments/load/index.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { rowLayout } from '../../../workers/result-rows.js';
import { parseDoc } from './helpers.js';

const WEEKDAYS = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }];

/** An in-house team on salary, and a plan that gives all the annotation to a vendor paid per item. */
function vendorDocument(): Record<string, any> {
  return {
    name: 'outsourcing',
    deterministic: true,
    deadline: '4w',
    work: { images: { count: 1000, workflow: ['annotate'] } },
    pools: {
      inhouse: { headcount: 10, shifts: WEEKDAYS, pay: { salaried: '25/h' } },
      vendor: { headcount: 4, shifts: WEEKDAYS, pay: { perItem: 0.5 } },
    },
    stages: { annotate: { kind: 'annotate', pool: 'inhouse', handling: '36s' } },
    plans: {
      inhouse: {},
      'vendor-b': { description: 'All annotation to vendor B', patch: { stages: { annotate: { pool: 'vendor' } } } },
    },
  };
}

describe('a pool that serves no stage of a plan', () => {
  it('costs nothing: a plan moving all annotation to a vendor costs exactly the vendor fee', () => {
    const plan = parseDoc(vendorDocument()).plans[1];
    const result = simulateReplication(plan.model, 1, 0);
    expect(result.completed).toBe(true);
    // 1,000 images at 0.50 each; no salaried idle hours of the unused in-house team.
    expect(result.cost).toBe(500);
  });

  it('pays no platform seats: the plan costs what it would if the unused team did not exist', () => {
    const withTeam = vendorDocument();
    withTeam.costs = { platformPerSeatMonth: 45 };
    const withoutTeam = vendorDocument();
    withoutTeam.costs = { platformPerSeatMonth: 45 };
    delete withoutTeam.pools.inhouse;
    withoutTeam.stages.annotate.pool = 'vendor';
    withoutTeam.plans = { 'vendor-b': {} };
    const a = simulateReplication(parseDoc(withTeam).plans[1].model, 1, 0);
    const b = simulateReplication(parseDoc(withoutTeam).plans[0].model, 1, 0);
    expect(a.cost).toBe(b.cost);
    expect(a.cost).toBeGreaterThan(500);
    expect([...a.costByActivity]).toEqual([...b.costByActivity]);
  });

  it('is not part of the plan: not in its pools, capacity check or utilisation, and the plan records its name', () => {
    const [inhouse, vendor] = parseDoc(vendorDocument()).plans;
    expect(vendor.model.pools.map((p) => p.name)).toEqual(['vendor']);
    expect(capacityCheck(vendor.model).map((c) => c.pool)).toEqual(['vendor']);
    expect(rowLayout(vendor.model).pools).toEqual(['vendor']);
    expect(simulateReplication(vendor.model, 1, 0).utilization).toHaveLength(1);
    expect(vendor.leftOutPools).toEqual(['inhouse']);
    expect(inhouse.model.pools.map((p) => p.name)).toEqual(['inhouse']);
    expect(inhouse.leftOutPools).toEqual(['vendor']);
  });

  it('counts as serving when it staffs an escalation or adjudication stage that no workflow names', () => {
    const doc = vendorDocument();
    doc.pools.experts = { headcount: 1, shifts: WEEKDAYS, pay: { hourly: '60/h' } };
    doc.pools.judges = { headcount: 1, shifts: WEEKDAYS, pay: { hourly: '50/h' } };
    doc.pools.idle = { headcount: 3, shifts: WEEKDAYS, pay: { salaried: '20/h' } };
    doc.stages.annotate = { ...doc.stages.annotate, labels: 2, adjudication: 'adjudicate', escalation: 'escalate' };
    doc.stages.adjudicate = { kind: 'annotate', pool: 'judges', handling: '1m' };
    doc.stages.escalate = { kind: 'annotate', pool: 'experts', handling: '2m' };
    const base = parseDoc(doc).plans[0];
    expect(base.model.pools.map((p) => p.name)).toEqual(['inhouse', 'experts', 'judges']);
    expect(base.leftOutPools).toEqual(['vendor', 'idle']);
  });

  it('is named in one line per pool, with the plans that leave it out', () => {
    const doc = vendorDocument();
    doc.plans['vendor-c'] = { patch: { stages: { annotate: { pool: 'vendor' } } } };
    expect(leftOutPoolLines(parseDoc(doc).plans)).toEqual([
      'plan "inhouse": pool "vendor" serves no stage and is left out (no cost)',
      'plans "vendor-b", "vendor-c": pool "inhouse" serves no stage and is left out (no cost)',
    ]);
    doc.pools.spare = { headcount: 1, shifts: WEEKDAYS, pay: 'none' };
    expect(leftOutPoolLines(parseDoc(doc).plans)).toContain('every plan: pool "spare" serves no stage and is left out (no cost)');
    const many = vendorDocument();
    many.sweep = { plans: ['vendor-b'], parameters: { 'pools.vendor.headcount': [1, 2, 3, 4, 5] } };
    expect(leftOutPoolLines(parseDoc(many).plans)).toContain(
      'plans "vendor-b", "vendor-b/headcount=1", "vendor-b/headcount=2" and 3 more: pool "inhouse" serves no stage and is left out (no cost)',
    );
  });
});
