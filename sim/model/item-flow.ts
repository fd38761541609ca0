import { sameInstant } from '../engine/same-instant.js';
import type { ServerPool } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';
import { Activity } from './activities.js';
import type { ClassOutcomes } from './class-outcomes.js';
import type { ConsensusClasses } from './consensus-classes.js';
import type { CostLedger } from './cost-ledger.js';
import type { ItemStore } from './item-store.js';
import type { ErrorModifier } from './modifiers/handling-modifier.js';
import { describeTask, type Task } from './modifiers/task.js';
import { Pass } from './pass.js';
import type { PayTerms } from './pay/index.js';
import type { QueueDiscipline } from './queue-discipline.js';
import type { Recorder } from './recorder.js';
import type { ReplicationTally } from './replication-tally.js';
import type { TimeInSystem } from './time-in-system.js';
import { activityOf, type StageRuntime } from './stage-runtime.js';
import type { StoppingRule } from './stopping-rule.js';

/** Something that wants to know when an item is accepted. */
export interface AcceptanceListener {
  itemAccepted(type: number, wrong: boolean): void;
}

/** What the item flow works with; built once per replication by the model. */
export interface FlowParts {
  sim: Simulation;
  items: ItemStore;
  stages: StageRuntime[];
  /** Per work type, its stages in order: one annotate stage, then review tiers. */
  workflows: Int32Array[];
  /** The engine pool of each service group. */
  groups: ServerPool[];
  discipline: QueueDiscipline;
  pay: PayTerms[];
  /** Per config pool, the probability that a label is wrong before modifiers. */
  errorRates: Float64Array;
  errorModifiers: ErrorModifier[];
  /** Filled in place for the error modifiers (the model's one task object). */
  task: Task;
  ledger: CostLedger;
  stopping: StoppingRule;
  tally: ReplicationTally;
  deadlineHours: number | null;
  /** Told of each acceptance (a pre-label model counts them towards its next retrain). */
  onAccepted: AcceptanceListener | null;
  /** Times each acceptance against its item's arrival (time in system, weekly throughput, delivery turnaround). */
  timeInSystem: TimeInSystem;
  recorder: Recorder | null;
  /** The classes of consensus labels, when a work type declares classes (absent or null: labels are only right or wrong). */
  consensusClasses?: ConsensusClasses | null;
  /** Per work type, 1 when it declares classes (with consensusClasses). */
  typeHasClasses?: Uint8Array;
  /** Accepted items by true class (absent or null: no work type declares classes). */
  classOutcomes?: ClassOutcomes | null;
}

/**
 * The item flow: what happens to an item after each task, as a state machine over (stage, pass).
 * The states are in pass.ts and the diagram in sim/model/README.md; each transition below is one
 * method named for where it takes the item. Decisions (a review's verdict, a label's error) come
 * from the stage's policies; the flow only moves the item and books what the move costs.
 */
export class ItemFlow {
  // The parts as fields of their own: the hot path reads one property, not two.
  private readonly sim: Simulation;
  private readonly items: ItemStore;
  private readonly stages: StageRuntime[];
  private readonly workflows: Int32Array[];
  private readonly groups: ServerPool[];
  private readonly discipline: QueueDiscipline;
  // Pay terms as typed arrays per pool: the hot path reads a number, not an object's field.
  private readonly perTask: Float64Array;
  private readonly perAccepted: Float64Array;
  private readonly penaltyPerError: Float64Array;
  private readonly errorRates: Float64Array;
  private readonly errorModifiers: ErrorModifier[];
  private readonly task: Task;
  private readonly ledger: CostLedger;
  private readonly stopping: StoppingRule;
  private readonly tally: ReplicationTally;
  private readonly deadlineHours: number | null;
  private onAccepted: AcceptanceListener | null;
  private readonly timeInSystem: TimeInSystem;
  private readonly recorder: Recorder | null;
  private readonly consensusClasses: ConsensusClasses | null;
  private readonly typeHasClasses: Uint8Array;
  private readonly classOutcomes: ClassOutcomes | null;

  constructor(parts: FlowParts) {
    this.sim = parts.sim;
    this.items = parts.items;
    this.stages = parts.stages;
    this.workflows = parts.workflows;
    this.groups = parts.groups;
    this.discipline = parts.discipline;
    this.perTask = Float64Array.from(parts.pay, (t) => t.perTask);
    this.perAccepted = Float64Array.from(parts.pay, (t) => t.perAccepted);
    this.penaltyPerError = Float64Array.from(parts.pay, (t) => t.penaltyPerError);
    this.errorRates = parts.errorRates;
    this.errorModifiers = parts.errorModifiers;
    this.task = parts.task;
    this.ledger = parts.ledger;
    this.stopping = parts.stopping;
    this.tally = parts.tally;
    this.timeInSystem = parts.timeInSystem;
    this.deadlineHours = parts.deadlineHours;
    this.onAccepted = parts.onAccepted;
    this.recorder = parts.recorder;
    this.consensusClasses = parts.consensusClasses ?? null;
    this.typeHasClasses = parts.typeHasClasses ?? new Uint8Array(0);
    this.classOutcomes = parts.classOutcomes ?? null;
  }

