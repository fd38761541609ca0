import type { Simulation } from '../../engine/simulation.js';
import { accuracyAt, type LearningCurve } from '../../training/learning-curve.js';
import { Activity } from '../activities.js';
import type { TrainingConfig } from '../config.js';
import { total, type CostLedger } from '../cost-ledger.js';
import type { AcceptanceListener } from '../item-flow.js';
import type { Recorder } from '../recorder.js';
import type { ReplicationTally } from '../replication-tally.js';
import type { StoppingRule } from '../stopping-rule.js';
import { effectiveLabels, type TrainingSet, type TrainingValue } from './effective-labels.js';
import type { DeployedModel } from './deployed-model.js';
import type { ModelAssist } from './model-assist.js';

/** Where the loop lets labelling work in: the arrivals of the training work type, held back under active learning. */
export interface WorkRelease {
  release(type: number, items: number): void;
}

export interface TrainingParts {
  sim: Simulation;
  config: TrainingConfig;
  /** Index of the training work type, and how many candidate items it has. */
  type: number;
  candidates: number;
  /** This replication's learning curve (drawn from the fit's uncertainty). */
  curve: LearningCurve;
  ledger: CostLedger;
  /** Ledger indices of the engineering and synthetic-data activities. */
  engineering: number;
  synthetic: number;
  stopping: StoppingRule;
  tally: ReplicationTally;
  release: WorkRelease;
  assist: ModelAssist | null;
  /** The model in use, as review tiers that cross-check labels see it. */
  deployed: DeployedModel;
  recorder: Recorder | null;
}

/**
 * The model being trained on the labels, as a loop in simulated time: accepted labels of the
 * training work type (after a held-out validation set) join the training set; a retrain starts
 * every batch of new labels, takes its hours, and is paid for (compute, ML engineer hours,
 * synthetic examples generated for it); when it is deployed the new model is evaluated on the
 * learning curve at the training set's effective size, its pre-labels (model-assist.ts) get
 * its accuracy, and the stopping rule may end the project.
 *
 * Random sampling leaves the whole pool open and retrains while labelling goes on. Active
 * learning releases the validation set and a random seed batch, then each later batch only when
 * the model that chooses it is deployed, so people may sit idle waiting for it: the waiting is
 * measured (batchWaitHours) and shows as idle paid time in the cost.
 */
export class TrainingLoop implements AcceptanceListener {
  /** Accuracy of the deployed model (0 before the first) and figures the result reports. */
  accuracy = 0;
  retrains = 0;
  firstModelHours = NaN;
  /** Training labels (real, accepted, not held out) of the model that reached the target; NaN until then. */
  labelsToTarget = NaN;
  batchWaitHours = 0;
  /** When the first model reached the target, and the cost by then; NaN until it has. */
  targetHours = NaN;
  targetCost = NaN;
  /** Cycles of continuous operation completed, and what they cost together (from each cycle's start to its model at the target). */
  cyclesDone = 0;
  cyclesCost = 0;

  private readonly value: TrainingValue;
  private readonly set: TrainingSet = { random: 0, chosen: 0, wrong: 0, synthetic: 0 };
  /** Active learning: each batch waits for the model that chooses it. */
  private readonly gated: boolean;
  /** Random sampling in continuous operation: the pool is let in a batch ahead of the labelling, and not after the target. */
  private readonly metered: boolean;
  private readonly batch: number;
  /** Seed labels still to come under active learning; later labels were chosen. */
  private seedLeft: number;
  /** Cycle under way (0 = the first model); no work is let in between a target reached and the next cycle. */
  private cycle = 0;
  private paused = false;
  private cycleStartCost = 0;
  /** Items of the training type still to hold out, and accepted in all. */
  private validationLeft: number;
  private accepted = 0;
  /** Items let into the queue so far (gated), and labels in the set when the last retrain started. */
  private released = 0;
  private labelsAtLastRetrain = 0;
  private training = false;
  private waitingSince = NaN;
  /** The training set's effective size and real labels as of the retrain now running. */
  private trainingOn = 0;
  private labelsTrainingOn = 0;
  private readonly deployKind: number;
  private readonly cycleKind: number;

  constructor(private readonly parts: TrainingParts) {
    const c = parts.config;
    const s = c.selection;
    this.value = {
      efficiency: s.kind === 'active' ? s.efficiency : 1,
      syntheticWeight: c.synthetic?.weight ?? 0,
      classes: c.classes,
    };
    this.gated = s.kind === 'active';
    this.metered = !this.gated && (c.cycles ?? null) !== null;
    this.batch = s.batch;
    this.seedLeft = s.kind === 'active' ? s.seed : 0;
    this.validationLeft = c.validation;
    this.deployKind = parts.sim.register(() => this.deployed());
    this.cycleKind = parts.sim.register(() => this.cycleStarts());
  }

  /** Whether the loop lets the training type's work in itself (its arrivals must then hold it back). */
  static holdsBackWork(c: TrainingConfig): boolean {
    return c.selection.kind === 'active' || (c.cycles ?? null) !== null;
  }

  /** Lets the first work in: nothing to do under plain random sampling (the pool is an ordinary backlog). */
  start(): void {
    const s = this.parts.config.selection;
    if (s.kind === 'active') this.let(this.parts.config.validation + s.seed);
    else if (this.metered) this.let(this.parts.config.validation + 2 * this.batch);
  }

