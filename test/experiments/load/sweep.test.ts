import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ExperimentError, parseExperiment } from '../../../experiments/load/index.js';
import { errorAfter, minimalDocument, parseDoc } from './helpers.js';

const SHARE_EXPECTED = 'a share: a percentage like 5% or a number from 0 to 1';

/** The minimal document with a baseline and two vendor plans that change the review team. */
function withVendors(sweep: Record<string, unknown>): Record<string, any> {
  const doc = minimalDocument();
  doc.plans = {
    base: { description: 'As planned.' },
    'vendor-a': { description: 'Vendor A reviews', patch: { pools: { reviewers: { headcount: 2, pay: { hourly: null, perItem: 0.05 } } } } },
    'vendor-b': { patch: { pools: { reviewers: { headcount: 3 } }, stages: { review: { detection: 0.8 } } } },
  };
  doc.sweep = sweep;
  return doc;
}

function sweepError(sweep: Record<string, unknown>, change: (doc: Record<string, any>) => void = () => {}): ExperimentError {
  return errorAfter((doc) => {
    Object.assign(doc, withVendors(sweep));
    change(doc);
  });
}

describe('a sweep', () => {
  it('appends one plan per selected plan and grid point, the first parameter varying slowest', () => {
    const experiment = parseDoc(
      withVendors({
        plans: ['vendor-b', 'vendor-a'],
        parameters: { 'pools.annotators.headcount': [8, 12], 'stages.review.sample': ['1%', '5%', '10%'] },
      }),
    );
    const grid = ['headcount=8,sample=1%', 'headcount=8,sample=5%', 'headcount=8,sample=10%', 'headcount=12,sample=1%', 'headcount=12,sample=5%', 'headcount=12,sample=10%'];
    expect(experiment.plans.map((p) => p.name)).toEqual([
      'base',
      'vendor-a',
      'vendor-b',
      ...grid.map((g) => `vendor-b/${g}`),
      ...grid.map((g) => `vendor-a/${g}`),
    ]);
    const byName = new Map(experiment.plans.map((p) => [p.name, p]));
    expect(byName.get('vendor-a/headcount=12,sample=5%')?.description).toBe('Vendor A reviews; headcount = 12, sample = 5%');
    expect(byName.get('vendor-b/headcount=8,sample=1%')?.description).toBe('headcount = 8, sample = 1%');
    const point = byName.get('vendor-a/headcount=12,sample=10%')!;
    expect(point.model.pools[0].shifts[0].headcount).toBe(12);
    expect(point.model.stages[1]).toMatchObject({ kind: 'review', sampleRate: 0.1 });
    expect(point.sweep).toEqual({
      plan: 'vendor-a',
      values: [
        { parameter: 'pools.annotators.headcount', value: 12 },
        { parameter: 'stages.review.sample', value: '10%' },
      ],
    });
    expect(experiment.plans[0].sweep).toBeUndefined();
  });

  it('varies the first plan when it names no plans', () => {
    const experiment = parseDoc(withVendors({ parameters: { 'stages.review.sample': [0.01, '20%'] } }));
    expect(experiment.plans.slice(3).map((p) => [p.name, p.description])).toEqual([
      ['base/sample=0.01', 'As planned.; sample = 0.01'],
      ['base/sample=20%', 'As planned.; sample = 20%'],
    ]);
    const doc = minimalDocument();
    doc.sweep = { parameters: { 'stages.review.sample': ['1%'] } };
    expect(parseDoc(doc).plans.map((p) => [p.name, p.description])).toEqual([
      ['base', ''],
      ['base/sample=1%', 'sample = 1%'],
    ]);
  });

  it('takes an inclusive range of numbers', () => {
    const headcounts = parseDoc(withVendors({ parameters: { 'pools.annotators.headcount': { from: 8, to: 20, step: 2 } } })).plans.slice(3);
    expect(headcounts.map((p) => p.name)).toEqual([8, 10, 12, 14, 16, 18, 20].map((n) => `base/headcount=${n}`));
    expect(headcounts.map((p) => p.model.pools[0].shifts[0].headcount)).toEqual([8, 10, 12, 14, 16, 18, 20]);
    // Steps that do not reach `to` stop before it; fractional steps come out as written.
    const uneven = parseDoc(withVendors({ parameters: { 'pools.annotators.headcount': { from: 1, to: 10, step: 4 } } })).plans.slice(3);
    expect(uneven.map((p) => p.name)).toEqual(['base/headcount=1', 'base/headcount=5', 'base/headcount=9']);
    const fractions = parseDoc(withVendors({ parameters: { 'stages.review.detection': { from: 0.1, to: 0.3, step: 0.1 } } })).plans.slice(3);
    expect(fractions.map((p) => p.name)).toEqual(['base/detection=0.1', 'base/detection=0.2', 'base/detection=0.3']);
    expect(fractions.map((p) => (p.model.stages[1] as { detection: number }).detection)).toEqual([0.1, 0.2, 0.3]);
  });

  it('changes only the swept field, over the plan’s own patch', () => {
    const experiment = parseDoc(withVendors({ plans: ['vendor-a', 'vendor-b'], parameters: { 'stages.review.sample': ['5%'] } }));
    const plan = (name: string) => experiment.plans.find((p) => p.name === name)!.model;
    for (const base of ['vendor-a', 'vendor-b']) {
      const expected = structuredClone(plan(base));
      (expected.stages[1] as { sampleRate: number }).sampleRate = 0.05;
      expect(plan(`${base}/sample=5%`)).toEqual(expected);
    }
    // The sweep's value replaces what the plan set, and null deletes it, restoring the default.
    const replaced = parseDoc(withVendors({ plans: ['vendor-b'], parameters: { 'stages.review.detection': [0.5, null] } }));
    expect(replaced.plans.slice(3).map((p) => [p.name, (p.model.stages[1] as { detection: number }).detection])).toEqual([
      ['vendor-b/detection=0.5', 0.5],
      ['vendor-b/detection=null', 1],
    ]);
  });

  it('gives plans that share no objects', () => {
    const [, , , a, b] = parseDoc(withVendors({ parameters: { 'stages.review.sample': ['1%', '2%'] } })).plans;
    a.model.pools[0].shifts[0].headcount = 99;
    expect(b.model.pools[0].shifts[0].headcount).toBe(4);
  });

  it('may set fields the file leaves unset, and fields of sections its plan adds', () => {
    const doc = withVendors({ plans: ['vendor-a'], parameters: { horizon: ['20w'], 'pools.vendor.headcount': [1, 2], 'pools.reviewers.timeZone': ['Asia/Tokyo'] } });
    doc.plans['vendor-a'].patch.pools.vendor = { headcount: 5, shifts: 'always', pay: 'none' };
    // The vendor shares the annotators' queue (a pool that serves no stage is left out of a plan).
    doc.plans['vendor-a'].patch.stages = { annotate: { pool: ['annotators', 'vendor'] } };
    const plans = parseDoc(doc).plans.slice(3);
    expect(plans.map((p) => p.name)).toEqual(['vendor-a/horizon=20w,headcount=1,timeZone=Asia/Tokyo', 'vendor-a/horizon=20w,headcount=2,timeZone=Asia/Tokyo']);
    expect(plans[1].model.horizonHours).toBe(20 * 168);
    expect(plans[1].model.pools[2]).toMatchObject({ name: 'vendor', shifts: [{ headcount: 2 }] });
    expect(plans[1].model.pools[1].shifts[0].timeZone).toBe('Asia/Tokyo');
  });

  it('may set a whole mapping, which merges like a patch', () => {
    const plans = parseDoc(withVendors({ parameters: { 'pools.annotators.learning': [{ initialFactor: 2 }, { halfLife: 50 }] } })).plans.slice(3);
    expect(plans.map((p) => p.name)).toEqual(['base/learning={"initialFactor":2}', 'base/learning={"halfLife":50}']);
    expect(plans.map((p) => p.model.pools[0].learning)).toEqual([
      { initialFactor: 2, halfLifeItems: 1 },
      { initialFactor: 1, halfLifeItems: 50 },
    ]);
  });

  it('finds names that contain dots', () => {
    const doc = withVendors({ parameters: { 'pools.team.a.headcount': [1, 2] } });
    doc.pools['team.a'] = doc.pools.annotators;
    delete doc.pools.annotators;
    doc.stages.annotate.pool = 'team.a';
    expect(parseDoc(doc).plans.slice(3).map((p) => p.name)).toEqual(['base/headcount=1', 'base/headcount=2']);
  });

  it('allows / = , and % in the names it makes, but not in declared plan names', () => {
    expect(errorAfter((doc) => (doc.plans = { 'a/b': {} })).field).toBe('plans["a/b"]');
    expect(errorAfter((doc) => (doc.plans = { 'a=b,c%': {} })).expected).toMatch(/^a plan name of letters/);
  });

  it('follows the deterministic override', () => {
    const doc = withVendors({ parameters: { deterministic: [false] } });
    const experiment = parseExperiment(stringify(doc), 'x.yaml', { deterministic: true });
    expect(experiment.plans.map((p) => p.model.deterministic)).toEqual([true, true, true, true]);
  });

  it('is covered by the config hash and kept in the document', () => {
    const one = parseDoc(withVendors({ parameters: { 'stages.review.sample': ['1%', '2%'] } }));
    const other = parseDoc(withVendors({ parameters: { 'stages.review.sample': ['1%', '3%'] } }));
    const none = parseDoc(withVendors({ parameters: { 'stages.review.sample': ['1%'] } }));
    expect(new Set([one.configHash, other.configHash, none.configHash]).size).toBe(3);
    expect((one.document as Record<string, unknown>).sweep).toEqual({ parameters: { 'stages.review.sample': ['1%', '2%'] } });
  });
});

