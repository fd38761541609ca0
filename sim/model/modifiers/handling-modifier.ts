import type { Task } from './task.js';

/**
 * Something that makes a task slower or faster: an item's complexity, a rework pass, a pre-label
 * to correct, a person's pace and learning; next, a retrained model, fatigue, a guideline change.
 * A task's hours are its stage's draw times each modifier's factor, in the order the model lists
 * them, so a modifier that does not apply returns exactly 1.
 */
export interface HandlingModifier {
  handlingFactor(task: Task): number;
}

/**
 * Something that makes a label more or less likely to be wrong: pre-labels, a retrained model's
 * pre-label (which an annotator may accept even when it is wrong), hard items; fatigue and
 * guideline versions next. It maps the probability so far to a new one, in the model's order.
 */
export interface ErrorModifier {
  errorRate(task: Task, p: number): number;
}

/** A source of pre-labels: whether the task being timed or judged starts from one. */
export interface PreLabelSource {
  shownFor(task: Task): boolean;
}
