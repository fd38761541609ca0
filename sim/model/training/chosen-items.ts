import type { ErrorModifier, HandlingModifier } from '../modifiers/handling-modifier.js';
import type { Task } from '../modifiers/task.js';
import { Activity } from '../activities.js';

/**
 * Items active learning chose are the hard ones: the model is unsure of them because they are
 * ambiguous, rare or cluttered, so people take longer over them (labelling and review alike), get
 * them wrong more often, and disagree more (consensus follows from the errors). Which items those
 * are follows from the order items are served in: the first `randomItems` of the training work
 * type (the held-out validation set and the random seed batch) come before any chosen batch is
 * released, so an item is chosen exactly when its arrival index is at least that.
 */
export class ChosenItems implements HandlingModifier, ErrorModifier {
  /** Serials of the training type from this one on were chosen (serial = index x types + type). */
  private readonly firstChosen: number;

  constructor(
    private readonly type: number,
    types: number,
    randomItems: number,
    private readonly handling: number,
    private readonly error: number,
  ) {
    this.firstChosen = randomItems * types;
  }

  isChosen(task: Task): boolean {
    return task.type === this.type && task.serial >= this.firstChosen;
  }

  handlingFactor(task: Task): number {
    return this.isChosen(task) && task.activity !== Activity.gold ? this.handling : 1;
  }

  errorRate(task: Task, p: number): number {
    return this.isChosen(task) ? Math.min(1, p * this.error) : p;
  }
}
