import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseExperiment } from '../../../experiments/load/index.js';
import { MAX_FIXED_COSTS } from '../../../experiments/load/schema.js';
import { errorOf, minimalDocument, parseDoc } from './helpers.js';

function withFixedCosts(count: number): Record<string, any> {
  const doc = minimalDocument();
  doc.costs = { fixed: Object.fromEntries(Array.from({ length: count }, (_, i) => [`line-${i}`, 10])) };
  return doc;
}

describe('named fixed costs', () => {
  it('loads as many as the cap allows, each its own cost line', () => {
    expect(MAX_FIXED_COSTS).toBe(100);
    const fixed = parseDoc(withFixedCosts(MAX_FIXED_COSTS)).plans[0].model.costs.fixed;
    expect(fixed).toHaveLength(100);
    expect(fixed[99]).toEqual({ activity: 'line-99', amount: 10 });
  });

  it('refuses one more than the cap with a message that says why and what to do', () => {
    const error = errorOf(() => parseDoc(withFixedCosts(MAX_FIXED_COSTS + 1)));
    expect(error.field).toBe('costs.fixed');
    expect(error.message).toBe(
      "experiment.yaml: costs.fixed: expected at most 100 named fixed costs (each is a cost line of every replication's record; add the small ones up under one name), got 101",
    );
  });

  it('refuses 100,000 names in YAML and in JSON in seconds, not the minute a quadratic check took', () => {
    const doc = withFixedCosts(100_000);
    for (const [text, file] of [
      [stringify(doc), 'many.yaml'],
      [JSON.stringify(doc), 'many.json'],
    ]) {
      const started = performance.now();
      const error = errorOf(() => parseExperiment(text, file));
      const seconds = (performance.now() - started) / 1000;
      expect(error.message).toContain('costs.fixed: expected at most 100 named fixed costs');
      expect(error.got).toBe('100000');
      // A generous bound for a shared machine: the linear checks take 1-3 s here, the yaml
      // library's quadratic duplicate-key check alone took over 60 s.
      expect(seconds, file).toBeLessThan(20);
    }
  });
});
