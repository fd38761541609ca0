import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsim, tempDir as makeTempDir } from '../../support/cli.js';
import { csvRecords, parseCsv } from './parse-csv.js';

const FIXTURE = 'test/experiments/fixtures/small-project.yaml';
const PLANS = 3;
const REPLICATIONS = 6;
const TABLES = ['replication-measures.csv', 'plan-measures.csv', 'plan-days.csv', 'failures.csv', 'data-dictionary.csv'];
const REPORT_FILES = ['report-data.json', 'report.html', ...TABLES, 'tables.xlsx'];

// Each run folder holds a 5 MB report: remove them when done.
const scratch: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  scratch.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file));
const rows = (dir: string, file: string) => parseCsv(read(dir, file).toString('utf8'));

describe('labelsim run writes a report beside the summary', () => {
  let folder: string;
  beforeAll(() => {
    const out = tempDir('report-run');
    const r = labelsim(['run', FIXTURE, '--replications', String(REPLICATIONS), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    folder = path.join(out, 'small-project');
  });

  it('adds report.html, report-data.json, the tidy tables, their dictionary and the workbook', () => {
    for (const f of REPORT_FILES) expect(fs.existsSync(path.join(folder, f)), f).toBe(true);
    expect(read(folder, 'report.html').toString('utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes plan-measures for every plan and replication-measures for every plan x replication', () => {
    const plans = csvRecords(read(folder, 'plan-measures.csv').toString('utf8'));
    expect([...new Set(plans.map((r) => r.plan))]).toEqual(['base', 'same-again', 'plus-one']);
    const reps = csvRecords(read(folder, 'replication-measures.csv').toString('utf8'));
    expect(new Set(reps.map((r) => `${r.plan}:${r.replication}`)).size).toBe(PLANS * REPLICATIONS);
    expect(new Set(rows(folder, 'replication-measures.csv').map((r) => r.length)).size).toBe(1);
  });

  it('keeps the time-dependent facts (run date, wall time) out of summary.json and in the report data', () => {
    const summary = read(folder, 'summary.json').toString('utf8');
    expect(summary).not.toMatch(/wallSeconds|finishedAt|runDate/);
    const data = JSON.parse(read(folder, 'report-data.json').toString('utf8'));
    const run = JSON.parse(read(folder, 'run.json').toString('utf8'));
    expect(data.header.runDate).toBe(run.finishedAt);
    expect(data.header.wallSeconds).toBe(run.wallSeconds);
    expect(data.header.labelsimVersion).toBe(run.labelsim);
    expect(data.plans).toHaveLength(PLANS);
  });

  it('labelsim report DIR rebuilds the same report.html from the saved files, and the same CSV tables and workbook', () => {
    const before = Object.fromEntries(REPORT_FILES.map((f) => [f, read(folder, f)]));
    for (const f of ['report.html', ...TABLES, 'tables.xlsx']) fs.rmSync(path.join(folder, f));
    const r = labelsim(['report', folder]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Rebuilt .*report\.html/);
    for (const f of REPORT_FILES) expect(read(folder, f).equals(before[f]), f).toBe(true);
    // Without the earlier report data, the run's facts come from run.json: still the same bytes.
    fs.rmSync(path.join(folder, 'report-data.json'));
    expect(labelsim(['report', folder]).code).toBe(0);
    expect(read(folder, 'report.html').equals(before['report.html'])).toBe(true);
    // No temporary files are left behind by the atomic writes.
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('includes a sensitivity.json found in the folder', () => {
    const sensitivity = {
      plan: 'base',
      change: 0.2,
      replications: 10,
      base: { p85: 60, unitCost: 1.2 },
      parameters: [{ parameter: 'pools.annotators.headcount', label: 'Annotators', low: { p85: 80, unitCost: 1.3 }, high: { p85: 50, unitCost: 1.15 } }],
    };
    const dir = tempDir('report-sens');
    for (const f of fs.readdirSync(folder)) fs.copyFileSync(path.join(folder, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'sensitivity.json'), JSON.stringify(sensitivity));
    expect(labelsim(['report', dir]).code).toBe(0);
    const html = read(dir, 'report.html').toString('utf8');
    expect(html).toContain('data-plot="tornado-p85" data-traces="2"');
    expect(html).toContain('data-plot="tornado-unit-cost" data-traces="2"');
    expect(JSON.parse(read(dir, 'report-data.json').toString('utf8')).sensitivity).toEqual(sensitivity);
  });

  it('redraws the page from report-data.json alone when the records are gone', () => {
    const dir = tempDir('report-data-only');
    for (const f of ['report-data.json', 'summary.json']) fs.copyFileSync(path.join(folder, f), path.join(dir, f));
    expect(labelsim(['report', dir]).code).toBe(0);
    expect(read(dir, 'report.html').equals(read(folder, 'report.html'))).toBe(true);
    // The tables are read from the records: without them none is written.
    for (const f of [...TABLES, 'tables.xlsx']) expect(fs.existsSync(path.join(dir, f)), f).toBe(false);
  });
});

describe('labelsim report refuses what it cannot use', () => {
  it.each([
    ['a missing folder', (dir: string) => path.join(dir, 'nope'), /nope: expected a run folder/],
    ['an empty folder', (dir: string) => dir, /nothing to report on; expected manifest\.json, summary\.json and replications\.jsonl, or report-data\.json/],
    [
      'a malformed sensitivity.json',
      (dir: string) => {
        fs.writeFileSync(path.join(dir, 'sensitivity.json'), '{"plan": 3}');
        return dir;
      },
      /sensitivity\.json: expected a sensitivity study/,
    ],
  ])('%s: one line naming the problem, exit code 2', (_what, make, message) => {
    const r = labelsim(['report', make(tempDir('report-bad'))]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('labelsim merge', () => {
  it('writes the report of the merged run (and none for the shards), with the shards\' wall time added up', () => {
    const out = tempDir('report-merge');
    for (const shard of ['0/2', '1/2']) {
      const r = labelsim(['run', FIXTURE, '--replications', '4', '--shard', shard, '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    }
    const shards = ['small-project.shard-0-of-2', 'small-project.shard-1-of-2'].map((d) => path.join(out, d));
    for (const s of shards) expect(fs.existsSync(path.join(s, 'report.html'))).toBe(false);
    const merged = path.join(tempDir('report-merged'), 'out');
    const r = labelsim(['merge', ...shards, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(merged, 'small-project');
    for (const f of REPORT_FILES) expect(fs.existsSync(path.join(folder, f)), f).toBe(true);
    expect(new Set(csvRecords(read(folder, 'replication-measures.csv').toString('utf8')).map((r) => `${r.plan}:${r.replication}`)).size).toBe(PLANS * 4);
    const wall = shards.map((s) => JSON.parse(fs.readFileSync(path.join(s, 'run.json'), 'utf8')).wallSeconds as number);
    expect(JSON.parse(read(folder, 'report-data.json').toString('utf8')).header.wallSeconds).toBeCloseTo(wall[0] + wall[1], 9);
  });
});
