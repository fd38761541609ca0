import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../experiments/calibrate/calibrate.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { tempDir } from '../../support/cli.js';
import { OPTIONS } from './options.js';
import { TRUTH, writeSyntheticCsv } from './synthetic-export.js';

const dir = tempDir('uncertainty');
const REPLICATIONS = 120;

/** A pilot of `items` first passes from the same team, calibrated with 200 bootstrap draws. */
async function pilot(items: number): Promise<{ fragment: string; pilotItems: number }> {
  const csv = path.join(dir, `pilot-${items}.csv`);
  writeSyntheticCsv(csv, { ...TRUTH, annotators: 4, days: 20, sample: 1, errorRate: 0.1, maxItems: items, seed: 'one team' });
  const s = await calibrate({ ...OPTIONS, files: [csv], bootstrap: 200, seed: 7, margin: 0.02 });
  return { fragment: s.fragment, pilotItems: s.pilot!.items };
}

/** The 5%-95% spread of completion over the replications of a 5,000-item backlog, relative to its median. */
function completionSpread(fragment: string, name: string, fixed: boolean): number {
  fs.writeFileSync(path.join(dir, `${name}.fit.yaml`), fragment);
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(
    file,
    [
      `name: ${name}`,
      `calibration: ${name}.fit.yaml`,
      'work: { frames: { count: 5000, workflow: [annotate, review] } }',
      'pools:',
      '  annotators: { shifts: always, pay: none }',
      '  reviewers: { shifts: always, pay: none }',
      fixed ? 'uncertainty: null' : '',
      '',
    ].join('\n'),
  );
  const model = loadExperiment(file).plans[0].model;
  const times = Array.from({ length: REPLICATIONS }, (_, k) => simulateReplication(model, 11, k).completionHours).sort((a, b) => a - b);
  const at = (p: number) => times[Math.round(p * (times.length - 1))];
  return (at(0.95) - at(0.05)) / at(0.5);
}

describe("a small pilot's uncertainty carried into the forecast", () => {
  it('widens the completion interval of a 200-item pilot against the same run with the parameters fixed, and narrows as the pilot grows', async () => {
    const small = await pilot(200);
    const large = await pilot(800);
    const fixed = completionSpread(small.fragment, 'fixed-200', true);
    const uncertain200 = completionSpread(small.fragment, 'pilot-200', false);
    const uncertain800 = completionSpread(large.fragment, 'pilot-800', false);
    // Fixed parameters leave only the item-to-item spread of 5,000 items: about 2% wide.
    expect(fixed).toBeLessThan(0.04);
    // The mean of 200 lognormal times with cv 0.5 is known to about +-3.5% (one standard error): a 90% band some 12% wide.
    expect(uncertain200).toBeGreaterThan(2.5 * fixed);
    // Four times the pilot halves the parameter spread (1/sqrt(n)).
    expect(uncertain800).toBeLessThan(0.75 * uncertain200);
    expect(uncertain800).toBeGreaterThan(fixed);
    // The pilot-size answer scales the same way: both pilots ask for about the same number of items.
    expect(large.pilotItems / small.pilotItems).toBeGreaterThan(0.5);
    expect(large.pilotItems / small.pilotItems).toBeLessThan(2);
  });
});
