import type { WorkType } from '../config.js';
import type { HandlingModifier } from './handling-modifier.js';
import type { Task } from './task.js';

/** Each work type's complexity multiplies every task on its items, gold items served with them included. */
export class Complexity implements HandlingModifier {
  private readonly factor: Float64Array;

  constructor(work: WorkType[]) {
    this.factor = Float64Array.from(work, (w) => w.complexity);
  }

  handlingFactor(task: Task): number {
    return this.factor[task.type];
  }
}
