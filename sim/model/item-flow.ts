import { sameInstant } from '../engine/same-instant.js';
import type { ServerPool } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';
import { Activity } from './activities.js';
import type { CostLedger } from './cost-ledger.js';
import type { ItemStore } from './item-store.js';
import type { ErrorModifier } from './modifiers/handling-modifier.js';
import type { Task } from './modifiers/task.js';
import { Pass } from './pass.js';
import type { PayTerms } from './pay/index.js';
import type { QueueDiscipline } from './queue-discipline.js';
import type { Recorder } from './recorder.js';
import type { ReplicationTally } from './replication-tally.js';
import { activityOf, type StageRuntime } from './stage-runtime.js';
import type { StoppingRule } from './stopping-rule.js';

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
  onAccepted: Array<{ itemAccepted(): void }>;
  recorder: Recorder | null;
}

/**
 * The item flow: what happens to an item after each task, as a state machine over (stage, pass).
 * The states are in pass.ts and the diagram in sim/model/README.md; each transition below is one
 * method named for where it takes the item. Decisions (a review's verdict, a label's error) come
 * from the stage's policies; the flow only moves the item and books what the move costs.
 */
export class ItemFlow {
  constructor(private readonly parts: FlowParts) {}

  /** A task on `item` by `person` of `pool` is done. */
  taskDone(item: number, pool: number, person: number): void {
    const { items, stages, pay, ledger } = this.parts;
    const st = stages[items.stage[item]];
    const fee = pay[pool].perTask;
    if (fee > 0) ledger.addFor(items.type[item], activityOf(st, items.pass[item]), fee);
    if (st.isReview) this.reviewed(item, st, pool);
    else this.labelled(item, st, pool, person);
  }

  /** Queues an item at a stage: an annotate stage with consensus gets one task per label. */
  enter(item: number, stage: number): void {
    const copies = this.prepare(item, stage);
    const pool = this.parts.groups[this.parts.stages[stage].group];
    const cls = this.parts.discipline.classOf(this.parts.items.pass[item]);
    for (let c = 0; c < copies; c++) pool.arrive(item, cls);
  }

  /** Moves an item to a stage and returns how many tasks it needs there. */
  prepare(item: number, stage: number): number {
    const items = this.parts.items;
    items.stage[item] = stage;
    items.begun[item] = 0;
    const st = this.parts.stages[stage];
    if (st.isReview) return 1; // a review keeps the label (and its wrongness) under review
    items.labels[item] = 0;
    items.wrong[item] = 0;
    items.found[item] = 0; // a new label: its error, if any, has not been found yet
    return items.pass[item] === Pass.First ? st.labels : 1;
  }

  // --- after a label ---------------------------------------------------------------------

  private labelled(item: number, st: StageRuntime, pool: number, person: number): void {
    const { items, task, errorModifiers } = this.parts;
    const serial = items.serial[item];
    items.labeller[item] = pool;
    let p = this.parts.errorRates[pool];
    if (errorModifiers.length > 0) {
      task.type = items.type[item];
      task.stage = st;
      task.pass = items.pass[item];
      task.activity = activityOf(st, task.pass);
      task.pool = pool;
      task.person = person;
      for (let m = 0; m < errorModifiers.length; m++) p *= errorModifiers[m].errorFactor(task);
    }
    items.labels[item]++;
    const wrong = st.labelling.errs(p, serial, person, pool, items.attempts[item]);
    if (wrong) {
      items.wrong[item]++;
      this.parts.tally.errorsMade++;
    }
    this.parts.recorder?.labelled(serial, pool, wrong);
    const needed = items.pass[item] === Pass.First ? st.labels : 1;
    if (items.labels[item] === needed) this.labelsIn(item, st, needed);
  }

  /** Every label the pass needs is in: settle them, then move on by the pass the item was in. */
  private labelsIn(item: number, st: StageRuntime, needed: number): void {
    const items = this.parts.items;
    const wrong = items.wrong[item];
    if (needed > 1 && wrong > 0) {
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
    this.parts.items.pass[item] = Pass.Adjudication;
    this.enter(item, st.adjudication);
  }

  /** A reworked label goes back to the tier that rejected it, which reviews it whatever its sample rate. */
  private toReReview(item: number): void {
    const items = this.parts.items;
    items.pass[item] = Pass.ReReview;
    this.enter(item, this.parts.workflows[items.type[item]][items.step[item]]);
  }

  /** Past its current step to the next review tier that samples it, or to acceptance. */
  private toNextTier(item: number): void {
    const { items, stages } = this.parts;
    items.pass[item] = Pass.First;
    const flow = this.parts.workflows[items.type[item]];
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

  private reviewed(item: number, st: StageRuntime, reviewerPool: number): void {
    const { items, ledger, pay, tally } = this.parts;
    const review = st.review!;
    const serial = items.serial[item];
    const wrong = items.wrong[item] === 1;
    const rejected = review.rejects(serial, items.attempts[item], items.step[item], wrong);
    const foundError = rejected && wrong && items.found[item] === 0;
    if (foundError) {
      // Found once: a later tier that meets the same wrong label (after an audit) rejects it
      // again but neither counts it nor charges its penalty a second time.
      items.found[item] = 1;
      tally.errorsFound++;
      const penalty = pay[items.labeller[item]].penaltyPerError;
      if (penalty > 0) ledger.addFor(items.type[item], Activity.penalties, -penalty);
    }
    this.parts.recorder?.reviewed(serial, st.index, reviewerPool, rejected, foundError);
    // A reviewer paid per accepted item is paid for the reviews an item passes.
    const fee = pay[reviewerPool].perAccepted;
    if (!rejected && fee > 0) ledger.addFor(items.type[item], Activity.review, fee);
    if (!rejected || !review.sendsBack) this.toNextTier(item);
    else this.toRework(item);
  }

  /** Rejected: relabel, or after `maxAttempts` rejections go to the escalation stage if there is one. */
  private toRework(item: number): void {
    const items = this.parts.items;
    this.parts.tally.reworks++;
    const attempts = ++items.attempts[item];
    const annotate = this.parts.workflows[items.type[item]][0];
    const st = this.parts.stages[annotate];
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
    const { items, sim, tally, pay, ledger } = this.parts;
    tally.accepted++;
    const wrong = items.wrong[item] !== 0;
    if (!wrong) tally.accurate++;
    // An acceptance within rounding of the deadline is at the deadline: durations that add up to
    // it by hand (70 arrivals at 7/h by 10 h) meet it, whatever the last ulp says.
    const deadline = this.parts.deadlineHours;
    const now = deadline !== null && sameInstant(sim.now, deadline) ? deadline : sim.now;
    if (deadline !== null && now <= deadline) tally.acceptedByDeadline++;
    const type = items.type[item];
    const fee = pay[items.labeller[item]].perAccepted;
    if (fee > 0) ledger.addFor(type, Activity.annotation, fee);
    this.parts.recorder?.accepted(items.serial[item], items.labeller[item], wrong, now);
    for (let l = 0; l < this.parts.onAccepted.length; l++) this.parts.onAccepted[l].itemAccepted();
    if (--tally.typeLeft[type] === 0) tally.typeCompletion[type] = now;
    items.release(item);
    if (Number.isNaN(tally.completionHours) && this.parts.stopping.isMet(tally.accepted)) {
      tally.completionHours = now;
      sim.stop();
    }
  }
}
