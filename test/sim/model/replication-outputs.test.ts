import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { OUTPUTS, outputProblems, REPLICATION_OUTPUTS, SCALAR_OUTPUTS, VECTOR_OUTPUTS, type OutputDeclarations } from '../../../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';

const result = () => simulateReplication(loadExperiment('test/experiments/fixtures/small-project.yaml').plans[0].model, 11, 0);

describe('the declared outputs of a replication', () => {
  it('are exactly the fields the model returns, each of its declared kind', () => {
    const r = result();
    expect(outputProblems(r)).toEqual([]);
    expect(Object.keys(r).sort()).toEqual(OUTPUTS.map((o) => o.name).sort());
  });

  it('refuse a result with a field the table does not declare, or without one it does', () => {
    const r = result();
    expect(outputProblems({ ...r, queueAtDeadline: 3 })).toEqual(['"queueAtDeadline" is not a declared output (sim/model/replication-outputs.ts)']);
    const { events: _events, ...withoutEvents } = r;
    expect(outputProblems(withoutEvents)).toEqual(['declared output "events" is missing']);
    expect(outputProblems({ ...r, waitMean: [1, 2], completed: 1 })).toEqual(['"completed" should be a boolean', '"waitMean" should be a Float64Array per stage']);
  });

  it('do not compile with a field of the result left undeclared, or a vector declared as a scalar', () => {
    // Checked by the compiler (npm run typecheck), not at run time: each line below must be an error.
    interface WithOneMore extends ReplicationResult {
      queueAtDeadline: number;
    }
    // @ts-expect-error queueAtDeadline has no declaration
    const undeclared: OutputDeclarations<WithOneMore> = REPLICATION_OUTPUTS;
    // @ts-expect-error waitMean is a Float64Array per stage
    const misdeclared: OutputDeclarations = { ...REPLICATION_OUTPUTS, waitMean: { ...REPLICATION_OUTPUTS.waitMean, per: 'scalar' } };
    const { events: _events, ...rest } = REPLICATION_OUTPUTS;
    // @ts-expect-error events has no declaration
    const missing: OutputDeclarations = rest;
    expect([undeclared, misdeclared, missing].every((t) => t !== undefined)).toBe(true);
  });

  it('list the scalars first, so the order of the table is the order of a row', () => {
    expect(OUTPUTS.map((o) => o.name)).toEqual([...SCALAR_OUTPUTS, ...VECTOR_OUTPUTS]);
    expect(SCALAR_OUTPUTS[0]).toBe('replication');
  });

  it('aggregate in ways that fit their shape', () => {
    for (const o of OUTPUTS) {
      const a = o.aggregate;
      const where = `${o.name}: ${a.kind}`;
      if (a.kind === 'ratio') expect(REPLICATION_OUTPUTS[a.over].per, where).toBe('scalar');
      if (a.kind === 'band') expect(o.per, where).not.toBe('scalar');
      if (a.kind === 'share-per-pool') expect(o.unit, where).toBe('pool');
      if (o.paired === true || o.report !== undefined) expect(o.per, `${o.name}: paired or drawn`).toBe('scalar');
      if (o.unit === 'flag' || o.unit === 'index' || o.unit === 'pool') expect(a.kind === 'none' || a.kind === 'share-per-pool', where).toBe(true);
    }
  });
});
