import { parseClockTime, type ShiftPattern } from '../../sim/calendar/index.js';
import type {
  AnnotateStage,
  Arrival,
  CostConfig,
  CrossCheckConfig,
  ModelConfig,
  PayModel,
  PoolConfig,
  PreLabelConfig,
  ReviewStage,
  ShiftGroup,
  StageConfig,
  WorkType,
} from '../../sim/model/config.js';
import { distributionProblems, type Distribution } from '../../sim/random/distribution.js';
import { ExperimentError, describeValue, joinPath, type PathSegment } from './errors.js';
import { ALWAYS, FIXED_COSTS_EXPECTED, MAX_FIXED_COSTS, NO_PAY, SHIFTS_EXPECTED, type HandlingDocument, type ModelDocument, type PoolDocument } from './schema.js';
import { classesOf } from './classes.js';
import { deadlineHours as deadlineHoursOf } from './deadline.js';
import { guidelinesOf } from './guidelines.js';
import { pilotOf } from './pilot.js';
import { GOLD_SET_ACTIVITY, goldOf } from './gold.js';
import { unusedPools } from './left-out-pools.js';
import { datedPrices, movingPay } from './moving-pay.js';
import { parameterDrawsOf } from './parameter-draws.js';
import { trainingOf } from './training.js';
import { durationHours, ratePerHour, shareValue } from './units.js';
import { MAX_ITEM_SERIAL, MAX_POOLS, MAX_STAGES, MAX_TYPES } from '../../sim/model/model-limits.js';

/**
 * Limits of the model's representation, refused with the field at fault: an item keeps its type,
 * stage and pool in one byte each and its serial (the key of its random draws) in 32 bits; the
 * horizon sets the size of every per-day figure and calendar (and the time grid is exact to ~9
 * million hours). See experiments/run/limits.ts for the memory limits checked before a run.
 */
export { MAX_ITEM_SERIAL, MAX_POOLS, MAX_STAGES, MAX_TYPES } from '../../sim/model/model-limits.js';
/** 100 years, in hours (5,200 weeks). */
export const MAX_HORIZON_HOURS = 5200 * 168;

const ALL_WEEK: ShiftPattern = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' };
/**
 * Turns a schema-valid model document into a ModelConfig, checking what a schema cannot see:
 * references between sections, the order of a workflow, time windows, distribution parameters.
 *
 * @param prefix - formatted path of the document's root in the file: '' for the document itself,
 *   `plans.<plan>.patch` for a plan (the patch is what made an otherwise valid document wrong)
 */
