import { describe, expect, it } from 'vitest';
import { experimentJsonSchema } from '../../../experiments/load/index.js';

describe('the JSON Schema of the experiment format', () => {
  const schema = experimentJsonSchema() as Record<string, any>;

  it('describes every top-level field and forbids unknown ones', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    for (const field of ['name', 'description', 'seed', 'replications', 'deterministic', 'start', 'timeZone', 'deadline', 'horizon', 'warmup', 'currency', 'work', 'pools', 'stages', 'preLabels', 'costs', 'plans', 'sweep']) {
      expect(schema.properties, field).toHaveProperty(field);
      expect(typeof schema.properties[field].description, field).toBe('string');
    }
  });

  it('requires only the fields without defaults', () => {
    expect([...schema.required].sort()).toEqual(['name', 'pools', 'stages', 'work']);
    expect(schema.properties.seed.default).toBe(1);
    expect(schema.properties.replications.default).toBe(100);
    expect(schema.properties.timeZone.default).toBe('UTC');
  });

  it('requires pay on every pool, and offers shifts: always and pay: none for round-the-clock and unpaid pools', () => {
    const pool = schema.properties.pools.additionalProperties;
    expect(pool.required).toEqual(['pay']);
    expect(pool.properties.pay.anyOf).toContainEqual(expect.objectContaining({ const: 'none' }));
    expect(pool.properties.shifts.anyOf).toContainEqual(expect.objectContaining({ const: 'always' }));
    expect(pool.properties.shifts.description).toMatch(/Required with headcount/);
  });

  it('carries the patterns of names and durations', () => {
    expect(schema.properties.name.pattern).toBeTypeOf('string');
    expect(new RegExp(schema.properties.warmup.pattern).test('36s')).toBe(true);
    expect(new RegExp(schema.properties.warmup.pattern).test('36')).toBe(false);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
