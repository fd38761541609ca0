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
    // One seed, both at random: the pairing is common random numbers, nothing to warn of.
    expect(r.stderr).not.toContain('warning');
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

  it('warns when the pairing is not common random numbers: other seeds, or one side deterministic, on stderr and on the page', () => {
    const other = tempDir('explain-other');
    expect(labelsim(['run', 'experiments/explain/quarter-2.yaml', ...SMALL, '--seed', '9', '--out', other]).code).toBe(0);
    const reseeded = path.join(other, resultName('quarter-2', [{ path: 'work.images.count', value: 3000 }]));
    const page = path.join(other, 'explain.html');
    const r = labelsim(['explain', a, reseeded, '--html', page]);
    expect(r.code, r.stderr).toBe(0);
    const warning = 'A and B ran with other seeds (2027 and 9): replications paired by index share no random numbers, so each part carries the luck of both runs besides the change';
    expect(r.stderr).toContain(`labelsim: warning: ${warning}`);
    expect(fs.readFileSync(page, 'utf8')).toContain(`<p class="warning">${warning}</p>`);
    const fixed = tempDir('explain-deterministic');
    expect(labelsim(['run', 'experiments/explain/quarter-2.yaml', ...SMALL, '--deterministic', '--out', fixed]).code).toBe(0);
    const d = labelsim(['explain', a, path.join(fixed, resultName('quarter-2', [{ path: 'work.images.count', value: 3000 }]))]);
    expect(d.stderr).toContain('labelsim: warning: A is a random run and B a deterministic one: each part mixes the randomness of one side with the change');
  });
});
