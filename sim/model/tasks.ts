import type { PoolClient } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';
import type { WaitHistogram } from '../stats/wait-histogram.js';
import { Activity } from './activities.js';
import type { Arrivals } from './arrivals.js';
import { ConsensusLabellers } from './consensus-labellers.js';
import type { CostLedger } from './cost-ledger.js';
import type { ItemDraws } from './draw-keys.js';
import type { ItemFlow } from './item-flow.js';
import { type GuidelineVersions, RELABEL_TAG_BASE } from './guideline-versions.js';
import type { ItemStore } from './item-store.js';
import type { HandlingModifier } from './modifiers/handling-modifier.js';
import { describeTask, type Task } from './modifiers/task.js';
import { Pass } from './pass.js';
import type { Recorder } from './recorder.js';
import type { ServiceLevels } from './service-levels.js';
import type { Workforce } from './workforce.js';
import type { GoldAudits } from './quality/gold-audit.js';
import { activityOf, type StageRuntime } from './stage-runtime.js';

/** What the tasks need; built once per replication by the model. */
export interface TaskParts {
  sim: Simulation;
  items: ItemStore;
  stages: StageRuntime[];
  /** Per engine pool and server: the config pool and the person within it (filled as pools are built). */
  serverPool: Int32Array[];
  serverPerson: Int32Array[];
  workforces: Workforce[];
  /** Per stage, the waits of tasks started after the warm-up. */
  waits: WaitHistogram[];
  /** Per stage, the tasks started within each wait threshold; null when the experiment names none. */
  serviceLevels: ServiceLevels | null;
  warmupHours: number;
  draws: ItemDraws | null;
  /** Factors of the item's own work, applied to each draw (gold items' included). */
  itemModifiers: HandlingModifier[];
  /** Factors of the person doing it, applied to the task's hours with its gold items'. */
  personModifiers: HandlingModifier[];
  task: Task;
  consensus: ConsensusLabellers | null;
  ledger: CostLedger;
  recorder: Recorder | null;
  /** Guideline versions, which count the hours of relabel items (absent or null: none). */
  guidelines?: GuidelineVersions | null;
  /** Scores gold answers and acts on flags (quality/gold-audit.ts); absent or null: gold is only served. */
  audits?: GoldAudits | null;
}

/**
 * Tasks as the engine's server pools see them: how long a task takes when a person starts it, and
 * what follows when it is done. A task's hours are the stage's draw for this item, keyed by (item,
 * stage, attempt, task) so every plan sees the same item take the same work, times each modifier,
 * plus the gold items served before it; they are booked to the cost ledger by activity as they are
 * promised, and the pool serves them across shift closures. A finished task goes to the item flow.
 */
export class Tasks implements PoolClient {
  private readonly sim: Simulation;
  private readonly items: ItemStore;
  private readonly stages: StageRuntime[];
  private readonly serverPool: Int32Array[];
  private readonly serverPerson: Int32Array[];
  private readonly workforces: Workforce[];
  private readonly waits: WaitHistogram[];
  private readonly serviceLevels: ServiceLevels | null;
  private readonly warmupHours: number;
  private readonly draws: ItemDraws | null;
  private readonly itemModifiers: HandlingModifier[];
  private readonly personModifiers: HandlingModifier[];
  private readonly task: Task;
  private readonly consensus: ConsensusLabellers | null;
  private readonly ledger: CostLedger;
  private readonly recorder: Recorder | null;
  private readonly guidelines: GuidelineVersions | null;
  private readonly audits: GoldAudits | null;
  /** Whether anyone reads the task object: a handling modifier or the gold audits. */
  private readonly describes: boolean;
  // Built after the pools that call this: see `connect`.
  /** Gold items served before the task being timed, as goldWork counted them. */
  private goldItems = 0;
  private flow: ItemFlow | null = null;
  private arrivals: Arrivals | null = null;

  constructor(parts: TaskParts) {
    this.sim = parts.sim;
    this.items = parts.items;
    this.stages = parts.stages;
    this.serverPool = parts.serverPool;
    this.serverPerson = parts.serverPerson;
    this.workforces = parts.workforces;
    this.waits = parts.waits;
    this.serviceLevels = parts.serviceLevels;
    this.warmupHours = parts.warmupHours;
    this.draws = parts.draws;
    this.itemModifiers = parts.itemModifiers;
    this.personModifiers = parts.personModifiers;
    this.task = parts.task;
    this.consensus = parts.consensus;
    this.ledger = parts.ledger;
    this.recorder = parts.recorder;
    this.guidelines = parts.guidelines ?? null;
    this.audits = parts.audits ?? null;
    this.describes = this.itemModifiers.length > 0 || this.personModifiers.length > 0 || this.audits !== null;
  }

