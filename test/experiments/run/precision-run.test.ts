import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalPaths, labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const PRECISION = 'unit-cost=3%,until=settled';
const read = (root: string, file: string) => fs.readFileSync(path.join(root, 'small-project', file));

describe('a precision-driven run', () => {
  const one = tempDir('p1');
  const two = tempDir('p2');
  const base = ['run', FILE, '--replications', '200', '--precision', PRECISION, '--plan', 'base', '--plan', 'plus-one', '--quiet'];
  const r1 = labelsim([...base, '--workers', '1', '--out', one]);
  const r2 = labelsim([...base, '--workers', '2', '--batch-size', '1', '--out', two]);

  it('gives byte-identical summaries with 1 and 2 workers, stopping at the same counts', () => {
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    expect(read(two, 'summary.json').equals(read(one, 'summary.json'))).toBe(true);
    expect(r1.stderr).not.toMatch(/^After /m);
    const summary = JSON.parse(read(one, 'summary.json').toString());
    expect(summary.precision.stop).toBe('met');
    // Each plan ran a count of the schedule, below the cap, and its figures are those of that many replications.
    for (const p of summary.precision.plans) {
      expect([20, 30, 50, 80, 120, 180]).toContain(p.replications);
      expect(summary.plans.find((x: { name: string }) => x.name === p.plan).replications).toBe(p.replications);
      expect(p.met).toBe(true);
    }
    expect(summary.precision.settlement.settled).toBe(true);
    // The record log holds exactly the replications the plans used, each once.
    const lines = read(one, 'replications.jsonl').toString().trim().split('\n');
    expect(lines.length).toBe(summary.precision.plans.reduce((n: number, p: { replications: number }) => n + p.replications, 0));
  });

  it('stops at the first look where the half-widths reach the targets', () => {
    const summary = JSON.parse(read(one, 'summary.json').toString());
    for (const p of summary.precision.plans) {
      const points = p.convergence.unitCost;
      // Law's corrected relative half-width 3% / 1.03 is met at the last look of a plan that stopped for it, at none before.
      const relative = (x: { estimate: number; low: number; high: number }) => (x.high - x.low) / 2 / x.estimate;
      expect(points[points.length - 1].replications).toBe(p.replications);
      const unit = p.figures.find((f: { figure: string }) => f.figure === 'unitCost');
      expect(unit.relativeHalfWidth).toBeLessThanOrEqual(0.03 / 1.03);
      expect(relative(points[points.length - 1])).toBeCloseTo(unit.relativeHalfWidth, 4);
      // The comparison was settled from the first look, so only the unit cost kept a plan going.
      for (const earlier of points.slice(0, -1)) expect(relative(earlier)).toBeGreaterThan(0.03 / 1.03);
    }
  });

  it('draws the convergence chart and names the counts in the report', () => {
    const data = JSON.parse(read(one, 'report-data.json').toString());
    expect(data.precision.plans.map((p: { plan: string }) => p.plan)).toEqual(['base', 'plus-one']);
    const html = read(one, 'report.html').toString();
    expect(html).toContain('id="convergence"');
    expect(html).toContain('data-plot="convergence-unitCost"');
    expect(html).toMatch(/precision-driven, at most 200/);
  });

  it('prints per plan the replications used and whether each figure met its precision', () => {
    const r = labelsim(['run', FILE, '--replications', '30', '--precision', 'unit-cost=0.1%', '--plan', 'base', '--out', tempDir('cap')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Precision at 95% confidence, looks at 20, 30 replications: stopped at the cap of 30 replications with figures NOT met\./);
    expect(r.stdout).toMatch(/ {2}base +30 replications: unit cost ±[\d.]+% \(asked ±0\.1%\) NOT met/);
    // Between the rounds, why the count grows: the progress counter's total jumps from 20 to 30.
    expect(r.stderr).toMatch(/^After 20 replications: base \(unit cost ±[\d.]+%, asked ±0\.1%\) goes on to 30\.$/m);
    expect(r.stderr).not.toMatch(/^After 30/m);
  });

  it('runs two identical plans to the cap, reporting the recommendation as not settled', () => {
    const r = labelsim(['run', FILE, '--replications', '50', '--precision', 'until=settled', '--plan', 'base', '--plan', 'same-again', '--json', '--quiet', '--out', tempDir('twins')]);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout).precision;
    expect(p.stop).toBe('cap');
    expect(p.looks).toEqual([20, 30, 50]);
    expect(p.plans.map((x: { replications: number }) => x.replications)).toEqual([50, 50]);
    expect(p.settlement).toMatchObject({ recommended: 'base', settled: false });
    expect(p.settlement.comparisons[0]).toMatchObject({ plan: 'same-again', estimate: 0, significant: false });
  });

  it('resumes an interrupted run to the summary of an uninterrupted one, and refuses another precision', () => {
    const out = tempDir('resume');
    const args = ['run', FILE, '--replications', '200', '--precision', PRECISION, '--plan', 'base', '--plan', 'plus-one', '--quiet', '--workers', '1'];
    expect(labelsim([...args, '--out', out]).code).toBe(0);
    // The finished run's records put back as an interrupted run's, cut after 45 of them (inside the second round).
    const staging = internalPaths(out, 'small-project').staging;
    fs.renameSync(path.join(out, 'small-project'), staging);
    const file = path.join(staging, 'replications.jsonl');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').trim().split('\n').slice(0, 45).join('\n') + '\n');
    const other = labelsim([...args.slice(0, 5), 'unit-cost=5%', ...args.slice(6), '--resume', '--out', out]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--resume needs the same precision as the interrupted run/);
    const resumed = labelsim([...args, '--resume', '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(read(out, 'summary.json').equals(read(one, 'summary.json'))).toBe(true);
  });

  it('refuses to run as a shard, and a bad precision, with one line and exit code 2', () => {
    const shard = labelsim(['run', FILE, '--precision', PRECISION, '--shard', '0/2', '--out', tempDir('shard')]);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/--shard: a precision-driven run decides after each round from all its replications/);
    const bad = labelsim(['run', FILE, '--precision', 'on-time=2%', '--out', tempDir('bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--precision: on-time: expected percentage points like 2pt/);
  });
});
