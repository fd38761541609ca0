import { sameInstant } from '../engine/same-instant.js';
import { ServerPool, type PoolClient } from '../engine/server-pool.js';
import { Simulation } from '../engine/simulation.js';
import { KeyedRandom } from '../random/keyed-random.js';
import { randomStream } from '../random/stream.js';
import { sampler, type Sampler } from '../random/distribution.js';
import { WaitHistogram } from '../stats/wait-histogram.js';
import { Activity } from './activities.js';
import type { ModelConfig, PayModel } from './config.js';
import { ConsensusLabellers } from './consensus-labellers.js';
import { CostLedger, total } from './cost-ledger.js';
import { ItemStore, Pass } from './item-store.js';
import { PreLabelModel } from './pre-label-model.js';
import type { ReplicationResult } from './replication-result.js';
import { serviceGroups } from './service-groups.js';
import { activityOf, stageRuntime, type StageRuntime } from './stage-runtime.js';
import { Workforce } from './workforce.js';

const REWORK_CLASS = 0;
const NEW_WORK_CLASS = 1;
/** Pools a model may have (an item keeps its labeller's pool in one byte): keys a person as person x MAX_POOLS + pool. */
const MAX_POOLS = 256;


/**
 * One replication of the annotation pipeline: items flow annotate -> review tiers -> accepted,
 * with consensus, adjudication, rework, escalation, gold items and pre-labels, served by pools of
 * people on shift calendars. It is a pure function of (config, seed, replication).
 */
export class AnnotationModel implements PoolClient {
  readonly sim = new Simulation(4096);
  private readonly items: ItemStore;
  /** One engine pool per service group (pools sharing a queue); servers map back to (pool, person). */
  private readonly groups: ServerPool[] = [];
  private readonly serverPool: Int32Array[] = [];
  private readonly serverPerson: Int32Array[] = [];
  private readonly workforces: Workforce[];
  /** Per config pool, resolved from its pay model: hourly rate, fee per task, fee per accepted item, penalty per error found. */
  private readonly ratePerHour: Float64Array;
  private readonly feePerTask: Float64Array;
  private readonly feePerAccepted: Float64Array;
  private readonly penaltyPerError: Float64Array;
  private readonly stages: StageRuntime[];
  /** Who took which consensus copy; null when no stage asks for more than one label. */
  private readonly consensus: ConsensusLabellers | null;
  private readonly workflows: Int32Array[];
  private readonly complexity: Float64Array;
  private readonly ledger: CostLedger;
  private readonly waits: WaitHistogram[];
  private readonly preLabels: PreLabelModel | null;
  private readonly handlingRandom: KeyedRandom | null;
  private readonly outcomeRandom: KeyedRandom | null;
  private readonly totalItems: number;
  private readonly openEnded: boolean;
  private readonly remainingByDay: Float64Array;
  private readonly dayKind: number;
  private readonly arrivalKind: number;
  private readonly arrivalDraws: Array<Sampler | null>;
  private readonly arrivalsLeft: Float64Array;
  /** Arrival events handled so far, per work type. */
  private readonly arrivalEvents: Float64Array;
  private readonly createdOfType: Float64Array;
  private readonly errorRates: Float64Array;
  private readonly typeLeft: Float64Array;
  private readonly typeCompletion: Float64Array;

  private accepted = 0;
  private accurate = 0;
  private acceptedByDeadline = 0;
  private reworks = 0;
  private errorsFound = 0;
  private errorsMade = 0;
  private completionHours = NaN;
  private costAtDeadline: Float64Array | null = null;

