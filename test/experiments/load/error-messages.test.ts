import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ExperimentError, parseExperiment } from '../../../experiments/load/index.js';
import { errorAfter, errorOf, minimalDocument } from './helpers.js';

/** Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, line separators, bidirectional overrides. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('error messages', () => {
  it('stay short when the file holds an unknown key of 3 MB (the key was echoed twice: a 6 MB line)', () => {
    const key = 'k'.repeat(3 * 1024 * 1024);
    const error = errorOf(() => parseExperiment(`{"name": "x", "${key}": 1}`, 'huge-key.json'));
    expect(error.message.length).toBeLessThan(1500);
    expect(error.message).toMatch(/^huge-key\.json: k+ \.\.\. k+: expected one of the fields name, .*, got unknown field "k+ \.\.\. k+"$/);
    // The error still holds the whole field for code that needs it.
    expect(error.field).toBe(key);
  });

  it('cap every echoed piece: the file name, the field path, the value found and what was expected', () => {
    const error = new ExperimentError(`${'dir/'.repeat(2000)}x.yaml`, 'a.'.repeat(5000) + 'b', `one of ${'p, '.repeat(5000)}q`, `"${'v'.repeat(100_000)}"`);
    expect(error.message.length).toBeLessThan(1500);
    expect(error.message).toMatch(/^dir\/dir\/.* \.\.\. .*\/x\.yaml: a\.a\..* \.\.\. .*\.b: expected one of p, .* \.\.\. .*q, got "v+ \.\.\. v+"$/);
  });

  it('show control characters in the file name escaped, so they reach the terminal as text', () => {
    const error = errorOf(() => parseExperiment('name: [unclosed\n', 'red\u001b[31m\u009b2J\r\nfile\u202e.yaml'));
    expect(error.message).not.toMatch(UNPRINTABLE);
    expect(error.message.startsWith('red\\u001b[31m\\u009b2J\\u000d\\u000afile\\u202e.yaml: expected valid YAML')).toBe(true);
  });

  it('show control characters in keys and values escaped', () => {
    const key = errorAfter((doc) => (doc.pools.annotators['\u009b31mhead\u0007'] = 1));
    expect(key.message).not.toMatch(UNPRINTABLE);
    expect(key.message).toContain('\\u009b31mhead\\u0007');
    const value = errorAfter((doc) => (doc.stages.review.pool = 'qa\u001b]0;owned\u0007'));
    expect(value.message).not.toMatch(UNPRINTABLE);
    expect(value.message).toContain('qa\\u001b]0;owned\\u0007');
    const cost = errorOf(() => parseExperiment(stringify({ ...minimalDocument(), costs: { fixed: { 'gold\u009bset': -1 } } }), 'x.yaml'));
    expect(cost.message).not.toMatch(UNPRINTABLE);
    expect(cost.message).toContain('costs.fixed["gold\\u009bset"]');
  });

  it('never cut a character in two or an escape in half', () => {
    const error = new ExperimentError('x.yaml', '', 'a value', '\u{1F600}'.repeat(1000) + '\u001b'.repeat(1000));
    expect(error.message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(error.message).toMatch(/(\\u001b)+$/);
    expect(error.message).toMatch(/^x\.yaml: expected a value, got (\u{1F600})+ \.\.\. (\\u001b)+$/u);
  });
});