export function buildModel(doc: ModelDocument, file: string, prefix = ''): ModelConfig {
  const fail = (path: PathSegment[], expected: string, got?: string): never => {
    throw new ExperimentError(file, joinPath(prefix, path), expected, got);
  };
  const hours = (text: string) => durationHours(text) as number; // the schema checked it
  const share = (x: number | string) => shareValue(x) as number;

  // Clock and time windows. The start may be any day; t = 0 is its 00:00 in timeZone.
  const clock = { startDate: doc.start, timeZone: doc.timeZone };
  let deadlineHours: number | null = null;
  if (doc.deadline !== null) {
    const deadline = deadlineHoursOf(doc.deadline, clock);
    if (typeof deadline !== 'number') fail(['deadline'], deadline.expected, deadline.got);
    deadlineHours = deadline as number;
  }
  const warmupHours = hours(doc.warmup);
  let horizonHours: number;
  if (doc.horizon !== undefined) {
    horizonHours = hours(doc.horizon);
    if (deadlineHours !== null && horizonHours < deadlineHours) {
      // A deadline in days crosses a clock change as calendar days: say how long it then is.
      const elapsed = deadlineHours === durationHours(doc.deadline) ? '' : `, ${Number(deadlineHours.toFixed(2))} h after the start`;
      fail(['horizon'], `a horizon at least as long as the deadline (${doc.deadline}${elapsed})`, JSON.stringify(doc.horizon));
    }
  } else {
    // Three times the duration as written (a clock change in a calendar deadline does not move it), or the hours to a dated deadline.
    horizonHours = deadlineHours === null ? 52 * 168 : 3 * (durationHours(doc.deadline) ?? deadlineHours);
  }
  if (!(horizonHours <= MAX_HORIZON_HOURS)) {
    if (doc.horizon !== undefined) fail(['horizon'], 'a horizon of at most 5200w (100 years)', JSON.stringify(doc.horizon));
    fail(['deadline'], 'a deadline of at most 1733w, or a horizon of at most 5200w (100 years) set beside it (the horizon defaults to 3 x the deadline)', JSON.stringify(doc.deadline));
  }
  if (!(warmupHours < horizonHours)) {
    fail(['warmup'], `a warm-up shorter than the horizon (${doc.horizon ?? `${horizonHours}h`})`, JSON.stringify(doc.warmup));
  }

  const stageNames = Object.keys(doc.stages);
  const poolNames = Object.keys(doc.pools);
  const typeNames = Object.keys(doc.work);
  for (const [field, names, max, what] of [
    ['work', typeNames, MAX_TYPES, 'item types'],
    ['stages', stageNames, MAX_STAGES, 'stages'],
    ['pools', poolNames, MAX_POOLS, 'pools'],
  ] as const) {
    if (names.length > max) fail([field], `at most ${max} ${what} (an item keeps its ${field === 'work' ? 'type' : field === 'stages' ? 'stage' : 'pool'} in one byte)`, `${names.length}`);
  }
  const stageKind = (name: string) => (Object.prototype.hasOwnProperty.call(doc.stages, name) ? doc.stages[name].kind : undefined);
  const listOf = (names: string[]) => names.join(', ');

  // Stages, and which pools they use. Pools listed together share a queue, and must do so in
  // every stage they serve (the model keeps one queue per group of pools).
  const usedBy = new Map<string, string>();
  const groupOf = new Map<string, { pools: string[]; stage: string }>();
  let goldSetCost: number | null = null;
  const stages: StageConfig[] = stageNames.map((name): StageConfig => {
    const s = doc.stages[name];
    const at = (field: string): PathSegment[] => ['stages', name, field];
    const pools = typeof s.pool === 'string' ? [s.pool] : s.pool;
    const poolPath = (i: number): PathSegment[] => (typeof s.pool === 'string' ? at('pool') : [...at('pool'), i]);
    pools.forEach((p, i) => {
      if (!poolNames.includes(p)) fail(poolPath(i), `the name of a pool (${listOf(poolNames)})`, JSON.stringify(p));
      if (pools.indexOf(p) !== i) fail(poolPath(i), 'each pool once', `${JSON.stringify(p)} again`);
    });
    const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((p) => b.includes(p));
    pools.forEach((p, i) => {
      const group = groupOf.get(p);
      if (group !== undefined && !sameSet(group.pools, pools)) {
        fail(
          poolPath(i),
          `the same partner pools in every stage: pool ${p} serves stage ${group.stage} with [${group.pools.join(', ')}]`,
          `[${pools.join(', ')}]`,
        );
      }
    });
    for (const p of pools) {
      if (!groupOf.has(p)) groupOf.set(p, { pools, stage: name });
      if (!usedBy.has(p)) usedBy.set(p, name);
    }
    const handling = distribution(s.handling, ['stages', name, 'handling'], fail);
    if (s.kind === 'review') {
      const review: ReviewStage = {
        kind: 'review',
        name,
        pools: [...pools],
        handling,
        sampleRate: share(s.sample),
        detection: share(s.detection),
        falseReject: share(s.falseReject),
        action: s.action,
        // Left out when not set, so a stage without it is the same object as before it existed.
        ...(s.crossCheck === undefined ? {} : { crossCheck: crossCheckOf(s.crossCheck, doc, ['stages', name, 'crossCheck'], fail) }),
      };
      return review;
    }
    const annotateRef = (field: 'adjudication' | 'escalation', target: string | null) => {
      if (target === null) return;
      const kind = stageKind(target);
      const annotateStages = stageNames.filter((n) => n !== name && doc.stages[n].kind === 'annotate');
      const expected = `the name of another annotate stage (${annotateStages.length > 0 ? listOf(annotateStages) : 'there is none yet'})`;
      if (kind === undefined) fail(at(field), expected, JSON.stringify(target));
      if (kind !== 'annotate') fail(at(field), expected, `${JSON.stringify(target)}, a review stage`);
      if (target === name) fail(at(field), expected, `${JSON.stringify(target)}, this stage itself`);
    };
    annotateRef('adjudication', s.adjudication);
    annotateRef('escalation', s.escalation);
    if (s.labels > 1 && s.adjudication === null) {
      fail(at('adjudication'), `the name of an annotate stage that settles disagreements (labels is ${s.labels})`, 'nothing');
    }
    const audit = s.gold === undefined ? null : goldOf(s.gold, s, pools, at('gold'), fail);
    if (audit?.creationCost != null) goldSetCost = (goldSetCost ?? 0) + audit.creationCost;
    const annotate: AnnotateStage = {
      kind: 'annotate',
      name,
      pools: [...pools],
      handling,
      labels: s.labels,
      adjudication: s.adjudication,
      wrongAgreement: share(s.wrongAgreement),
      goldShare: audit === null ? share(s.goldShare) : audit.goldShare,
      reworkFactor: s.reworkFactor,
      maxAttempts: s.maxAttempts,
      escalation: s.escalation,
      // Left out when not set, so a stage without it is the same object as before it existed.
      ...(audit === null ? {} : { gold: audit.gold }),
    };
    return annotate;
  });

  // Work.
  const work: WorkType[] = Object.keys(doc.work).map((name): WorkType => {
    const w = doc.work[name];
    const at = (...rest: PathSegment[]): PathSegment[] => ['work', name, ...rest];
    const arrival = arrivalOf(w.arrival);
    // Serials are (arrival index) x (types) + type: they must fit in 32 bits.
    const maxCount = Math.floor((MAX_ITEM_SERIAL + 1) / typeNames.length);
    if (w.count !== null && w.count > maxCount) {
      fail(at('count'), `an item count of at most ${maxCount.toLocaleString('en-US')}${typeNames.length > 1 ? ` with ${typeNames.length} item types` : ''} (item serials are 32-bit)`, String(w.count));
    }
    if (w.count === null && arrival.kind === 'backlog') {
      fail(at('count'), 'an item count (an integer >= 1): a backlog needs one; use poisson or schedule arrivals for open-ended work', 'nothing');
    }
    let workflow: string[];
    if (w.workflow !== undefined) {
      workflow = w.workflow;
    } else if (stageKind('annotate') !== undefined) {
      workflow = ['annotate'];
    } else {
      fail(at('workflow'), `a list of stage names (${listOf(stageNames)}); it defaults to [annotate] only if a stage is named annotate`, 'nothing');
      workflow = [];
    }
    workflow.forEach((stage, i) => {
      const kind = stageKind(stage);
      if (kind === undefined) fail(at('workflow', i), `the name of a stage (${listOf(stageNames)})`, JSON.stringify(stage));
      if (workflow.indexOf(stage) !== i) fail(at('workflow', i), 'each stage once', `${JSON.stringify(stage)} again`);
      if (i === 0 && kind !== 'annotate') fail(at('workflow', i), 'an annotate stage first', `${JSON.stringify(stage)}, a review stage`);
      if (i > 0 && kind !== 'review') {
        fail(at('workflow', i), 'a review stage (only the first stage of a workflow annotates)', `${JSON.stringify(stage)}, an annotate stage`);
      }
    });
    const classes = classesOf(w, at, fail);
    return {
      name,
      count: w.count,
      arrival,
      complexity: w.complexity,
      equivalentUnits: w.equivalentUnits ?? w.complexity,
      workflow: [...workflow],
      // Left out when not declared, so the config of a file without classes is what it always was.
      ...(classes !== undefined ? { classes } : {}),
    };
  });

  // Pools: every one is checked, but only those that serve a stage are part of the model (an
  // unused team would be paid for idle shifts and licensed seats).
  const leftOut = new Set(unusedPools(doc));
  const pools: PoolConfig[] = poolNames
    .map((name) => pool(name, doc.pools[name], doc.timeZone, usedBy.get(name), fail))
    .filter((p) => !leftOut.has(p.name));
  const moving = movingPay(doc, pools, fail);
  // An item's consensus labels come from distinct people: a stage that starts a workflow cannot
  // ask for more labels than its pools have people (the model would never finish an item).
  for (const s of stages) {
    if (s.kind !== 'annotate' || s.labels <= 1 || !work.some((w) => w.workflow[0] === s.name)) continue;
    const people = pools.filter((p) => s.pools.includes(p.name)).reduce((n, p) => n + p.shifts.reduce((m, c) => m + c.headcount, 0), 0);
    if (people < s.labels) {
      const staff = `${s.pools.length > 1 ? `pools ${s.pools.join(', ')} have` : `pool ${s.pools[0]} has`} ${people} ${people === 1 ? 'person' : 'people'}`;
      fail(['stages', s.name, 'labels'], `at most ${people} labels, one per person: ${staff}`, String(s.labels));
    }
  }

  const parameterDraws = parameterDrawsOf(doc, stages, pools, (h, path) => distribution(h, path, fail), fail);
  const guidelines = guidelinesOf(doc, work, horizonHours, fail);
  const pilot = pilotOf(doc, work, stages, fail);
  return {
    clock,
    horizonHours,
    warmupHours,
    deadlineHours,
    deterministic: doc.deterministic,
    currency: doc.currency,
    work,
    pools,
    stages,
    preLabels: preLabels(doc, fail),
    costs: withGoldSet(costs(doc, fail), goldSetCost, fail),
    // Left out when not set, so a model without them is the same object as before they existed.
    ...(doc.target != null ? { target: 'accepted' in doc.target ? targetOf(doc.target.accepted, work, fail) : { accuracy: share(doc.target.accuracy) } } : {}),
    ...(doc.training != null ? { training: trainingOf(doc, work, fail) } : doc.target != null && 'accuracy' in doc.target ? { training: trainingOf(doc, work, fail) } : {}),
    ...(doc.queue !== undefined ? { queue: doc.queue } : {}),
    ...(doc.waitThresholds !== undefined ? { waitThresholdHours: doc.waitThresholds.map((t) => durationHours(t) as number) } : {}),
    ...moving,
    ...(parameterDraws !== null ? { parameterDraws } : {}),
    ...(guidelines !== undefined ? { guidelines } : {}),
    ...(pilot !== undefined ? { pilot } : {}),
  };
}