  constructor(
    private readonly config: ModelConfig,
    readonly seed: number,
    readonly replication: number,
  ) {
    const random = !config.deterministic;
    const keyed = (purpose: string) => (random ? new KeyedRandom(seed, replication, purpose) : null);
    this.handlingRandom = keyed('handling');
    this.outcomeRandom = keyed('outcomes');

    const finite = config.work.every((w) => w.count !== null);
    this.openEnded = !finite;
    this.totalItems = finite ? config.work.reduce((n, w) => n + (w.count ?? 0), 0) : Infinity;
    this.items = new ItemStore(1024);

    const stageIndex = new Map(config.stages.map((s, i) => [s.name, i]));
    const absences = keyed('absences');
    const paces = keyed('people');
    this.workforces = config.pools.map((pc, i) => new Workforce(this.sim, pc, i, config.clock, config.horizonHours, absences, paces));
    const plan = serviceGroups(config);
    this.stages = config.stages.map((sc, index) => stageRuntime(config, sc, index, plan.groupOfStage[index], this.handlingRandom, this.outcomeRandom));
    // Consensus stages give an item's copies to distinct people: their pools ask who took a copy.
    const widest = this.stages.reduce((k, st) => Math.max(k, st.labels), 1);
    this.consensus = widest > 1 ? new ConsensusLabellers(this.items, this.stages, widest) : null;
    const consensusGroups = new Set(this.stages.filter((st) => st.labels > 1).map((st) => st.group));
    for (const [g, members] of plan.members.entries()) {
      const size = members.reduce((n, p) => n + this.workforces[p].size, 0);
      const eligibility = consensusGroups.has(g) ? this.consensus! : undefined;
      const pool = new ServerPool(this.sim, size, this, { classes: 2, openAtStart: false, eligibility });
      const serverPool = new Int32Array(size);
      const serverPerson = new Int32Array(size);
      let offset = 0;
      for (const p of members) {
        const wf = this.workforces[p];
        wf.attach(pool, offset);
        for (let k = 0; k < wf.size; k++) {
          serverPool[offset + k] = p;
          serverPerson[offset + k] = k;
        }
        offset += wf.size;
      }
      this.groups.push(pool);
      this.serverPool.push(serverPool);
      this.serverPerson.push(serverPerson);
    }
    this.errorRates = Float64Array.from(config.pools, (p) => p.errorRate);
    const payOf = (f: (pay: PayModel) => number) => Float64Array.from(config.pools, (p) => f(p.pay));
    this.ratePerHour = payOf((pay) => (pay.kind === 'salaried' || pay.kind === 'hourly' ? pay.perHour : 0));
    this.feePerTask = payOf((pay) => (pay.kind === 'per-item' ? pay.perItem : 0));
    this.feePerAccepted = payOf((pay) => (pay.kind === 'per-accepted' ? pay.perItem : 0));
    this.penaltyPerError = payOf((pay) => (pay.kind === 'per-item' ? pay.penaltyPerError : 0));
    this.workflows = config.work.map((w) => Int32Array.from(w.workflow, (name) => stageIndex.get(name)!));
    this.complexity = Float64Array.from(config.work, (w) => w.complexity);
    this.typeLeft = Float64Array.from(config.work, (w) => w.count ?? Infinity);
    this.typeCompletion = new Float64Array(config.work.length).fill(NaN);
    this.waits = config.stages.map(() => new WaitHistogram());
    this.ledger = new CostLedger(config, this.workforces, this.ratePerHour);
    this.preLabels = config.preLabels === null ? null : new PreLabelModel(this.sim, config.preLabels, (amount) => this.ledger.add(Activity.retraining, amount));

    const days = Math.ceil(config.horizonHours / 24);
    this.remainingByDay = new Float64Array(days).fill(finite ? this.totalItems : 0);
    this.dayKind = this.sim.register((day) => this.onDayEnd(day));
    if (finite && days > 0) this.sim.at(24, this.dayKind, 0);

    this.arrivalKind = this.sim.register((type) => this.onArrival(type));
    this.arrivalsLeft = Float64Array.from(config.work, (w) => w.count ?? Infinity);
    this.createdOfType = new Float64Array(config.work.length);
    this.arrivalEvents = new Float64Array(config.work.length);
    // Random Poisson arrivals draw their gaps; deterministic ones come at k / rate (see nextArrival).
    this.arrivalDraws = config.work.map((w) => {
      if (w.arrival.kind !== 'poisson' || !random) return null;
      return sampler({ kind: 'exponential', mean: 1 / w.arrival.perHour }, randomStream(seed, replication, `arrivals/${w.name}`));
    });
    config.work.forEach((w, t) => {
      // A consensus stage staffed by fewer people than it asks labels from can finish no item (the
      // loader refuses such a file, but solve and sensitivity studies set headcounts themselves):
      // its work never enters, and the replication runs to the horizon unfinished instead of
      // piling up items whose last copy no one may take.
      const first = this.stages[this.workflows[t][0]];
      if (first.labels > this.groups[first.group].servers) return;
      if (w.arrival.kind === 'backlog') this.sim.at(0, this.arrivalKind, t);
      else this.nextArrival(t);
    });

    if (config.deadlineHours !== null) this.sim.at(config.deadlineHours, this.sim.register(() => this.onDeadline()));
    if (config.warmupHours > 0) this.sim.at(config.warmupHours, this.sim.register(() => this.onWarmupEnd()));
  }

