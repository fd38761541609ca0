import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorLine, MAX_ERROR_LINE } from '../../../experiments/cli/error-line.js';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('the final error line', () => {
  it('spells control characters as escapes, so a message stays one line and cannot drive the terminal', () => {
    expect(errorLine('bad\nname\r\t\u001b[2J\u0000\u007f\u009b end')).toBe('bad\\u000aname\\u000d\\u0009\\u001b[2J\\u0000\\u007f\\u009b end');
    expect(errorLine('a\u2028b\u202ec')).toBe('a\\u2028b\\u202ec');
    expect(errorLine('caf\u00e9 \u{1f600} C:\\data')).toBe('caf\u00e9 \u{1f600} C:\\data');
  });

  it(`is cut at ${MAX_ERROR_LINE} characters with an ellipsis, never inside an escape or a character`, () => {
    expect(errorLine('x'.repeat(MAX_ERROR_LINE))).toBe('x'.repeat(MAX_ERROR_LINE));
    const long = errorLine('x'.repeat(5000));
    expect(long).toHaveLength(MAX_ERROR_LINE);
    expect(long.endsWith('x\u2026')).toBe(true);
    const escapes = errorLine('\u001b'.repeat(5000));
    expect(escapes.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect(escapes).toMatch(/^(\\u001b)+\u2026$/);
    const emoji = errorLine('\u{1f600}'.repeat(5000));
    expect(emoji.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect(emoji).toMatch(/^(\u{1f600})+\u2026$/u);
  });

  it('is what the command line prints for a file whose name holds control characters', () => {
    const dir = tempDir('control-name');
    const file = path.join(dir, 'bad\u001b[31m\tname.yaml');
    fs.writeFileSync(file, 'name: [unclosed\n');
    const r = labelsim(['run', file, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(CONTROL);
    expect(lines[0].startsWith('labelsim: ')).toBe(true);
    expect(lines[0]).toContain('bad\\u001b[31m\\u0009name.yaml');
  });

  it('is what the command line prints for an enormous bad option, cut to one line', () => {
    const r = labelsim(['run', FILE, '--plan', `evil\u001b]0;owned\u0007${'x'.repeat(10_000)}`, '--out', tempDir('long-plan')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(CONTROL);
    expect(lines[0].length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect(lines[0]).toMatch(/^labelsim: --plan: expected one of base, same-again, plus-one, got "evil\\u001b\]0;owned\\u0007x+\u2026$/);
  });
});
