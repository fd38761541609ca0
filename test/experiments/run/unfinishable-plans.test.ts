import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentJsonSchema, parseExperiment } from '../../../experiments/load/index.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { feasibilityWarnings } from '../../../sim/model/feasibility.js';
import { labelsim, tempDir } from '../../support/cli.js';
import { visibleText } from '../../reports/html.js';

/** A one-pool project: 200 items of 1 h, three unpaid people around the clock (`shifts: always`), finished in about 67 h. */
function project(extra: { pools?: string; stages?: string; work?: string; top?: string } = {}): string {
  return [
    'name: unfinishable',
    'seed: 5',
    'replications: 4',
    'deadline: 1w',
    extra.top ?? '',
    'work:',
    extra.work ?? '  items: { count: 200, workflow: [annotate, review] }',
    'pools:',
    extra.pools ?? '  annotators: { headcount: 3, shifts: always, pay: none, errorRate: 10% }\n  reviewers: { headcount: 1, shifts: always, pay: none }',
    'stages:',
    '  annotate: { kind: annotate, pool: annotators, handling: { lognormal: { mean: 1h, cv: 0.3 } } }',
    extra.stages ?? '  review: { kind: review, pool: reviewers, handling: 5m, sample: 20% }',
  ].join('\n');
}

function runProject(text: string, args: string[] = []) {
  const dir = tempDir('unfinishable');
  const file = path.join(dir, 'unfinishable.yaml');
  fs.writeFileSync(file, text);
  const out = path.join(dir, 'out');
  const r = labelsim(['run', file, '--workers', '1', '--out', out, ...args]);
  const summaryFile = path.join(out, 'unfinishable', 'summary.json');
  const summary = fs.existsSync(summaryFile) ? JSON.parse(fs.readFileSync(summaryFile, 'utf8')) : null;
  return { ...r, summary, out, file };
}

/** What every replication of a plan that cannot finish must say. */
function expectAllCensored(summary: any, replications = 4) {
  const plan = summary.plans[0];
  expect(plan.replications).toBe(replications);
  // Censored, never the horizon: no completion figure at all.
  expect(plan.completionHours).toEqual({ mean: null, p50: null, p85: null, p95: null, notFinished: replications });
  expect(plan.onTime.probability).toBe(0);
  expect(plan.onTime.count).toBe(0);
  expect(plan.onTime.high).toBeGreaterThan(0); // four misses do not prove it is impossible
}

