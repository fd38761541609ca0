/**
 * Statistical validation: the engine (Simulation + ServerPool) reproduces textbook queueing
 * results. Each experiment runs R independent replications with fixed seeds; each replication
 * discards a warm-up (resetStatistics) and measures a long window. The per-replication statistics
 * are treated as i.i.d. observations, and the theoretical value must lie in the 95% Student-t
 * confidence interval of their mean. Theory is computed here from the formulas, not copied.
 */
import { describe, expect, it } from 'vitest';
import { confidenceInterval, covers, formatInterval, replicate } from '../../support/statistics.js';
import { runStation, type StationExperiment, type StationReplication } from './queueing-models.js';

// ---- Theory -------------------------------------------------------------------------------

/** Erlang B blocking probability by the stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)). */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability an arrival waits in M/M/c with offered load a = lambda/mu < c. C = c B / (c - a (1 - B)). */
function erlangC(c: number, a: number): number {
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c mean wait in queue: Wq = C(c, a) / (c mu - lambda). */
function mmcMeanWait(lambda: number, mu: number, c: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** M/M/1 mean wait in queue: Wq = rho / (mu - lambda). */
function mm1MeanWait(lambda: number, mu: number): number {
  return lambda / mu / (mu - lambda);
}

/** Pollaczek–Khinchine mean wait in queue of M/G/1: Wq = lambda E[S^2] / (2 (1 - rho)). */
function pkMeanWait(lambda: number, meanService: number, secondMomentService: number): number {
  const rho = lambda * meanService;
  return (lambda * secondMomentService) / (2 * (1 - rho));
}

// ---- Harness ------------------------------------------------------------------------------

/** 40 replications; the t quantile for 39 df (2.0227) is computed by the statistics helper. */
const REPLICATIONS = 40;

type Results = Record<keyof StationReplication, number[]>;

/**
 * Runs the replications once, on first use inside a test (so the work is timed and reported as
 * part of the tests, not of collecting them), and returns the per-replication statistics.
 */
function simulate(x: StationExperiment): () => Results {
  let results: Results | undefined;
  return () => (results ??= replicate(REPLICATIONS, (r) => ({ ...runStation(x, r) })));
}

function expectInInterval(observations: number[], theory: number, what: string): void {
  const ci = confidenceInterval(observations, 0.95);
  expect(covers(ci, theory), `${what}: theory ${theory.toFixed(4)} vs simulated ${formatInterval(ci)}`).toBe(true);
}

// ---- Tests --------------------------------------------------------------------------------

describe('the Erlang C implementation', () => {
  it('reduces to rho for a single server', () => {
    for (const a of [0.1, 0.5, 0.8, 0.95]) expect(erlangC(1, a)).toBeCloseTo(a, 12);
  });

  it('agrees with the textbook closed form C = (a^c/c!) (c/(c-a)) / (sum_{k<c} a^k/k! + (a^c/c!) (c/(c-a)))', () => {
    for (const [c, a] of [
      [2, 1.6],
      [10, 9],
      [25, 20],
    ]) {
      let term = 1; // a^k / k!
      let sum = 0;
      for (let k = 0; k < c; k++) {
        sum += term;
        term *= a / (k + 1);
      }
      const tail = (term * c) / (c - a);
      expect(erlangC(c, a)).toBeCloseTo(tail / (sum + tail), 12);
    }
  });

  it('gives Wq of about 0.669 h for M/M/10 with lambda = 9, mu = 1', () => {
    expect(mmcMeanWait(9, 1, 10)).toBeCloseTo(0.6687, 3);
  });
});

describe('a single exponential server (M/M/1, lambda = 0.8, mu = 1)', () => {
  const lambda = 0.8;
  const mu = 1;
  const results = simulate({
    seed: 1101,
    lambda,
    service: { kind: 'exponential', mean: 1 / mu },
    servers: 1,
    warmupHours: 1_000,
    windowHours: 40_000,
  });

  it('makes jobs wait rho / (mu - lambda) in the queue on average', () => {
    expectInInterval(results().meanWait, mm1MeanWait(lambda, mu), 'M/M/1 Wq');
  });

  it('keeps the server busy a fraction rho = lambda / mu of the time', () => {
    expectInInterval(results().utilization, lambda / mu, 'M/M/1 utilisation');
  });

  it('obeys Little\'s law: time-average queue length equals arrival rate times mean wait', () => {
    const { meanQueueLength, joinRate, meanWait } = results();
        const differences = meanQueueLength.map((lq, r) => lq - joinRate[r] * meanWait[r]);
    expectInInterval(differences, 0, 'Lq - lambda Wq');
  });
});

describe('a pool of exponential servers (M/M/c)', () => {
  const cases = [
    { servers: 2, lambda: 1.6, mu: 1, seed: 1201, warmupHours: 1_000, windowHours: 40_000 },
    { servers: 10, lambda: 9, mu: 1, seed: 1202, warmupHours: 500, windowHours: 16_000 },
  ];
  for (const { servers, lambda, mu, seed, warmupHours, windowHours } of cases) {
    describe(`with c = ${servers}, lambda = ${lambda}, mu = ${mu}`, () => {
      const results = simulate({ seed, lambda, service: { kind: 'exponential', mean: 1 / mu }, servers, warmupHours, windowHours });

      it('makes jobs wait C(c, a) / (c mu - lambda) in the queue on average (Erlang C)', () => {
        expectInInterval(results().meanWait, mmcMeanWait(lambda, mu, servers), `M/M/${servers} Wq`);
      });

      it('keeps servers busy a fraction rho = lambda / (c mu) of the time', () => {
        expectInInterval(results().utilization, lambda / (servers * mu), `M/M/${servers} utilisation`);
      });

      it('has lambda / mu jobs in service on average', () => {
        expectInInterval(results().meanInService, lambda / mu, `M/M/${servers} mean in service`);
      });

      it('obeys Little\'s law: time-average queue length equals arrival rate times mean wait', () => {
        const { meanQueueLength, joinRate, meanWait } = results();
        const differences = meanQueueLength.map((lq, r) => lq - joinRate[r] * meanWait[r]);
        expectInInterval(differences, 0, 'Lq - lambda Wq');
      });
    });
  }
});

describe('a single server with deterministic service (M/D/1, lambda = 0.8, D = 1 h)', () => {
  const lambda = 0.8;
  const d = 1;
  const results = simulate({
    seed: 1301,
    lambda,
    service: { kind: 'deterministic', value: d },
    servers: 1,
    warmupHours: 1_000,
    windowHours: 40_000,
  });

  it('makes jobs wait lambda E[S^2] / (2 (1 - rho)) in the queue on average (Pollaczek–Khinchine)', () => {
    expectInInterval(results().meanWait, pkMeanWait(lambda, d, d * d), 'M/D/1 Wq');
  });

  it('keeps the server busy a fraction rho = lambda D of the time', () => {
    expectInInterval(results().utilization, lambda * d, 'M/D/1 utilisation');
  });
});

describe('an exponential server with rework feedback (lambda = 0.5, mu = 1, p = 0.3)', () => {
  // Jackson: the station sees an effective arrival rate lambda / (1 - p) and, for the number in
  // system, behaves as an M/M/1 queue at that rate, with rho = lambda / ((1 - p) mu).
  const lambda = 0.5;
  const mu = 1;
  const p = 0.3;
  const rho = lambda / ((1 - p) * mu);
  const results = simulate({
    seed: 1401,
    lambda,
    service: { kind: 'exponential', mean: 1 / mu },
    servers: 1,
    feedbackProbability: p,
    warmupHours: 1_000,
    windowHours: 40_000,
  });

  it('holds rho / (1 - rho) jobs on average, waiting or in service', () => {
    expectInInterval(results().meanInSystem, rho / (1 - rho), 'feedback station L');
  });

  it('keeps the server busy a fraction rho = lambda / ((1 - p) mu) of the time', () => {
    expectInInterval(results().utilization, rho, 'feedback station utilisation');
  });

  it('sees jobs join at the effective rate lambda / (1 - p), fed-back jobs included', () => {
    expectInInterval(results().joinRate, lambda / (1 - p), 'feedback station join rate');
  });
});

describe('two priority classes at one exponential server (lambda0 = 0.3, lambda1 = 0.5, mu = 1)', () => {
  // Non-preemptive priority M/G/1 (Cobham 1954): with W0 = sum_i lambda_i E[S_i^2] / 2 the mean
  // residual work and sigma_k = rho_0 + ... + rho_k, class k waits W0 / ((1 - sigma_{k-1})(1 - sigma_k)).
  const lambdas = [0.3, 0.5];
  const mu = 1;
  const lambda = lambdas[0] + lambdas[1];
  const w0 = (lambda * (2 / (mu * mu))) / 2;
  const sigma0 = lambdas[0] / mu;
  const sigma1 = lambda / mu;
  const results = simulate({
    seed: 1501,
    lambda,
    service: { kind: 'exponential', mean: 1 / mu },
    servers: 1,
    classShares: lambdas.map((l) => l / lambda),
    warmupHours: 1_000,
    windowHours: 40_000,
  });

  it('makes class 0 wait W0 / (1 - rho0) on average', () => {
    expectInInterval(results().meanWaitClass0, w0 / (1 - sigma0), 'priority class 0 Wq');
  });

  it('makes class 1 wait W0 / ((1 - rho0)(1 - rho0 - rho1)) on average', () => {
    expectInInterval(results().meanWaitClass1, w0 / ((1 - sigma0) * (1 - sigma1)), 'priority class 1 Wq');
  });

  it('leaves the overall mean wait at the M/M/1 value (work conservation)', () => {
    expectInInterval(results().meanWait, mm1MeanWait(lambda, mu), 'priority M/M/1 overall Wq');
  });
});
