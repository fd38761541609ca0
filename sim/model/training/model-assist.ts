import type { AssistConfig } from '../config.js';
import type { TrainingDraws } from '../draw-keys.js';
import { ExactShare, settled } from '../exact-share.js';
import type { ErrorModifier, HandlingModifier, PreLabelSource } from '../modifiers/handling-modifier.js';
import type { Task } from '../modifiers/task.js';
import { Pass } from '../pass.js';
import { Activity } from '../activities.js';

/** What an annotator was shown for the label being made. */
const NONE = 0;
const RIGHT = 1;
/** Wrong, and convincing enough that the annotator accepts it (automation bias). */
const ACCEPTED_WRONG = 2;
/** Wrong, and noticed: the annotator corrects it at close to the cost of labelling from scratch. */
const CORRECTED = 3;

/**
 * Model-assisted labelling tied to the model being trained: once a model is deployed, a labelling
 * task (a first pass or a rework, not a review, an adjudication or a gold item) starts from the
 * current model's pre-label. The model is right with the probability of its current accuracy
 * (lower on the hard items active learning chooses). A right pre-label is verified fast; a wrong
 * one is either noticed and corrected near full cost, or accepted as it is (automation bias): fast,
 * and the label is wrong. As retrains raise the accuracy, more pre-labels are right: throughput
 * rises and corrections fall, the savings compounding with each iteration.
 *
 * The pre-label is decided when the first task of a visit starts (its hours depend on it) and kept
 * per item slot until the label is judged; consensus copies of a visit see the same pre-label.
 */
export class ModelAssist implements HandlingModifier, ErrorModifier, PreLabelSource {
  /** Accuracy of the deployed model; 0 before the first model (no pre-labels). */
  accuracy = 0;
  private shown = new Uint8Array(1024);
  private readonly rightShare: ExactShare | null;
  private readonly acceptedShare: ExactShare | null;

  constructor(
    private readonly config: AssistConfig,
    private readonly draws: TrainingDraws | null,
    /** Whether an item (by serial) was chosen by the model: its pre-labels are right less often. */
    private readonly chosen: (task: Task) => boolean,
    private readonly hardAccuracy: number,
  ) {
    this.rightShare = draws === null ? new ExactShare(11) : null;
    this.acceptedShare = draws === null ? new ExactShare(12) : null;
  }

  handlingFactor(task: Task): number {
    if (!labelling(task)) return 1;
    const item = task.item;
    if (item >= this.shown.length) this.grow(item);
    if (task.copy === 0) this.shown[item] = this.accuracy > 0 ? this.decide(task) : NONE;
    const shown = this.shown[item];
    if (shown === NONE) return 1;
    return shown === CORRECTED ? this.config.correct : this.config.verify;
  }

  errorRate(task: Task, p: number): number {
    if (!labelling(task) || task.item >= this.shown.length) return p;
    const shown = this.shown[task.item];
    if (shown === RIGHT) return p * this.config.errorWhenRight;
    if (shown === ACCEPTED_WRONG) return 1;
    return p;
  }

  /** Whether the label being made started from the deployed model's pre-label (decided when its visit's first task started). */
  shownFor(task: Task): boolean {
    return labelling(task) && task.item < this.shown.length && this.shown[task.item] !== NONE;
  }

  private decide(task: Task): number {
    const accuracy = this.chosen(task) ? this.accuracy * this.hardAccuracy : this.accuracy;
    if (this.yes(accuracy, this.rightShare, task, true)) return RIGHT;
    return this.yes(this.config.automationBias, this.acceptedShare, task, false) ? ACCEPTED_WRONG : CORRECTED;
  }

  private yes(p: number, exact: ExactShare | null, task: Task, right: boolean): boolean {
    if (settled(p)) return p >= 1;
    if (exact !== null) return exact.take(p);
    const u = right ? this.draws!.preLabelRight(task.serial, task.attempts) : this.draws!.preLabelAccepted(task.serial, task.attempts);
    return u < p;
  }

  private grow(item: number): void {
    const shown = new Uint8Array(Math.max(item + 1, this.shown.length * 2));
    shown.set(this.shown);
    this.shown = shown;
  }
}

/** A label made at an annotate stage from a pre-label: not a review, an adjudication or a gold item. */
function labelling(task: Task): boolean {
  return !task.stage.isReview && task.pass !== Pass.Adjudication && task.pass !== Pass.Escalation && task.activity !== Activity.gold;
}
