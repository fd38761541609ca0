import type { AnnotateStage } from './config.js';
import { DrawKind, sharePhase, type ItemDraws } from './draw-keys.js';
import { ExactShare, settled } from './exact-share.js';

/**
 * The chance events of labelling at one annotate stage: whether a person's label is wrong,
 * whether wrong consensus labels happen to agree, and how many gold items come before an item.
 */
export class LabellingOutcomes {
  private readonly goldShare: number;
  private readonly wrongAgreement: number;
  private readonly errorShare: ExactShare;
  private readonly agreementShare: ExactShare;
  private readonly goldOdds: ExactShare;

  constructor(
    config: AnnotateStage | null,
    private readonly stage: number,
    private readonly draws: ItemDraws | null,
  ) {
    this.goldShare = config?.goldShare ?? 0;
    this.wrongAgreement = config?.wrongAgreement ?? 0;
    this.errorShare = new ExactShare(sharePhase(stage, DrawKind.labelError));
    this.agreementShare = new ExactShare(sharePhase(stage, DrawKind.agreement));
    this.goldOdds = new ExactShare(sharePhase(stage, DrawKind.gold));
  }

  /**
   * Whether `person` of `pool` labels the item wrongly (with probability `p`) at its
   * `attempt`-th try: keyed to both, so k consensus labels are k people's independent draws,
   * and a plan that hands the item to the same person in another order gets the same label.
   */
  errs(p: number, serial: number, person: number, pool: number, attempt: number): boolean {
    if (settled(p)) return p >= 1;
    return this.draws === null ? this.errorShare.take(p) : this.draws.labelError(serial, this.stage, person, pool, attempt) < p;
  }

  /** Whether labels that are all wrong happen to agree (a shared mistake consensus cannot see). */
  wrongLabelsAgree(serial: number, attempt: number): boolean {
    const p = this.wrongAgreement;
    if (settled(p)) return p >= 1;
    return this.draws === null ? this.agreementShare.take(p) : this.draws.agreement(serial, this.stage, attempt) < p;
  }

  /**
   * Whether a `g`-th gold item is served before the item's first pass: gold items come between
   * real ones, a geometric number of them with mean share / (1 - share).
   */
  goldBefore(serial: number, g: number): boolean {
    const p = this.goldShare;
    if (settled(p)) return p >= 1;
    return this.draws === null ? this.goldOdds.take(p) : this.draws.gold(serial, this.stage, g) < p;
  }
}
