import type { ReviewStage } from './config.js';
import { DrawKind, sharePhase, type ItemDraws } from './draw-keys.js';
import { ExactShare, settled } from './exact-share.js';

/**
 * What a review tier decides about an item: whether it looks at it at all, whether it rejects
 * the label, and whether a rejection sends the item back or is only recorded. The item flow asks;
 * it never reads a rate itself, so a tier that decides differently (by a model's confidence, say)
 * is another implementation of this contract.
 */
export interface ReviewPolicy {
  /** Whether rejected items go back for rework; false for an audit tier, which only records what it finds. */
  readonly sendsBack: boolean;
  /** Whether the tier at workflow step `step` reviews the item (reworked items come back regardless). */
  samples(serial: number, step: number, wrong: boolean): boolean;
  /** Whether the tier rejects the label, on the item's `attempt`-th try. */
  rejects(serial: number, attempt: number, step: number, wrong: boolean): boolean;
}

/**
 * A tier that samples a share of items and catches a wrong label with probability `detection`,
 * rejecting a right one with probability `falseReject` (the brief's review tier). Each decision is
 * the item's own keyed draw, so every plan's tier judges the same item alike.
 */
export class SampledReview implements ReviewPolicy {
  readonly sendsBack: boolean;
  private readonly sampleRate: number;
  private readonly detection: number;
  private readonly falseRejectRate: number;
  // Deterministic mode: the sample takes its share of wrong and of right labels (two strata).
  private readonly sampleShare: ExactShare;
  private readonly catchShare: ExactShare;
  private readonly falseRejectShare: ExactShare;

  constructor(
    config: ReviewStage,
    private readonly stage: number,
    private readonly draws: ItemDraws | null,
  ) {
    this.sendsBack = config.action === 'rework';
    this.sampleRate = config.sampleRate;
    this.detection = config.detection;
    this.falseRejectRate = config.falseReject;
    this.sampleShare = new ExactShare(sharePhase(stage, DrawKind.sampled), 2);
    this.catchShare = new ExactShare(sharePhase(stage, DrawKind.caught));
    this.falseRejectShare = new ExactShare(sharePhase(stage, DrawKind.falseReject));
  }

  samples(serial: number, step: number, wrong: boolean): boolean {
    const p = this.sampleRate;
    if (settled(p)) return p >= 1;
    return this.draws === null ? this.sampleShare.take(p, wrong ? 1 : 0) : this.draws.sampled(serial, this.stage, step) < p;
  }

  rejects(serial: number, attempt: number, step: number, wrong: boolean): boolean {
    if (wrong) {
      const p = this.detection;
      if (settled(p)) return p >= 1;
      return this.draws === null ? this.catchShare.take(p) : this.draws.caught(serial, this.stage, attempt, step) < p;
    }
    const p = this.falseRejectRate;
    if (settled(p)) return p >= 1;
    return this.draws === null ? this.falseRejectShare.take(p) : this.draws.falseReject(serial, this.stage, attempt, step) < p;
  }
}
