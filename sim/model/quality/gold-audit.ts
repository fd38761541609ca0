import type { Simulation } from '../../engine/simulation.js';
import { Activity } from '../activities.js';
import type { AnnotateStage, ModelConfig } from '../config.js';
import type { CostLedger } from '../cost-ledger.js';
import { sharePhase, type GoldDraws } from '../draw-keys.js';
import { ExactShare, settled } from '../exact-share.js';
import type { ErrorModifier } from '../modifiers/handling-modifier.js';
import type { PersonAccuracy } from '../modifiers/person-accuracy.js';
import type { Task } from '../modifiers/task.js';
import type { Workforce } from '../workforce.js';
import { FlagTests, type FlagRule } from './flag-rule.js';
import type { FlagAction, GoldAuditConfig } from './gold-config.js';

/** The kind of the deterministic gold answers' share phase: past every DrawKind, so its credit starts apart from theirs. */
const GOLD_ANSWER_PHASE = 9;

/** How a person's rested error rate (the pool's times their own factor) stands against the rule's thresholds. */
const GOOD = -1;
const BAD = 1;

/** What the model tells the audits and what they need; built once per replication. */
export interface GoldAuditParts {
  config: ModelConfig;
  sim: Simulation;
  workforces: Workforce[];
  ledger: CostLedger;
  /** Per pool, the price of an hour worked (0 for pools paid by the piece). */
  ratePerHour: Float64Array;
  /** Per pool, the error rate before modifiers, and the chain every label's rate goes through (this one's factor included). */
  errorRates: Float64Array;
  errorModifiers: ErrorModifier[];
  accuracy: PersonAccuracy | null;
  /** Null in deterministic mode: answers are then wrong at each person's exact share. */
  draws: GoldDraws | null;
}

/**
 * Gold audits with consequences (issue 13, item 4). The gold items served before a first pass at a
 * stage with an audit are answered by the same person, each wrong with that person's error rate
 * as every modifier makes it at that moment (their own accuracy, fatigue, drift; pre-labels and a
 * model's help do not apply to gold). Each answer goes to the stage's rule (flag-rule.ts); a flag
 * takes effect when the task the gold came with is submitted, and its consequence (gold-config.ts)
 * acts through the person's workforce: off the queue for a retraining, removed, or replaced.
 *
 * Also an error modifier: a retrained person's rate times the action's errorFactor from then on
 * (the model lists it only when some action has one other than 1).
 *
 * Who is "bad" and "good", for the power and the false flags: a person is bad when their rested
 * rate (the pool's rate times their own accuracy factor, before fatigue or drift) is at least the
 * rule's bad rate (SPRT: p1; window: wrong / of), good when it is at most the acceptable one
 * (SPRT: p0; window: half the bad rate), and in between neither. A replacement is a new person.
 */
export class GoldAudits implements ErrorModifier {
  /** Per stage, its audit (null where none). */
  readonly byStage: Array<StageAudit | null>;
  /** The first person of each pool in the global person index. */
  private readonly base: Int32Array;
  private readonly factor: Float64Array;
  private readonly generation: Int32Array;
  /** Per person, the stage whose rule flagged them during the task in hand, -1 for none. */
  private readonly pending: Int32Array;
  private readonly actions: FlagAction[][];

  constructor(private readonly parts: GoldAuditParts) {
    const { config, workforces } = parts;
    this.base = new Int32Array(workforces.length);
    let people = 0;
    workforces.forEach((w, i) => {
      this.base[i] = people;
      people += w.size;
    });
    this.factor = new Float64Array(people).fill(1);
    this.generation = new Int32Array(people);
    this.pending = new Int32Array(people).fill(-1);
    this.byStage = config.stages.map((s, i) => {
      const gold = s.kind === 'annotate' ? (s.gold ?? null) : null;
      return gold === null ? null : new StageAudit(i, s as AnnotateStage, gold, this.base, people, config, parts.draws);
    });
    this.actions = config.stages.map((s) => {
      const gold = s.kind === 'annotate' ? (s.gold ?? null) : null;
      return config.pools.map((p) => (gold === null ? { kind: 'none' } : (gold.onFlagByPool?.[p.name] ?? gold.onFlag)));
    });
    for (const a of this.byStage) if (a !== null) for (let pool = 0; pool < workforces.length; pool++) for (let k = 0; k < workforces[pool].size; k++) a.hired(pool, k, this.restedRate(pool, k));
    workforces.forEach((w, pool) => (w.onFreshStart = (person) => this.freshStart(pool, person)));
  }

