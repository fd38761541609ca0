import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resultName } from '../../../experiments/run/overrides.js';
import { labelsim, tempDir } from '../../support/cli.js';

const SMALL = ['--set', 'work.images.count=3000', '-r', '4', '-w', '1', '--quiet'];

describe('labelsim explain A B', () => {
  let out: string;
  let a: string;
  let b: string;
  beforeAll(() => {
    out = tempDir('explain');
    for (const q of ['quarter-1', 'quarter-2']) expect(labelsim(['run', `experiments/explain/${q}.yaml`, ...SMALL, '--out', out]).code).toBe(0);
    const name = (q: string) => resultName(q, [{ path: 'work.images.count', value: 3000 }]);
    a = path.join(out, name('quarter-1'));
    b = path.join(out, name('quarter-2'));
  });

  it('prints the change of both figures and six parts that add up to it, to the cent', () => {
    const r = labelsim(['explain', a, b]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const row = (label: string) => lines.find((l) => l.startsWith(label))!.trim().split(/\s{3,}/);
    const diff = row('B - A');
    const parts = ['price', 'quantity', 'quality', 'mix', 'volume', 'overheads'].map((p) => row(`  ${p}`));
    const cents = (s: string) => Math.round(Number(s.replace(/USD|,|\s|\(.*\)/g, '')) * 100);
    expect(parts.reduce((s, p) => s + cents(p[2]), 0)).toBe(cents(diff[2]));
    expect(parts.reduce((s, p) => s + Math.round(Number(p[1].replace(/USD|,|\s/g, '')) * 1e4), 0)).toBe(Math.round(Number(diff[1].replace(/USD|,|\s|\(.*\)/g, '')) * 1e4));
    expect(r.stdout).toContain('annotators annotation: money per hour');
  });

  it('writes the waterfall page, self-contained, with the JSON of the same figures', () => {
    const page = path.join(out, 'explain.html');
    const r = labelsim(['explain', a, b, '--html', page, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const html = fs.readFileSync(page, 'utf8');
    expect(html).toContain('"type":"waterfall"');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain("default-src 'none'");
    expect(Object.keys(json.total.parts)).toEqual(['price', 'quantity', 'quality', 'mix', 'volume', 'overheads']);
  });

  it('compares two plans of one run, and refuses a plan the folder does not have, naming it', () => {
    const r = labelsim(['explain', a, '--plan-b', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--plan-b');
    expect(r.stderr).toContain('"nope"');
  });
});