describe('a sweep that is wrong', () => {
  it('names the value that makes a plan invalid, with what the field expects', () => {
    const error = sweepError({ parameters: { 'stages.review.sample': ['1%', '2%', '5%', '120%'] } });
    expect(error.field).toBe('sweep.parameters["stages.review.sample"][3]');
    expect(error.expected).toBe(SHARE_EXPECTED);
    expect(error.got).toBe('"120%"');
    expect(error.message).toBe(`experiment.yaml: sweep.parameters["stages.review.sample"][3]: expected ${SHARE_EXPECTED}, got "120%"`);
    // The same text as for the field itself.
    expect(errorAfter((doc) => (doc.stages.review.sample = '120%')).expected).toBe(error.expected);
  });

  it('names the parameter for a bad value of a range', () => {
    const error = sweepError({ parameters: { 'pools.annotators.headcount': { from: 1, to: 2, step: 0.5 } } });
    expect(error.field).toBe('sweep.parameters["pools.annotators.headcount"]');
    expect(error.expected).toBe('a headcount: an integer >= 0');
    expect(error.got).toBe('1.5');
  });

  it('names the part of a mapping value that is wrong', () => {
    const error = sweepError({ parameters: { 'pools.annotators.learning': [{ initialFactr: 2 }] } });
    expect(error.field).toBe('sweep.parameters["pools.annotators.learning"][0].initialFactr');
    expect(error.expected).toBe('a known field (did you mean initialFactor?)');
  });

  it('blames the values when they break another field', () => {
    const error = sweepError({ parameters: { deadline: ['4w', '12w'] } }, (doc) => (doc.horizon = '8w'));
    expect(error.field).toBe('sweep.parameters.deadline[1]');
    expect(error.expected).toBe('values that make a valid plan; in plan base/deadline=12w, horizon must be a horizon at least as long as the deadline (12w)');
    expect(error.got).toBe('"8w"');
    const two = sweepError({ parameters: { deadline: ['12w'], warmup: ['0h'] } }, (doc) => (doc.horizon = '8w'));
    expect(two.field).toBe('sweep.parameters');
  });

  it('refuses a path that names no field of the model, suggesting near ones', () => {
    const typo = sweepError({ parameters: { 'stages.review.sampel': ['1%'] } });
    expect(typo.field).toBe('sweep.parameters["stages.review.sampel"]');
    expect(typo.expected).toMatch(/^a dotted path to a field of the model, like stages\.<stage>\.sample/);
    expect(typo.expected).toContain('did you mean stages.review.sample?');
    expect(typo.got).toBe('"stages.review.sampel"');
    const pool = sweepError({ parameters: { 'pools.nobody.headcount': [1] } });
    expect(pool.field).toBe('sweep.parameters["pools.nobody.headcount"]');
    expect(pool.expected).toContain('pools has annotators, reviewers');
    expect(sweepError({ parameters: { 'pools.annotators': [1], 'pools.annotator.headcount': [1] } }).expected).toContain(
      'did you mean pools.annotators.headcount?',
    );
    expect(sweepError({ parameters: { seed: [1, 2] } }).expected).toContain('seed is a field of the experiment, not of the model');
    expect(sweepError({ parameters: { 'pools.annotators.shifts.0.start': ['10:00'] } }).expected).toContain('pools.annotators.shifts is a list');
    expect(sweepError({ parameters: { 'preLabels.handlingFactor': [0.5] } }).expected).toContain('preLabels is not set');
    expect(sweepError({ parameters: { 'pools.annotators.headcount.x': [1] } }).expected).toContain('is a single value');
  });

  it('checks paths in every plan it varies', () => {
    const doc = withVendors({ plans: ['vendor-a', 'vendor-b'], parameters: { 'pools.vendor.headcount': [1] } });
    doc.plans['vendor-a'].patch.pools.vendor = { headcount: 5, shifts: 'always', pay: 'none' };
    const error = errorAfter((d) => Object.assign(d, doc));
    expect(error.field).toBe('sweep.parameters["pools.vendor.headcount"]');
    expect(error.expected).toContain('pools in plan vendor-b has annotators, reviewers');
  });

  it('refuses parameters that set the same field', () => {
    const error = sweepError({ parameters: { 'pools.annotators': [{ headcount: 2 }], 'pools.annotators.headcount': [1] } });
    expect(error.field).toBe('sweep.parameters["pools.annotators.headcount"]');
    expect(error.expected).toBe('a field that no other parameter sets (pools.annotators does)');
  });

  it('refuses plans that are not declared or named twice', () => {
    const unknown = sweepError({ plans: ['vendor-a', 'vendor-c'], parameters: { 'stages.review.sample': ['1%'] } });
    expect(unknown.field).toBe('sweep.plans[1]');
    expect(unknown.expected).toBe('the name of a declared plan (base, vendor-a, vendor-b)');
    expect(unknown.got).toBe('"vendor-c"');
    expect(sweepError({ plans: ['base', 'base'], parameters: { 'stages.review.sample': ['1%'] } }).field).toBe('sweep.plans[1]');
  });

  it('refuses more than 1000 plans, to protect memory', () => {
    const values = Array.from({ length: 40 }, (_, i) => i + 1);
    const error = sweepError({ plans: ['base'], parameters: { 'pools.annotators.headcount': values, 'pools.reviewers.headcount': values } });
    expect(error.field).toBe('sweep');
    expect(error.expected).toMatch(/^at most 1000 generated plans .*protects memory/);
    expect(error.got).toBe('1600 (1 x 40 x 40)');
    // 2 plans x 500 values is just allowed.
    const many = parseDoc(withVendors({ plans: ['base', 'vendor-a'], parameters: { 'pools.annotators.headcount': { from: 1, to: 500, step: 1 } } }));
    expect(many.plans).toHaveLength(1003);
    const range = sweepError({ parameters: { 'pools.annotators.headcount': { from: 0, to: 1, step: 1e-6 } } });
    expect(range.field).toBe('sweep.parameters["pools.annotators.headcount"]');
    expect(range.expected).toBe('a range of at most 1000 values');
  });

  it('refuses malformed sections', () => {
    expect(sweepError({ parameters: {} }).expected).toBe('at least one parameter');
    expect(sweepError({ parameters: { 'stages.review.sample': [] } }).expected).toBe('at least one value');
    const range = sweepError({ parameters: { 'pools.annotators.headcount': { from: 8, to: 20 } } });
    expect(range.field).toBe('sweep.parameters["pools.annotators.headcount"]');
    expect(range.expected).toBe('a list of values, like [1%, 2%, 5%], or a range { from: 8, to: 20, step: 2 }');
    expect(sweepError({ parameters: { 'pools.annotators.headcount': { from: 8, to: 20, step: 0 } } }).expected).toBe('a step > 0');
    expect(sweepError({ parameters: { 'pools.annotators.headcount': { from: 20, to: 8, step: 1 } } }).expected).toBe('a range with from <= to');
    expect(sweepError({ parameters: { 'pools.annotators.headcount': 8 } }).expected).toMatch(/^a list of values/);
    expect(sweepError({ parameters: { 'stages.review.sample': ['1%'] }, grid: true }).field).toBe('sweep.grid');
    const twice = sweepError({ parameters: { 'stages.review.sample': ['1%', '5%', '1%'] } });
    expect(twice.field).toBe('sweep.parameters["stages.review.sample"][2]');
    expect(twice.expected).toMatch(/^each value once/);
  });
});