/**
 * The gold set's creation, as the simulated stand-in for the goldSet line files have named by
 * hand: booked at the start to that line, which a file with a gold creation cost may not also name.
 */
function withGoldSet(c: CostConfig, amount: number | null, fail: Fail): CostConfig {
  if (amount === null) return c;
  if (c.fixed.some((f) => f.activity === GOLD_SET_ACTIVITY)) {
    fail(['costs', 'fixed', GOLD_SET_ACTIVITY], 'no goldSet line: a stage\'s gold.creation is booked to it', 'a goldSet amount as well');
  }
  return { ...c, fixed: [...c.fixed, { activity: GOLD_SET_ACTIVITY, amount }] };
}

/** A cross-check needs a model: the one trained on the labels, or one of a stated accuracy. */
function crossCheckOf(c: NonNullable<Extract<ModelDocument['stages'][string], { kind: 'review' }>['crossCheck']>, doc: ModelDocument, at: PathSegment[], fail: Fail): CrossCheckConfig {
  const accuracy = c.accuracy === undefined ? null : (shareValue(c.accuracy) as number);
  if (accuracy === null && (doc.training ?? null) === null) fail([...at, 'accuracy'], 'the accuracy of the model to check labels against (or a training section whose model is used)');
  return { share: shareValue(c.share) as number, sameMistake: shareValue(c.sameMistake) as number, accuracy, fromHours: durationHours(c.from) as number };
}

