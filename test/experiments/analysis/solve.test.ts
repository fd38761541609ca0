import { describe, expect, it } from 'vitest';
import { checkHeadcountQuestion, SolveError } from '../../../experiments/analysis/solve.js';
import { labelsim, tempDir } from '../../support/cli.js';
import { minimalDocument, parseDoc } from '../load/helpers.js';

const FILE = 'experiments/eight-week-video.yaml';

describe('labelsim solve', () => {
  it('finds a headcount for the eight-week project that, when run, meets 90% on time, while one fewer does not', () => {
    const solved = labelsim(['solve', FILE, '--target', 'on-time=0.9', '--pool', 'annotators', '--replications', '30', '--json']);
    expect(solved.code, solved.stderr).toBe(0);
    const answer = JSON.parse(solved.stdout);
    expect(answer.pool).toBe('annotators');
    // The fluid bound says 10 x 156% load: at least 16 people are needed even with no randomness.
    expect(answer.headcount).toBeGreaterThanOrEqual(16);
    expect(answer.at.onTime.mean).toBeGreaterThanOrEqual(0.9);
    expect(answer.below.onTime.mean).toBeLessThan(0.9);

    const onTime = (headcount: number) => {
      const r = labelsim(['run', FILE, '--plan', 'base', '--set', `pools.annotators.headcount=${headcount}`, '--replications', '30', '--json', '--quiet', '--out', tempDir('solve')]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).plans[0].onTime.probability as number;
    };
    expect(onTime(answer.headcount)).toBeGreaterThanOrEqual(0.9);
    expect(onTime(answer.headcount - 1)).toBeLessThan(0.9);
  });

  it('picks the cheapest plan that meets the target when no pool is named', () => {
    const r = labelsim(['solve', FILE, '--target', 'on-time=0.9', '--replications', '12', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    const meeting = answer.evaluations.filter((e: { meets: boolean }) => e.meets);
    expect(meeting.length).toBeGreaterThan(0);
    const cheapest = meeting.reduce((a: { evaluation: { cost: number } }, b: { evaluation: { cost: number } }) => (b.evaluation.cost < a.evaluation.cost ? b : a));
    expect(answer.plan).toBe(cheapest.plan);
    // The base plan cannot make 8 weeks (156% of capacity), so it is never the answer.
    expect(answer.evaluations.find((e: { plan: string }) => e.plan === 'base').meets).toBe(false);
  });

  it('says which target no headcount reaches, and the largest headcount it tried', () => {
    const r = labelsim(['solve', 'test/experiments/fixtures/small-project.yaml', '--target', 'residual-error=0.1%', '--pool', 'annotators', '-r', '2', '-w', '0']);
    expect(r.code).toBe(2);
    const tried = [...r.stderr.matchAll(/^\s*(\d+) (?:people|person):/gm)].map((m) => Number(m[1]));
    expect(tried.length).toBeGreaterThan(3);
    // Shares are shown within 0%-100%, whatever the t-interval's ends.
    expect(r.stderr).not.toMatch(/CI -/);
    const largest = Math.max(...tried);
    expect(r.stderr).toContain(`no headcount of pool annotators up to ${largest} meets the targets (at ${largest} people residual error still missed)`);
    expect(r.stderr).toMatch(/the target may not depend on headcount/);
  });

  it('rejects a target it cannot read, with exit code 2', () => {
    const r = labelsim(['solve', FILE, '--target', 'cheap', '--pool', 'annotators']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--target: expected on-time=<probability>/);
  });
});

/** Erlang C for M/M/c with offered load a < c, by the stable Erlang B recursion. */
function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

describe('labelsim solve with targets beyond on time', () => {
  it('staffs the M/M/c experiment for a service level as the Erlang C formula does: 80% of tasks started within 15 min', () => {
    // lambda = 9/h, mu = 1/h: the smallest c with 1 - C(c, 9) e^{-(c - 9) / 4} >= 0.8 (0.739 at 11, 0.874 at 12).
    const level = (c: number) => 1 - erlangC(c, 9) * Math.exp(-(c - 9) * 0.25);
    let staffed = 10;
    while (level(staffed) < 0.8) staffed++;
    const r = labelsim(['solve', 'experiments/validation/mmc.yaml', '--target', 'service-level=80%@15m', '--pool', 'servers', '--replications', '8', '--set', 'horizon=6000h', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.headcount).toBe(staffed);
    expect(answer.targets.serviceLevel).toEqual({ stage: 'serve', withinHours: 0.25, atLeast: 0.8 });
    expect(answer.checks).toEqual([expect.objectContaining({ target: 'serviceLevel', met: true })]);
    expect(answer.below.figures.serviceLevel.mean).toBeLessThan(0.8);
  });

  it('takes several targets together, shares written as in files, and says when the headcount found is over the budget', () => {
    const both = labelsim(['solve', 'experiments/validation/mmc.yaml', '--target', 'service-level=0.8@15m:serve', '--target', 'residual-error=1%', '--pool', 'servers', '-r', '4', '--set', 'horizon=3000h', '--json']);
    expect(both.code, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout).targets).toEqual({ serviceLevel: { stage: 'serve', withinHours: 0.25, atLeast: 0.8 }, residualError: 0.01 });
    const poor = labelsim(['solve', FILE, '--target', 'on-time=90%', '--target', 'budget=1000', '--pool', 'annotators', '-r', '4']);
    expect(poor.code).toBe(1);
    expect(poor.stdout).toMatch(/Over budget: the smallest headcount that meets the other targets costs USD [\d,]+, above the budget of USD 1,000/);
    // The search judges the budget only at its answer, and its lines say so.
    expect(poor.stderr).toMatch(/people: .*\(meets the targets other than the budget\)$/m);
    expect(poor.stderr).not.toMatch(/\(meets the targets\)/);
  });

  it('refuses a target kind given twice, and a stage the plan lacks', () => {
    const twice = labelsim(['solve', FILE, '--target', 'on-time=0.9', '--target', 'on-time=80%', '--pool', 'annotators']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/--target: expected each kind of target once/);
    const stage = labelsim(['solve', FILE, '--target', 'service-level=80%@1d:nowhere', '--pool', 'annotators', '-r', '1']);
    expect(stage.code).not.toBe(0);
    expect(stage.stderr).toMatch(/expected a stage of the plan \(annotate\), got "nowhere"/);
    // Both refused before the search is announced: nothing ran.
    expect(stage.stderr).not.toMatch(/Searching/);
    const pool = labelsim(['solve', FILE, '--target', 'on-time=0.9', '--pool', 'anotators', '-r', '1']);
    expect(pool.code).toBe(2);
    expect(pool.stderr).toBe('labelsim: --pool: expected one of annotators, got "anotators"\n');
  });
});

describe('labelsim solve and figures it cannot judge', () => {
  it('refuses a p85 time in system target when every work type arrives as a random Poisson stream (not timed in system), before running anything', () => {
    for (const pool of [['--pool', 'servers'], []]) {
      const r = labelsim(['solve', 'experiments/validation/mmc.yaml', '--target', 'p85-time-in-system=3w', ...pool, '-r', '3']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'labelsim: solve: --target p85-time-in-system: the work of experiments/validation/mmc.yaml arrives as a random Poisson stream (work.jobs.arrival), whose items are not timed in system (their arrival instants are not kept); use a service-level target instead\n',
      );
    }
  });

  it('judges a p85 time in system when some work type is timed: a backlog beside a Poisson stream, or Poisson arrivals in deterministic mode', () => {
    const mixed = minimalDocument();
    mixed.work.stream = { arrival: { poisson: '2/h' }, workflow: ['annotate'] };
    const targets = { timeInSystemP85Hours: 500 };
    expect(() => checkHeadcountQuestion(parseDoc(mixed).plans[0].model, 'annotators', targets)).not.toThrow();
    const poisson = minimalDocument();
    poisson.work = { frames: { arrival: { poisson: '2/h' }, workflow: ['annotate'] } };
    expect(() => checkHeadcountQuestion(parseDoc(poisson).plans[0].model, 'annotators', targets)).toThrow(SolveError);
    expect(() => checkHeadcountQuestion(parseDoc({ ...poisson, deterministic: true }).plans[0].model, 'annotators', targets)).not.toThrow();
  });

  it('does not count a headcount whose pool is offered at least its capacity as meeting a residual-error target', () => {
    // One server at 9 arrivals/h is 900% load, nine are 100%: the queue grows without bound, whatever the error rate.
    const r = labelsim(['solve', 'experiments/validation/mmc.yaml', '--target', 'residual-error=2%', '--pool', 'servers', '-r', '2', '--set', 'horizon=3000h', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.headcount).toBe(10);
    expect(r.stderr).toMatch(/^\s+9 people: residual error 0\.0% \(95% CI 0\.0%-0\.0%\); pool "servers" is offered 100% of its capacity$/m);
    // Nor is a plan that overloads its pool the cheapest plan that meets the target.
    const plans = labelsim(['solve', 'experiments/validation/mmc.yaml', '--target', 'residual-error=2%', '-r', '2', '--set', 'horizon=3000h', '--set', 'pools.servers.headcount=5']);
    expect(plans.code).toBe(1);
    expect(plans.stdout).toBe('No plan meets at most 2% wrong labels delivered, on the estimates.\n');
  });

  it('does not count a headcount whose runs accepted no item as meeting a residual-error target: the residual error is n/a', () => {
    // Every item is reviewed and nobody reviews, so no item is ever accepted, at any headcount of annotators.
    const r = labelsim(['solve', 'test/experiments/fixtures/small-project.yaml', '--target', 'residual-error=10%', '--pool', 'annotators', '-r', '1', '--set', 'pools.reviewers.headcount=0', '--set', 'stages.review.sample=100%']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/people: .*residual error n\/a; no item accepted in its replication$/m);
    expect(r.stderr).toMatch(/\(at \d+ people residual error still missed; no item accepted in its replication\)/);
    expect(r.stderr).not.toMatch(/meets the targets\)/);
  });

  it('says "1 person" of an answer of one', () => {
    const r = labelsim(['solve', 'test/experiments/fixtures/small-project.yaml', '--target', 'residual-error=10%', '--pool', 'annotators', '-r', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Answer: 1 person in pool "annotators": /m);
  });

  it('names every target one fewer misses, with the target, in the line that says why it is not the answer', () => {
    const r = labelsim(['solve', 'test/experiments/fixtures/small-project.yaml', '--target', 'on-time=0.9,budget=1000', '--pool', 'annotators', '-r', '20']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^With 1: on time 35\.0% \(target 90%\), mean cost USD 1,9\d\d \(budget USD 1,000\)\.$/m);
    const sl = labelsim(['solve', 'experiments/validation/mmc.yaml', '--target', 'service-level=80%@15m', '--pool', 'servers', '-r', '4', '--set', 'horizon=3000h']);
    expect(sl.code, sl.stderr).toBe(0);
    expect(sl.stdout).toMatch(/^With 11: service level \d+\.\d% within 15 min at serve \(target 80%\)\.$/m);
  });
});
