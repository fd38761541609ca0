import { describe, expect, it } from 'vitest';
import { labelsim } from '../../support/cli.js';

describe('labelsim replay', () => {
  const r = labelsim(['replay', 'test/experiments/fixtures/small-project.yaml', '--plan', 'base', '--replication', '3', '-r', '5']);
  const lines = r.stdout.trimEnd().split('\n');

  it('prints one replication readably: a histogram as its quantiles, not hundreds of bins', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(lines.length).toBeLessThan(150);
    expect(lines.some((l) => /@\d.*s:/.test(l))).toBe(false);
    expect(r.stdout).toMatch(/\nwait by stage \(within 3\.1% of the exact quantile \(0\.5 s below 16 s\)\):\n  annotate: p50 [\d.,]+ h, p90 [\d.,]+ h, p95 [\d.,]+ h, p99 [\d.,]+ h \(1,523 tasks\)\n/);
    expect(r.stdout).toMatch(/\ntime in system: p50 [\d.,]+ h, p85 [\d.,]+ h, p95 [\d.,]+ h \(1,500 items\)/);
  });

  it('leaves out what the file does not have and says once that no model is trained', () => {
    expect(r.stdout).not.toMatch(/by (goldStage|consensusStage|consensusPool|guidelineChange|pilotGate):/);
    expect(lines.filter((l) => l.includes('no model is trained'))).toEqual(['model figures:        n/a (no model is trained)']);
  });

  it('counts what a long list holds at zero instead of listing it, and says "1 task", not "1 tasks"', () => {
    expect(r.stdout).toMatch(/\ntasks by pool activity:\n(  \S+:\s+[\d,]+ tasks\n)+  \(the other \d+: 0 tasks each\)\n/);
    expect(r.stdout).toContain('queue by week: 0 tasks throughout');
    expect(r.stdout).not.toMatch(/\b1 (tasks|items|labels|events)\b/);
  });

  it("gives a time since the start also in weeks, and people's working hours in hours alone", () => {
    expect(r.stdout).toMatch(/\ncompletion hours:\s+[\d,.]+ h \([\d.]+ wk\)\n/);
    expect(r.stdout).toMatch(/\nbusy hours by pool:\n {2}annotators:\s+[\d,.]+ h\n/);
    expect(r.stdout).not.toMatch(/busy hours[^\n]*\n[^\n]*wk/);
  });

  it('--json keys a figure per pool, stage or activity by their names, and keeps day-by-day figures as lists', () => {
    const json = labelsim(['replay', 'test/experiments/fixtures/small-project.yaml', '--plan', 'base', '--replication', '3', '-r', '5', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const record = JSON.parse(json.stdout);
    expect(Object.keys(record.utilization)).toEqual(['annotators', 'reviewers']);
    expect(Object.keys(record.served)).toEqual(['annotate', 'review']);
    expect(record.costByActivity.annotation).toBeGreaterThan(0);
    expect(Array.isArray(record.remainingByDay)).toBe(true);
    // The same figure as the text: utilisation of the annotators to two decimals of a percent.
    expect(r.stdout).toContain(`annotators: ${(100 * record.utilization.annotators).toFixed(2)}%`);
  });
});
