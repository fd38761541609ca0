import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ExperimentError, loadExperiment, parseExperiment } from '../../../experiments/load/index.js';
import { FIXTURE, minimalDocument } from './helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** What the runs so far came to: 'loaded' or the expected text of the error. */
const outcomes = new Map<string, number>();

/** Runs `parse`; passes if it returns a sane experiment or throws a one-line ExperimentError, fails on anything else. */
function onlyExperimentErrors(parse: () => ReturnType<typeof parseExperiment>): void {
  let experiment;
  try {
    experiment = parse();
  } catch (error) {
    if (!(error instanceof ExperimentError)) throw error;
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message.startsWith(`${error.file}: `)).toBe(true);
    outcomes.set(error.expected, (outcomes.get(error.expected) ?? 0) + 1);
    return;
  }
  outcomes.set('loaded', (outcomes.get('loaded') ?? 0) + 1);
  expect(experiment.plans.length).toBeGreaterThan(0);
  for (const plan of experiment.plans) {
    expect(Number.isFinite(plan.model.horizonHours)).toBe(true);
    expect(plan.model.warmupHours).toBeLessThan(plan.model.horizonHours);
  }
}

function both(doc: unknown): void {
  onlyExperimentErrors(() => parseExperiment(JSON.stringify(doc) ?? 'null', 'fuzz.json'));
  onlyExperimentErrors(() => parseExperiment(stringify(doc), 'fuzz.yaml'));
}

/** Every path to a value inside `value`, the root included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function parentOf(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node as any)[segment] : undefined;
  return node;
}

/** Values near the format's own: they get past the schema more often and reach the later checks. */
const nearValid: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  '36s', '0s', '8w', '1e400h', '9/h', '-9/h', '0/h', '10%', '120%', 'NaN', 'Infinity', '-Infinity', '09:00', '24:00', '25:00',
  'mon', 'annotate', 'review', 'annotators', 'reviewers', 'expert', 'backlog', 'auto', 'UTC', 'Mars/Olympus', '2027-01-05',
  '../..', '__proto__', 'constructor', '', null, true, 0, -1, 0.5, 1, 2, 1.5, 1e308, 2 ** 32, [], {}, [null], { poisson: '9/h' },
  { lognormal: { mean: '1s', cv: 0 } }, { salaried: '1/h' }, { days: ['mon'], start: '10:00', end: '09:00' },
);
const anyValue: fc.Arbitrary<Json> = fc.oneof(nearValid, fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>);
const anyKey = fc.oneof(
  fc.constantFrom('headcont', 'sample', 'kind', 'shifts', 'crews', 'patch', 'plans', 'seed', 'adjudication', 'escalation', '__proto__', 'toString', '0', '<<'),
  fc.string({ maxLength: 12 }),
);

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'add'),
  key: anyKey,
  value: anyValue,
});

function mutate(doc: Json, mutations: Array<{ at: number; op: string; key: string; value: Json }>): Json {
  let root = structuredClone(doc);
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length];
    const target = path.length === 0 ? root : (parentOf(root, path) as any)?.[path[path.length - 1]];
    if (m.op === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
    } else if (path.length === 0) {
      root = m.op === 'delete' ? {} : structuredClone(m.value);
    } else {
      const parent = parentOf(root, path) as any;
      const key = path[path.length - 1];
      if (m.op === 'delete') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      } else {
        parent[key] = structuredClone(m.value);
      }
    }
  }
  return root;
}

