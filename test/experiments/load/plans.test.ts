import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ExperimentError, loadExperiment, mergePatch, parseExperiment } from '../../../experiments/load/index.js';
import { FIXTURE, errorAfter, minimalDocument, parseDoc } from './helpers.js';

describe('plans', () => {
  const experiment = loadExperiment(FIXTURE);
  const [baseline, moreAnnotators, noPreLabels] = experiment.plans;

  it('come in file order with the first as the baseline', () => {
    expect(experiment.plans.map((p) => p.name)).toEqual(['baseline', 'more-annotators', 'no-prelabels']);
    expect(moreAnnotators.description).toBe('Five more annotators.');
    expect(noPreLabels.description).toBe('');
  });

  it('change only what their merge patch names', () => {
    const expected = structuredClone(baseline.model);
    expected.pools[0].shifts[0].headcount = 15;
    expect(moreAnnotators.model).toEqual(expected);
    expect(noPreLabels.model).toEqual({ ...baseline.model, preLabels: null });
  });

  it('do not share objects, so changing one plan leaves the others alone', () => {
    const doc = minimalDocument();
    doc.plans = { a: { patch: {} }, b: { patch: {} } };
    const [a, b] = parseDoc(doc).plans;
    a.model.pools[0].shifts[0].headcount = 99;
    expect(b.model.pools[0].shifts[0].headcount).toBe(4);
  });

  it('restore a default when the patch deletes a field with null', () => {
    const doc = minimalDocument();
    doc.pools.annotators.shrinkage = '20%';
    doc.plans = { base: {}, 'no-shrinkage': { patch: { pools: { annotators: { shrinkage: null } } } } };
    const [base, noShrinkage] = parseDoc(doc).plans;
    expect(base.model.pools[0].shrinkage).toBe(0.2);
    expect(noShrinkage.model.pools[0].shrinkage).toBe(0);
  });

  it('may replace lists and add whole sections', () => {
    const doc = minimalDocument();
    doc.plans = {
      base: {},
      weekend: {
        patch: {
          pools: { annotators: { shifts: [{ days: ['sat', 'sun'], start: '10:00', end: '14:00' }] }, vendor: { headcount: 3, shifts: 'always', pay: { perItem: 0.1 } } },
          stages: { annotate: { pool: ['annotators', 'vendor'] } },
          deadline: '6w',
        },
      },
    };
    const [base, weekend] = parseDoc(doc).plans;
    expect(weekend.model.pools.map((p) => p.name)).toEqual(['annotators', 'reviewers', 'vendor']);
    expect(weekend.model.pools[0].shifts[0].shifts).toEqual([{ days: ['sat', 'sun'], start: '10:00', end: '14:00' }]);
    expect(weekend.model.deadlineHours).toBe(6 * 168);
    expect(weekend.model.horizonHours).toBe(18 * 168);
    expect(base.model.deadlineHours).toBeNull();
  });

  it('follow the deterministic override too', () => {
    const doc = minimalDocument();
    doc.plans = { base: {}, random: { patch: { deterministic: false } } };
    const experiment = parseExperiment(stringify(doc), 'x.yaml', { deterministic: true });
    expect(experiment.plans.map((p) => p.model.deterministic)).toEqual([true, true]);
  });

  it('name the plan and the patched field when a patch makes the document invalid', () => {
    const error = errorAfter((doc) => {
      doc.plans = { base: {}, fewer: { description: 'Cut staff', patch: { pools: { annotators: { headcount: -1 } } } } };
    });
    expect(error.field).toBe('plans.fewer.patch.pools.annotators.headcount');
    expect(error.expected).toBe('a headcount: an integer >= 0');
    expect(error.got).toBe('-1');
    expect(error.message).toBe('experiment.yaml: plans.fewer.patch.pools.annotators.headcount: expected a headcount: an integer >= 0, got -1');
  });

  it('name the plan for unknown fields and broken references in a patch', () => {
    const typo = errorAfter((doc) => (doc.plans = { base: {}, p: { patch: { pools: { annotators: { headcont: 5 } } } } }));
    expect(typo.field).toBe('plans.p.patch.pools.annotators.headcont');
    expect(typo.expected).toBe('a known field (did you mean headcount?)');
    const reference = errorAfter((doc) => (doc.plans = { base: {}, p: { patch: { pools: { reviewers: null } } } }));
    expect(reference.field).toBe('plans.p.patch.stages.review.pool');
    const shift = errorAfter(
      (doc) => (doc.plans = { base: {}, late: { patch: { pools: { annotators: { shifts: [{ days: ['mon'], start: '18:00', end: '17:00' }] } } } } }),
    );
    expect(shift.field).toBe('plans.late.patch.pools.annotators.shifts[0].end');
  });

  it('name a misspelt pool or stage in a patch as the typo, not as a new entry missing its fields', () => {
    const pool = errorAfter((doc) => (doc.plans = { base: {}, more: { patch: { pools: { anotators: { headcount: 6 } } } } }));
    expect(pool.message).toBe(
      `experiment.yaml: plans.more.patch.pools.anotators: expected one of the file's pools (did you mean annotators?), or a new pool with headcount, shifts and pay (or crews and pay), got "anotators", which the file lacks`,
    );
    const stage = errorAfter((doc) => (doc.plans = { base: {}, more: { patch: { stages: { reveiw: { sample: '50%' } } } } }));
    expect(stage.message).toBe(`experiment.yaml: plans.more.patch.stages.reveiw: expected one of the file's stages (did you mean review?), or a new stage with kind, pool and handling, got "reveiw", which the file lacks`);
  });

  it('name a misspelt work type in a patch as the typo, and take a near-named new type that gives its workflow as new', () => {
    const typo = errorAfter((doc) => (doc.plans = { base: {}, more: { patch: { work: { fames: { count: 1000 } } } } }));
    expect(typo.message).toBe(
      `experiment.yaml: plans.more.patch.work.fames: expected one of the file's work types (did you mean frames?), or a new work type with its workflow, got "fames", which the file lacks`,
    );
    const doc = minimalDocument();
    doc.plans = { base: {}, more: { patch: { work: { framez: { count: 1000, workflow: ['annotate'] } } } } };
    expect(parseDoc(doc).plans[1].model.work.map((w) => w.name)).toEqual(['frames', 'framez']);
  });

  it('take a whole new pool or stage whose name is near one of the file\'s as new, and leave a new one far from any to the schema', () => {
    const doc = minimalDocument();
    const vendor = { headcount: 2, shifts: 'always', pay: { perItem: 0.1 } };
    doc.plans = { base: {}, b: { patch: { pools: { 'annotators-b': vendor }, stages: { annotate: { pool: 'annotators-b' } } } } };
    expect(parseDoc(doc).plans[1].model.stages[0].pools).toEqual(['annotators-b']);
    const far = errorAfter((d) => (d.plans = { base: {}, v: { patch: { pools: { vendor: { headcount: 3, shifts: 'always' } } } } }));
    expect(far.field).toBe('plans.v.patch.pools.vendor.pay');
  });

  it('cannot patch the experiment itself', () => {
    const error = errorAfter((doc) => (doc.plans = { base: {}, p: { patch: { seed: 3 } } }));
    expect(error.field).toBe('plans.p.patch.seed');
    expect(error.expected).toMatch(/^a model field/);
  });

  it('need safe, non-numeric names and at least one entry', () => {
    expect(errorAfter((doc) => (doc.plans = { '../up': {} })).field).toBe('plans["../up"]');
    expect(errorAfter((doc) => (doc.plans = { '2': {} })).expected).toMatch(/not only digits/);
    expect(errorAfter((doc) => (doc.plans = {})).expected).toBe('at least one plan');
    expect(errorAfter((doc) => (doc.plans = { a: { patch: [1] } })).field).toBe('plans.a.patch');
  });

  it('are still checked against a valid base document', () => {
    const error = errorAfter((doc) => {
      doc.stages.review.pool = 'nobody';
      doc.plans = { fixed: { patch: { stages: { review: { pool: 'reviewers' } } } } };
    });
    expect(error).toBeInstanceOf(ExperimentError);
    expect(error.field).toBe('stages.review.pool');
  });
});

describe('a JSON merge patch', () => {
  it('follows RFC 7386', () => {
    // Examples from RFC 7386, appendix A.
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: 'b', b: 'c' }, { a: null })).toEqual({ b: 'c' });
    expect(mergePatch({ a: ['b'] }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'c' }, { a: ['b'] })).toEqual({ a: ['b'] });
    expect(mergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
    expect(mergePatch({ a: 'b' }, ['c'])).toEqual(['c']);
    expect(mergePatch({ a: 'foo' }, null)).toBeNull();
    expect(mergePatch({ a: 'foo' }, 'bar')).toBe('bar');
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(mergePatch([1, 2], { a: 'b', c: null })).toEqual({ a: 'b' });
    expect(mergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });

  it('leaves its inputs unchanged', () => {
    const target = { a: { b: 1 } };
    mergePatch(target, { a: { b: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });
});
