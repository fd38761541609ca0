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
  private readonly items: ItemStore;
  private readonly draws: ItemDraws | null;
  private readonly itemModifiers: HandlingModifier[];
  private readonly personModifiers: HandlingModifier[];
  private readonly task: Task;
  private readonly consensus: ConsensusLabellers | null;
  private readonly ledger: CostLedger;
  private readonly now: () => number;
  private readonly recorder: Recorder | null;

  constructor(parts: TaskHoursParts) {
    this.items = parts.items;
    this.draws = parts.draws;
    this.itemModifiers = parts.itemModifiers;
    this.personModifiers = parts.personModifiers;
    this.task = parts.task;
    this.consensus = parts.consensus;
    this.ledger = parts.ledger;
    this.now = parts.now;
    this.recorder = parts.recorder;
  }

  // NOTE: speed shaped this method. V8 inlines it into the engine's event handler, which has a
  // fixed budget of inlined code: the rare branches (consensus, gold, a recorder) are methods of
  // their own so the common path stays small enough for the engine's own calls to fit as well.
  hoursOf(item: number, st: StageRuntime, server: number, pool: number, person: number): number {
    const { items, task } = this;
    const pass = items.pass[item];
    const begun = items.begun[item]++;
    if (this.consensus !== null) this.noteConsensusCopy(item, st, pass, begun, server);
    task.type = items.type[item];
    task.stage = st;
    task.pass = pass;
    task.pool = pool;
    task.person = person;
    const activity = activityOf(st, pass);
    task.activity = activity;
    const draws = this.draws;
    const wide = draws !== null && draws.task(items.serial[item], st.index, items.attempts[item], begun);
    let hours = this.itemWork(wide ? st.wideDraw() : st.draw(), task);
    const gold = st.hasGold && pass === Pass.First ? this.goldWork(items.serial[item], st, task) : 0;
    const mods = this.personModifiers;
    for (let m = 0; m < mods.length; m++) hours *= mods[m].handlingFactor(task);
    this.ledger.work(pool, task.type, activity, hours);
    if (gold === 0) {
      if (this.recorder !== null) this.record(item, st, activity, pool, person, hours, 0);
      return hours;
    }
    // Gold items take the same person's time at the same pace.
    let goldHours = gold;
    for (let m = 0; m < mods.length; m++) goldHours *= mods[m].handlingFactor(task);
    this.ledger.work(pool, task.type, Activity.gold, goldHours);
    if (this.recorder !== null) this.record(item, st, activity, pool, person, hours + goldHours, goldHours);
    return hours + goldHours;
  }

  private noteConsensusCopy(item: number, st: StageRuntime, pass: number, begun: number, server: number): void {
    if (ConsensusLabellers.restricts(st, pass)) this.consensus!.took(item, begun, server);
  }

  /** Hours of the gold items served before the task, before the person's pace. */
  private goldWork(serial: number, st: StageRuntime, task: Task): number {
    const draws = this.draws;
    const activity = task.activity;
    task.activity = Activity.gold;
    let gold = 0;
    for (let g = 0; st.labelling.goldBefore(serial, g); g++) {
      const wide = draws !== null && draws.goldTask(serial, st.index, g);
      gold += this.itemWork(wide ? st.wideDraw() : st.draw(), task);
    }
    task.activity = activity;
    return gold;
  }

  private record(item: number, st: StageRuntime, activity: number, pool: number, person: number, hours: number, goldHours: number): void {
    this.recorder!.taskStarted(this.items.serial[item], st.index, activity, pool, person, hours, goldHours, this.now());
  }

  private itemWork(drawn: number, task: Task): number {
    const mods = this.itemModifiers;
    let hours = drawn;
    for (let m = 0; m < mods.length; m++) hours *= mods[m].handlingFactor(task);
    return hours;
  }
}
