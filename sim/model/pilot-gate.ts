import type { Simulation } from '../engine/simulation.js';
import type { AgreementTally } from '../stats/agreement.js';
import type { PilotConfig } from './config.js';
import type { CostLedger } from './cost-ledger.js';
import type { AcceptanceListener } from './item-flow.js';
import type { ErrorModifier } from './modifiers/handling-modifier.js';
import type { Task } from './modifiers/task.js';

/** Who lets a held-back work type's items in (arrivals.ts). */
export interface Release {
  release(type: number, n: number): void;
}

export interface PilotParts {
  sim: Simulation;
  config: PilotConfig;
  /** Items of the work type. */
  count: number;
  release: Release;
  /** The agreement tally of the work type's consensus stage. */
  tally: AgreementTally;
  /** Labels per item at that stage. */
  labels: number;
  ledger: CostLedger;
  /** The ledger's activity for guideline revisions. */
  activity: number;
}

/**
 * A pilot gate: the bulk of a work type waits until a pilot batch's labels agree well enough.
 * The type's items are let in one batch at a time; when a batch is accepted, the percent agreement
 * of its consensus labels is measured (the stage tally's pairs added during the round: during the
 * pilot only the batch passes that stage's first labels). At the target, or after the last round
 * allowed, the rest is let in; short of it, the guidelines are revised: time passes and money is
 * spent, and then every label of the type is wrong `errorFactor` times as often (the revision
 * clears up what people mixed up), and the next batch is let in.
 */
export class PilotGate implements AcceptanceListener, ErrorModifier {
  rounds = 0;
  /** When the bulk was let in (NaN until then), the agreement of the last batch measured, whether it reached the target, the money of revisions. */
  openHours = NaN;
  lastAgreement = NaN;
  passed = false;
  revisionCost = 0;
  private errorScale = 1;
  private released = 0;
  private acceptedInRound = 0;
  private batchSize = 0;
  private agreeingAtStart = 0;
  private pairsAtStart = 0;
  private readonly reviseKind: number;

  constructor(private readonly parts: PilotParts) {
    this.reviseKind = parts.sim.register(() => this.revised());
  }

  /** Lets the first pilot batch in. */
  start(): void {
    this.nextBatch();
  }

  itemAccepted(type: number): void {
    if (type !== this.parts.config.type || !Number.isNaN(this.openHours)) return;
    if (++this.acceptedInRound < this.batchSize) return;
    const { agreeing, pairs } = this.pairsSoFar();
    this.lastAgreement = pairs > this.pairsAtStart ? (agreeing - this.agreeingAtStart) / (pairs - this.pairsAtStart) : NaN;
    const c = this.parts.config;
    this.passed = this.lastAgreement >= c.agreement;
    if (this.passed || this.rounds >= c.maxRounds || this.released >= this.parts.count) {
      this.open();
      return;
    }
    this.revisionCost += c.revisionCost;
    this.parts.ledger.add(this.parts.activity, c.revisionCost);
    this.parts.sim.after(c.revisionHours, this.reviseKind, 0);
  }

  errorRate(task: Task, p: number): number {
    return task.type === this.parts.config.type ? p * this.errorScale : p;
  }

  private revised(): void {
    this.errorScale *= this.parts.config.errorFactor;
    this.nextBatch();
  }

  private nextBatch(): void {
    const n = Math.min(this.parts.config.batch, this.parts.count - this.released);
    this.rounds++;
    this.batchSize = n;
    this.acceptedInRound = 0;
    const { agreeing, pairs } = this.pairsSoFar();
    this.agreeingAtStart = agreeing;
    this.pairsAtStart = pairs;
    this.released += n;
    this.parts.release.release(this.parts.config.type, n);
  }

  private open(): void {
    this.openHours = this.parts.sim.now;
    const rest = this.parts.count - this.released;
    this.released = this.parts.count;
    if (rest > 0) this.parts.release.release(this.parts.config.type, rest);
  }

  /** Agreeing and all label pairs in the tally so far: every item there has the stage's `labels` labels. */
  private pairsSoFar(): { agreeing: number; pairs: number } {
    const t = this.parts.tally;
    const m = this.parts.labels;
    const pairs = (t.items * m * (m - 1)) / 2;
    return { agreeing: pairs > 0 ? t.percentAgreement() * pairs : 0, pairs };
  }
}

/** One listener told of every acceptance, for two that each want to be (null when neither does). */
export function bothListeners(a: AcceptanceListener | null, b: AcceptanceListener | null): AcceptanceListener | null {
  if (a === null) return b;
  if (b === null) return a;
  return {
    itemAccepted(type, wrong) {
      a.itemAccepted(type, wrong);
      b.itemAccepted(type, wrong);
    },
  };
}