const fixtureDocument = loadExperiment(FIXTURE).document as Json;
const { name, description, seed, replications, plans, ...fixtureModelFields } = fixtureDocument as Record<string, Json>;
void [name, description, seed, replications, plans];
const smallWithPlans = { ...minimalDocument(), plans: { base: {}, more: { patch: { pools: { annotators: { headcount: 8 } }, deadline: '8w' } } } } as Json;
const smallWithSweep = {
  ...(smallWithPlans as Record<string, Json>),
  sweep: { plans: ['more', 'base'], parameters: { 'stages.review.sample': ['1%', '5%'], 'pools.annotators.headcount': { from: 2, to: 6, step: 2 } } },
} as Json;
/** Dotted paths to the fields of the fixture, as a sweep names them. */
const fixtureFieldPaths = pathsOf(fixtureModelFields as Json)
  .filter((path) => path.length > 0 && path.every((segment) => typeof segment === 'string'))
  .map((path) => path.join('.'));

describe('malformed documents', () => {
  it('never make the loader throw anything but an ExperimentError: random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => both(value)), { numRuns: 300 });
  });

  it('never make the loader throw anything but an ExperimentError: random text and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        onlyExperimentErrors(() => parseExperiment(text, 'fuzz.yaml'));
        onlyExperimentErrors(() => parseExperiment(text, 'fuzz.json'));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => onlyExperimentErrors(() => parseExperiment(bytes, 'fuzz.yml'))),
      { numRuns: 200 },
    );
  });

  it('never make the loader throw anything but an ExperimentError: mutations of valid documents', () => {
    outcomes.clear();
    fc.assert(
      fc.property(fc.constantFrom(fixtureDocument, smallWithPlans, smallWithSweep), fc.array(mutation, { minLength: 1, maxLength: 4 }), (doc, mutations) =>
        both(mutate(doc, mutations)),
      ),
      { numRuns: 1000 },
    );
    // The mutations reach every layer: some documents still load, many fail the later checks.
    if (process.env.LABELSIM_FUZZ_STATS) console.log([...outcomes].sort((a, b) => b[1] - a[1]));
    expect(outcomes.get('loaded')).toBeGreaterThan(0);
    expect([...outcomes.keys()].some((k) => k.startsWith('the name of'))).toBe(true);
  });

  it('never make the loader throw anything but an ExperimentError: random plan patches', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), (mutations) => {
        const patch = mutate(fixtureModelFields, mutations);
        both({ ...minimalDocument(), plans: { base: {}, fuzzed: { patch } } });
      }),
      { numRuns: 300 },
    );
  });

  it('never make the loader throw anything but an ExperimentError: random sweeps', () => {
    const parameter = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fixtureFieldPaths) }, { weight: 1, arbitrary: anyKey });
    const values = fc.oneof(
      { weight: 3, arbitrary: fc.array(anyValue, { minLength: 1, maxLength: 3 }) },
      {
        weight: 2,
        arbitrary: fc.record({ from: fc.integer({ min: -2, max: 10 }), to: fc.integer({ min: -2, max: 30 }), step: fc.constantFrom(0.5, 1, 4, 1e-9, 0, -1) }),
      },
      { weight: 1, arbitrary: anyValue },
    ) as fc.Arbitrary<Json>;
    const sweep = fc.record(
      {
        plans: fc.array(fc.constantFrom('baseline', 'more-annotators', 'no-prelabels', 'nope'), { minLength: 1, maxLength: 2 }),
        parameters: fc.dictionary(parameter, values, { minKeys: 1, maxKeys: 3 }),
      },
      { requiredKeys: ['parameters'] },
    );
    outcomes.clear();
    fc.assert(fc.property(sweep, (s) => both({ ...(fixtureDocument as Record<string, Json>), sweep: s as Json })), { numRuns: 300 });
    // Random sweeps are mostly invalid, and whether any of 300 loads depends on the seed; the
    // checks of loaded experiments are kept honest by a sweep that must load.
    const before = outcomes.get('loaded') ?? 0;
    both({ ...(fixtureDocument as Record<string, Json>), sweep: { parameters: { 'pools.annotators.headcount': [8, 12] } } });
    expect(outcomes.get('loaded')).toBe(before + 2);
    expect([...outcomes.keys()].some((k) => k.startsWith('a dotted path to a field of the model'))).toBe(true);
  });
});
