import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';

describe('run --plan', () => {
  it('runs the plans in the order given, the first given being the baseline of the paired differences', () => {
    const r = labelsim(['run', FILE, '--plan', 'plus-one', '--plan', 'base', '-r', '3', '-w', '0', '--json', '--quiet', '--out', tempDir('plan-order')]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.plans.map((p: { name: string }) => p.name)).toEqual(['plus-one', 'base']);
    expect(summary.plans[0].vsBaseline).toBeNull();
    // base has one annotator fewer than the baseline plus-one: it finishes later and costs differently.
    expect(summary.plans[1].vsBaseline.completionHours.mean).toBeGreaterThan(0);
  });

  it('says in its help that the order given is the order of plans', () => {
    const r = labelsim(['run', '--help']);
    expect(r.stdout).toMatch(/run only these plans, in this order \(repeatable; the\s+first is the baseline\)/);
  });

  it('refuses a plan named twice in one line, with exit code 2', () => {
    const r = labelsim(['run', FILE, '--plan', 'base', '--plan', 'plus-one', '--plan', 'base', '-r', '1', '--out', tempDir('plan-twice')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toBe('labelsim: --plan: expected each plan once, got "base" twice');
  });
});
