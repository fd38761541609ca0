import { ServerPool } from '../engine/server-pool.js';
import { drawnModel } from './parameter-draws.js';
import { Simulation } from '../engine/simulation.js';
import { WaitHistogram } from '../stats/wait-histogram.js';
import { Activity, activityNames, PILOT_ACTIVITY } from './activities.js';
import { Arrivals } from './arrivals.js';
import type { ModelConfig } from './config.js';
import { ClassOutcomes } from './class-outcomes.js';
import { ConsensusClasses } from './consensus-classes.js';
import { ConsensusLabellers } from './consensus-labellers.js';
import { LabelClasses } from './label-classes.js';
import { CostLedger } from './cost-ledger.js';
import { ClassDraws, CrossCheckDraws, exchangeRateStream, GoldDraws, ItemDraws, PersonDraws, TrainingDraws } from './draw-keys.js';
import { DeployedModel } from './training/deployed-model.js';
import { GuidelineVersions } from './guideline-versions.js';
import { ItemFlow } from './item-flow.js';
import { bothListeners, PilotGate } from './pilot-gate.js';
import { RelabelDraws } from './relabel-selection.js';
import { ItemStore } from './item-store.js';
import { Complexity } from './modifiers/complexity.js';
import type { ErrorModifier, HandlingModifier } from './modifiers/handling-modifier.js';
import { Fatigue } from './modifiers/fatigue.js';
import { PersonAccuracy } from './modifiers/person-accuracy.js';
import { PersonPace } from './modifiers/person-pace.js';
import { PreLabels } from './modifiers/pre-labels.js';
import { ReworkPace } from './modifiers/rework-pace.js';
import { emptyTask } from './modifiers/task.js';
import { payTerms } from './pay/index.js';
import { MovingPrices } from './pay/moving-prices.js';
import { DatedPrices } from './pay/dated-prices.js';
import { pricePath } from './pay/price-path.js';
import { queueDiscipline } from './queue-discipline.js';
import type { Recorder } from './recorder.js';
import { assembleResult } from './replication-assembly.js';
import type { ReplicationResult } from './replication-result.js';
import { ReplicationTally } from './replication-tally.js';
import { serviceGroups } from './service-groups.js';
import { stageRuntime, type StageRuntime } from './stage-runtime.js';
import { stoppingRule, type StoppingRule } from './stopping-rule.js';
import { ServiceLevels } from './service-levels.js';
import { Tasks } from './tasks.js';
import { TimeInSystem, weeksOf } from './time-in-system.js';
import { WeeklyQueue } from './weekly-queue.js';
import { ChosenItems } from './training/chosen-items.js';
import { replicationCurve } from './training/replication-curve.js';
import { ModelAssist } from './training/model-assist.js';
import { TrainingLoop } from './training/training-loop.js';
import { Workforce } from './workforce.js';
import { GoldAudits } from './quality/gold-audit.js';

/** What a replication may be given beside its config, seed and index. */
export interface ReplicationOptions {
  /** Sees every task, label, review and acceptance (tests); production leaves it out. */
  recorder?: Recorder;
}

/**
 * One replication of the annotation pipeline, wired from its parts: pools of people on shift
 * calendars (workforce.ts) serve the stages' queues (the engine's ServerPool, one per group of
 * pools sharing a queue); work arrives (arrivals.ts); each task's hours come from task-hours.ts
 * and each finished task moves its item through the flow (item-flow.ts). Every rule is resolved
 * here once, from the config, into the contracts the hot path calls: stopping rule, queue
 * discipline, review policies, pay terms, handling and error modifiers, recorder.
 * A pure function of (config, seed, replication).
 */
