import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultName } from '../../../experiments/run/overrides.js';
import { labelsim, snapshot, tempDir } from '../../support/cli.js';
import { csvRecords } from './parse-csv.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const HOSTILE = '<script>alert(1)</script>';

describe('labelsim compare A B', () => {
  let out: string;
  let a: string;
  let b: string;
  beforeAll(() => {
    out = tempDir('compare');
    expect(labelsim(['run', FILE, '-r', '3', '-w', '1', '--quiet', '--out', out]).code).toBe(0);
    const sets = ['--set', 'pools.annotators.headcount=5', '--set', `description=${HOSTILE}`];
    expect(labelsim(['run', FILE, '-r', '3', '-w', '1', '--quiet', '--out', out, ...sets]).code).toBe(0);
    a = path.join(out, 'small-project');
    b = path.join(out, resultName('small-project', [{ path: 'pools.annotators.headcount', value: 5 }, { path: 'description', value: HOSTILE }]));
  });

  it('prints what differs in the inputs and every figure of both runs with B minus A', () => {
    const r = labelsim(['compare', a, b]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  plan base: pools.annotators.shifts.0.headcount: 3 | 5');
    // plus-one's own patch sets the headcount again (4), over the override: no difference to list.
    expect(lines.some((l) => l.startsWith('  plan plus-one: pools.annotators.shifts.0.headcount'))).toBe(false);
    expect(lines.some((l) => l.startsWith('  overrides: (none) | pools.annotators.headcount=5, description='))).toBe(true);
    expect(lines.some((l) => l.startsWith('  plan same-again:') && l.includes('headcount'))).toBe(true);
    // Each figure of plan-measures, with its difference, for every plan.
    const measures = (dir: string) => csvRecords(fs.readFileSync(path.join(dir, 'plan-measures.csv'), 'utf8'));
    const [ma, mb] = [measures(a), measures(b)];
    expect(r.stdout).toContain(`Figures (${ma.length}; B - A in the figure's unit):`);
    const cost = (rows: typeof ma) => Number(rows.find((x) => x.plan === 'base' && x.measure === 'cost' && x.statistic === 'mean')!.value);
    const row = lines.find((l) => /^base\s+cost\s+mean\s/.test(l))!.trim().split(/\s{2,}/);
    expect(row).toEqual(['base', 'cost', 'mean', String(cost(ma)), String(cost(mb)), String(Number((cost(mb) - cost(ma)).toPrecision(12))), 'money (USD)']);
    expect(lines.filter((l) => /^(base|same-again|plus-one)\s/.test(l))).toHaveLength(ma.length);
  });

  it('says the inputs are the same for a folder compared with itself, every difference 0', () => {
    const r = labelsim(['compare', a, a]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Inputs: the same.');
    for (const l of r.stdout.split('\n').filter((l) => /^(base|same-again|plus-one)\s/.test(l))) expect(l.trim().split(/\s{2,}/).at(-2)).toMatch(/^(0|-)$/);
  });

  it('writes a self-contained HTML page with every free text escaped', () => {
    const page = path.join(tempDir('compare-html'), 'compare.html');
    const r = labelsim(['compare', a, b, '--html', page]);
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(page, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|\ssrc=|\shref=|@import|url\(/i);
    expect(html).toContain('<td>plan base: pools.annotators.shifts.0.headcount</td><td>3</td><td>5</td>');
  });

  it('refuses a folder that is not a run, or an --html page inside a compared folder, exit code 2, nothing written', () => {
    const before = snapshot(out);
    for (const [args, message] of [
      [[a, path.join(out, 'nope')], /nope: expected a run folder/],
      [[a, tempDir('empty')], /manifest\.json: missing; expected a run folder with manifest\.json and replications\.jsonl/],
      [[a, b, '--html', path.join(a, 'x.html')], /--html: expected a file name ending in \.html outside the folders compared/],
    ] as const) {
      const r = labelsim(['compare', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(snapshot(out)).toEqual(before);
  });
});
