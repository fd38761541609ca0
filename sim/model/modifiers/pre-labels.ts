import type { Simulation } from '../../engine/simulation.js';
import { Activity } from '../activities.js';
import type { PreLabelConfig } from '../config.js';
import { Pass } from '../pass.js';
import type { ErrorModifier, HandlingModifier, PreLabelSource } from './handling-modifier.js';
import type { Task } from './task.js';

/**
 * Model-assisted labelling: no pre-labels until the first model is trained on enough accepted
 * items; from then on they scale handling time and error rate of labelling (not of review, gold
 * or adjudication, which settles labels rather than correcting a pre-label), and each retrain
 * (every N more accepted items, taking time and money) closes part of the gap to the best
 * achievable factors.
 */
export class PreLabels implements HandlingModifier, ErrorModifier, PreLabelSource {
  /** Multipliers on labelling time and error rate; 1 until the first model is deployed. */
  handlingScale = 1;
  errorScale = 1;
  version = 0;
  private nextRetrainAt: number;
  private training = false;
  private accepted = 0;
  private readonly doneKind: number;

  constructor(
    private readonly sim: Simulation,
    private readonly config: PreLabelConfig,
    /** Pays for a retrain when it starts. */
    private readonly spend: (amount: number) => void,
  ) {
    this.nextRetrainAt = config.firstRetrainAfter;
    this.doneKind = sim.register(() => this.deployed());
  }

  handlingFactor(task: Task): number {
    return this.shownFor(task) ? this.handlingScale : 1;
  }

  /** A labelling task (not a review, an adjudication or a gold item) once the first model is deployed. */
  shownFor(task: Task): boolean {
    return this.version > 0 && !task.stage.isReview && task.pass !== Pass.Adjudication && task.activity !== Activity.gold;
  }

  errorRate(task: Task, p: number): number {
    return task.pass === Pass.Adjudication ? p : p * this.errorScale;
  }

  itemAccepted(): void {
    this.accepted++;
    if (!this.training && this.accepted >= this.nextRetrainAt) {
      this.training = true;
      this.spend(this.config.retrainCost);
      this.sim.after(this.config.retrainHours, this.doneKind);
    }
  }

  private deployed(): void {
    const c = this.config;
    const shrink = Math.pow(c.improvement, this.version);
    this.version++;
    this.handlingScale = c.handlingFloor + (c.handlingFactor - c.handlingFloor) * shrink;
    this.errorScale = c.errorFloor + (c.errorFactor - c.errorFloor) * shrink;
    this.training = false;
    this.nextRetrainAt = this.accepted + c.retrainEvery;
  }
}