  /** Whether a model audits gold anywhere. */
  static applies(config: ModelConfig): boolean {
    return config.stages.some((s) => s.kind === 'annotate' && (s.gold ?? null) !== null && s.goldShare > 0);
  }

  /** Whether some consequence changes a person's error rate (the model then lists this as a modifier). */
  static changesRates(config: ModelConfig): boolean {
    const changes = (a: FlagAction) => a.kind === 'retrain' && a.errorFactor !== 1;
    return config.stages.some((s) => s.kind === 'annotate' && s.gold != null && (changes(s.gold.onFlag) || Object.values(s.gold.onFlagByPool ?? {}).some(changes)));
  }

  errorRate(task: Task, p: number): number {
    return Math.min(1, p * this.factor[this.base[task.pool] + task.person]);
  }

  /**
   * `items` gold items, `hours` of work, served before the task described by `task` (its activity
   * is gold while they are answered): each answer is scored and may flag the person.
   */
  served(stage: number, task: Task, items: number, hours: number): void {
    const audit = this.byStage[stage];
    if (audit === null) return;
    const pool = task.pool;
    const g = this.base[pool] + task.person;
    audit.goldItems += items;
    audit.goldHours += hours;
    audit.goldCost += hours * this.parts.ratePerHour[pool];
    let p = this.parts.errorRates[pool];
    const mods = this.parts.errorModifiers;
    for (let m = 0; m < mods.length; m++) p = mods[m].errorRate(task, p);
    for (let i = 0; i < items && this.pending[g] < 0; i++) {
      if (audit.answer(pool, task.person, g, this.generation[g], p)) this.pending[g] = stage;
    }
  }

  /** The task in hand of `person` of `pool` (an item of work type `type`) is submitted: a flag raised on its gold takes effect. */
  taskEnded(pool: number, person: number, type: number): void {
    const g = this.base[pool] + person;
    const stage = this.pending[g];
    if (stage < 0) return;
    this.pending[g] = -1;
    const audit = this.byStage[stage]!;
    const wf = this.parts.workforces[pool];
    const now = this.parts.sim.now;
    audit.flagged(g, now - wf.startOf(person));
    const action = this.actions[stage][pool];
    switch (action.kind) {
      case 'none':
        return;
      case 'retrain': {
        // Paid time off the queue, booked as gold work now (salaried pools: it is not idle time).
        this.parts.ledger.work(pool, type, Activity.gold, action.hours, 0);
        audit.retrainHours += action.hours;
        audit.goldCost += action.hours * this.parts.ratePerHour[pool];
        this.factor[g] *= action.errorFactor;
        wf.leave(person, wf.afterShiftHours(person, action.hours), true, false);
        return;
      }
      case 'remove':
        audit.removed++;
        wf.leave(person, Infinity, false, false);
        return;
      case 'replace':
        audit.removed++;
        wf.leave(person, now + action.hiringDelayHours, false, true);
        return;
    }
  }

  /** Someone new starts in the place of `person` of `pool`: their own accuracy, no retraining, every test from scratch. */
  private freshStart(pool: number, person: number): void {
    const g = this.base[pool] + person;
    const generation = ++this.generation[g];
    this.parts.accuracy?.replace(pool, person, generation);
    this.factor[g] = 1;
    for (const a of this.byStage) a?.hired(pool, person, this.restedRate(pool, person));
  }