export class AnnotationModel {
  readonly sim = new Simulation(4096);
  private readonly items = new ItemStore(1024);
  private readonly groups: ServerPool[] = [];
  /** Per group and server: the config pool and the person within it. */
  private readonly serverPool: Int32Array[] = [];
  private readonly serverPerson: Int32Array[] = [];
  private readonly workforces: Workforce[];
  private readonly stages: StageRuntime[];
  private readonly ledger: CostLedger;
  private readonly waits: WaitHistogram[];
  private readonly serviceLevels: ServiceLevels | null;
  private readonly timeInSystem: TimeInSystem;
  private readonly weeklyQueue: WeeklyQueue;
  private readonly tally: ReplicationTally;
  private readonly stopping: StoppingRule;
  private readonly flow: ItemFlow;
  private readonly arrivals: Arrivals;
  private readonly tasks: Tasks;
  private readonly remainingByDay: Float64Array;
  /** The deployed model's accuracy and the cost so far at each day's end (models that train one; empty otherwise). */
  private readonly accuracyByDay: Float64Array;
  private readonly costByDay: Float64Array;
  private readonly training: TrainingLoop | null = null;
  private readonly dayKind: number;
  private readonly recorder: Recorder | null;
  private costAtDeadline: Float64Array | null = null;
  private readonly consensusClasses: ConsensusClasses | null;
  private readonly classOutcomes: ClassOutcomes | null;
  /** Guideline versions and their relabelling; null without guideline changes. */
  readonly guidelines: GuidelineVersions | null;
  /** The pilot gate; null without one. */
  readonly pilot: PilotGate | null;
  private readonly audits: GoldAudits | null;