  /** Runs to completion or the horizon and returns what the replication yields. */
  run(): ReplicationResult {
    this.sim.run(this.config.horizonHours);
    return this.result();
  }

  // --- PoolClient -------------------------------------------------------------------------

  started(item: number, _person: number, waited: number): void {
    if (this.sim.now >= this.config.warmupHours) this.waits[this.items.stage[item]].add(waited);
  }

  serviceHours(item: number, server: number): number {
    const items = this.items;
    const st = this.stages[items.stage[item]];
    const pool = this.serverPool[st.group][server];
    const pass = items.pass[item];
    // The item's own draw, keyed by (item, stage, attempt and task), so plans share it.
    const task = items.begun[item]++;
    const hr = this.handlingRandom;
    if (hr !== null) hr.at(items.serial[item], st.index, items.attempts[item] * 16 + task);
    if (this.consensus !== null && ConsensusLabellers.restricts(st, pass)) this.consensus.took(item, task, server);
    let hours = st.draw() * this.complexity[items.type[item]];
    if (pass === Pass.Rework) hours *= st.reworkFactor;
    if (!st.isReview && this.preLabels !== null && pass !== Pass.Adjudication) hours *= this.preLabels.handlingFactor;
    let gold = 0;
    if (st.goldShare > 0 && pass === Pass.First) {
      // Gold items are served between real ones: a geometric number of them, mean share/(1-share).
      for (let g = 0; st.gold.happens(st.goldShare, items.serial[item], g); g++) {
        if (hr !== null) hr.at(items.serial[item], st.index, 1000 + g);
        gold += st.draw() * this.complexity[items.type[item]];
      }
    }
    const factor = this.workforces[pool].handlingFactor(this.serverPerson[st.group][server]);
    hours *= factor;
    gold *= factor;
    const type = items.type[item];
    this.ledger.work(pool, type, activityOf(st, pass), hours);
    if (gold > 0) this.ledger.work(pool, type, Activity.gold, gold);
    return hours + gold;
  }

  completed(item: number, server: number): void {
    const items = this.items;
    const st = this.stages[items.stage[item]];
    const pool = this.serverPool[st.group][server];
    const person = this.serverPerson[st.group][server];
    this.workforces[pool].itemsDone[person]++;
    const fee = this.feePerTask[pool];
    if (fee > 0) this.ledger.addFor(items.type[item], activityOf(st, items.pass[item]), fee);
    if (st.isReview) this.afterReview(item, st, pool);
    else this.afterLabel(item, st, pool, person);
  }

  // --- flow -------------------------------------------------------------------------------

