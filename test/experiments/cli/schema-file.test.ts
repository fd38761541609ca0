import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { labelsim, REPO } from '../../support/cli.js';

type Schema = Record<string, unknown>;
const FILE = path.join(REPO, 'experiments', 'labelsim.schema.json');
const shipped = (): Schema => JSON.parse(fs.readFileSync(FILE, 'utf8'));

/** Every subschema, with where it is. */
function* subschemas(s: unknown, at = ''): Generator<[string, Schema]> {
  if (Array.isArray(s)) for (const [i, x] of s.entries()) yield* subschemas(x, `${at}/${i}`);
  else if (typeof s === 'object' && s !== null) {
    yield [at, s as Schema];
    for (const [k, v] of Object.entries(s)) yield* subschemas(v, `${at}/${k}`);
  }
}

/**
 * The fields of a value that its schema does not know, as dotted paths: what an editor marks as
 * a typo. Follows properties, mappings of names and the mapping branches of unions; enough to
 * show the patch schema reaches inside patches, without a schema validator as a dependency.
 */
function unknownFields(value: unknown, schema: Schema, at: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) {
    const objects = (union as Schema[]).filter((b) => b.type === 'object' || Array.isArray(b.anyOf) || Array.isArray(b.oneOf));
    if (objects.length === 0) return [];
    const each = objects.map((b) => unknownFields(value, b, at));
    return each.reduce((a, b) => (b.length < a.length ? b : a));
  }
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const rest = schema.additionalProperties;
  return Object.entries(value).flatMap(([k, v]) => {
    const where = at === '' ? k : `${at}.${k}`;
    if (k in properties) return unknownFields(v, properties[k], where);
    if (typeof rest === 'object' && rest !== null) return unknownFields(v, rest as Schema, where);
    return rest === false ? [where] : [];
  });
}

describe('the JSON Schema file', () => {
  it('is shipped as experiments/labelsim.schema.json, equal to what labelsim schema prints', () => {
    const r = labelsim(['schema']);
    expect(r.code, r.stderr).toBe(0);
    // If this fails after a change to experiments/load/schema.ts: npm run schema, and commit the file.
    expect(fs.readFileSync(FILE, 'utf8'), 'experiments/labelsim.schema.json is stale: run npm run schema').toBe(r.stdout);
  });

  it('says the expected form wherever a value must match a pattern, not the regular expression', () => {
    const patterned = [...subschemas(shipped())].filter(([, s]) => typeof s.pattern === 'string');
    expect(patterned.length).toBeGreaterThan(20);
    for (const [at, s] of patterned) {
      expect(typeof s.patternErrorMessage, at).toBe('string');
      expect(s.patternErrorMessage, at).not.toMatch(/[\\^$]|\(\?/);
    }
    const deadline = (shipped().properties as Record<string, Schema>).deadline;
    // Both of the deadline's forms, a duration and a date (with a local time), say what is expected.
    expect(JSON.stringify(deadline).match(/"patternErrorMessage":"a deadline: a duration > 0 from the start like 8w, 10d or 36h, a date YYYY-MM-DD/g)).toHaveLength(2);
  });

  it('gives plan patches the fields of the model, so that a typo inside a patch is marked', () => {
    const schema = shipped();
    const plans = (schema.properties as Record<string, Schema>).plans;
    const patch = ((plans.additionalProperties as Schema).properties as Record<string, Schema>).patch;
    expect(Object.keys(patch.properties as object)).toEqual(expect.arrayContaining(['pools', 'stages', 'work', 'deadline', 'costs']));
    expect(patch.additionalProperties).toBe(false);
    // Every shipped experiment's patches pass; fields of experiments nobody misspelt are all known.
    const files = ['eight-week-video.yaml', 'vendor-comparison.yaml', 'portfolio.yaml', 'validation/mmc.yaml'].map((f) => path.join(REPO, 'experiments', f));
    for (const file of files) expect(unknownFields(YAML.parse(fs.readFileSync(file, 'utf8')), schema, ''), file).toEqual([]);
    const typo = { name: 'x', plans: { bigger: { patch: { pools: { annotators: { headcont: 12, pay: { hourly: '30/h', salaried: null } } }, stages: { review: { sampel: '5%' } } } } } };
    expect(unknownFields(typo, schema, '')).toEqual(['plans.bigger.patch.pools.annotators.headcont', 'plans.bigger.patch.stages.review.sampel']);
  });

  it('is named in the README with the line that points an editor at it', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain('# yaml-language-server: $schema=');
    expect(readme).toContain('experiments/labelsim.schema.json');
  });
});
