import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsim, snapshot, tempDir } from '../../support/cli.js';

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = lambda/mu (stable recursion via Erlang B). */
function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

describe('labelsim run', () => {
  it('reproduces the Erlang C mean wait of the shipped M/M/10 experiment within 5%', () => {
    const out = tempDir('mmc');
    const r = labelsim(['run', 'experiments/validation/mmc.yaml', '--replications', '20', '--json', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    // M/M/c: Wq = C(c, a) / (c mu - lambda), with lambda = 9/h, mu = 1/h, c = 10.
    const expected = erlangC(10, 9) / (10 * 1 - 9);
    expect(expected).toBeCloseTo(0.6687, 3);
    const wait = summary.plans[0].stages.serve.waitHours.mean;
    expect(Math.abs(wait - expected) / expected).toBeLessThan(0.05);
    expect(summary.plans[0].pools.servers.utilization).toBeCloseTo(0.9, 2);
    expect(summary.seed).toBe(7);
    expect(summary.replications).toBe(20);
    expect(summary.plans[0].name).toBe('base');
    // The file on disk is the same summary.
    expect(JSON.parse(fs.readFileSync(path.join(out, 'mmc', 'summary.json'), 'utf8'))).toEqual(summary);
  });

  it('writes byte-identical summaries for the same seed and different ones for another seed', () => {
    const a = tempDir('det-a');
    const b = tempDir('det-b');
    const c = tempDir('det-c');
    const args = ['run', 'test/experiments/fixtures/small-project.yaml', '--replications', '6', '--quiet'];
    expect(labelsim([...args, '--out', a]).code).toBe(0);
    expect(labelsim([...args, '--out', b]).code).toBe(0);
    expect(labelsim([...args, '--out', c, '--seed', '12']).code).toBe(0);
    const read = (dir: string) => fs.readFileSync(path.join(dir, 'small-project', 'summary.json'));
    expect(read(a).equals(read(b))).toBe(true);
    expect(read(a).equals(read(c))).toBe(false);
  });

  it('prints the capacity check first and warns, naming the pool, when a plan cannot make the deadline', () => {
    const r = labelsim(['check', 'experiments/eight-week-video.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/base\s+annotators\s+5000 h \/\s+3104 h = 161\.1%\s+WARNING: pool "annotators" cannot meet the deadline/);
  });

  it("prints the report's recommendation after the verdicts: under the default policy, and under the file's own, naming it", () => {
    const file = 'test/experiments/fixtures/small-project.yaml';
    const plain = labelsim(['run', file, '-r', '10', '--out', tempDir('recommend')]);
    expect(plain.code, plain.stderr).toBe(0);
    const lines = plain.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Recommended: '));
    expect(lines[at]).toMatch(/^Recommended: base — the cheapest of the 3 plans with at least a 90% chance to finish on time/);
    // After the three verdicts, before the folder it wrote.
    expect(lines.slice(0, at).filter((l) => l.includes('chance to finish by'))).toHaveLength(3);
    expect(lines[at + 1]).toMatch(/^Wrote /);
    const policy = labelsim(['run', file, '-r', '10', '--set', 'decision={ targets: { onTime: 50%, residualError: 3% } }', '--out', tempDir('recommend-policy')]);
    expect(policy.code, policy.stderr).toBe(0);
    expect(policy.stdout).toContain('Recommended: base — no plan meets the decision policy "at least 50% chance on time; at most 3% wrong labels delivered, on the estimates"');
  });
});

describe('labelsim run with bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['a missing file', 'missing: true', /nope\.yaml: expected an existing file/],
    ['malformed YAML', 'name: x\nwork: [unclosed', /bad\.yaml: expected valid YAML/],
    ['an unknown field', 'TYPO', /bad\.yaml: pools\.annotators\.headcont: .*did you mean headcount/],
    ['a negative rate', 'NEG', /bad\.yaml: work\.jobs\.arrival\.poisson: expected a rate/],
    ['a non-numeric rate', 'NAN', /bad\.yaml: work\.jobs\.arrival\.poisson: expected a rate/],
  ];
  const valid = fs.readFileSync('experiments/validation/mmc.yaml', 'utf8');
  const variants: Record<string, string> = {
    TYPO: valid.replace('headcount: 10', 'headcont: 10').replace('pools:\n  servers:', 'pools:\n  annotators:').replace('pool: servers', 'pool: annotators'),
    NEG: valid.replace('poisson: 9/h', 'poisson: -9/h').replace('jobs:', 'jobs:'),
    NAN: valid.replace('poisson: 9/h', 'poisson: lots/h'),
  };

  it.each(cases)('%s gives a one-line error naming the file and field, exit code 2, and changes no output folder', (_what, content, message) => {
    const dir = tempDir('bad');
    const out = path.join(dir, 'out');
    // An earlier result that must survive.
    expect(labelsim(['run', 'experiments/validation/mmc.yaml', '--replications', '1', '--out', out, '--quiet']).code).toBe(0);
    const before = snapshot(out);
    let file = path.join(dir, 'bad.yaml');
    if (content === 'missing: true') file = path.join(dir, 'nope.yaml');
    else fs.writeFileSync(file, variants[content] ?? content);
    const r = labelsim(['run', file, '--out', out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(snapshot(out)).toEqual(before);
  });
});
