import { Pass } from './pass.js';

/**
 * Which waiting item a free person takes next. The engine serves priority classes in order
 * (class 0 first) and first come, first served within a class; a discipline says how many
 * classes a stage's queue has and which class an item joins.
 */
export interface QueueDiscipline {
  readonly classes: number;
  /** The class of an item joining a queue in pass `pass` (see pass.ts). */
  classOf(pass: number): number;
}

/**
 * Work already in the system before new work: rework, re-review, adjudication and escalation
 * jump ahead of first passes, so a rejected item is not stuck behind a 50,000-item backlog.
 */
export const reworkFirst: QueueDiscipline = {
  classes: 2,
  classOf: (pass) => (pass === Pass.First ? 1 : 0),
};

/** One line, in order of arrival, whatever the item's pass. */
export const firstComeFirstServed: QueueDiscipline = {
  classes: 1,
  classOf: () => 0,
};

/** The discipline a model's config asks for (rework first unless it says otherwise). */
export function queueDiscipline(name: 'rework-first' | 'fifo' | undefined): QueueDiscipline {
  return name === 'fifo' ? firstComeFirstServed : reworkFirst;
}
