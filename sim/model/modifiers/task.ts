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
}

export function emptyTask(stage: StageRuntime): Task {
  return { type: 0, stage, pass: 0, activity: 0, pool: 0, person: 0 };
}

/** Fills `task` in place for the task `person` of `pool` does on an item of `type` at `stage` in `pass`. */
export function describeTask(task: Task, type: number, stage: StageRuntime, pass: number, pool: number, person: number): void {
  task.type = type;
  task.stage = stage;
  task.pass = pass;
  task.activity = activityOf(stage, pass);
  task.pool = pool;
  task.person = person;
}