  private restedRate(pool: number, person: number): number {
    const f = this.parts.accuracy === null ? 1 : this.parts.accuracy.factorOf(pool, person);
    return Math.min(1, this.parts.errorRates[pool] * f);
  }
}

/** One stage's rule over its people's gold answers, and its counts. */
export class StageAudit {
  private readonly tests: FlagTests;
  private readonly exact: ExactShare;
  /** Per person, the answers they have given at this stage (the key of the next one's draw). */
  private readonly answered: Int32Array;
  /** Per person: GOOD, BAD or 0 for the one now in the place, and whether they have been flagged here. */
  private readonly standing: Int8Array;
  private readonly flaggedOnce: Uint8Array;
  /** Per pool, whether it serves this stage. */
  private readonly serves: Uint8Array;
  private readonly badRate: number;
  private readonly goodRate: number;
  goldItems = 0;
  goldHours = 0;
  goldCost = 0;
  retrainHours = 0;
  removed = 0;
  flags = 0;
  badPeople = 0;
  goodPeople = 0;
  badFlagged = 0;
  falseFlags = 0;
  /** Hours from each flagged bad person's start to their first flag, summed. */
  private flagHours = 0;

  constructor(
    readonly stage: number,
    config: AnnotateStage,
    gold: GoldAuditConfig,
    private readonly base: Int32Array,
    people: number,
    model: ModelConfig,
    private readonly draws: GoldDraws | null,
  ) {
    this.tests = new FlagTests(gold.rule, people);
    this.exact = new ExactShare(sharePhase(stage, GOLD_ANSWER_PHASE), people);
    this.answered = new Int32Array(people);
    this.standing = new Int8Array(people);
    this.flaggedOnce = new Uint8Array(people);
    this.serves = Uint8Array.from(model.pools, (p) => (config.pools.includes(p.name) ? 1 : 0));
    ({ bad: this.badRate, good: this.goodRate } = thresholds(gold.rule));
  }

  /** A person starts in place `person` of `pool` with this rested error rate. */
  hired(pool: number, person: number, rate: number): void {
    if (this.serves[pool] === 0) return;
    const g = this.base[pool] + person;
    this.tests.reset(g);
    this.answered[g] = 0;
    this.flaggedOnce[g] = 0;
    this.standing[g] = rate >= this.badRate ? BAD : rate <= this.goodRate ? GOOD : 0;
    if (this.standing[g] === BAD) this.badPeople++;
    if (this.standing[g] === GOOD) this.goodPeople++;
  }

  /** One gold answer of global person `g` at error rate `p`: true when it flags them. */
  answer(pool: number, person: number, g: number, generation: number, p: number): boolean {
    const n = this.answered[g]++;
    let wrong: boolean;
    if (settled(p)) wrong = p >= 1;
    else wrong = this.draws === null ? this.exact.take(p, g) : this.draws.answer(pool, person, generation, this.stage, n) < p;
    return this.tests.answer(g, wrong);
  }

  /** Global person `g` is flagged, `sinceStart` hours after they started. */
  flagged(g: number, sinceStart: number): void {
    this.flags++;
    if (this.flaggedOnce[g] === 1) return;
    this.flaggedOnce[g] = 1;
    if (this.standing[g] === BAD) {
      this.badFlagged++;
      this.flagHours += sinceStart;
    } else if (this.standing[g] === GOOD) this.falseFlags++;
  }

  /** Mean hours from a bad person's start to their first flag; NaN when none was flagged. */
  get timeToFlag(): number {
    return this.badFlagged === 0 ? NaN : this.flagHours / this.badFlagged;
  }
}

/** The rested error rates from which a person counts as bad, and up to which as good, under a rule. */
export function thresholds(rule: FlagRule): { bad: number; good: number } {
  if (rule.kind === 'sprt') return { bad: rule.p1, good: rule.p0 };
  const bad = rule.wrong / rule.of;
  return { bad, good: bad / 2 };
}
