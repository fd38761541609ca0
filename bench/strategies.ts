/**
 * The feedback-loop workload: every plan of experiments/labelling-strategies.yaml (a model trained
 * on the labels, retrains, pre-labels from it, active-learning batches), ten replications each in
 * this process, timed per accepted item so it compares with the eight-week experiment, whose
 * replications are 30 times larger.
 */
import { fileURLToPath } from 'node:url';
import { loadExperiment } from '../experiments/load/index.js';
import { simulateReplication } from '../sim/model/annotation-model.js';
import { derivedRow, measure, secondsSince, type BenchRow, type MeasureOptions, type TimedRow } from './harness.js';

export const STRATEGIES_FILE = fileURLToPath(new URL('../../experiments/labelling-strategies.yaml', import.meta.url));
const REPLICATIONS = 10;

/** Rows per plan (events, seconds, seconds per accepted item) and the slowest plan's seconds per item over the eight-week experiment's. */
export function benchStrategies(eightWeekSecondsPerItem: number, options: MeasureOptions = {}): { rows: BenchRow[]; ratio: number } {
  const experiment = loadExperiment(STRATEGIES_FILE);
  const rows: BenchRow[] = [];
  let slowest = 0;
  for (const plan of experiment.plans) {
    let accepted = 0;
    const row: TimedRow = measure(
      `labelling-strategies/${plan.name}: ${REPLICATIONS} replications, in-process`,
      () => {
        accepted = 0;
        let events = 0;
        const start = process.hrtime.bigint();
        for (let r = 0; r < REPLICATIONS; r++) {
          const result = simulateReplication(plan.model, experiment.seed, r);
          events += result.events;
          accepted += result.accepted;
        }
        return { events, seconds: secondsSince(start) };
      },
      options,
    );
    row.replications = REPLICATIONS;
    const perItem = row.seconds / accepted;
    slowest = Math.max(slowest, perItem);
    row.note = `${accepted.toLocaleString('en-US')} items accepted; ${(perItem * 1e6).toFixed(2)} µs per item`;
    rows.push(row);
  }
  const ratio = slowest / eightWeekSecondsPerItem;
  rows.push(derivedRow('slowest plan / eight-week-video (seconds per accepted item)', ratio, '', `${ratio <= 1 ? 'no slower' : `${ratio.toFixed(2)}x slower`} per item than the eight-week experiment`));
  return { rows, ratio };
}
