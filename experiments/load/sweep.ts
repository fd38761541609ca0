import { z } from 'zod';
import { ExperimentError, describeValue, formatPath, joinPath } from './errors.js';
import { closest } from './issues.js';
import { EXPERIMENT_ONLY_FIELDS, MAX_SWEEP_PLANS, ModelSchema, type SweepDocument } from './schema.js';

/*
 * Sweeps: plans generated from a grid of values. Each parameter is a dotted path into the model
 * fields with a list of values (as written in the file) or a numeric range; every combination,
 * for every selected plan, becomes a plan whose patch is that plan's patch with the values set.
 * This module checks the sweep and lists the plans; experiment.ts validates each one like a
 * declared plan and hands its errors back to sweepError, which names the value to blame.
 */

/** A declared plan as a sweep sees it: its own patch and its validated model document. */
export interface DeclaredPlan {
  name: string;
  description: string;
  patch: Record<string, unknown>;
  /** The model fields of the document with the plan's patch applied, validated, defaults filled in. */
  document: Record<string, unknown>;
}

/** One parameter set to one value in a generated plan. */
export interface Assignment {
  /** The parameter as written in the file, like `stages.qa.sample`. */
  parameter: string;
  /** The field it names, one segment per key. */
  path: string[];
  value: unknown;
  /** Where the value is in the file: `sweep.parameters["stages.qa.sample"][3]`, or the parameter for a range. */
  field: string;
}

export interface GeneratedPlan {
  name: string;
  description: string;
  /** The declared plan it varies. */
  base: DeclaredPlan;
  /** JSON Merge Patch to apply after the base plan's patch: the assignments, and nothing else. */
  patch: Record<string, unknown>;
  assignments: Assignment[];
}

interface SweepValue {
  value: unknown;
  label: string;
  /** Index in the parameter's list; null for a value of a range. */
  index: number | null;
}

/** Longest value label: the label becomes part of a plan name. */
const MAX_LABEL_LENGTH = 100;
const PATH_EXPECTED = 'a dotted path to a field of the model, like stages.<stage>.sample or pools.<pool>.headcount';

/**
 * Checks `sweep` against the declared plans and lists the plans it generates: for each selected
 * plan in the order listed, every combination of values, the first parameter varying slowest.
 *
 * @throws ExperimentError naming the part of the sweep that is wrong
 */
