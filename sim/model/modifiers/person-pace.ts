import type { Workforce } from '../workforce.js';
import type { HandlingModifier } from './handling-modifier.js';
import type { Task } from './task.js';

/** The person's own pace: the pool's pace, a personal speed, the learning curve, ramp-up and shrinkage (workforce.ts). */
export class PersonPace implements HandlingModifier {
  constructor(private readonly workforces: Workforce[]) {}

  handlingFactor(task: Task): number {
    return this.workforces[task.pool].handlingFactor(task.person);
  }
}