  constructor(
    private readonly config: ModelConfig,
    readonly seed: number,
    readonly replication: number,
    options: ReplicationOptions = {},
  ) {
    const random = !config.deterministic;
    const draws = random ? new ItemDraws(seed, replication) : null;
    this.recorder = options.recorder ?? null;
    this.stopping = stoppingRule(config);
    this.tally = new ReplicationTally(config.work.map((w) => w.count), config.stages.length);
    const discipline = queueDiscipline(config.queue);

    const people = random ? new PersonDraws(seed, replication) : null;
    this.workforces = config.pools.map((pc, i) => new Workforce(this.sim, pc, i, config.clock, config.horizonHours, people));
    const plan = serviceGroups(config);
    // The model in use, for the tiers that cross-check labels against it (set by the training loop, or from a date).
    const deployed = new DeployedModel();
    const crossChecks = config.stages.some((s) => s.kind === 'review' && (s.crossCheck ?? null) !== null);
    const crossChecking = crossChecks ? { model: deployed, draws: random ? new CrossCheckDraws(seed, replication) : null } : null;
    this.stages = config.stages.map((sc, index) => stageRuntime(config, sc, index, plan.groupOfStage[index], draws, crossChecking));
    // Consensus stages give an item's copies to distinct people: their pools ask who took a copy.
    const widest = this.stages.reduce((k, st) => Math.max(k, st.labels), 1);
    const consensus = widest > 1 ? new ConsensusLabellers(this.items, this.stages, widest) : null;
    const consensusGroups = new Set(this.stages.filter((st) => st.labels > 1).map((st) => st.group));
    // Classes only where a file declares them: without, no class is drawn and the flow takes its old path.
    const declaresClasses = config.work.some((w) => w.classes !== undefined);
    const labelClasses = declaresClasses ? new LabelClasses(config.work, random ? new ClassDraws(seed, replication) : null) : null;
    this.consensusClasses = labelClasses !== null && widest > 1 ? new ConsensusClasses(labelClasses, config.work, this.stages.map((st) => st.labels), widest, config.pools.length) : null;
    this.classOutcomes = labelClasses === null ? null : new ClassOutcomes(labelClasses, config.work);

    const pay = config.pools.map((p) => payTerms(p.pay));
    const paths = config.pools.map((pc) => pricePath(config, pc, (currency) => exchangeRateStream(seed, replication, currency)));
    const moving = paths.some((x) => x !== null) ? new MovingPrices(paths, activityNames(config).length, this.sim) : null;
    const changes = config.costs.priceChanges ?? [];
    const dated = changes.length > 0 ? new DatedPrices(changes, activityNames(config), this.sim) : null;
    this.ledger = new CostLedger(config, this.workforces, pay, moving, dated);
    const preLabels = config.preLabels === null ? null : new PreLabels(this.sim, config.preLabels, (amount) => this.retrain(amount));
    // A modifier that could only ever multiply by 1 is left out: the hot path skips its call.
    const itemModifiers: HandlingModifier[] = [];
    if (config.work.some((w) => w.complexity !== 1)) itemModifiers.push(new Complexity(config.work));
    if (this.stages.some((st) => st.reworkFactor !== 1)) itemModifiers.push(new ReworkPace());
    const errorModifiers: ErrorModifier[] = [];
    if (preLabels !== null) {
      itemModifiers.push(preLabels);
      errorModifiers.push(preLabels);
    }
    const tc = config.training ?? null;
    const trainingType = tc === null ? -1 : config.work.findIndex((w) => w.name === tc.workType);
    let assist: ModelAssist | null = null;
    if (tc !== null) {
      const s = tc.selection;
      const chosen = s.kind === 'active' ? new ChosenItems(trainingType, config.work.length, tc.validation + s.seed, s.hardHandling, s.hardError) : null;
      if (chosen !== null) {
        itemModifiers.push(chosen);
        errorModifiers.push(chosen);
      }
      if (tc.assist !== null) {
        const hard = s.kind === 'active' ? s.hardModelAccuracy : 1;
        assist = new ModelAssist(tc.assist, random ? new TrainingDraws(seed, replication) : null, (t) => chosen !== null && chosen.isChosen(t), hard);
        itemModifiers.push(assist);
        errorModifiers.push(assist);
      }
    }
    const accuracy = people !== null && PersonAccuracy.applies(config.pools) ? new PersonAccuracy(config.pools, this.workforces.map((w) => w.size), people) : null;
    if (accuracy !== null) errorModifiers.push(accuracy);
    // Fatigue and drift are the person's state: they scale the task's hours with the person's pace.
    // A factor of exactly 1 changes no hours: with everyone at plain pace the modifier is left out (NOTE: speed: 3% of an M/M/c run's instructions).
    const plainPace = !GoldAudits.applies(config) && this.workforces.every((w) => w.atPlainPace());
    const personModifiers: HandlingModifier[] = plainPace ? [] : [new PersonPace(this.workforces)];
    if (Fatigue.applies(config.pools)) {
      const preLabelSources = [preLabels, assist].filter((s) => s !== null);
      const fatigue = new Fatigue(config.pools, this.workforces, () => this.sim.now, preLabelSources);
      personModifiers.push(fatigue);
      errorModifiers.push(fatigue);
    }
    // A pilot gate lets its work type in batch by batch (through the arrivals, built after the flow).
    const pc = config.pilot;
    const pilotStage = pc === undefined ? -1 : config.stages.findIndex((s) => s.name === config.work[pc.type]!.workflow[0]);
    this.pilot = pc === undefined || this.consensusClasses === null
      ? null
      : new PilotGate({
          sim: this.sim,
          config: pc,
          count: config.work[pc.type]!.count ?? 0,
          release: { release: (type, n) => this.arrivals.release(type, n) },
          tally: this.consensusClasses.tallies[pilotStage]!,
          labels: this.stages[pilotStage]!.labels,
          ledger: this.ledger,
          activity: this.ledger.names.indexOf(PILOT_ACTIVITY),
        });
    if (this.pilot !== null) errorModifiers.push(this.pilot);
    const errorRates = Float64Array.from(config.pools, (p) => p.errorRate);
    this.audits = GoldAudits.applies(config) ? this.goldAudits(errorRates, errorModifiers, accuracy, pay.map((t) => t.perHourWorked), random) : null;
    const task = emptyTask(this.stages[0]);
    const workflows = config.work.map((w) => Int32Array.from(w.workflow, (name) => config.stages.findIndex((s) => s.name === name)));
    this.waits = config.stages.map(() => new WaitHistogram());
    const thresholds = config.waitThresholdHours ?? [];
    this.serviceLevels = thresholds.length > 0 ? new ServiceLevels(config.stages.length, thresholds) : null;
    this.timeInSystem = new TimeInSystem(config, config.warmupHours);
    // Guideline versions only where a file declares changes: without, the flow and tasks skip them.
    this.guidelines = config.guidelines === undefined
      ? null
      : new GuidelineVersions({
          sim: this.sim,
          config,
          items: this.items,
          stages: this.stages,
          workflows,
          groups: this.groups,
          discipline,
          tally: this.tally,
          pay,
          classes: declaresClasses ? new LabelClasses(config.work, random ? new ClassDraws(seed, replication) : null) : null,
          draws: random ? new RelabelDraws(seed, replication) : null,
        });
    this.tasks = new Tasks({
      sim: this.sim,
      items: this.items,
      stages: this.stages,
      serverPool: this.serverPool,
      serverPerson: this.serverPerson,
      workforces: this.workforces,
      waits: this.waits,
      serviceLevels: this.serviceLevels,
      warmupHours: config.warmupHours,
      draws,
      itemModifiers,
      personModifiers,
      task,
      consensus,
      ledger: this.ledger,
      recorder: this.recorder,
      guidelines: this.guidelines,
      audits: this.audits,
    });
    // The pools' first shifts are scheduled here, before anything else.
    for (const [g, members] of plan.members.entries()) this.addGroup(members, discipline.classes, consensusGroups.has(g) ? consensus! : undefined);
    this.flow = new ItemFlow({
      sim: this.sim,
      items: this.items,
      stages: this.stages,
      workflows,
      groups: this.groups,
      discipline,
      pay,
      errorRates,
      errorModifiers,
      task,
      ledger: this.ledger,
      stopping: this.stopping,
      tally: this.tally,
      deadlineHours: config.deadlineHours,
      onAccepted: null,
      timeInSystem: this.timeInSystem,
      recorder: this.recorder,
      consensusClasses: this.consensusClasses,
      classOutcomes: this.classOutcomes,
      typeHasClasses: Uint8Array.from(config.work, (w) => (w.classes === undefined ? 0 : 1)),
      guidelines: this.guidelines,
    });

    // Event order at equal times is scheduling order: day ends, then arrivals, then the deadline.
    const goal = this.stopping.goal;
    const days = Math.ceil(config.horizonHours / 24);
    this.remainingByDay = new Float64Array(days).fill(Number.isFinite(goal) ? goal : 0);
    this.accuracyByDay = new Float64Array(tc === null ? 0 : days);
    this.costByDay = new Float64Array(tc === null ? 0 : days);
    this.dayKind = this.sim.register((day) => this.onDayEnd(day));
    if ((Number.isFinite(goal) || tc !== null) && days > 0) this.sim.at(24, this.dayKind, 0);
    const randomArrivals = random ? { seed, replication } : null;
    const heldBack = new Set(tc !== null && TrainingLoop.holdsBackWork(tc) ? [trainingType] : []);
    if (this.pilot !== null) heldBack.add(pc!.type);
    this.arrivals = new Arrivals(this.sim, config.work, this.items, this.stages, workflows, this.groups, this.flow, discipline, randomArrivals, heldBack);
    if (tc !== null) {
      this.training = new TrainingLoop({
        sim: this.sim,
        config: tc,
        type: trainingType,
        candidates: config.work[trainingType].count ?? 0,
        curve: replicationCurve(tc.curve, random ? { seed, replication } : null),
        ledger: this.ledger,
        engineering: this.ledger.names.indexOf('engineering'),
        synthetic: this.ledger.names.indexOf('synthetic'),
        stopping: this.stopping,
        tally: this.tally,
        release: this.arrivals,
        assist,
        deployed,
        recorder: this.recorder,
      });
    }
    this.flow.listen(bothListeners(preLabels ?? this.training, this.pilot));
    this.tasks.connect(this.flow, this.arrivals);
    this.weeklyQueue = new WeeklyQueue(this.sim, this.groups, plan.groupOfPool, weeksOf(config), config.horizonHours);
    this.arrivals.start();
    this.training?.start();
    this.guidelines?.start(config.horizonHours);
    this.pilot?.start();
    if (config.deadlineHours !== null) this.sim.at(config.deadlineHours, this.sim.register(() => this.onDeadline()));
    if (config.warmupHours > 0) this.sim.at(config.warmupHours, this.sim.register(() => this.onWarmupEnd()));
    // A cross-check against a model of fixed accuracy (no model trained here) starts at its date.
    for (const s of config.stages) {
      const cc = s.kind === 'review' ? (s.crossCheck ?? null) : null;
      if (cc === null || cc.accuracy === null || this.training !== null) continue;
      const accuracy = cc.accuracy;
      this.sim.at(Math.min(cc.fromHours, config.horizonHours), this.sim.register(() => (deployed.accuracy = Math.max(deployed.accuracy, accuracy))));
    }
  }