  private onArrival(type: number): void {
    const w = this.config.work[type];
    const a = w.arrival;
    const n = a.kind === 'backlog' ? this.arrivalsLeft[type] : a.kind === 'schedule' ? Math.min(a.batch, this.arrivalsLeft[type]) : 1;
    const first = this.workflows[type][0];
    if (a.kind === 'poisson') this.enterStage(this.newItem(type), first, NEW_WORK_CLASS);
    // A backlog or a delivery joins the queue as one block; its items exist only once served.
    else this.groups[this.stages[first].group].addBacklog(n, type, NEW_WORK_CLASS);
    this.arrivalsLeft[type] -= n;
    this.arrivalEvents[type]++;
    if (this.arrivalsLeft[type] > 0 && a.kind !== 'backlog') this.nextArrival(type);
  }

  /**
   * Schedules the next arrival of a type that arrives over time. Fixed spacings are multiplied
   * out from the first, not added one gap after another, so the k-th delivery or the k-th
   * deterministic arrival at 7/h comes at the instant hand arithmetic gives (70 / 7 = 10 h), not
   * an accumulated ulp away from it.
   */
  private nextArrival(type: number): void {
    const a = this.config.work[type].arrival;
    const k = this.arrivalEvents[type];
    if (a.kind === 'schedule') this.sim.at(a.firstHours + k * a.everyHours, this.arrivalKind, type);
    else if (a.kind === 'poisson') {
      const draw = this.arrivalDraws[type];
      if (draw !== null) this.sim.after(draw(), this.arrivalKind, type);
      else this.sim.at((k + 1) / a.perHour, this.arrivalKind, type);
    }
  }

  /** PoolClient: the next item of a backlog block of work type `type`, about to be served. */
  createJob(type: number): number {
    const item = this.newItem(type);
    const first = this.workflows[type][0];
    const copies = this.prepareStage(item, first);
    // Further consensus labels are as old as the block: they go to the head of the line.
    for (let c = 1; c < copies; c++) this.groups[this.stages[first].group].arriveFirst(item, NEW_WORK_CLASS);
    return item;
  }

  /** A new item of `type`. Its serial, the key of its random draws, is (type, arrival index), the same in every plan. */
  private newItem(type: number): number {
    const k = this.createdOfType[type]++;
    return this.items.create(type, this.workflows[type][0], k * this.config.work.length + type);
  }

  /** Queues an item at a stage: an annotate stage with consensus gets one task per label. */
  private enterStage(item: number, stage: number, cls: number): void {
    const copies = this.prepareStage(item, stage);
    const pool = this.groups[this.stages[stage].group];
    for (let c = 0; c < copies; c++) pool.arrive(item, cls);
  }

  /** Moves an item to a stage and returns how many tasks it needs there. */
  private prepareStage(item: number, stage: number): number {
    const items = this.items;
    items.stage[item] = stage;
    items.begun[item] = 0;
    const st = this.stages[stage];
    if (st.isReview) return 1; // a review keeps the label (and its wrongness) under review
    items.labels[item] = 0;
    items.wrong[item] = 0;
    items.found[item] = 0; // a new label: its error, if any, has not been found yet
    return items.pass[item] === Pass.First ? st.labels : 1;
  }