/** A target of N accepted items must be reachable: at most the items the work types deliver. */
function targetOf(accepted: number, work: WorkType[], fail: Fail): { accepted: number } {
  const items = work.every((w) => w.count !== null) ? work.reduce((n, w) => n + (w.count ?? 0), 0) : Infinity;
  if (accepted > items) fail(['target', 'accepted'], `at most the ${items.toLocaleString('en-US')} items the work types deliver`, String(accepted));
  return { accepted };
}

type Fail = (path: PathSegment[], expected: string, got?: string) => never;

function arrivalOf(a: ModelDocument['work'][string]['arrival']): Arrival {
  if (a === 'backlog') return { kind: 'backlog' };
  if ('poisson' in a) return { kind: 'poisson', perHour: ratePerHour(a.poisson) as number };
  return {
    kind: 'schedule',
    firstHours: durationHours(a.schedule.first) as number,
    everyHours: durationHours(a.schedule.every) as number,
    batch: a.schedule.batch,
    ...(a.schedule.sla !== undefined ? { slaHours: durationHours(a.schedule.sla) as number } : {}),
  };
}

function pool(name: string, p: PoolDocument, defaultZone: string, usedBy: string | undefined, fail: Fail): PoolConfig {
  const at = (...rest: PathSegment[]): PathSegment[] => ['pools', name, ...rest];
  const zone = p.timeZone ?? defaultZone;
  let groups: Array<{ group: ShiftGroup; path: PathSegment[] }>;
  if (p.crews !== undefined) {
    if (p.headcount !== undefined) fail(at('crews'), 'either headcount (with shifts) or crews, not both', 'both');
    if (p.shifts !== undefined) fail(at('shifts'), 'no shifts on a pool with crews (give each crew its shifts)', 'shifts');
    groups = p.crews.map((crew, i) => ({
      group: { headcount: crew.headcount, timeZone: crew.timeZone ?? zone, shifts: shiftPatterns(crew.shifts), holidays: crew.holidays ?? p.holidays },
      path: at('crews', i),
    }));
  } else {
    if (p.headcount === undefined) fail(at('headcount'), 'a headcount (an integer >= 0), or a list of crews', 'nothing');
    // Required: leaving shifts out once meant round the clock, four times the hours of a day shift.
    if (p.shifts === undefined) fail(at('shifts'), SHIFTS_EXPECTED, 'nothing');
    groups = [{ group: { headcount: p.headcount as number, timeZone: zone, shifts: shiftPatterns(p.shifts!), holidays: p.holidays }, path: at() }];
  }
  if (p.preLabelDamping !== undefined && p.fatigue === undefined && p.drift === undefined) {
    fail(at('preLabelDamping'), 'fatigue or drift on the pool for pre-labels to damp (add one, or remove preLabelDamping)', JSON.stringify(p.preLabelDamping));
  }
  for (const { group, path } of groups) {
    if (group.shifts.length === 0 && usedBy !== undefined) {
      fail([...path, 'shifts'], `at least one shift (stage ${usedBy} uses this pool)`, 'an empty list');
    }
    group.shifts.forEach((shift, i) => {
      const shiftPath = [...path, 'shifts', i];
      shift.days.forEach((day, j) => {
        if (shift.days.indexOf(day) !== j) fail([...shiftPath, 'days', j], 'each day once', `${JSON.stringify(day)} again`);
      });
      if (!(parseClockTime(shift.end) > parseClockTime(shift.start))) {
        fail([...shiftPath, 'end'], `a time after start (${shift.start}); write an overnight shift as two shifts`, shift.end);
      }
    });
  }
  return {
    name,
    shifts: groups.map(({ group }) => ({
      headcount: group.headcount,
      timeZone: group.timeZone,
      shifts: group.shifts.map((s) => ({ days: [...s.days], start: s.start, end: s.end })),
      holidays: [...group.holidays],
    })),
    shrinkage: shareValue(p.shrinkage) as number,
    absenceRate: shareValue(p.absence) as number,
    speedCv: p.speedCv,
    pace: p.pace,
    learning: { initialFactor: p.learning.initialFactor, halfLifeItems: p.learning.halfLife },
    errorRate: shareValue(p.errorRate) as number,
    pay: payOf(p.pay),
    startHours: durationHours(p.start) as number,
    rampUpHours: durationHours(p.rampUp) as number,
    // Left out when not set, so a pool without them is the same object as before they existed.
    ...(p.errorSpread === undefined ? {} : { errorSpread: p.errorSpread }),
    ...(p.fatigue === undefined
      ? {}
      : { fatigue: { afterHours: durationHours(p.fatigue.after) as number, pacePerHour: shareValue(p.fatigue.pacePerHour) as number, errorPerHour: shareValue(p.fatigue.errorPerHour) as number } }),
    ...(p.drift === undefined ? {} : { drift: { pacePerWeek: p.drift.pacePerWeek, errorPerWeek: p.drift.errorPerWeek } }),
    ...(p.preLabelDamping === undefined ? {} : { preLabelDamping: shareValue(p.preLabelDamping) as number }),
  };
}