  itemAccepted(type: number, wrong: boolean): void {
    if (type !== this.parts.type) return;
    this.accepted++;
    if (this.validationLeft > 0) this.validationLeft--;
    else {
      // Under active learning every label after the seed batch was chosen by a model.
      if (this.gated && this.seedLeft === 0) this.set.chosen++;
      else {
        this.set.random++;
        if (this.seedLeft > 0) this.seedLeft--;
      }
      if (wrong) this.set.wrong++;
    }
    if (!this.training) this.maybeRetrain();
  }

  private get labels(): number {
    return this.set.random + this.set.chosen;
  }

  private maybeRetrain(): void {
    const fresh = this.labels - this.labelsAtLastRetrain;
    if (fresh <= 0) return;
    // A gated batch is done when all of it is accepted (the pool may have run short of a full batch).
    const batchDone = this.gated ? this.accepted === this.released : fresh >= this.batch || (this.metered && this.accepted === this.released);
    const poolDone = this.accepted === this.parts.candidates;
    if (batchDone || poolDone) this.retrain();
  }

  private retrain(): void {
    const { sim, config, ledger } = this.parts;
    this.training = true;
    this.retrains++;
    this.labelsAtLastRetrain = this.labels;
    const syn = config.synthetic;
    if (syn !== null) {
      // Synthetic examples keep their share of the set: generate what the new real labels call for.
      const wanted = Math.round((this.labels * syn.share) / (1 - syn.share));
      const more = Math.max(0, wanted - this.set.synthetic);
      this.set.synthetic += more;
      if (more > 0) ledger.add(this.parts.synthetic, more * syn.costPerExample);
    }
    this.trainingOn = effectiveLabels(this.set, this.value);
    this.labelsTrainingOn = this.labels;
    const r = config.retrain;
    if (r.compute > 0) ledger.add(Activity.retraining, r.compute);
    if (r.engineerHours > 0) ledger.add(this.parts.engineering, r.engineerHours * r.engineerPerHour);
    this.parts.recorder?.retrainStarted(sim.now);
    if (this.gated) this.waitingSince = sim.now;
    // Metered random sampling keeps a batch ahead of the labels.
    if (this.metered && !this.paused) this.let(this.batch);
    sim.after(r.hours, this.deployKind);
  }

  private deployed(): void {
    const { sim, stopping } = this.parts;
    this.training = false;
    this.accuracy = accuracyAt(this.parts.curve, this.trainingOn);
    if (this.parts.assist !== null) this.parts.assist.accuracy = this.accuracy;
    this.parts.deployed.accuracy = this.accuracy;
    if (Number.isNaN(this.firstModelHours)) this.firstModelHours = sim.now;
    if (stopping.isMetByModel(this.accuracy)) {
      this.targetReached();
      return;
    }
    if (this.paused) return;
    if (this.gated) {
      const next = Math.min(this.batch, this.parts.candidates - this.released);
      if (next > 0) {
        this.batchWaitHours += sim.now - this.waitingSince;
        this.let(next);
      }
      return;
    }
    this.maybeRetrain();
  }

  /** A model at the target: the first one, or a cycle's. The project ends after the last cycle. */
  private targetReached(): void {
    const { sim, tally, ledger } = this.parts;
    // Reached already in this cycle: a retrain on the labels still in flight changes nothing.
    if (this.paused) return;
    const spent = total(ledger.snapshot(sim.now));
    if (this.cycle === 0) {
      this.labelsToTarget = this.labelsTrainingOn;
      this.targetHours = sim.now;
      this.targetCost = spent;
    } else {
      this.cyclesCost += spent - this.cycleStartCost;
      this.cyclesDone++;
    }
    const cycles = this.parts.config.cycles ?? null;
    if (cycles === null || this.cycle === cycles.count) {
      if (Number.isNaN(tally.completionHours)) {
        tally.completionHours = sim.now;
        sim.stop();
      }
      return;
    }
    this.paused = true;
    sim.at(Math.max(sim.now, this.targetHours + (this.cycle + 1) * cycles.everyHours), this.cycleKind);
  }

  /** A cycle of continuous operation: the data has drifted, the model is worse on it, and labelling resumes. */
  private cycleStarts(): void {
    const { sim, ledger, assist } = this.parts;
    const keep = 1 - this.parts.config.cycles!.drift;
    this.cycle++;
    this.paused = false;
    this.cycleStartCost = total(ledger.snapshot(sim.now));
    const set = this.set;
    set.random *= keep;
    set.chosen *= keep;
    set.wrong *= keep;
    set.synthetic *= keep;
    this.labelsAtLastRetrain = this.labels;
    this.accuracy = accuracyAt(this.parts.curve, effectiveLabels(set, this.value));
    if (assist !== null) assist.accuracy = this.accuracy;
    this.parts.deployed.accuracy = this.accuracy;
    if (this.gated) this.let(this.batch);
    else if (this.metered) this.let(2 * this.batch);
  }

  private let(items: number): void {
    const n = Math.min(items, this.parts.candidates - this.released);
    if (n <= 0) return;
    this.released += n;
    this.parts.release.release(this.parts.type, n);
  }
}