  /** The item flow and the arrivals, which need the pools built first. */
  connect(flow: ItemFlow, arrivals: Arrivals): void {
    this.flow = flow;
    this.arrivals = arrivals;
  }

  // The wait is recorded where the task's hours are asked for: one call into the model per start, not two.
  started(): void {}

  completed(item: number, server: number): void {
    const items = this.items;
    const st = this.stages[items.stage[item]];
    const pool = this.serverPool[st.group][server];
    const person = this.serverPerson[st.group][server];
    this.workforces[pool].itemsDone[person]++;
    if (this.recorder !== null) this.recorder.taskFinished(items.serial[item], st.index, activityOf(st, items.pass[item]), pool, person, this.sim.now);
    if (this.audits === null) {
      this.flow!.taskDone(item, st, pool, person);
      return;
    }
    // The item may be accepted and its slot reused by the flow: its type is read first.
    const type = items.type[item];
    this.flow!.taskDone(item, st, pool, person);
    this.audits.taskEnded(pool, person, type);
  }

  createJob(tag: number): number {
    return tag < RELABEL_TAG_BASE ? this.arrivals!.createJob(tag) : this.guidelines!.createJob(tag);
  }

  // NOTE: speed shaped this method: the rare branches (consensus, gold, a recorder) are methods
  // of their own, so the common path stays small and leaves V8 room to inline what it calls.
  serviceHours(item: number, server: number, waited: number): number {
    const st = this.stages[this.items.stage[item]];
    if (this.sim.now >= this.warmupHours) {
      this.waits[st.index].add(waited);
      if (this.serviceLevels !== null) this.serviceLevels.add(st.index, waited);
    }
    const pool = this.serverPool[st.group][server];
    const person = this.serverPerson[st.group][server];
    const { items, task } = this;
    const pass = items.pass[item];
    const begun = items.begun[item]++;
    if (this.consensus !== null) this.noteConsensusCopy(item, st, pass, begun, server);
    // NOTE: speed: the task is described only for those who read it (modifiers, gold audits).
    if (this.describes) describeTask(task, items, item, st, pool, person, begun);
    const activity = activityOf(st, pass);
    const type = items.type[item];
    const draws = this.draws;
    const wide = draws !== null && draws.task(items.serial[item], st.index, items.attempts[item], begun);
    let hours = this.itemWork(wide ? st.wideDraw() : st.draw(), task);
    const gold = st.hasGold && pass === Pass.First ? this.goldWork(items.serial[item], st, task) : 0;
    const mods = this.personModifiers;
    for (let m = 0; m < mods.length; m++) hours *= mods[m].handlingFactor(task);
    this.ledger.work(pool, type, activity, hours, 1);
    if (this.guidelines !== null) this.guidelines.worked(item, pool, hours, 1);
    if (gold === 0) {
      if (this.recorder !== null) this.record(item, st, activity, pool, person, hours, 0);
      return hours;
    }
    // Gold items take the same person's time at the same pace.
    let goldHours = gold;
    for (let m = 0; m < mods.length; m++) goldHours *= mods[m].handlingFactor(task);
    this.ledger.work(pool, type, Activity.gold, goldHours, this.goldItems);
    if (this.guidelines !== null) this.guidelines.worked(item, pool, goldHours, 0);
    if (this.audits !== null) {
      task.activity = Activity.gold;
      this.audits.served(st.index, task, this.goldItems, goldHours);
      task.activity = activity;
    }
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
    let g = 0;
    for (; st.labelling.goldBefore(serial, g); g++) {
      const wide = draws !== null && draws.goldTask(serial, st.index, g);
      gold += this.itemWork(wide ? st.wideDraw() : st.draw(), task);
    }
    this.goldItems = g;
    task.activity = activity;
    return gold;
  }

  private record(item: number, st: StageRuntime, activity: number, pool: number, person: number, hours: number, goldHours: number): void {
    this.recorder!.taskStarted(this.items.serial[item], st.index, activity, pool, person, hours, goldHours, this.sim.now);
  }

  private itemWork(drawn: number, task: Task): number {
    const mods = this.itemModifiers;
    let hours = drawn;
    for (let m = 0; m < mods.length; m++) hours *= mods[m].handlingFactor(task);
    return hours;
  }
}