export function expandSweep(sweep: SweepDocument, declared: readonly DeclaredPlan[], file: string): GeneratedPlan[] {
  const fail = (field: string, expected: string, got?: string): never => {
    throw new ExperimentError(file, field, expected, got);
  };

  // Which plans.
  const names = declared.map((p) => p.name);
  const selected: DeclaredPlan[] = [];
  (sweep.plans ?? [names[0]]).forEach((name, i) => {
    const plan = declared.find((p) => p.name === name);
    if (plan === undefined) fail(joinPath('sweep', ['plans', i]), `the name of a declared plan (${names.join(', ')})`, JSON.stringify(name));
    if (selected.includes(plan!)) fail(joinPath('sweep', ['plans', i]), 'each plan once', `${JSON.stringify(name)} again`);
    selected.push(plan!);
  });

  // Which values.
  const parameters = Object.entries(sweep.parameters).map(([parameter, spec]) => {
    const field = joinPath('sweep', ['parameters', parameter]);
    return { parameter, field, values: valuesOf(spec, field, fail) };
  });
  const perPlan = parameters.reduce((n, p) => n * p.values.length, 1);
  const total = selected.length * perPlan;
  if (total > MAX_SWEEP_PLANS) {
    fail(
      'sweep',
      `at most ${MAX_SWEEP_PLANS} generated plans (a limit that protects memory: every plan holds a model of its own)`,
      `${total} (${[selected.length, ...parameters.map((p) => p.values.length)].join(' x ')})`,
    );
  }

  // Which fields, in each selected plan (a plan may add the pool or stage a sweep varies).
  const plans: GeneratedPlan[] = [];
  for (const plan of selected) {
    const paths = parameters.map((p) => resolvePath(p.parameter, plan, selected.length > 1, p.field, fail));
    paths.forEach((path, i) => {
      for (let j = 0; j < i; j++) {
        const [shorter, longer] = paths[j].length <= path.length ? [paths[j], path] : [path, paths[j]];
        if (shorter.every((key, k) => longer[k] === key)) {
          fail(parameters[i].field, `a field that no other parameter sets (${parameters[j].parameter} does)`, JSON.stringify(parameters[i].parameter));
        }
      }
    });
    // The grid, as an odometer whose last digit turns fastest.
    const digits = parameters.map(() => 0);
    for (let n = 0; n < perPlan; n++) {
      const chosen = parameters.map((p, i) => ({ parameter: p, path: paths[i], value: p.values[digits[i]] }));
      const label = chosen.map((c) => `${c.path[c.path.length - 1]}=${c.value.label}`).join(',');
      const assignments = chosen.map((c) => `${c.path[c.path.length - 1]} = ${c.value.label}`).join(', ');
      const patch: Record<string, unknown> = {};
      for (const c of chosen) setAt(patch, c.path, c.value.value);
      plans.push({
        name: `${plan.name}/${label}`,
        description: plan.description === '' ? assignments : `${plan.description}; ${assignments}`,
        base: plan,
        patch,
        assignments: chosen.map((c) => ({
          parameter: c.parameter.parameter,
          path: c.path,
          value: c.value.value,
          field: c.value.index === null ? c.parameter.field : joinPath(c.parameter.field, [c.value.index]),
        })),
      });
      for (let i = digits.length - 1; i >= 0; i--) {
        digits[i]++;
        if (digits[i] < parameters[i].values.length) break;
        digits[i] = 0;
      }
    }
  }
  return plans;
}

/**
 * The error to report when a generated plan is invalid: at the value that was set, when the
 * problem lies in the field it sets; otherwise at the parameters, naming the plan and the field.
 */
export function sweepError(error: ExperimentError, plan: GeneratedPlan, file: string): ExperimentError {
  for (const a of plan.assignments) {
    const target = formatPath(a.path);
    const rest = error.field.slice(target.length);
    if (error.field.startsWith(target) && (rest === '' || rest.startsWith('.') || rest.startsWith('['))) {
      return new ExperimentError(file, a.field + rest, error.expected, error.got);
    }
  }
  // Another field went wrong: the values clash with each other or with the rest of the plan.
  const field = plan.assignments.length === 1 ? plan.assignments[0].field : 'sweep.parameters';
  return new ExperimentError(
    file,
    field,
    `values that make a valid plan; in plan ${plan.name}, ${error.field === '' ? 'the model' : error.field} must be ${error.expected}`,
    error.got,
  );
}

type Fail = (field: string, expected: string, got?: string) => never;

function valuesOf(spec: SweepDocument['parameters'][string], field: string, fail: Fail): SweepValue[] {
  let values: SweepValue[];
  if (Array.isArray(spec)) {
    values = spec.map((value, index) => ({ value, label: labelOf(value), index }));
  } else {
    const { from, to, step } = spec;
    if (from > to) fail(field, 'a range with from <= to', `from ${from} to ${to}`);
    const steps = Math.floor((to - from) / step + 1e-9);
    if (!(steps < MAX_SWEEP_PLANS)) {
      fail(field, `a range of at most ${MAX_SWEEP_PLANS} values`, Number.isFinite(steps) ? `${steps + 1} values` : 'too many values');
    }
    values = [];
    for (let k = 0; k <= steps; k++) {
      // 12 significant digits hide the rounding of repeated steps: 0.1 x 3 is 0.3.
      const value = Number((from + k * step).toPrecision(12));
      values.push({ value, label: labelOf(value), index: null });
    }
  }
  values.forEach((v, i) => {
    const at = v.index === null ? field : joinPath(field, [v.index]);
    if (v.label.length > MAX_LABEL_LENGTH || /\p{Cc}/u.test(v.label)) {
      fail(at, `a value that fits in a plan name as written (at most ${MAX_LABEL_LENGTH} characters, no control characters)`, describeValue(v.value));
    }
    const first = values.findIndex((w) => w.label === v.label);
    if (first !== i) fail(at, 'each value once (generated plans are named after the values as written)', `${v.label} again`);
  });
  return values;
}

