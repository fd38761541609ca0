import type { Simulation } from '../engine/simulation.js';
import type { PreLabelConfig } from './config.js';

/**
 * Model-assisted labelling: no pre-labels until the first model is trained on enough accepted
 * items; from then on they scale handling time and error rate, and each retrain (every N more
 * accepted items, taking time and money) closes part of the gap to the best achievable factors.
 */
export class PreLabelModel {
  /** Multipliers on annotate handling time and error rate; 1 until the first model is deployed. */
  handlingFactor = 1;
  errorFactor = 1;
  version = 0;
  private nextRetrainAt: number;
  private training = false;
  private accepted = 0;
  private readonly doneKind: number;

  constructor(
    private readonly sim: Simulation,
    private readonly config: PreLabelConfig,
    private readonly spend: (amount: number) => void,
  ) {
    this.nextRetrainAt = config.firstRetrainAfter;
    this.doneKind = sim.register(() => this.deployed());
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
    this.handlingFactor = c.handlingFloor + (c.handlingFactor - c.handlingFloor) * shrink;
    this.errorFactor = c.errorFloor + (c.errorFactor - c.errorFloor) * shrink;
    this.training = false;
    this.nextRetrainAt = this.accepted + c.retrainEvery;
  }
}
