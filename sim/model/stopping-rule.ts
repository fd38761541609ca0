import type { ModelConfig } from './config.js';

/**
 * When a project is done. Checked at every acceptance; a replication that never meets its rule
 * runs to the horizon and is censored (not finished).
 */
export interface StoppingRule {
  /** Items the project sets out to deliver: where the burn-down starts. Infinity when no count is set. */
  readonly goal: number;
  /** Whether the project is done once `accepted` items have been accepted. */
  isMet(accepted: number): boolean;
  /** Whether the project is done once a model evaluation has measured `accuracy` (training/). */
  isMetByModel(accuracy: number): boolean;
}

/** Done when every item of every work type is accepted; never, when arrivals go on to the horizon. */
export class AllItemsAccepted implements StoppingRule {
  readonly goal: number;

  constructor(config: ModelConfig) {
    const finite = config.work.every((w) => w.count !== null);
    this.goal = finite ? config.work.reduce((n, w) => n + (w.count ?? 0), 0) : Infinity;
  }

  isMet(accepted: number): boolean {
    return accepted === this.goal;
  }

  isMetByModel(): boolean {
    return false;
  }
}

/** Done at the `items`-th acceptance: "300,000 of the 500,000 frames by the deadline", or a count from a stream of arrivals. */
export class ItemsAccepted implements StoppingRule {
  constructor(readonly goal: number) {}

  isMet(accepted: number): boolean {
    return accepted >= this.goal;
  }

  isMetByModel(): boolean {
    return false;
  }
}

/**
 * Done when the model being trained on the labels reaches an accuracy, as measured when a
 * retrained model is evaluated: "90% accuracy", however many labels that takes. How many items
 * that is depends on the learning curve, so there is no item count to burn down.
 */
export class AccuracyReached implements StoppingRule {
  readonly goal = Infinity;

  constructor(readonly accuracy: number) {}

  isMet(): boolean {
    return false;
  }

  isMetByModel(accuracy: number): boolean {
    return accuracy >= this.accuracy;
  }
}

/** The stopping rule a model's config asks for. */
export function stoppingRule(config: ModelConfig): StoppingRule {
  const target = config.target ?? null;
  if (target === null) return new AllItemsAccepted(config);
  return 'accuracy' in target ? new AccuracyReached(target.accuracy) : new ItemsAccepted(target.accepted);
}

/** Whether a project has a finish line: a count for every work type, or a target. Without one there is no completion time and no burn-down. */
export function hasFinishLine(config: Pick<ModelConfig, 'work' | 'target'>): boolean {
  return (config.target ?? null) !== null || config.work.every((w) => w.count !== null);
}
