import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportData } from '../../../experiments/aggregate/report-data.js';
import { buildSummary, type Summary } from '../../../experiments/aggregate/summary.js';
import { completionDaysByPlan } from '../../../experiments/aggregate/completion-days.js';
import { capacityLines, verdictLines } from '../../../experiments/cli/format.js';
import { parseExperiment, type Experiment } from '../../../experiments/load/index.js';
import type { RecordSet } from '../../../experiments/run/record-set.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { renderReport } from '../../../reports/render-report.js';
import { rowLayout } from '../../../workers/result-rows.js';
import { visibleText } from '../../reports/html.js';
import { labelsim, tempDir } from '../../support/cli.js';

const FIXTURE = 'test/experiments/fixtures/small-project.yaml';

/** The small project (a 2-week deadline) with `plans` in place of its own, as YAML lines under `plans:`, and top-level fields replaced (null: left out). */
function smallProject(plans: string, top: Record<string, string | null> = {}): Experiment {
  let text = fs.readFileSync(FIXTURE, 'utf8');
  text = text.slice(0, text.indexOf('\nplans:\n')) + `\nplans:\n${plans}\n`;
  for (const [field, value] of Object.entries(top)) text = text.replace(new RegExp(`^${field}: .*\n`, 'm'), value === null ? '' : `${field}: ${value}\n`);
  return parseExperiment(text, 'small-project.yaml');
}

const TWO_DEADLINES = '  base: { patch: {} }\n  tight: { patch: { deadline: 3d } }';

/** `n` replications of each plan, summarised as the run does (and read back from summary.json). */
function run(experiment: Experiment, n = 3): { summary: Summary; records: RecordSet } {
  const records: RecordSet = {
    plans: experiment.plans.map((p) => ({
      name: p.name,
      layout: rowLayout(p.model),
      results: Array.from({ length: n }, (_, k) => simulateReplication(p.model, experiment.seed, k)),
      rows: [],
      failures: [],
    })),
    records: [],
    skipped: [],
    duplicates: 0,
  };
  const input = { experiment: experiment.name, description: '', configHash: experiment.configHash, seed: experiment.seed, replications: n, plans: experiment.plans };
  return { summary: JSON.parse(JSON.stringify(buildSummary(input, records))) as Summary, records };
}

const capacityOf = (experiment: Experiment) => capacityLines(experiment.plans.map((p) => ({ plan: p.name, pools: capacityCheck(p.model), model: p.model })));

