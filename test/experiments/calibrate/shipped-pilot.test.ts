import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../experiments/calibrate/calibrate.js';
import { parseShift } from '../../../experiments/calibrate/schedule.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { REPO } from '../../support/cli.js';
import { OPTIONS } from './options.js';

const PILOT = path.join(REPO, 'experiments', 'pilot');

describe('the shipped pilot example', () => {
  it('has the fragment that calibrate writes from its export, with the README command', async () => {
    const s = await calibrate({
      ...OPTIONS,
      files: ['experiments/pilot/pilot-export.csv'].map((f) => path.join(REPO, f)),
      shifts: [parseShift('mon-fri 09:00-17:00')],
      trim: { fence: 1.5, maxSeconds: 7200 },
      bootstrap: 200,
      margin: 0.03,
      command: "labelsim calibrate experiments/pilot/pilot-export.csv --shifts 'mon-fri 09:00-17:00' --fence 1.5 --pilot-size --margin 3% --out experiments/pilot",
    });
    const shipped = fs.readFileSync(path.join(PILOT, 'calibration.yaml'), 'utf8');
    expect(s.fragment.replaceAll(REPO + path.sep, '')).toBe(shipped);
  });

  it('loads the forecast with the draws in the baseline and none in the plan that fixes them', () => {
    const e = loadExperiment(path.join(PILOT, 'pilot-forecast.yaml'));
    expect(e.plans.map((p) => p.name)).toEqual(['pilot-uncertainty', 'known-parameters']);
    expect(e.plans[0].model.parameterDraws).toHaveLength(200);
    expect(e.plans[1].model.parameterDraws).toBeUndefined();
    expect(e.plans[0].model.pools.find((p) => p.name === 'annotators')).toMatchObject({ shrinkage: 0.2501, shifts: [{ headcount: 8 }] });
  });
});
