import { stringify } from 'yaml';
import { ExperimentError, parseExperiment, type Experiment } from '../../../experiments/load/index.js';

export const FIXTURE = new URL('./fixtures/eight-week-video.yaml', import.meta.url).pathname;

/** A small valid document: one item type, two pools, an annotate and a review stage. */
export function minimalDocument(): Record<string, any> {
  return {
    name: 'small',
    work: { frames: { count: 1000, workflow: ['annotate', 'review'] } },
    pools: {
      annotators: {
        headcount: 4,
        shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
        pay: { salaried: '18/h' },
      },
      reviewers: { headcount: 1, shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' }], pay: { hourly: '25/h' } },
    },
    stages: {
      annotate: { kind: 'annotate', pool: 'annotators', handling: '36s' },
      review: { kind: 'review', pool: 'reviewers', handling: '2m', sample: '10%' },
    },
  };
}

export function parseDoc(doc: unknown, file = 'experiment.yaml'): Experiment {
  return parseExperiment(stringify(doc), file);
}

/** The ExperimentError that `run` throws; fails the test if it throws nothing or something else. */
export function errorOf(run: () => unknown): ExperimentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExperimentError) return error;
    throw new Error(`expected an ExperimentError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an ExperimentError, but nothing was thrown');
}

/** The error for the minimal document after `change` edits it. */
export function errorAfter(change: (doc: Record<string, any>) => void, file = 'experiment.yaml'): ExperimentError {
  const doc = minimalDocument();
  change(doc);
  return errorOf(() => parseDoc(doc, file));
}
