import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import type { ReplicationResult } from '../../../sim/model/replication-result.js';
import { pooledQuantileFigure } from '../../../experiments/aggregate/queueing-figures.js';
import { DURATION_BIN_RELATIVE_ERROR } from '../../../sim/stats/duration-bins.js';
import { confidenceInterval, covers, formatInterval } from '../../support/statistics.js';

/**
 * The queueing measures of the annotation model against queueing theory: the M/M/c validation
 * experiment (experiments/validation/mmc.yaml: Poisson arrivals, exponential service of mean
 * 1 h, servers open around the clock, a warm-up left out) at a few server counts, each checked
 * within the 95% t interval of its replications.
 */

/** Erlang B by the stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)). */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C, the probability that an arrival waits in M/M/c with offered load a < c: C = c B / (c - a (1 - B)). */
function erlangC(c: number, a: number): number {
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** The M/M/c service level: P(W <= t) = 1 - C(c, a) e^{-(c mu - lambda) t} (Gross & Harris, Fundamentals of Queueing Theory, 2.3). */
function serviceLevel(c: number, lambda: number, mu: number, t: number): number {
  return 1 - erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * t);
}

const THRESHOLDS = ['15m', '1h'];
const THRESHOLD_HOURS = [0.25, 1];

function runMmc(servers: number, lambda: number, replications: number, horizon: string): ReplicationResult[] {
  const e = loadExperiment('experiments/validation/mmc.yaml', {
    set: [
      { path: 'pools.servers.headcount', value: servers },
      { path: 'work.jobs.arrival', value: { poisson: `${lambda}/h` } },
      { path: 'waitThresholds', value: THRESHOLDS },
      { path: 'horizon', value: horizon },
    ],
  });
  const model = e.plans[0].model;
  return Array.from({ length: replications }, (_, k) => simulateReplication(model, e.seed, k));
}

function expectCovers(values: number[], value: number, what: string): void {
  const ci = confidenceInterval(values);
  expect(covers(ci, value), `${what}: theory ${value.toFixed(4)}, simulated ${formatInterval(ci)}`).toBe(true);
}

const CASES = [
  { servers: 1, lambda: 0.8, replications: 12, horizon: '9000h' },
  { servers: 3, lambda: 2.4, replications: 12, horizon: '9000h' },
  { servers: 10, lambda: 9, replications: 10, horizon: '7000h' },
];

describe.each(CASES)('the M/M/c experiment with c = $servers, lambda = $lambda/h, mu = 1/h', ({ servers, lambda, replications, horizon }) => {
  const results = runMmc(servers, lambda, replications, horizon);
  const a = lambda;
  const windowHours = Number.parseInt(horizon) - 1000;

  it('waits with the probability Erlang C gives', () => {
    expectCovers(results.map((r) => r.waitProbability[0]), erlangC(servers, a), `M/M/${servers} P(wait)`);
  });

  it('starts the share 1 - C e^{-(c mu - lambda) T} of its tasks within each wait threshold T', () => {
    THRESHOLD_HOURS.forEach((t, j) => expectCovers(results.map((r) => r.serviceLevel[j]), serviceLevel(servers, lambda, 1, t), `M/M/${servers} P(wait <= ${t} h)`));
  });

  it('keeps its servers busy the share rho = lambda / c of the time, within the interval the summary reports', () => {
    expectCovers(results.map((r) => r.utilization[0]), lambda / servers, `M/M/${servers} utilisation`);
  });

  it("obeys Little's law between the time-average number in queue and the mean wait: Lq = lambda Wq", () => {
    // lambda measured in each replication: tasks started in the window over the window's hours.
    expectCovers(results.map((r) => r.queueMean[0] - (r.served[0] / windowHours) * r.waitMean[0]), 0, `M/M/${servers} Lq - lambda Wq`);
  });

  it("obeys Little's law between the time-average number in system and the time in system: L = lambda (Wq + S)", () => {
    // S measured too: the busy hours of the window over the tasks served in it.
    expectCovers(results.map((r) => r.inSystemMean[0] - (r.served[0] / windowHours) * (r.waitMean[0] + r.busyHours[0] / r.served[0])), 0, `M/M/${servers} L - lambda W`);
  });

  it('pools its waits into quantiles near the M/M/c wait distribution P(W > t) = C e^{-(c mu - lambda) t}', () => {
    // The q-quantile of W for q above 1 - C: ln(C / (1 - q)) / (c mu - lambda). The pooled figure
    // is within 3.1% of the sample's quantile; the sample of some 100,000 waits or more adds its
    // own spread, a few per cent at most for these quantiles.
    const C = erlangC(servers, a);
    const pooled = pooledQuantileFigure(results.map((r) => r.waitBins), 0, results[0].waitBins.length, { kind: 'pooled-quantiles', of: 'stage', quantiles: { p90: 0.9, p95: 0.95, p99: 0.99 } });
    for (const [key, q] of [['p90', 0.9], ['p95', 0.95], ['p99', 0.99]] as const) {
      const theory = Math.log(C / (1 - q)) / (servers - lambda);
      expect(Math.abs(pooled[key]! / theory - 1), `M/M/${servers} ${key}: pooled ${pooled[key]} h, theory ${theory.toFixed(4)} h`).toBeLessThan(DURATION_BIN_RELATIVE_ERROR + 0.04);
    }
  });

  it('has the mean number in queue Lq = C a / (c - a) of Erlang C', () => {
    expectCovers(results.map((r) => r.queueMean[0]), (erlangC(servers, a) * a) / (servers - a), `M/M/${servers} Lq`);
  });
});