  /** Runs to completion or the horizon and returns what the replication yields. */
  run(): ReplicationResult {
    this.sim.run(this.config.horizonHours);
    return assembleResult({
      config: this.config,
      replication: this.replication,
      sim: this.sim,
      tally: this.tally,
      ledger: this.ledger,
      costAtDeadline: this.costAtDeadline,
      groups: this.groups,
      serverPool: this.serverPool,
      serverPerson: this.serverPerson,
      waits: this.waits,
      serviceLevels: this.serviceLevels,
      timeInSystem: this.timeInSystem,
      weeklyQueue: this.weeklyQueue,
      remainingByDay: this.remainingByDay,
      accuracyByDay: this.accuracyByDay,
      costByDay: this.costByDay,
      training: this.training,
      goal: this.stopping.goal,
      recorder: this.recorder,
      consensusClasses: this.consensusClasses,
      classOutcomes: this.classOutcomes,
      guidelines: this.guidelines,
      pilot: this.pilot,
      audits: this.audits,
    });
  }

  // --- wiring -----------------------------------------------------------------------------

  /** One engine pool for the config pools `members`, which share a queue; servers map back to (pool, person). */
  private addGroup(members: number[], classes: number, eligibility: ConsensusLabellers | undefined): void {
    const size = members.reduce((n, p) => n + this.workforces[p].size, 0);
    const group = new ServerPool(this.sim, size, this.tasks, { classes, openAtStart: false, eligibility });
    const serverPool = new Int32Array(size);
    const serverPerson = new Int32Array(size);
    let offset = 0;
    for (const p of members) {
      const wf = this.workforces[p];
      wf.attach(group, offset);
      serverPool.fill(p, offset, offset + wf.size);
      for (let k = 0; k < wf.size; k++) serverPerson[offset + k] = k;
      offset += wf.size;
    }
    this.groups.push(group);
    this.serverPool.push(serverPool);
    this.serverPerson.push(serverPerson);
  }

