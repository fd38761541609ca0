import { describe, expect, it } from 'vitest';
import { ExperimentError, parsePrecisionOption } from '../../../experiments/load/index.js';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

describe('the precision of an experiment file', () => {
  it('reads targets in the figures own terms: points, a duration, a percentage of the mean', () => {
    const doc = minimalDocument();
    doc.precision = { onTime: '2pt', p85: '0.5d', unitCost: '1%', until: 'settled', confidence: '90%', firstRound: 30 };
    expect(parseDoc(doc).precision).toEqual({ onTime: 0.02, p85Hours: 12, unitCost: 0.01, settled: true, confidence: 0.9, firstRound: 30 });
  });

  it('reads percentage points however they are abbreviated: 2pt, 2pts, 2pp, 2 points', () => {
    for (const written of ['2pt', '2pts', '2pp', '2 points', '2 point', ' 2.5 pt ']) {
      const doc = minimalDocument();
      doc.precision = { onTime: written };
      expect(parseDoc(doc).precision?.onTime).toBeCloseTo(written.includes('2.5') ? 0.025 : 0.02, 12);
    }
  });

  it('takes a share for on time, and defaults to 95% confidence and a first round of 20', () => {
    const doc = minimalDocument();
    doc.precision = { onTime: 0.05 };
    expect(parseDoc(doc).precision).toEqual({ onTime: 0.05, p85Hours: null, unitCost: null, settled: false, confidence: 0.95, firstRound: 20 });
  });

  it('is absent from a file without it, which hashes as before', () => {
    const without = parseDoc(minimalDocument());
    expect(without.precision).toBeNull();
    const doc = minimalDocument();
    doc.precision = { until: 'settled' };
    expect(parseDoc(doc).configHash).not.toBe(without.configHash);
    expect(parseDoc(minimalDocument()).configHash).toBe(without.configHash);
  });

  it.each([
    ['precision.onTime', { onTime: '2%' }, /percentage points like 2pt/],
    ['precision.onTime', { onTime: 1.5 }, /percentage points like 2pt/],
    ['precision.p85', { p85: 'half a day' }, /a duration with a unit/],
    ['precision.p85', { p85: '0d' }, /a duration above 0/],
    ['precision.unitCost', { unitCost: 0.01 }, /a percentage of the mean like 1%/],
    ['precision.unitCost', { unitCost: '100%' }, /a percentage of the mean/],
    ['precision.confidence', { onTime: '2pt', confidence: '40%' }, /from 50% to 99.9%/],
    ['precision.until', { until: 'done' }, /'settled'/],
    ['precision.firstRound', { onTime: '2pt', firstRound: 1 }, /an integer from 2/],
    ['precision', {}, /at least one of onTime, p85, unitCost or until: settled/],
  ])('names %s when it is wrong (%j)', (field, precision, expected) => {
    const err = errorAfter((doc) => {
      doc.precision = precision;
    });
    expect(err.field).toBe(field);
    expect(err.message).toMatch(expected);
  });

  it('suggests the field meant by a typo', () => {
    const err = errorAfter((doc) => {
      doc.precision = { ontime: '2pt' };
    });
    expect(err.field).toBe('precision.ontime');
    expect(err.message).toMatch(/did you mean onTime/);
  });

  it('cannot be patched by a plan', () => {
    const err = errorAfter((doc) => {
      doc.plans = { base: { patch: {} }, other: { patch: { precision: { onTime: '2pt' } } } };
    });
    expect(err.field).toBe('plans.other.patch.precision');
  });
});

describe('--precision on the command line', () => {
  it('reads the same targets with the file names in kebab case', () => {
    expect(parsePrecisionOption('on-time=2pt,p85=0.5d,unit-cost=1%,until=settled')).toEqual({ onTime: 0.02, p85Hours: 12, unitCost: 0.01, settled: true, confidence: 0.95, firstRound: 20 });
    expect(parsePrecisionOption('on-time=0.05, confidence=0.99, first-round=10')).toEqual({ onTime: 0.05, p85Hours: null, unitCost: null, settled: false, confidence: 0.99, firstRound: 10 });
  });

  it('turns the file precision off with none', () => {
    expect(parsePrecisionOption('none')).toBeNull();
  });

  it.each([
    ['on-time=2%', '--precision: on-time: expected percentage points like 2pt'],
    ['unit-cost=0.01', '--precision: unit-cost: expected a percentage of the mean like 1%'],
    ['speed=2pt', '--precision: speed: expected one of the keys on-time, p85, unit-cost, until, confidence, first-round'],
    ['on-time=2pt,on-time=3pt', '--precision: on-time: expected each key once'],
    ['2pt', '--precision: expected key=value pairs'],
    ['confidence=95%', '--precision: expected at least one of onTime'],
  ])('refuses %s naming the key', (text, start) => {
    let err: unknown = null;
    try {
      parsePrecisionOption(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExperimentError);
    expect((err as Error).message.startsWith(start), (err as Error).message).toBe(true);
  });
});
