import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../experiments/calibrate/calibrate.js';
import { parseShift } from '../../../experiments/calibrate/schedule.js';
import { loadExperiment } from '../../../experiments/load/index.js';
import { simulateReplication } from '../../../sim/model/annotation-model.js';
import { tempDir } from '../../support/cli.js';
import { OPTIONS } from './options.js';
import { TRUTH, writeSyntheticCsv, type Truth } from './synthetic-export.js';

const dir = tempDir('round-trip');

/** Labels per person-day in the export, and the standard error of their total over the period. */
function observed(file: string): { total: number; personDays: number; standardError: number } {
  const perDay = new Map<string, number>();
  for (const line of fs.readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const [annotator, , , end] = line.split(',');
    const key = `${annotator} ${end.slice(0, 10)}`;
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
  const counts = [...perDay.values()];
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  const sd = Math.sqrt(counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (counts.length - 1));
  return { total: counts.reduce((a, b) => a + b, 0), personDays: counts.length, standardError: sd * Math.sqrt(counts.length) };
}

describe('round trip: an experiment built from the fragment reproduces the observed throughput', () => {
  it('labels as many items in the observed ten working days as the team did, within sampling error', async () => {
    const truth: Truth = { ...TRUTH, sample: 0.3, errorRate: 0.1, reworkFactor: 0.5, learning: { initialFactor: 1.5, halfLife: 60 }, seed: 'round-trip' };
    const csv = path.join(dir, 'history.csv');
    const written = writeSyntheticCsv(csv, truth);
    const s = await calibrate({ ...OPTIONS, files: [csv], shifts: [parseShift('mon-fri 09:00-17:00')] });
    fs.writeFileSync(path.join(dir, 'fit.yaml'), s.fragment);

    // What the fragment recovered of the truth.
    expect(s.throughput.shrinkage!).toBeGreaterThan(0.18);
    expect(s.throughput.shrinkage!).toBeLessThan(0.22);
    expect(s.review.tiers[0].rate).toBeGreaterThan(0.08);
    expect(s.review.tiers[0].rate).toBeLessThan(0.12);
    expect(s.review.reworkFactor!).toBeGreaterThan(0.45);
    expect(s.learning!.shown).toBe(true);
    // every timer that ran through a break, and at most a stray far tail (1.2e-6 of the items)
    expect(s.trim.total).toBeGreaterThanOrEqual(written.idle);
    expect(s.trim.total).toBeLessThanOrEqual(written.idle + 2);

    // The observed workload: the items of the period, all at the start; deterministic, to the end of the second Friday.
    const experiment = path.join(dir, 'round-trip.yaml');
    fs.writeFileSync(
      experiment,
      [
        'name: round-trip',
        'calibration: fit.yaml',
        'start: 2026-03-02',
        'deterministic: true',
        'deadline: 12d',
        `work: { frames: { count: ${written.firstPasses * 2}, workflow: [annotate, review] } }`,
        'pools:',
        '  annotators: { pay: { salaried: 20/h } }',
        '  reviewers: { shifts: always, pay: none }',
        '',
      ].join('\n'),
    );
    const model = loadExperiment(experiment).plans[0].model;
    const result = simulateReplication(model, 1, 0);
    const labelled = result.acceptedByDeadline;
    const seen = observed(csv);
    expect(seen.total).toBe(written.labels);
    // First passes the model finished by the deadline against the team's, within 3 standard errors.
    expect(Math.abs(labelled - written.firstPasses)).toBeLessThan(3 * seen.standardError);
    // and per person-day, as calibrate reported it
    expect(s.throughput.labelsPerPersonDay).toBeCloseTo(seen.total / seen.personDays, 6);
  });
});
