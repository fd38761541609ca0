import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment, parseExperiment } from '../../../experiments/load/index.js';
import { tempDir } from '../../support/cli.js';

const dir = tempDir('calibration-include');
const FRAGMENT = `
pools:
  annotators: { headcount: 4, errorRate: 0.05, speedCv: 0.1 }
stages:
  annotate: { kind: annotate, pool: annotators, handling: { lognormal: { mean: 40s, cv: 0.5 } }, reworkFactor: 0.6 }
uncertainty:
  method: bootstrap
  fitted:
    stages.annotate.handling: { lognormal: { mean: 40s, cv: 0.5 } }
    pools.annotators.errorRate: 0.05
    stages.annotate.reworkFactor: 0.6
  draws:
    - { stages.annotate.handling: { lognormal: { mean: 44s, cv: 0.5 } }, pools.annotators.errorRate: 0.07, stages.annotate.reworkFactor: 0.7 }
    - { stages.annotate.handling: { lognormal: { mean: 36s, cv: 0.5 } }, pools.annotators.errorRate: 0.03, stages.annotate.reworkFactor: 0.5 }
`;
fs.writeFileSync(path.join(dir, 'fit.yaml'), FRAGMENT);

function experiment(name: string, body: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, body);
  return f;
}

const BASE = `name: calibrated
calibration: fit.yaml
work: { frames: { count: 1000 } }
pools:
  annotators:
    shifts: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }]
    pay: { salaried: 20/h }
`;

describe('an experiment includes a calibration fragment with calibration: <file>', () => {
  it("reads the fragment's pools and stages under the experiment's own fields, which merge into them", () => {
    const e = loadExperiment(experiment('base.yaml', BASE));
    const model = e.plans[0].model;
    expect(model.pools[0]).toMatchObject({ name: 'annotators', errorRate: 0.05, speedCv: 0.1, pay: { kind: 'salaried', perHour: 20 } });
    expect(model.pools[0].shifts[0].headcount).toBe(4);
    expect(model.stages[0]).toMatchObject({ name: 'annotate', reworkFactor: 0.6, handling: { kind: 'lognormal', mean: 40 / 3600, cv: 0.5 } });
    expect(model.parameterDraws).toEqual([
      { stages: [{ stage: 0, handling: { kind: 'lognormal', mean: 44 / 3600, cv: 0.5 }, reworkFactor: 0.7 }], pools: [{ pool: 0, errorRate: 0.07 }] },
      { stages: [{ stage: 0, handling: { kind: 'lognormal', mean: 36 / 3600, cv: 0.5 }, reworkFactor: 0.5 }], pools: [{ pool: 0, errorRate: 0.03 }] },
    ]);
    expect((e.document as Record<string, unknown>).calibration).toBe('fit.yaml');
  });

  it('lets the experiment win over a fitted value, and a plan that sets its own value keeps it in every replication', () => {
    const e = loadExperiment(
      experiment('override.yaml', BASE + `plans:\n  base: {}\n  faster: { patch: { stages: { annotate: { handling: { lognormal: { mean: 30s, cv: 0.5 } } } } } }\n`),
    );
    const [base, faster] = e.plans;
    expect(base.model.parameterDraws![0].stages[0].handling).toBeDefined();
    // the plan changed the handling: draws keep varying the error rate and rework, not its handling
    expect(faster.model.stages[0].handling).toMatchObject({ mean: 30 / 3600 });
    expect(faster.model.parameterDraws![0].stages[0]).toEqual({ stage: 0, reworkFactor: 0.7 });
    expect(faster.model.parameterDraws![0].pools).toEqual([{ pool: 0, errorRate: 0.07 }]);
  });

  it('runs with the point estimates when the experiment sets uncertainty: null', () => {
    const e = loadExperiment(experiment('fixed.yaml', BASE + 'uncertainty: null\n'));
    expect(e.plans[0].model.parameterDraws).toBeUndefined();
  });

  it('changes the config hash when the fragment changes, and leaves files without calibration as they were', () => {
    const a = loadExperiment(experiment('hash.yaml', BASE)).configHash;
    fs.writeFileSync(path.join(dir, 'fit2.yaml'), FRAGMENT.replace('errorRate: 0.05, speedCv', 'errorRate: 0.06, speedCv'));
    const b = loadExperiment(experiment('hash2.yaml', BASE.replace('fit.yaml', 'fit2.yaml'))).configHash;
    expect(a).not.toBe(b);
    const plain = 'name: plain\nwork: { f: { count: 10 } }\npools: { p: { headcount: 1, shifts: always, pay: none } }\nstages: { annotate: { kind: annotate, pool: p, handling: 36s } }\n';
    const e = parseExperiment(plain, path.join(dir, 'plain.yaml'));
    expect('calibration' in (e.document as object)).toBe(false);
    expect('uncertainty' in (e.document as object)).toBe(false);
    expect('parameterDraws' in e.plans[0].model).toBe(false);
  });

  it('refuses a missing fragment, a fragment with other fields, and a draw of an unknown parameter, naming file and field', () => {
    expect(() => loadExperiment(experiment('missing.yaml', BASE.replace('fit.yaml', 'nowhere.yaml')))).toThrow(/nowhere\.yaml: expected an existing file, got file not found/);
    fs.writeFileSync(path.join(dir, 'wide.yaml'), 'seed: 3\npools: {}\n');
    expect(() => loadExperiment(experiment('wide-x.yaml', BASE.replace('fit.yaml', 'wide.yaml')))).toThrow(/wide\.yaml: seed: expected a field of a calibration fragment \(pools, stages, work, uncertainty\)/);
    fs.writeFileSync(path.join(dir, 'odd.yaml'), FRAGMENT.replace('pools.annotators.errorRate: 0.05\n', 'pools.annotators.errorRate: 0.05\n    pools.annotators.absence: 0.1\n'));
    expect(() => loadExperiment(experiment('odd-x.yaml', BASE.replace('fit.yaml', 'odd.yaml')))).toThrow(/uncertainty\.fitted\["pools\.annotators\.absence"\]: expected a fitted parameter of this experiment/);
    fs.writeFileSync(path.join(dir, 'bad-draw.yaml'), FRAGMENT.replace('errorRate: 0.07', 'errorRate: 7'));
    expect(() => loadExperiment(experiment('bad-draw-x.yaml', BASE.replace('fit.yaml', 'bad-draw.yaml')))).toThrow(/uncertainty\.draws\[0\]\["pools\.annotators\.errorRate"\]: expected a share/);
  });
});

describe('a calibration fragment given where an experiment is expected', () => {
  it('is named as a fragment, with how to include it, not blamed for a missing name', () => {
    expect(() => loadExperiment('experiments/pilot/calibration.yaml')).toThrow(
      'experiments/pilot/calibration.yaml: expected an experiment (include this fragment from one with calibration: calibration.yaml), got a calibration fragment written by labelsim calibrate',
    );
  });
});