/** A value as written in the file, for plan names and descriptions. */
function labelOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return JSON.stringify(value) ?? String(value);
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    if (!last && Object.prototype.hasOwnProperty.call(node, key)) {
      node = node[key] as Record<string, unknown>;
      return;
    }
    const next = last ? value : {};
    // defineProperty, so that even a key like __proto__ is an ordinary field.
    Object.defineProperty(node, key, { value: next, enumerable: true, writable: true, configurable: true });
    node = next as Record<string, unknown>;
  });
}

// ---------------------------------------------------------------------------------------------
// Paths. A parameter names a field of the model: a key of a section (pools, stages, ...) or a
// field a schema object allows (set or not: horizon, a pool's timeZone). Names may contain dots;
// the longest name that exists wins.

type Schema = z.core.$ZodType;

function defOf(schema: Schema): Record<string, any> {
  return schema._zod.def as unknown as Record<string, any>;
}

/** The object or record schema behind wrappers and unions, for a value that is a mapping. */
function mappingSchema(schema: Schema, value: unknown): Schema | null {
  for (;;) {
    const def = defOf(schema);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        schema = def.innerType as Schema;
        break;
      case 'pipe':
        schema = def.in as Schema;
        break;
      case 'union': {
        const option = (def.options as Schema[]).find((o) => z.safeParse(o, value).success);
        if (option === undefined) return null;
        schema = option;
        break;
      }
      default:
        return def.type === 'object' || def.type === 'record' ? schema : null;
    }
  }
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function resolvePath(parameter: string, plan: DeclaredPlan, namePlan: boolean, field: string, fail: Fail): string[] {
  const inPlan = namePlan ? ` in plan ${plan.name}` : '';
  const wrong = (hint: string): never => fail(field, `${PATH_EXPECTED} (${hint})`, JSON.stringify(parameter));
  const segments = parameter.split('.');
  const path: string[] = [];
  let node: unknown = plan.document;
  let schema: Schema = ModelSchema;
  let i = 0;
  while (i < segments.length) {
    const here = path.join('.');
    if (!isPlainObject(node)) {
      if (Array.isArray(node)) wrong(`${here} is a list${inPlan}, which a sweep can only replace as a whole`);
      if (node === null || node === undefined) wrong(`${here} is not set${inPlan}`);
      wrong(`${here} is a single value${inPlan}`);
    }
    const mapping = mappingSchema(schema, node);
    if (mapping === null) wrong(`${here} has no fields${inPlan}`);
    const def = defOf(mapping!);
    const isObject = def.type === 'object';
    const known = isObject ? Object.keys(def.shape as object) : Object.keys(node as object);
    let j = segments.length;
    while (j > i && !known.includes(segments.slice(i, j).join('.'))) j--;
    if (j === i) {
      const key = segments[i];
      if (path.length === 0 && (EXPERIMENT_ONLY_FIELDS as readonly string[]).includes(key)) {
        wrong(`${key} is a field of the experiment, not of the model`);
      }
      const suggestion = closest(key, known);
      const where = path.length === 0 ? 'the model fields are' : `${here}${inPlan} has`;
      wrong(
        suggestion !== null
          ? `did you mean ${[...path, suggestion, ...segments.slice(i + 1)].join('.')}?`
          : known.length === 0
            ? `${here} is empty${inPlan}`
            : `${where} ${known.join(', ')}`,
      );
    }
    const key = segments.slice(i, j).join('.');
    path.push(key);
    schema = isObject ? (def.shape[key] as Schema) : (def.valueType as Schema);
    node = Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    i = j;
  }
  return path;
}