describe('a plan that cannot finish', () => {
  it('stops every replication at the horizon when a pool has headcount 0, says so, and names the stage no one staffs', () => {
    const r = runProject(project({ pools: '  annotators: { headcount: 0, shifts: always, pay: none }\n  reviewers: { headcount: 1, shifts: always, pay: none }' }));
    expect(r.code, r.stderr).toBe(0);
    expectAllCensored(r.summary);
    expect(r.summary.plans[0].accepted.mean).toBe(0);
    expect(r.stderr).toContain('WARNING: stage "annotate" has no one to do it: pool "annotators" has headcount 0');
    // The verdict is the run's result: stdout; the warning above is a diagnostic: stderr.
    // A 1-week deadline is under two weeks: the line reads in days (durationUnit).
    expect(r.stdout).toMatch(/base: 0% chance to finish by 7\.0 days .*p50 not finished, p85 not finished;.*\(4 of 4 replications did not finish by the horizon\)/);
    expect(r.summary.plans[0].warnings).toEqual(['stage "annotate" has no one to do it: pool "annotators" has headcount 0']);
  });

  it('gives no residual error when nothing was accepted: n/a in the verdict and the report, an empty cell in the tables, as for the unit cost', () => {
    // Everyone is away: 0 items accepted of which 0 are wrong, a share of nothing.
    const r = runProject(project({ pools: '  annotators: { headcount: 3, shifts: always, pay: { hourly: 20/h }, absence: 100% }\n  reviewers: { headcount: 1, shifts: always, pay: none }' }));
    expect(r.code, r.stderr).toBe(0);
    const plan = r.summary.plans[0];
    expect(plan.accepted.mean).toBe(0);
    expect(plan.unitCost.mean).toBeNull();
    expect(plan.residualErrorRate).toBeNull();
    expect(r.stdout).toMatch(/^base: .*; residual error n\/a \(4 of 4 replications/m);
    const folder = path.join(r.out, 'unfinishable');
    const cell = (measure: string) =>
      fs.readFileSync(path.join(folder, 'plan-measures.csv'), 'utf8').split('\n').find((l) => l.includes(`,${measure},none,,mean,`))!.split(',')[9];
    expect(cell('unitCost')).toBe('');
    expect(cell('residualErrorRate')).toBe('');
    const report = visibleText(fs.readFileSync(path.join(folder, 'report.html'), 'utf8'));
    expect(report).not.toMatch(/0\.00%/);
  });

  it('does the same when the pool has no open hours before the horizon', () => {
    const r = runProject(project({ pools: '  annotators: { headcount: 3, shifts: always, pay: none, start: 10w }\n  reviewers: { headcount: 1, shifts: always, pay: none }' }));
    expect(r.code, r.stderr).toBe(0);
    expectAllCensored(r.summary);
    expect(r.summary.plans[0].warnings).toEqual(['stage "annotate" has no one to do it before the horizon: pool "annotators" starts at 10w, the horizon is 3w']);
  });

  it('detects a review tier that rejects everything without escalation, names the tier and the rate, and stops at the horizon', () => {
    const text = project({ stages: '  review: { kind: review, pool: reviewers, handling: 5m, sample: 20%, falseReject: 100% }' });
    const line = 'WARNING: review tier "review" rejects every item (falseReject 100%) and there is no escalation: items loop in rework forever';
    const r = runProject(text);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')).toContain(line);
    expectAllCensored(r.summary);
    expect(r.summary.plans[0].warnings).toEqual([line.slice('WARNING: '.length)]);
    expect(r.summary.plans[0].reworks.mean).toBeGreaterThan(1000); // round and round until the horizon
    expect(r.summary.horizonHours).toBe(3 * 168);

    // `check` says it before anything runs.
    const check = labelsim(['check', r.file]);
    expect(check.code).toBe(0);
    expect(check.stdout.split('\n')).toContain(line);
  });

  it('names the other ways a tier rejects every item, and none when an escalation breaks the loop', () => {
    const warnings = (stages: string, pools?: string) => {
      const e = parseExperiment(project({ stages, pools }), 'x.yaml');
      return feasibilityWarnings(e.plans[0].model, capacityCheck(e.plans[0].model));
    };
    const review = (fields: string) => `  review: { kind: review, pool: reviewers, handling: 5m, ${fields} }`;
    expect(warnings(review('detection: 100%'), '  annotators: { headcount: 3, shifts: always, pay: none, errorRate: 100% }\n  reviewers: { headcount: 1, shifts: always, pay: none }')).toEqual([
      'review tier "review" rejects every item (detection 100%, and pool "annotators" gets every label wrong (errorRate 100%)) and there is no escalation: items loop in rework forever',
    ]);
    expect(warnings(review('detection: 50%, falseReject: 1'), '  annotators: { headcount: 3, shifts: always, pay: none }\n  reviewers: { headcount: 1, shifts: always, pay: none }')).toEqual([
      'review tier "review" rejects every item (falseReject 100%, and pool "annotators" makes no errors) and there is no escalation: items loop in rework forever',
    ]);
    // Some items pass: a wrong label may slip through, a right one may not be rejected.
    expect(warnings(review('detection: 50%, falseReject: 100%'))).toEqual([]);
    expect(warnings(review('detection: 100%, falseReject: 99%'))).toEqual([]);
    // An audit tier only records; a tier that samples nothing rejects nothing.
    expect(warnings(review('falseReject: 100%, action: audit'))).toEqual([]);
    expect(warnings(review('falseReject: 100%, sample: 0'))).toEqual([]);
    // An escalation after maxAttempts ends the loop.
    const escalating = parseExperiment(
      project({ stages: `${review('falseReject: 100%')}\n  expert: { kind: annotate, pool: reviewers, handling: 1h }` }).replace(
        'handling: { lognormal: { mean: 1h, cv: 0.3 } } }',
        'handling: { lognormal: { mean: 1h, cv: 0.3 } }, escalation: expert }',
      ),
      'x.yaml',
    );
    expect(feasibilityWarnings(escalating.plans[0].model)).toEqual([]);
  });

  it('stops at the horizon when arrivals come faster than any capacity', () => {
    // 20,000 items arrive at 100/h; three people do about 3/h: most are still waiting at 3 weeks.
    const r = runProject(project({ work: '  items: { count: 20000, arrival: { poisson: 100/h }, workflow: [annotate] }', stages: '' }));
    expect(r.code, r.stderr).toBe(0);
    expectAllCensored(r.summary);
    expect(r.summary.plans[0].accepted.mean).toBeLessThan(2000);
    expect(r.stderr).toMatch(/annotators .* WARNING: pool "annotators" cannot meet the deadline/);
  });

  it('warns that a queue grows without bound when open-ended arrivals outrun the pool', () => {
    const e = parseExperiment(project({ work: '  items: { arrival: { poisson: 100/h }, workflow: [annotate] }', stages: '' }), 'x.yaml');
    const model = e.plans[0].model;
    expect(feasibilityWarnings(model, capacityCheck(model))).toEqual([
      expect.stringMatching(/^pool "annotators" is offered 33\d\d(\.\d+)?% of its capacity: its queue grows without bound and the waits depend on the horizon$/),
    ]);
  });
});

describe('censored replications in the summary', () => {
  // The small project finishes between 65 h and 112 h; a horizon of 100 h cuts some replications off.
  const fixture = fs.readFileSync('test/experiments/fixtures/small-project.yaml', 'utf8');
  const text = fixture.replace('deadline: 2w\nhorizon: 12w', 'deadline: 80h\nhorizon: 100h');

  it('ranks replications cut off by the horizon above every finished one: percentiles are null where they fall among them, P(on time) counts them as late', () => {
    expect(text).not.toBe(fixture);
    const dir = tempDir('censored');
    const file = path.join(dir, 'small-project.yaml');
    fs.writeFileSync(file, text);
    const out = path.join(dir, 'out');
    const r = labelsim(['run', file, '--replications', '24', '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'small-project', 'summary.json'), 'utf8'));
    const records = fs
      .readFileSync(path.join(out, 'small-project', 'replications.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    let sawPartial = false;
    for (const plan of summary.plans) {
      // Columns 1 and 2 of a row: completed, completionHours (workers/result-rows.ts).
      const rows = records.filter((x) => x.plan === plan.name);
      const finished = rows.filter((x) => x.row[1] === 1).map((x) => x.row[2] as number).sort((a, b) => a - b);
      const n = rows.length;
      expect(rows.filter((x) => x.row[1] === 0).every((x) => x.row[2] === null)).toBe(true); // never the horizon
      expect(plan.completionHours.notFinished).toBe(n - finished.length);
      if (finished.length === n) expect(plan.completionHours.mean).toBeCloseTo(finished.reduce((a, b) => a + b, 0) / n, 5);
      else expect(plan.completionHours.mean).toBeNull(); // a mean over the finished ones would flatter the plan
      for (const [q, key] of [[0.5, 'p50'], [0.85, 'p85'], [0.95, 'p95']] as const) {
        const h = (n - 1) * q;
        const [lo, hi] = [Math.floor(h), Math.ceil(h)];
        const expected = hi >= finished.length ? null : finished[lo] + (h - lo) * (finished[hi] - finished[lo]);
        if (expected === null) expect(plan.completionHours[key]).toBeNull();
        else expect(plan.completionHours[key]).toBeCloseTo(expected, 5);
      }
      const onTime = finished.filter((t) => t <= 80).length;
      expect(plan.onTime.count).toBe(onTime);
      expect(plan.onTime.probability).toBeCloseTo(onTime / n, 6);
      if (finished.length > 0 && finished.length < n) sawPartial = true;
    }
    expect(sawPartial).toBe(true);
    expect(summary.plans[0].completionHours.p50).not.toBeNull();
    expect(summary.plans[0].completionHours.p95).toBeNull();
  });
});

describe('the default horizon', () => {
  it('is 3 x the deadline (52 weeks without one) and is documented in the schema', () => {
    const schema = experimentJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.horizon.description).toMatch(/Default: 3 x deadline, or 52w without a deadline/);
    const withDeadline = parseExperiment(project(), 'x.yaml');
    expect(withDeadline.plans[0].model.horizonHours).toBe(3 * 168);
    const without = parseExperiment(project().replace('deadline: 1w', ''), 'x.yaml');
    expect(without.plans[0].model.horizonHours).toBe(52 * 168);
  });
});
