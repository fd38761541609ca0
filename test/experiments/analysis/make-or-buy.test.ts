import { afterAll, describe, expect, it } from 'vitest';
import { breakEvenLabelsPerYear, makeOrBuy, tco, type TcoInputs } from '../../../experiments/analysis/make-or-buy.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import type { ExperimentDocument } from '../../../experiments/load/schema.js';
import { createReplicationRunner } from '../../../workers/replication-pool.js';
import { minimalDocument, parseDoc } from '../load/helpers.js';

const INPUTS: TcoInputs = {
  horizonMonths: 24,
  labelsPerYear: 100000,
  models: 2,
  retrainsPerYear: 6,
  build: { platform: 100000, infrastructurePerMonth: 2000, teamPerMonth: 5000, perModel: 10000, perCycle: 500 },
  buy: { perCycle: 3000 },
};

describe('total cost of ownership, build against buy', () => {
  it('adds up the fixed and per-label costs over the horizon as the closed form says', () => {
    // 24 cycles (2 models x 6 a year x 2 years), 200,000 labels.
    const { build, buy } = tco(INPUTS, 0.2, 0.5);
    expect(build).toBeCloseTo(100000 + 24 * 7000 + 2 * 10000 + 24 * 500 + 200000 * 0.2, 6);
    expect(buy).toBeCloseTo(24 * 3000 + 200000 * 0.5, 6);
  });

  it('breaks even where the two are equal: V* = (fixed build - cycles x vendor per cycle) / (years x (unit buy - unit build))', () => {
    const v = breakEvenLabelsPerYear(INPUTS, 0.2, 0.5)!;
    expect(v).toBeCloseTo((100000 + 24 * 7000 + 20000 + 24 * (500 - 3000)) / (2 * 0.3), 6);
    const at = tco({ ...INPUTS, labelsPerYear: v }, 0.2, 0.5);
    expect(at.build).toBeCloseTo(at.buy, 6);
    // Below it buying is cheaper, above it building.
    expect(tco({ ...INPUTS, labelsPerYear: v * 0.9 }, 0.2, 0.5).build).toBeGreaterThan(tco({ ...INPUTS, labelsPerYear: v * 0.9 }, 0.2, 0.5).buy);
    expect(tco({ ...INPUTS, labelsPerYear: v * 1.1 }, 0.2, 0.5).build).toBeLessThan(tco({ ...INPUTS, labelsPerYear: v * 1.1 }, 0.2, 0.5).buy);
  });

  it('never breaks even when a vendor label costs no more than an in-house one', () => {
    expect(breakEvenLabelsPerYear(INPUTS, 0.5, 0.5)).toBeNull();
    expect(breakEvenLabelsPerYear({ ...INPUTS, buy: { perCycle: 1e6 } }, 0.2, 0.5)).toBe(0);
  });
});

describe('labelsim make-or-buy by simulation', () => {
  const runner = createReplicationRunner(0);
  afterAll(() => runner.close());

  it('prices each label by simulating its plan: a deterministic case gives the closed form', async () => {
    // In-house: 36 s a label at $20 an hour worked, no errors: $0.20 a label. Vendor: $0.50 per accepted label.
    const doc = minimalDocument();
    doc.deterministic = true;
    doc.work.frames.workflow = ['annotate'];
    doc.pools.annotators.pay = { hourly: '20/h' };
    doc.pools.vendor = { headcount: 4, shifts: doc.pools.annotators.shifts, pay: { perAccepted: 0.5 } };
    doc.plans = { 'in-house': { patch: {} }, vendor: { patch: { stages: { annotate: { pool: 'vendor' } } } } };
    const e = parseDoc(doc);
    const study = await makeOrBuy(runner, INPUTS, { build: e.plans[0], buy: e.plans[1] }, 1, 2);
    expect(study.unitBuild!.mean).toBeCloseTo(0.2, 12);
    expect(study.unitBuy!.mean).toBeCloseTo(0.5, 12);
    expect(study.breakEven.mean).toBeCloseTo((100000 + 24 * 7000 + 20000 + 24 * (500 - 3000)) / (2 * 0.3), 4);
    expect(study.buildMinusBuy!.mean).toBeCloseTo(tco(INPUTS, 0.2, 0.5).build - tco(INPUTS, 0.2, 0.5).buy, 4);
  });

  describe("the brief's rules of thumb, with the figures of experiments/make-or-buy.yaml (12 replications)", () => {
    const e = loadExperiment('experiments/make-or-buy.yaml');
    const doc = (e.document as ExperimentDocument).makeOrBuy!;
    const { plan: _b, ...build } = doc.build;
    const { plan: _v, ...buy } = doc.buy;
    const plans = { build: e.plans.find((p) => p.name === doc.build.plan)!, buy: e.plans.find((p) => p.name === doc.buy.plan)! };
    const study = (over: Partial<TcoInputs>) => makeOrBuy(runner, { ...doc, build, buy, ...over }, plans, e.seed, 12);

    it('buy below 50,000 labels a year, and for one or two models unless they retrain weekly', async () => {
      for (const models of [1, 2]) {
        for (const retrainsPerYear of [1, 4, 12]) {
          const s = await study({ labelsPerYear: 50000, models, retrainsPerYear });
          expect(s.buildCheaper, `${models} models, ${retrainsPerYear} retrains`).toBe(0);
        }
      }
      const s = await study({ labelsPerYear: 50000, models: 1, retrainsPerYear: 4 });
      // One or two models need far more than 50,000 labels a year before building pays, even retrained monthly.
      for (const g of s.grid.filter((x) => x.models <= 2 && x.retrainsPerYear <= 12)) expect(g.breakEven!).toBeGreaterThan(150000);
    });

    it('build with monthly retrains of more than three models sharing the platform, and the break-even falls as either grows', async () => {
      const s = await study({ labelsPerYear: 50000, models: 4, retrainsPerYear: 12 });
      expect(s.buildCheaper).toBe(1);
      for (const m of [1, 2, 3, 4, 6]) {
        const row = s.grid.filter((g) => g.models === m).map((g) => g.breakEven!);
        for (let k = 1; k < row.length; k++) expect(row[k]).toBeLessThanOrEqual(row[k - 1]);
      }
      for (const r of [1, 4, 12, 52]) {
        const col = s.grid.filter((g) => g.retrainsPerYear === r).map((g) => g.breakEven!);
        for (let k = 1; k < col.length; k++) expect(col[k]).toBeLessThanOrEqual(col[k - 1]);
      }
    });
  });
});
