import { Activity } from '../activities.js';
import type { HandlingModifier } from './handling-modifier.js';
import type { Task } from './task.js';

/** A rework pass takes its stage's `reworkFactor` of a first pass (the label is fixed, not redone). */
export class ReworkPace implements HandlingModifier {
  handlingFactor(task: Task): number {
    return task.activity === Activity.rework ? task.stage.reworkFactor : 1;
  }
}
