import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreement } from '../../../experiments/calibrate/agreement.js';
import { calibrate } from '../../../experiments/calibrate/calibrate.js';
import { parseShift } from '../../../experiments/calibrate/schedule.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { labelsim, tempDir } from '../../support/cli.js';
import { OPTIONS } from './options.js';
import { TRUTH, writeSyntheticCsv } from './synthetic-export.js';

const dir = tempDir('calibrate');

describe('calibration recovers the truth a history was made from', () => {
  it('finds a learning curve, the pace spread between people, review and rework, and the shrinkage against the schedule', async () => {
    const csv = path.join(dir, 'team.csv');
    writeSyntheticCsv(csv, { ...TRUTH, annotators: 30, days: 10, speedCv: 0.2, learning: { initialFactor: 1.8, halfLife: 100 }, sample: 0.5, errorRate: 0.06, reworkFactor: 0.4, seed: 'team' });
    const s = await calibrate({ ...OPTIONS, files: [csv], shifts: [parseShift('mon-fri 09:00-17:00')] });
    expect(s.learning).toMatchObject({ shown: true });
    expect(s.learning!.initialFactor).toBeGreaterThan(1.65);
    expect(s.learning!.initialFactor).toBeLessThan(1.95);
    expect(s.learning!.halfLife).toBeGreaterThan(70);
    expect(s.learning!.halfLife).toBeLessThan(140);
    // 30 people with a pace of cv 0.2: the estimate's own standard error is about 0.2 / sqrt(2 x 29)
    expect(s.speedCv!).toBeGreaterThan(0.12);
    expect(s.speedCv!).toBeLessThan(0.28);
    expect(s.review.tiers[0].rate).toBeCloseTo(0.06, 1);
    expect(s.review.tiers[0].sample).toBeCloseTo(0.5, 1);
    expect(s.review.reworkFactor!).toBeGreaterThan(0.3);
    expect(s.throughput.shrinkage!).toBeCloseTo(0.2, 2);
    expect(s.fragment).toMatch(/learning: \{ initialFactor: 1\.\d+, halfLife: \d+ \}|learning:\n\s+initialFactor: 1\.\d+\n\s+halfLife: \d+/);
  });

  it('shows no learning curve where people do not learn', async () => {
    const csv = path.join(dir, 'steady.csv');
    writeSyntheticCsv(csv, { ...TRUTH, seed: 'steady' });
    const s = await calibrate({ ...OPTIONS, files: [csv] });
    expect(s.learning!.shown).toBe(false);
    expect(s.fragment).not.toMatch(/learning/);
  });
});

describe('the empirical fallback', () => {
  it('writes an empirical distribution when neither fit passes, and an experiment loads it with its draws', async () => {
    // Two kinds of task under one type: quick checks near 10 s and full labels near 100 s.
    const rows = ['annotator,item,end,seconds'];
    for (let i = 0; i < 2000; i++) {
      const quick = i % 2 === 0;
      const s = (quick ? 10 : 100) * (1 + 0.1 * Math.sin(i * 12.9898));
      rows.push(`a${i % 5},i${i},2026-03-09T10:00:00Z,${s.toFixed(3)}`);
    }
    const csv = path.join(dir, 'bimodal.csv');
    fs.writeFileSync(csv, rows.join('\n') + '\n');
    const s = await calibrate({ ...OPTIONS, files: [csv], bootstrap: 5 });
    expect(s.handling.lognormal.pValue).toBeLessThan(0.05);
    expect(s.handling.gamma.pValue).toBeLessThan(0.05);
    expect(s.handling.chosen).toBe('empirical');
    expect(s.fragment).toMatch(/handling: \{ empirical: \[ [\d.]+s, /);
    fs.writeFileSync(path.join(dir, 'bimodal.fit.yaml'), s.fragment);
    fs.writeFileSync(
      path.join(dir, 'bimodal.yaml'),
      'name: bimodal\ncalibration: bimodal.fit.yaml\nwork: { w: { count: 100 } }\npools: { annotators: { shifts: always, pay: none } }\n',
    );
    const model = loadExperiment(path.join(dir, 'bimodal.yaml')).plans[0].model;
    expect(model.stages[0].handling.kind).toBe('empirical');
    expect(model.parameterDraws).toHaveLength(5);
    expect(model.parameterDraws![0].stages[0].handling!.kind).toBe('empirical');
  });
});

describe('agreement between labellers of one item', () => {
  it("is the share of agreeing pairs and Fleiss' kappa, as computed by hand", () => {
    // Three items, three labels each: [a a a], [a a b], [a b b].
    const result = agreement([[0, 0, 0], [0, 0, 1], [0, 1, 1]])!;
    // Pairs agreeing: 3 + 1 + 1 of 9.
    expect(result.pairwise).toBeCloseTo(5 / 9, 12);
    // P_i = 1, 1/3, 1/3; P-bar = 5/9; p_a = 6/9, p_b = 3/9, P_e = 5/9: kappa 0.
    expect(result.fleissKappa).toBeCloseTo(0, 12);
    expect(result).toMatchObject({ items: 3, labels: 9, typicalLabels: 3 });
  });
});

describe('labelsim calibrate on the command line', () => {
  it('writes the fragment and the page, and escapes names from the export wherever the page shows them', () => {
    const csv = path.join(dir, 'names.csv');
    const rows = ['annotator,item,end,seconds,outcome'];
    for (let i = 0; i < 40; i++) rows.push(`"<script>alert(1)</script>",i${i},2026-03-09T09:${String(i).padStart(2, '0')}:00Z,${30 + (i % 7)},${i % 5 === 0 ? 'rejected' : 'accepted'}`);
    fs.writeFileSync(csv, rows.join('\n') + '\n');
    const out = path.join(dir, 'out');
    const r = labelsim(['calibrate', csv, '--out', out, '--bootstrap', '10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/names\.csv \(csv\): 40 records, 40 annotations/);
    expect(r.stdout).toMatch(/Wrote .*calibration\.yaml and .*calibration\.html/);
    const page = fs.readFileSync(path.join(out, 'calibration.html'), 'utf8');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(fs.readFileSync(path.join(out, 'calibration.yaml'), 'utf8')).toMatch(/^# labelsim calibration fragment/);
  });

  it('prints the rejection rate by annotator, naming them as annotators, and says when only one had reviewed work', () => {
    const out = tempDir('calibrate-rejections');
    const one = labelsim(['calibrate', 'test/experiments/calibrate/fixtures/label-studio-export.json', '--bootstrap', '0', '--out', out]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain('Rejection rate: 50.0% (annotator 12, the only one with reviewed work)\n');
    const two = labelsim(['calibrate', 'experiments/pilot/pilot-export.csv', '--bootstrap', '0', '--out', out]);
    expect(two.stdout).toMatch(/^Rejection rate by annotator: [\d.]+% \(annotator ann-\d\) to [\d.]+% \(annotator ann-\d\) over the 2 annotators with reviewed work$/m);
  });
});