  private afterLabel(item: number, st: StageRuntime, pool: number, person: number): void {
    const items = this.items;
    const serial = items.serial[item];
    items.labeller[item] = pool;
    let p = this.errorRates[pool];
    if (this.preLabels !== null && items.pass[item] !== Pass.Adjudication) p *= this.preLabels.errorFactor;
    items.labels[item]++;
    // Whether this person errs on this item (at this attempt): keyed to both, so k consensus
    // labels are k people's independent draws, and a plan that hands the item to the same
    // person in another order gets the same label from them.
    if (st.labelError.happensFor(p, serial, person * MAX_POOLS + pool, items.attempts[item])) {
      items.wrong[item]++;
      this.errorsMade++;
    }
    const needed = items.pass[item] === Pass.First ? st.labels : 1;
    if (items.labels[item] < needed) return;

    const wrong = items.wrong[item];
    if (needed > 1 && wrong > 0) {
      const allWrongAgree = wrong === needed && st.agreement.happens(st.wrongAgreement, serial, items.attempts[item]);
      if (!allWrongAgree) {
        // Disagreement: the adjudicator's own label decides.
        items.pass[item] = Pass.Adjudication;
        this.enterStage(item, st.adjudication, REWORK_CLASS);
        return;
      }
    }
    // The item's label is now wrong or right once and for all, until a rework replaces it.
    items.wrong[item] = wrong > 0 ? 1 : 0;
    const pass = items.pass[item];
    if (pass === Pass.Escalation) {
      this.accept(item);
      return;
    }
    if (pass === Pass.Rework) {
      items.pass[item] = Pass.ReReview;
      this.enterStage(item, this.workflows[items.type[item]][items.step[item]], REWORK_CLASS);
      return;
    }
    items.pass[item] = Pass.First;
    this.toNextTier(item);
  }

  /** Moves an item past its current step to the next review tier that samples it, or to acceptance. */
  private toNextTier(item: number): void {
    const items = this.items;
    const flow = this.workflows[items.type[item]];
    const serial = items.serial[item];
    for (let step = items.step[item] + 1; step < flow.length; step++) {
      const tier = this.stages[flow[step]];
      if (tier.sampled.happens(tier.sampleRate, serial, step, items.wrong[item])) {
        items.step[item] = step;
        this.enterStage(item, flow[step], NEW_WORK_CLASS);
        return;
      }
    }
    this.accept(item);
  }

  private afterReview(item: number, st: StageRuntime, reviewer: number): void {
    const items = this.items;
    const serial = items.serial[item];
    const key = items.attempts[item] * 16 + items.step[item];
    const wrong = items.wrong[item] === 1;
    const rejected = wrong ? st.caught.happens(st.detection, serial, key) : st.falseReject.happens(st.falseRejectRate, serial, key);
    if (rejected && wrong && items.found[item] === 0) {
      // Found once: a later tier that meets the same wrong label (after an audit) rejects it
      // again but neither counts it nor charges its penalty a second time.
      items.found[item] = 1;
      this.errorsFound++;
      const penalty = this.penaltyPerError[items.labeller[item]];
      if (penalty > 0) this.ledger.addFor(items.type[item], Activity.penalties, -penalty);
    }
    // A reviewer paid per accepted item is paid for the reviews an item passes.
    if (!rejected && this.feePerAccepted[reviewer] > 0) this.ledger.addFor(items.type[item], Activity.review, this.feePerAccepted[reviewer]);
    if (!rejected || st.audit) {
      items.pass[item] = Pass.First;
      this.toNextTier(item);
      return;
    }
    this.reworks++;
    items.attempts[item]++;
    const annotate = this.stages[this.workflows[items.type[item]][0]];
    if (items.attempts[item] >= annotate.maxAttempts && annotate.escalation >= 0) {
      items.pass[item] = Pass.Escalation;
      this.enterStage(item, annotate.escalation, REWORK_CLASS);
    } else {
      items.pass[item] = Pass.Rework;
      this.enterStage(item, this.workflows[items.type[item]][0], REWORK_CLASS);
    }
  }

  private accept(item: number): void {
    const items = this.items;
    this.accepted++;
    if (items.wrong[item] === 0) this.accurate++;
    // An acceptance within rounding of the deadline is at the deadline: durations that add up to
    // it by hand (70 arrivals at 7/h by 10 h) meet it, whatever the last ulp says.
    const deadline = this.config.deadlineHours;
    const now = deadline !== null && sameInstant(this.sim.now, deadline) ? deadline : this.sim.now;
    if (deadline !== null && now <= deadline) this.acceptedByDeadline++;
    const fee = this.feePerAccepted[items.labeller[item]];
    if (fee > 0) this.ledger.addFor(items.type[item], Activity.annotation, fee);
    this.preLabels?.itemAccepted();
    const type = items.type[item];
    if (--this.typeLeft[type] === 0) this.typeCompletion[type] = now;
    items.release(item);
    if (this.accepted === this.totalItems) {
      this.completionHours = now;
      this.sim.stop();
    }
  }

