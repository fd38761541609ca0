import type { CrossCheckConfig } from '../config.js';
import type { CrossCheckDraws } from '../draw-keys.js';
import { ExactShare, settled } from '../exact-share.js';
import type { ReviewPolicy } from '../review-policy.js';
import type { DeployedModel } from './deployed-model.js';

/**
 * Model-confidence cross-checks: beside the tier's own random sample, a label the deployed model
 * disagrees with is routed to review (a `share` of such disagreements). A model of accuracy A
 * disagrees with a right label when it is wrong itself, 1 - A of the time, and with a wrong label
 * unless it is wrong in the same way, 1 - (1 - A) x sameMistake: so the routed labels are
 * enriched in wrong ones, the more the better the model. Before a model exists nothing is routed.
 * Whether to reject stays the tier's own decision (its detection and false rejects).
 */
export class CrossCheckReview implements ReviewPolicy {
  readonly sendsBack: boolean;
  // Deterministic mode: exact shares of right and of wrong labels (two strata).
  private readonly routedShare = new ExactShare(13, 2);

  constructor(
    private readonly tier: ReviewPolicy,
    private readonly config: CrossCheckConfig,
    private readonly model: DeployedModel,
    private readonly stage: number,
    private readonly draws: CrossCheckDraws | null,
  ) {
    this.sendsBack = tier.sendsBack;
  }

  /** The chance a label (wrong or right) is routed to review by the model now. */
  routedChance(wrong: boolean): number {
    const a = this.model.accuracy;
    if (a <= 0) return 0;
    const disagree = wrong ? 1 - (1 - a) * this.config.sameMistake : 1 - a;
    return disagree * this.config.share;
  }

  samples(serial: number, step: number, wrong: boolean): boolean {
    if (this.tier.samples(serial, step, wrong)) return true;
    const p = this.routedChance(wrong);
    if (settled(p)) return p >= 1;
    return this.draws === null ? this.routedShare.take(p, wrong ? 1 : 0) : this.draws.disagrees(serial, step, this.stage) < p;
  }

  rejects(serial: number, attempt: number, step: number, wrong: boolean): boolean {
    return this.tier.rejects(serial, attempt, step, wrong);
  }
}
