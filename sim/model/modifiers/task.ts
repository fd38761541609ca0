import type { ItemStore } from '../item-store.js';
import { activityOf, type StageRuntime } from '../stage-runtime.js';

/**
 * The task being timed or judged, as modifiers see it. One object per replication is filled in
 * place before each task, so the hot path allocates nothing.
 */
export interface Task {
  /** The item's work type. */
  type: number;
  stage: StageRuntime;
  /** The item's pass (pass.ts). */
  pass: number;
  /** The cost activity of the work being timed: gold for a gold item served before the task. */
  activity: number;
  /** Config index of the person's pool, and the person's index within it. */
  pool: number;
  person: number;
  /** The item's slot in the item store (reused once it is accepted) and its serial (the key of its draws, the same in every plan). */
  item: number;
  serial: number;
  /** Reviews the item has failed so far. */
  attempts: number;
  /** Which of the stage visit's tasks this is (consensus copies count 0, 1, ...); 0 when a label is judged. */
  copy: number;
}

export function emptyTask(stage: StageRuntime): Task {
  return { type: 0, stage, pass: 0, activity: 0, pool: 0, person: 0, item: 0, serial: 0, attempts: 0, copy: 0 };
}

/** Fills `task` in place for the `copy`-th task of `item`'s visit to `stage`, done by `person` of `pool`. */
export function describeTask(task: Task, items: ItemStore, item: number, stage: StageRuntime, pool: number, person: number, copy: number): void {
  const pass = items.pass[item];
  task.type = items.type[item];
  task.stage = stage;
  task.pass = pass;
  task.activity = activityOf(stage, pass);
  task.pool = pool;
  task.person = person;
  task.item = item;
  task.serial = items.serial[item];
  task.attempts = items.attempts[item];
  task.copy = copy;
}
