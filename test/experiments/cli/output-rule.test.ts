import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
/** An amount as every command prints it: the currency, then digits grouped by thousands. */
const MONEY = /USD \d{1,3}(,\d{3})*(\.\d+)?/;

describe('one output rule: results on stdout, progress and diagnostics on stderr (issue 17, item 10)', () => {
  it('run prints its verdicts, folder and report on stdout, and the capacity check and progress on stderr', () => {
    const out = tempDir('rule-run');
    const r = labelsim(['run', FILE, '-r', '3', '-w', '0', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const stdout = r.stdout.trimEnd().split('\n');
    expect(stdout.map((l) => l.split(':')[0])).toEqual(['base', 'same-again', 'plus-one', 'Recommended', stdout[4], 'Report']);
    expect(stdout[4]).toMatch(/^Wrote .*small-project in \d+\.\d s\.$/);
    expect(stdout[0]).toMatch(new RegExp(`^base: .*; ${MONEY.source} per accurate item; total ${MONEY.source};`));
    expect(r.stderr).toMatch(/^labelsim run .*: 3 plan\(s\) x 3 replications, seed 11\nCapacity check/);
    expect(r.stderr).toMatch(/^Replications: 9\/9 done \(100%\)/m);
    expect(r.stderr).not.toMatch(/chance to finish|^Recommended|^Wrote|^Report/m);
  });

  it('run --json keeps stdout for the JSON and moves the verdict lines to stderr', () => {
    const r = labelsim(['run', FILE, '-r', '2', '-w', '0', '--json', '--out', tempDir('rule-json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).replications).toBe(2);
    expect(r.stderr).toMatch(/^base: .* chance to finish by/m);
    expect(r.stderr).toMatch(/^Report: /m);
  });

  it('check prints the check on stdout, and check --json the same figures as JSON', () => {
    const human = labelsim(['check', FILE]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toBe('');
    expect(human.stdout).toMatch(/^test\/experiments\/fixtures\/small-project\.yaml: valid\. Experiment "small-project", 3 plan\(s\): base, same-again, plus-one\n/);

    const r = labelsim(['check', FILE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const check = JSON.parse(r.stdout);
    expect(check).toMatchObject({ valid: true, experiment: 'small-project', seed: 11, replications: 24, currency: 'USD', deadlineHours: 336 });
    expect(check.plans.map((p: { name: string }) => p.name)).toEqual(['base', 'same-again', 'plus-one']);
    const annotators = check.plans[0].capacity.find((c: { pool: string }) => c.pool === 'annotators');
    expect(annotators.load).toBeCloseTo(annotators.demandHours / annotators.availableHours, 12);
    // The human line shows the same load.
    expect(human.stdout).toContain(`= ${(100 * annotators.load).toFixed(1)}%`);
    expect(typeof annotators.overloaded).toBe('boolean');
    expect(check.plans[0].memoryBytesPerReplication).toBeGreaterThan(0);
    // The human lines went to stderr, as with run --json.
    expect(r.stderr).toContain(': valid. Experiment "small-project"');
  });

  it('check --json of a bad file prints nothing on stdout, one error line on stderr, exit code 2', () => {
    const r = labelsim(['check', 'no-such-file.yaml', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^labelsim: no-such-file\.yaml: expected an existing file/);
  });

  it('solve prints its answer on stdout with money in its currency, its search on stderr', () => {
    const r = labelsim(['solve', FILE, '--target', 'on-time=0.5', '--pool', 'annotators', '-r', '2', '-w', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Answer: \\d+ (?:person|people) in pool "annotators": .* mean cost ${MONEY.source}\\.$`, 'm'));
    expect(r.stderr).toMatch(/^Searching the headcount/);
    expect(r.stderr).not.toContain('Answer:');
  });

  it('replay labels each figure with its unit, and --json prints the record', () => {
    const r = labelsim(['replay', FILE, '--plan', 'base', '--replication', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Replaying plan "base" replication 1 with seed 11/);
    expect(r.stdout).toMatch(/^completion hours: +[\d,.]+ h \([\d.]+ wk\)$/m);
    expect(r.stdout).toMatch(new RegExp(`^cost: +${MONEY.source}$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^unit cost: +${MONEY.source} per accurate item$`, 'm'));
    expect(r.stdout).toMatch(/^residual error rate: +[\d.]+%$/m);
    // The project trains no model: one line says so, rather than "not finished" for each of its figures.
    expect(r.stdout).toMatch(/^model figures: +n\/a \(no model is trained\)$/m);
    expect(r.stdout).not.toMatch(/^(first model hours|target hours):/m);
    expect(r.stdout).toMatch(/^utilization by pool:\n {2}annotators: +[\d.]+%\n {2}reviewers: +[\d.]+%$/m);
    expect(r.stdout).toMatch(/^bottleneck: +(annotators|reviewers)$/m);
    const json = labelsim(['replay', FILE, '--plan', 'base', '--replication', '1', '--json']);
    const record = JSON.parse(json.stdout);
    expect(record.replication).toBe(1);
    const cost = /^cost: +USD ([\d,.]+)$/m.exec(r.stdout)![1];
    expect(Number(cost.replace(/,/g, ''))).toBeCloseTo(record.cost, 2);
  });

  it('report and sensitivity print what they wrote on stdout', () => {
    const out = tempDir('rule-report');
    expect(labelsim(['run', FILE, '-r', '2', '-w', '0', '--quiet', '--out', out]).code).toBe(0);
    const report = labelsim(['report', path.join(out, 'small-project')]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/^Rebuilt .*report\.html/);
    expect(report.stderr).toBe('');
    const sens = labelsim(['sensitivity', FILE, '-r', '2', '-w', '0', '--out', out]);
    expect(sens.code, sens.stderr).toBe(0);
    expect(sens.stdout).toMatch(new RegExp(`unit cost ${MONEY.source}`));
    expect(sens.stdout).toMatch(/^Wrote .*sensitivity\.json$/m);
  });
});
