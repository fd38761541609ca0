import { Activity } from './activities.js';
import { ConsensusLabellers } from './consensus-labellers.js';
import type { CostLedger } from './cost-ledger.js';
import type { ItemDraws } from './draw-keys.js';
import type { ItemStore } from './item-store.js';
import type { HandlingModifier } from './modifiers/handling-modifier.js';
import type { Task } from './modifiers/task.js';
import { Pass } from './pass.js';
import type { Recorder } from './recorder.js';
import { activityOf, type StageRuntime } from './stage-runtime.js';

/** What timing a task needs; built once per replication by the model. */
export interface TaskHoursParts {
  items: ItemStore;
  stages: StageRuntime[];
  draws: ItemDraws | null;
  /** Factors of the item's own work, applied to each draw (gold items' included). */
  itemModifiers: HandlingModifier[];
  /** Factors of the person doing it, applied to the task's hours with its gold items'. */
  personModifiers: HandlingModifier[];
  task: Task;
  consensus: ConsensusLabellers | null;
  ledger: CostLedger;
  now: () => number;
  recorder: Recorder | null;
}

/**
 * How long a task takes, asked once when a person starts it: the stage's draw for this item,
 * keyed by (item, stage, attempt, task) so every plan sees the same item take the same work,
 * times each modifier, plus the gold items served before it. The hours are booked to the cost
 * ledger by activity as they are promised; the pool then serves them across shift closures.
 */
export class TaskHours {
  constructor(private readonly parts: TaskHoursParts) {}

  hoursOf(item: number, server: number, pool: number, person: number): number {
    const { items, draws, task } = this.parts;
    const st = this.parts.stages[items.stage[item]];
    const serial = items.serial[item];
    const pass = items.pass[item];
    const begun = items.begun[item]++;
    if (this.parts.consensus !== null && ConsensusLabellers.restricts(st, pass)) this.parts.consensus.took(item, begun, server);
    task.type = items.type[item];
    task.stage = st;
    task.pass = pass;
    task.pool = pool;
    task.person = person;
    task.activity = activityOf(st, pass);
    const activity = task.activity;

    if (draws !== null) draws.task(serial, st.index, items.attempts[item], begun);
    let hours = this.itemWork(st.draw(), task);
    let gold = 0;
    if (st.hasGold && pass === Pass.First) {
      task.activity = Activity.gold;
      for (let g = 0; st.labelling.goldBefore(serial, g); g++) {
        if (draws !== null) draws.goldTask(serial, st.index, g);
        gold += this.itemWork(st.draw(), task);
      }
      task.activity = activity;
    }
    const mods = this.parts.personModifiers;
    for (let m = 0; m < mods.length; m++) {
      const f = mods[m].handlingFactor(task);
      hours *= f;
      gold *= f;
    }
    const { ledger } = this.parts;
    ledger.work(pool, task.type, activity, hours);
    if (gold > 0) ledger.work(pool, task.type, Activity.gold, gold);
    this.parts.recorder?.taskStarted(serial, st.index, activity, pool, person, hours + gold, gold, this.parts.now());
    return hours + gold;
  }

  private itemWork(drawn: number, task: Task): number {
    const mods = this.parts.itemModifiers;
    let hours = drawn;
    for (let m = 0; m < mods.length; m++) hours *= mods[m].handlingFactor(task);
    return hours;
  }
}