  /**
   * A task on `item` at stage `st` by `person` of `pool` is done: a label is in, or a review tier
   * has judged one. NOTE: speed shaped this: both halves are written out here rather than as two
   * methods, so the method is too big for V8 to inline into the engine's completion handler and
   * gets an inlining budget of its own, as the engine's handler keeps its own for the queue and the
   * event list (measured with bench/against-build.ts: 4-5% per replication).
   */
  taskDone(item: number, st: StageRuntime, pool: number, person: number): void {
    const { items, ledger, tally } = this;
    const taskFee = this.perTask[pool];
    if (taskFee > 0) ledger.addFor(items.type[item], activityOf(st, items.pass[item]), taskFee, pool);
    const serial = items.serial[item];
    if (st.isReview) {
      const review = st.review!;
      const wrong = items.wrong[item] === 1;
      const rejected = review.rejects(serial, items.attempts[item], items.step[item], wrong);
      const foundError = rejected && wrong && items.found[item] === 0;
      if (foundError) {
        // Found once: a later tier that meets the same wrong label (after an audit) rejects it
        // again but neither counts it nor charges its penalty a second time.
        items.found[item] = 1;
        tally.errorsFound++;
        tally.foundByStage[st.index]++;
        const penalty = this.penaltyPerError[items.labeller[item]];
        if (penalty > 0) ledger.addFor(items.type[item], Activity.penalties, -penalty, items.labeller[item]);
      }
      if (this.recorder !== null) this.recorder.reviewed(serial, st.index, pool, rejected, foundError);
      // A reviewer paid per accepted item is paid for the reviews an item passes.
      const fee = this.perAccepted[pool];
      if (!rejected && fee > 0) ledger.addFor(items.type[item], Activity.review, fee, pool);
      if (!rejected || !review.sendsBack) this.toNextTier(item);
      else this.toRework(item);
      return;
    }
    items.labeller[item] = pool;
    const p = this.errorModifiers.length === 0 ? this.errorRates[pool] : this.modifiedErrorRate(item, st, pool, person);
    items.labels[item]++;
    const wrong = st.labelling.errs(p, serial, person, pool, items.attempts[item]);
    if (wrong) {
      items.wrong[item]++;
      tally.errorsMade++;
    }
    if (this.recorder !== null) this.recorder.labelled(serial, pool, wrong);
    const needed = items.pass[item] === Pass.First ? st.labels : 1;
    if (needed > 1 && this.consensusClasses !== null && this.typeHasClasses[items.type[item]] === 1) {
      this.consensusClasses.labelled(item, items.type[item], serial, items.labels[item] - 1, wrong, st.index, person, pool, items.attempts[item]);
    }
    if (items.labels[item] === needed) this.labelsIn(item, st, needed);
  }

  /** Who is told of each acceptance (built after the flow: it needs the arrivals, which need the flow). */
  listen(listener: AcceptanceListener | null): void {
    this.onAccepted = listener;
  }

  /** Queues an item at a stage: an annotate stage with consensus gets one task per label. */
  enter(item: number, stage: number): void {
    const copies = this.prepare(item, stage);
    const pool = this.groups[this.stages[stage].group];
    const cls = this.discipline.classOf(this.items.pass[item]);
    for (let c = 0; c < copies; c++) pool.arrive(item, cls);
  }

  /** Moves an item to a stage and returns how many tasks it needs there. */
  private prepare(item: number, stage: number): number {
    const items = this.items;
    items.stage[item] = stage;
    items.begun[item] = 0;
    const st = this.stages[stage];
    if (st.isReview) return 1; // a review keeps the label (and its wrongness) under review
    items.labels[item] = 0;
    items.wrong[item] = 0;
    items.found[item] = 0; // a new label: its error, if any, has not been found yet
    return items.pass[item] === Pass.First ? st.labels : 1;
  }

  // --- after a label ---------------------------------------------------------------------

  /** The pool's error rate with every error modifier applied to this label. */
  private modifiedErrorRate(item: number, st: StageRuntime, pool: number, person: number): number {
    const { items, task, errorModifiers } = this;
    describeTask(task, items, item, st, pool, person, 0);
    let p = this.errorRates[pool];
    for (let m = 0; m < errorModifiers.length; m++) p = errorModifiers[m].errorRate(task, p);
    return p;
  }

