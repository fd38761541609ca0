import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../../experiments/analysis/sensitivity.js';
import { movedInexactly, settingsText } from '../../../reports/sensitivity-settings.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { createReplicationRunner } from '../../../workers/replication-pool.js';
import { labelsim, tempDir } from '../../support/cli.js';

const FILE = 'test/experiments/fixtures/small-project.yaml';

describe('sensitivity study', () => {
  it('moves each key parameter down and up with common random numbers, in the directions a manager expects', async () => {
    const experiment = loadExperiment(FILE);
    const runner = createReplicationRunner(0);
    const study = await sensitivity(runner, experiment.plans[0], experiment.seed, 12, 0.2);
    await runner.close();
    const lever = (name: string) => study.parameters.find((p) => p.parameter === name)!;
    expect(study.parameters.map((p) => p.parameter)).toEqual(['headcount', 'speed', 'errorRate', 'reviewSample', 'absence', 'reworkFactor']);
    // More people or faster people finish sooner; fewer or slower, later.
    expect(lever('headcount').high.p85!).toBeLessThan(study.base.p85!);
    expect(lever('headcount').low.p85!).toBeGreaterThan(study.base.p85!);
    expect(lever('speed').high.p85!).toBeLessThan(lever('speed').low.p85!);
    // More errors cost more per accurate item.
    expect(lever('errorRate').high.unitCost!).toBeGreaterThan(lever('errorRate').low.unitCost!);
  });

  it('says which settings it ran where a lever cannot move by exactly the change: whole people, shares up to 100%', async () => {
    const experiment = loadExperiment(FILE);
    const runner = createReplicationRunner(0);
    const study = await sensitivity(runner, experiment.plans[0], experiment.seed, 2, 0.2);
    await runner.close();
    const lever = (name: string) => study.parameters.find((p) => p.parameter === name)!;
    // 3 annotators -20% and +20% are 2 and 4 (2.4 and 3.6 rounded); 1 reviewer stays 1.
    expect(lever('headcount').settings).toEqual([
      { name: 'annotators', low: 2, base: 3, high: 4 },
      { name: 'reviewers', low: 1, base: 1, high: 1 },
    ]);
    expect(movedInexactly(lever('headcount').settings!, 0.2)).toBe(true);
    expect(settingsText('headcount', lever('headcount').settings!)).toBe('annotators 2 .. 4 (plan 3), reviewers 1 (unchanged)');
    // A share well below 100% moves exactly; speed has no settings to report.
    expect(movedInexactly(lever('errorRate').settings!, 0.2)).toBe(false);
    expect(lever('speed').settings).toBeUndefined();
  });

  it('leaves out parameters the model has nothing to move for', async () => {
    const experiment = loadExperiment('experiments/validation/mmc.yaml');
    const runner = createReplicationRunner(0);
    const model = { ...experiment.plans[0].model, horizonHours: 1500 };
    const study = await sensitivity(runner, { name: 'base', model }, 1, 2, 0.2);
    await runner.close();
    expect(study.parameters.map((p) => p.parameter)).toEqual(['headcount', 'speed']);
  });

  it('is saved beside a run and drawn in its report by labelsim sensitivity', () => {
    const out = tempDir('sens');
    expect(labelsim(['run', FILE, '--replications', '4', '--quiet', '--out', out]).code).toBe(0);
    const r = labelsim(['sensitivity', FILE, '--replications', '4', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Headcount \(every pool\)\s+p85 [\d.]+ wk \.\. [\d.]+ wk/);
    expect(r.stdout).toContain('each parameter -20% / +20%');
    expect(r.stdout).toMatch(/\n\s+ran annotators 2 \.\. 4 \(plan 3\), reviewers 1 \(unchanged\)\n/);
    const folder = path.join(out, 'small-project');
    const study = JSON.parse(fs.readFileSync(path.join(folder, 'sensitivity.json'), 'utf8'));
    expect(study.replications).toBe(4);
    const data = JSON.parse(fs.readFileSync(path.join(folder, 'report-data.json'), 'utf8'));
    expect(data.sensitivity).toEqual(study);
    const html = fs.readFileSync(path.join(folder, 'report.html'), 'utf8');
    expect(html.includes('data-plot="tornado-p85"')).toBe(true);
    expect(html.includes('data-plot="tornado-unit-cost"')).toBe(true);
    expect(html).toContain('<li>Headcount (every pool): annotators 2 .. 4 (plan 3), reviewers 1 (unchanged)</li>');
  });
});