  /** Gold answers scored, people flagged and the flags' consequences (quality/gold-audit.ts); after every other error modifier, so a gold answer's rate is a label's. */
  private goldAudits(errorRates: Float64Array, errorModifiers: ErrorModifier[], accuracy: PersonAccuracy | null, rates: number[], random: boolean): GoldAudits {
    const draws = random ? new GoldDraws(this.seed, this.replication) : null;
    const audits = new GoldAudits({ config: this.config, sim: this.sim, workforces: this.workforces, ledger: this.ledger, ratePerHour: Float64Array.from(rates), errorRates, errorModifiers, accuracy, draws });
    if (GoldAudits.changesRates(this.config)) errorModifiers.push(audits);
    return audits;
  }

  private retrain(amount: number): void {
    this.ledger.add(Activity.retraining, amount);
    this.recorder?.retrainStarted(this.sim.now);
  }

  // --- time events ------------------------------------------------------------------------

  private onDayEnd(day: number): void {
    if (Number.isFinite(this.stopping.goal)) this.remainingByDay[day] = this.stopping.goal - this.tally.accepted;
    if (this.training !== null) {
      this.accuracyByDay[day] = this.training.accuracy;
      this.costByDay[day] = this.ledger.totalAt(this.sim.now);
    }
    if (day + 1 < this.remainingByDay.length) this.sim.at(24 * (day + 2), this.dayKind, day + 1);
  }

  private onDeadline(): void {
    this.costAtDeadline = this.ledger.snapshot(this.sim.now);
  }

  private onWarmupEnd(): void {
    for (const g of this.groups) g.resetStatistics();
    for (const h of this.waits) h.reset();
    this.serviceLevels?.reset();
  }
}

/** Runs replication `replication` of a model; a pure function of its arguments. */
export function simulateReplication(config: ModelConfig, seed: number, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  return new AnnotationModel(drawnModel(config, seed, replication), seed, replication, options).run();
}