describe("a plan's own deadline", () => {
  const experiment = smallProject(TWO_DEADLINES);
  const { summary, records } = run(experiment);
  const lines = verdictLines(summary, completionDaysByPlan(experiment.plans, records));

  it('is the one its verdict line names, as its chance on time is counted against it', () => {
    // Every replication of the small project takes 3.5 to 4.2 days: inside 2 weeks, never inside 3 days.
    expect(summary.plans[1]!.onTime!.probability).toBe(0);
    expect(lines[0]).toMatch(/^base: 100% chance to finish by 2\.0 wk /);
    expect(lines[1]).toMatch(/^tight: 0% chance to finish by 3\.0 days \(95% CI 0%-\d+%\); p50 \d\.\d days, p85 \d\.\d days /);
  });

  it('is recorded per plan in summary.json, beside the experiment-wide figure kept for older readers', () => {
    expect(summary.deadlineHours).toBe(336);
    expect(summary.plans.map((p) => p.deadlineHours)).toEqual([336, 72]);
  });

  it('is in the report data where it is not the first plan\'s, and the report\'s verdict names it', () => {
    const manifest = { experiment: experiment.name, description: '', configHash: experiment.configHash, seed: experiment.seed, replications: 3, shard: null, plans: experiment.plans };
    const data = buildReportData(manifest, summary, records, { labelsimVersion: '0.0.0', runDate: '2027-04-05T00:00:00.000Z', wallSeconds: 1 }, null);
    expect(data.header.deadlineHours).toBe(336);
    // Absent for a plan with the header's deadline, so report data of experiments without plan deadlines is what it was.
    expect('deadlineHours' in data.plans[0]!).toBe(false);
    expect(data.plans[1]!.deadlineHours).toBe(72);
    expect(visibleText(renderReport(data))).toMatch(/tight: 0% chance to finish by 3 days \(95% CI/);
  });

  it("is named by the capacity check, on a line before the rows of each plan whose deadline differs from the last one's", () => {
    const check = capacityOf(experiment);
    expect(check[0]).toBe("Capacity check to each plan's deadline; demand / available hours:");
    expect(check[1]).toBe('  to the deadline 2 weeks after the start: the end of Sun 18 Apr 2027 (24:00 Europe/Berlin)');
    expect(check[2]).toMatch(/^ {2}base {19}annotators /);
    expect(check[4]).toBe('  to the deadline 3 days after the start: the end of Wed 7 Apr 2027 (24:00 Europe/Berlin)');
    expect(check[5]).toMatch(/^ {2}tight {18}annotators .* WARNING: pool "annotators" cannot meet the deadline in plan "tight"/);
    expect(check).toHaveLength(7);
  });

  it('leaves the capacity check as it was when every plan has the same deadline', () => {
    const check = capacityOf(smallProject('  base: { patch: {} }\n  also-two-weeks: { patch: { deadline: 14d } }'));
    expect(check[0]).toBe('Capacity check to the deadline, 2 weeks after the start: the end of Sun 18 Apr 2027 (24:00 Europe/Berlin); demand / available hours:');
    expect(check.slice(1).every((l) => /^ {2}\S+ +\S+ +\d+ h \/ +\d+ h = /.test(l))).toBe(true);
  });

  it('may be the only one there is, when the experiment itself sets none', () => {
    const own = smallProject('  base: { patch: {} }\n  tight: { patch: { deadline: 3d } }', { deadline: null });
    const check = capacityOf(own);
    expect(check[0]).toBe("Capacity check to each plan's deadline; demand / available hours:");
    expect(check[1]).toBe('  over the 12-week horizon, without a deadline');
    const { summary: s } = run(own);
    expect(s.deadlineHours).toBeNull();
    expect(s.plans.map((p) => p.deadlineHours)).toEqual([null, 72]);
    expect(verdictLines(s)[1]).toMatch(/^tight: 0% chance to finish by 3\.0 days /);
  });
});

describe('labelsim check of plans with their own deadlines', () => {
  it("names each plan's deadline, and check --json gives each plan's hours", () => {
    const file = path.join(tempDir('plan-deadlines'), 'tight.yaml');
    fs.writeFileSync(file, `${fs.readFileSync(FIXTURE, 'utf8')}  tight:\n    patch:\n      deadline: 3d\n`);
    const human = labelsim(['check', file]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain("\nCapacity check to each plan's deadline; demand / available hours:\n  to the deadline 2 weeks after the start:");
    expect(human.stdout).toContain('\n  to the deadline 3 days after the start: the end of Wed 7 Apr 2027 (24:00 Europe/Berlin)\n  tight ');
    const check = JSON.parse(labelsim(['check', file, '--json']).stdout);
    expect(check.deadlineHours).toBe(336);
    expect(check.plans.map((p: { deadlineHours: number | null }) => p.deadlineHours)).toEqual([336, 336, 336, 72]);
  });
});

describe('the durations of a verdict line', () => {
  it('read in days below two weeks, so p85 past a 4-day deadline does not read as the deadline', () => {
    // Thursday 8 April 2027 ends 96 h after the start; the p85 of 10 replications is 99.2 h, on Friday.
    // In weeks both read 0.6 wk, beside 80% on time.
    const experiment = smallProject('  base: { patch: {} }', { deadline: '2027-04-08' });
    const { summary, records } = run(experiment, 10);
    const [line] = verdictLines(summary, completionDaysByPlan(experiment.plans, records));
    expect(line).toMatch(/^base: 80% chance to finish by 4\.0 days \(95% CI 49%-94%\); p50 3\.7 days, p85 4\.1 days \(done Fri 9 Apr 2027\);/);
  });

  it('take as many decimals as it takes for p50 and p85 to read apart from a deadline they differ from', () => {
    const { summary } = run(smallProject('  base: { patch: {} }', { deadline: '2027-04-08' }));
    const plan = summary.plans[0]!;
    const at = (p50: number, p85: number) => verdictLines({ ...summary, plans: [{ ...plan, completionHours: { ...plan.completionHours!, p50, p85 } }] })[0];
    // 96.5 h is 4.02 days: at one decimal it would read as the deadline, 4.0 days.
    expect(at(90, 96.5)).toContain('by 4.00 days (95% CI');
    expect(at(90, 96.5)).toContain('p50 3.75 days, p85 4.02 days');
    // Equal to the deadline, it reads as the deadline.
    expect(at(90, 96)).toContain('p50 3.8 days, p85 4.0 days');
  });

  it('stay in weeks, one decimal, for a deadline of two weeks or more', () => {
    const { summary } = run(smallProject('  base: { patch: {} }'));
    expect(verdictLines(summary)[0]).toMatch(/^base: 100% chance to finish by 2\.0 wk .*; p50 0\.\d wk, p85 0\.\d wk;/);
  });
});

describe('the analysis commands quote a p85 as run does, in the unit of the deadline', () => {
  it('solve: days beside a 3-day deadline, weeks beside a 2-week one; sensitivity and marginal the same', () => {
    const days = labelsim(['solve', FIXTURE, '--pool', 'annotators', '--target', 'on-time=90%', '-r', '3', '-w', '1', '--set', 'deadline=3d']);
    expect(days.code, days.stderr).toBe(0);
    expect(days.stdout).toMatch(/^Answer: \d+ people in pool "annotators": .* on time, p85 \d\.\d\d days, mean cost/m);
    const weeks = labelsim(['solve', FIXTURE, '--pool', 'annotators', '--target', 'on-time=90%', '-r', '3', '-w', '1']);
    expect(weeks.stdout).toMatch(/^Answer: .* p85 \d\.\d\d wk, mean cost/m);
    const out = tempDir('quoted-p85');
    const sensitivity = labelsim(['sensitivity', FIXTURE, '-r', '2', '-w', '1', '--set', 'deadline=3d', '--out', out]);
    expect(sensitivity.stdout).toMatch(/^ {2}base\s+p85 \d\.\d\d days, unit cost/m);
    const marginal = labelsim(['marginal', FIXTURE, '-r', '2', '-w', '1', '--set', 'deadline=3d', '--out', out]);
    expect(marginal.stdout).toMatch(/on time, p85 \d\.\d\d days, mean cost/);
  });
});
