import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';
const summaryOf = (root: string, name = 'small-project') => fs.readFileSync(path.join(root, name, 'summary.json'));

describe('reproducibility across threads, batches and machines', () => {
  it('gives byte-identical summaries with 1 worker, 2 workers, one thread, and 3 shards merged', () => {
    const one = tempDir('w1');
    const two = tempDir('w2');
    const inline = tempDir('w0');
    const sharded = tempDir('shards');
    const merged = tempDir('merged');
    const base = ['run', FILE, '--replications', '9', '--quiet'];
    expect(labelsim([...base, '--workers', '1', '--out', one]).code).toBe(0);
    expect(labelsim([...base, '--workers', '2', '--batch-size', '1', '--out', two]).code).toBe(0);
    expect(labelsim([...base, '--workers', '0', '--batch-size', '4', '--out', inline]).code).toBe(0);
    for (let i = 0; i < 3; i++) expect(labelsim([...base, '--workers', '1', '--shard', `${i}/3`, '--out', sharded]).code).toBe(0);
    const shardDirs = [0, 1, 2].map((i) => path.join(sharded, `small-project.shard-${i}-of-3`));
    const m = labelsim(['merge', ...shardDirs.reverse(), '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    const reference = summaryOf(one);
    expect(summaryOf(two).equals(reference)).toBe(true);
    expect(summaryOf(inline).equals(reference)).toBe(true);
    expect(summaryOf(merged).equals(reference)).toBe(true);
  });

  it('refuses to merge an incomplete set of shards, naming the missing one', () => {
    const sharded = tempDir('partial');
    expect(labelsim(['run', FILE, '--replications', '4', '--quiet', '--shard', '0/2', '--out', sharded]).code).toBe(0);
    const r = labelsim(['merge', path.join(sharded, 'small-project.shard-0-of-2'), '--out', tempDir('m')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard 1\/2 is missing/);
  });
});

describe('common random numbers', () => {
  const out = tempDir('crn');
  const r = labelsim(['run', FILE, '--replications', '24', '--quiet', '--json', '--out', out]);
  const summary = JSON.parse(r.stdout);
  const plan = (name: string) => summary.plans.find((p: { name: string }) => p.name === name);

  it('makes the paired difference between two identical plans exactly zero', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(plan('same-again').vsBaseline.completionHours).toEqual({ mean: 0, low: 0, high: 0 });
    expect(plan('same-again').vsBaseline.unitCost).toEqual({ mean: 0, low: 0, high: 0 });
  });

  it('gives a paired interval for two close plans narrower than the unpaired one', () => {
    const records = fs
      .readFileSync(path.join(out, 'small-project', 'replications.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // Column 2 of a row is completionHours (see workers/result-rows.ts).
    const times = (p: string) =>
      records
        .filter((x) => x.plan === p)
        .sort((a, b) => a.replication - b.replication)
        .map((x) => x.row[2] as number);
    const a = times('base');
    const b = times('plus-one');
    const variance = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    };
    const unpairedHalfWidth = Math.sqrt(variance(a) / a.length + variance(b) / b.length);
    const pairedHalfWidth = Math.sqrt(variance(a.map((x, i) => b[i] - x)) / a.length);
    expect(pairedHalfWidth).toBeLessThan(unpairedHalfWidth);
    const ci = plan('plus-one').vsBaseline.completionHours;
    expect(ci.high).toBeLessThan(0); // one more annotator finishes sooner, and the interval says so
  });
});