/** `always` is one shift every day from 00:00 to 24:00. */
function shiftPatterns(shifts: ShiftPattern[] | typeof ALWAYS): ShiftPattern[] {
  return shifts === ALWAYS ? [ALL_WEEK] : shifts;
}

function payOf(pay: PoolDocument['pay']): PayModel {
  if (pay === NO_PAY) return { kind: 'hourly', perHour: 0 };
  if ('salaried' in pay) return { kind: 'salaried', perHour: ratePerHour(pay.salaried) as number };
  if ('hourly' in pay) return { kind: 'hourly', perHour: ratePerHour(pay.hourly) as number };
  if ('perItem' in pay) return { kind: 'per-item', perItem: pay.perItem, penaltyPerError: pay.penaltyPerError };
  return { kind: 'per-accepted', perItem: pay.perAccepted };
}

/** A handling-time distribution in hours, its parameters checked with the field each came from. */
function distribution(h: HandlingDocument, path: PathSegment[], fail: Fail): Distribution {
  const hours = (text: string) => durationHours(text) as number;
  let d: Distribution;
  let at: PathSegment[];
  let raw: Record<string, unknown>;
  if (typeof h === 'string') {
    d = { kind: 'deterministic', value: hours(h) };
    at = path;
    raw = { value: h };
  } else if ('deterministic' in h) {
    d = { kind: 'deterministic', value: hours(h.deterministic) };
    at = [...path, 'deterministic'];
    raw = { value: h.deterministic };
  } else if ('exponential' in h) {
    d = { kind: 'exponential', mean: hours(h.exponential.mean) };
    at = [...path, 'exponential'];
    raw = h.exponential;
  } else if ('lognormal' in h) {
    d = { kind: 'lognormal', mean: hours(h.lognormal.mean), cv: h.lognormal.cv };
    at = [...path, 'lognormal'];
    raw = h.lognormal;
  } else if ('gamma' in h) {
    d = { kind: 'gamma', mean: hours(h.gamma.mean), cv: h.gamma.cv };
    at = [...path, 'gamma'];
    raw = h.gamma;
  } else if ('uniform' in h) {
    d = { kind: 'uniform', min: hours(h.uniform.min), max: hours(h.uniform.max) };
    at = [...path, 'uniform'];
    raw = h.uniform;
  } else if ('triangular' in h) {
    d = { kind: 'triangular', min: hours(h.triangular.min), mode: hours(h.triangular.mode), max: hours(h.triangular.max) };
    at = [...path, 'triangular'];
    raw = h.triangular;
  } else {
    d = { kind: 'empirical', samples: h.empirical.map(hours) };
    at = [...path, 'empirical'];
    raw = { samples: h.empirical };
  }
  const problem = distributionProblems(d)[0];
  if (problem !== undefined) {
    const [field, expected] = problem;
    const sample = /^samples\[(\d+)\]$/.exec(field);
    if (sample !== null) {
      fail([...at, Number(sample[1])], 'a duration >= 0', describeValue((raw.samples as unknown[])[Number(sample[1])]));
    }
    const where = field === 'value' || field === 'samples' ? at : [...at, field];
    const readable =
      field === 'max'
        ? `a duration >= min (${String(raw.min)})`
        : field === 'mode'
          ? `a duration from min (${String(raw.min)}) to max (${String(raw.max)})`
          : field === 'cv'
            ? 'a coefficient of variation >= 0'
            : expected.replace('a finite number', 'a duration');
    fail(where, readable, describeValue(field === 'samples' ? raw.samples : raw[field]));
  }
  return d;
}

