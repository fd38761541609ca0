import { describe, expect, it } from 'vitest';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

describe('fatigue and drift of a pool, in the file', () => {
  it('are absent from the model unless written, so files without them keep their config hash', () => {
    const pool = parseDoc(minimalDocument()).plans[0].model.pools[0];
    expect('fatigue' in pool).toBe(false);
    expect('drift' in pool).toBe(false);
  });

  it('reach the model with units converted', () => {
    const doc = minimalDocument();
    doc.pools.annotators.fatigue = { after: '4h', pacePerHour: '3%', errorPerHour: '10%' };
    doc.pools.annotators.drift = { pacePerWeek: -0.02, errorPerWeek: 0.05 };
    const pool = parseDoc(doc).plans[0].model.pools[0];
    expect(pool.fatigue).toEqual({ afterHours: 4, pacePerHour: 0.03, errorPerHour: 0.1 });
    expect(pool.drift).toEqual({ pacePerWeek: -0.02, errorPerWeek: 0.05 });
  });

  it('refuse a weekly change that would take a rate below zero within weeks, naming the field', () => {
    const error = errorAfter((doc) => (doc.pools.annotators.drift = { errorPerWeek: -0.8 }));
    expect(error.field).toBe('pools.annotators.drift.errorPerWeek');
  });

  it('take preLabelDamping as a share, and only beside fatigue or drift', () => {
    const doc = minimalDocument();
    doc.pools.annotators.fatigue = { after: '4h', errorPerHour: '10%' };
    doc.pools.annotators.preLabelDamping = '40%';
    expect(parseDoc(doc).plans[0].model.pools[0].preLabelDamping).toBe(0.4);
    const alone = errorAfter((d) => (d.pools.annotators.preLabelDamping = '40%'));
    expect(alone.field).toBe('pools.annotators.preLabelDamping');
    expect(alone.message).toMatch(/fatigue or drift/);
    expect(errorAfter((d) => ((d.pools.annotators.drift = { pacePerWeek: 0.01 }), (d.pools.annotators.preLabelDamping = 1.5))).field).toBe('pools.annotators.preLabelDamping');
  });
});
