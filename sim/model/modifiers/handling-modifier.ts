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

/** Something that makes a label more or less likely to be wrong: pre-labels today; retrains, fatigue, guideline versions next. */
export interface ErrorModifier {
  errorFactor(task: Task): number;
}