  /** Every label the pass needs is in: settle them, then move on by the pass the item was in. */
  private labelsIn(item: number, st: StageRuntime, needed: number): void {
    const items = this.items;
    const wrong = items.wrong[item];
    if (needed > 1 && this.consensusClasses !== null && this.typeHasClasses[items.type[item]] === 1) {
      // With classes, labels agree when their classes are the same: wrong ones agree by the
      // confusion pattern, not by wrongAgreement.
      if (!this.consensusClasses.settle(item, items.type[item], st.index, needed)) {
        this.toAdjudication(item, st);
        return;
      }
    } else if (needed > 1 && wrong > 0) {
      const allWrongAgree = wrong === needed && st.labelling.wrongLabelsAgree(items.serial[item], items.attempts[item]);
      if (!allWrongAgree) {
        this.toAdjudication(item, st);
        return;
      }
    }
    // The item's label is now wrong or right once and for all, until a rework replaces it.
    items.wrong[item] = wrong > 0 ? 1 : 0;
    const pass = items.pass[item];
    if (pass === Pass.Escalation) this.accept(item);
    else if (pass === Pass.Rework) this.toReReview(item);
    else this.toNextTier(item);
  }

  /** Consensus labels disagree: the adjudicator's own label decides. */
  private toAdjudication(item: number, st: StageRuntime): void {
    this.items.pass[item] = Pass.Adjudication;
    this.enter(item, st.adjudication);
  }

  /** A reworked label goes back to the tier that rejected it, which reviews it whatever its sample rate. */
  private toReReview(item: number): void {
    const items = this.items;
    items.pass[item] = Pass.ReReview;
    this.enter(item, this.workflows[items.type[item]][items.step[item]]);
  }

  /** Past its current step to the next review tier that samples it, or to acceptance. */
  private toNextTier(item: number): void {
    const { items, stages } = this;
    items.pass[item] = Pass.First;
    const flow = this.workflows[items.type[item]];
    const serial = items.serial[item];
    const wrong = items.wrong[item] === 1;
    for (let step = items.step[item] + 1; step < flow.length; step++) {
      if (stages[flow[step]].review!.samples(serial, step, wrong)) {
        items.step[item] = step;
        this.enter(item, flow[step]);
        return;
      }
    }
    this.accept(item);
  }

  // --- after a review --------------------------------------------------------------------

  /** Rejected: relabel, or after `maxAttempts` rejections go to the escalation stage if there is one. */
  private toRework(item: number): void {
    const items = this.items;
    this.tally.reworks++;
    const attempts = ++items.attempts[item];
    const annotate = this.workflows[items.type[item]][0];
    const st = this.stages[annotate];
    if (attempts >= st.maxAttempts && st.escalation >= 0) {
      items.pass[item] = Pass.Escalation;
      this.enter(item, st.escalation);
    } else {
      items.pass[item] = Pass.Rework;
      this.enter(item, annotate);
    }
  }

  // --- the end ---------------------------------------------------------------------------

  private accept(item: number): void {
    const { items, tally } = this;
    tally.accepted++;
    const wrong = items.wrong[item] !== 0;
    const type = items.type[item];
    if (!wrong) {
      tally.accurate++;
      tally.typeAccurate[type]++;
    }
    const now = this.deadlineHours === null ? this.sim.now : this.countByDeadline();
    const fee = this.perAccepted[items.labeller[item]];
    if (fee > 0) this.ledger.addFor(type, Activity.annotation, fee, items.labeller[item]);
    if (this.recorder !== null) this.recorder.accepted(items.serial[item], items.labeller[item], wrong, now);
    if (this.onAccepted !== null) this.onAccepted.itemAccepted(type, wrong);
    if (this.classOutcomes !== null) this.classOutcomes.itemAccepted(type, items.serial[item], wrong);
    this.timeInSystem.accepted(items.serial[item], type, now);
    if (--tally.typeLeft[type] === 0) tally.typeCompletion[type] = now;
    items.release(item);
    if (this.stopping.isMet(tally.accepted) && Number.isNaN(tally.completionHours)) {
      tally.completionHours = now;
      this.sim.stop();
    }
  }

  /**
   * The instant of an acceptance, counted if it is by the deadline. An acceptance within rounding
   * of the deadline is at the deadline: durations that add up to it by hand (70 arrivals at 7/h by
   * 10 h) meet it, whatever the last ulp says.
   */
  private countByDeadline(): number {
    const deadline = this.deadlineHours!;
    const now = sameInstant(this.sim.now, deadline) ? deadline : this.sim.now;
    if (now <= deadline) this.tally.acceptedByDeadline++;
    return now;
  }
}