  // --- time events ------------------------------------------------------------------------

  private onDayEnd(day: number): void {
    this.remainingByDay[day] = this.totalItems - this.accepted;
    if (day + 1 < this.remainingByDay.length) this.sim.at(24 * (day + 2), this.dayKind, day + 1);
  }

  private onDeadline(): void {
    this.costAtDeadline = this.ledger.snapshot(this.sim.now);
  }

  private onWarmupEnd(): void {
    for (const g of this.groups) g.resetStatistics();
    for (const h of this.waits) h.reset();
  }

  // --- assembly ---------------------------------------------------------------------------

  private result(): ReplicationResult {
    const end = Number.isNaN(this.completionHours) ? this.config.horizonHours : this.completionHours;
    const costs = this.ledger.snapshot(end);
    const atDeadline = this.costAtDeadline ?? costs;
    if (!this.openEnded) {
      // Days that end at or after the run's last instant (its completion, or a horizon inside a
      // day) may have no day-end event of their own: the run stopped first, or an acceptance at
      // the very day end was handled before it. They hold what was left at the end.
      const left = this.totalItems - this.accepted;
      for (let d = Math.max(0, Math.ceil(end / 24) - 1); d < this.remainingByDay.length; d++) this.remainingByDay[d] = left;
    }
    const pools = this.config.pools.length;
    const busy = new Float64Array(pools);
    const open = new Float64Array(pools);
    const peakQueue = new Float64Array(pools);
    this.groups.forEach((group, g) => {
      for (let s = 0; s < group.servers; s++) {
        const p = this.serverPool[g][s];
        busy[p] += group.busyHours(s);
        open[p] += group.openHours(s);
      }
      for (const p of new Set(this.serverPool[g])) peakQueue[p] = group.peakQueueLength;
    });
    const utilization = Float64Array.from(busy, (b, p) => (open[p] > 0 ? b / open[p] : 0));
    let bottleneck = 0;
    for (let i = 1; i < utilization.length; i++) if (utilization[i] > utilization[bottleneck]) bottleneck = i;
    const cost = total(costs);
    return {
      replication: this.replication,
      completed: !Number.isNaN(this.completionHours),
      completionHours: this.completionHours,
      acceptedByDeadline: this.config.deadlineHours === null ? this.accepted : this.acceptedByDeadline,
      accepted: this.accepted,
      accurate: this.accurate,
      residualErrorRate: this.accepted > 0 ? (this.accepted - this.accurate) / this.accepted : 0,
      cost,
      costAtDeadline: total(atDeadline),
      costByActivity: costs,
      costByActivityAtDeadline: atDeadline,
      unitCost: this.accurate > 0 ? cost / this.accurate : NaN,
      utilization,
      busyHours: busy,
      peakQueue,
      completionByType: this.typeCompletion,
      costByType: this.ledger.byType(cost),
      waitMean: Float64Array.from(this.waits, (h) => h.mean()),
      waitP95: Float64Array.from(this.waits, (h) => h.quantile(0.95)),
      served: Float64Array.from(this.waits, (h) => h.count),
      reworks: this.reworks,
      errorsFound: this.errorsFound,
      errorsMade: this.errorsMade,
      remainingByDay: this.remainingByDay,
      bottleneck,
      events: this.sim.eventsHandled,
    };
  }
}

/** Runs replication `replication` of a model; a pure function of its arguments. */
export function simulateReplication(config: ModelConfig, seed: number, replication: number): ReplicationResult {
  return new AnnotationModel(config, seed, replication).run();
}