function preLabels(doc: ModelDocument, fail: Fail): PreLabelConfig | null {
  const p = doc.preLabels;
  if (p === null) return null;
  const handlingFloor = p.handlingFloor ?? p.handlingFactor;
  const errorFloor = p.errorFloor ?? p.errorFactor;
  if (handlingFloor > p.handlingFactor) {
    fail(['preLabels', 'handlingFloor'], `a factor in (0, handlingFactor] (handlingFactor is ${p.handlingFactor})`, String(handlingFloor));
  }
  if (errorFloor > p.errorFactor) {
    fail(['preLabels', 'errorFloor'], `a factor in [0, errorFactor] (errorFactor is ${p.errorFactor})`, String(errorFloor));
  }
  return {
    firstRetrainAfter: p.firstRetrainAfter,
    retrainEvery: p.retrainEvery,
    retrainHours: durationHours(p.retrainTime) as number,
    retrainCost: p.retrainCost,
    handlingFactor: p.handlingFactor,
    errorFactor: p.errorFactor,
    improvement: p.improvement,
    handlingFloor,
    errorFloor,
  };
}

function costs(doc: ModelDocument, fail: Fail): CostConfig {
  const c = doc.costs;
  const named = Object.keys(c.fixed).length;
  if (named > MAX_FIXED_COSTS) fail(['costs', 'fixed'], FIXED_COSTS_EXPECTED, String(named));
  return {
    platformPerSeatMonth: c.platformPerSeatMonth,
    seats: c.seats === 'auto' ? null : c.seats,
    managementPerWeek: c.managementPerWeek,
    fixed: Object.entries(c.fixed).map(([activity, amount]) => ({ activity, amount })),
    // Left out when not set: a file without price changes makes the same model (and hash) as before.
    ...(c.priceChanges !== undefined ? { priceChanges: datedPrices(doc, fail) } : {}),
  };
}
