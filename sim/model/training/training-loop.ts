import type { Simulation } from '../../engine/simulation.js';
import { accuracyAt, type LearningCurve } from '../../training/learning-curve.js';
import { Activity } from '../activities.js';
import type { TrainingConfig } from '../config.js';
import type { CostLedger } from '../cost-ledger.js';
import type { AcceptanceListener } from '../item-flow.js';
import type { Recorder } from '../recorder.js';
import type { ReplicationTally } from '../replication-tally.js';
import type { StoppingRule } from '../stopping-rule.js';
import { effectiveLabels, type TrainingSet, type TrainingValue } from './effective-labels.js';
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

  private readonly value: TrainingValue;
  private readonly set: TrainingSet = { random: 0, chosen: 0, wrong: 0, synthetic: 0 };
  private readonly gated: boolean;
  private readonly batch: number;
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

  constructor(private readonly parts: TrainingParts) {
    const c = parts.config;
    const s = c.selection;
    this.value = {
      efficiency: s.kind === 'active' ? s.efficiency : 1,
      syntheticWeight: c.synthetic?.weight ?? 0,
      classes: c.classes,
    };
    this.gated = s.kind === 'active';
    this.batch = s.batch;
    this.validationLeft = c.validation;
    this.deployKind = parts.sim.register(() => this.deployed());
  }

  /** Lets the first work in: nothing to do under random sampling (the pool is an ordinary backlog). */
  start(): void {
    const s = this.parts.config.selection;
    if (s.kind === 'active') this.let(this.parts.config.validation + s.seed);
  }

  /** Whether labelling of the training type is held back for batches (its arrivals must not release it). */
  get holdsBackWork(): boolean {
    return this.gated;
  }

  itemAccepted(type: number, wrong: boolean): void {
    if (type !== this.parts.type) return;
    this.accepted++;
    if (this.validationLeft > 0) this.validationLeft--;
    else {
      const s = this.parts.config.selection;
      // Under active learning every label after the seed batch was chosen by a model.
      if (s.kind === 'active' && this.set.random >= s.seed) this.set.chosen++;
      else this.set.random++;
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
    const batchDone = this.gated ? this.accepted === this.released : fresh >= this.batch;
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
    sim.after(r.hours, this.deployKind);
  }

  private deployed(): void {
    const { sim, stopping, tally } = this.parts;
    this.training = false;
    this.accuracy = accuracyAt(this.parts.curve, this.trainingOn);
    if (this.parts.assist !== null) this.parts.assist.accuracy = this.accuracy;
    if (Number.isNaN(this.firstModelHours)) this.firstModelHours = sim.now;
    if (stopping.isMetByModel(this.accuracy)) {
      this.labelsToTarget = this.labelsTrainingOn;
      if (Number.isNaN(tally.completionHours)) {
        tally.completionHours = sim.now;
        sim.stop();
      }
      return;
    }
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

  private let(items: number): void {
    const n = Math.min(items, this.parts.candidates - this.released);
    if (n <= 0) return;
    this.released += n;
    this.parts.release.release(this.parts.type, n);
  }
}
