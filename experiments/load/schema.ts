import { z } from 'zod';
import { DEADLINE_DATE_PATTERN, isDeadlineDate } from './deadline.js';
import { patchSchema } from './patch-schema.js';
import { PrecisionSchema } from './precision.js';
import { isValidTimeZone, parseClockTime, parseIsoDate } from '../../sim/calendar/index.js';
import { MAX_CLASSES } from '../../sim/model/model-limits.js';
import {
  DURATION_EXPECTED,
  DURATION_PATTERN,
  HOURLY_PATTERN,
  PERCENT_PATTERN,
  RATE_PATTERN,
  SHARE_EXPECTED,
  durationHours,
  ratePerHour,
  shareValue,
} from './units.js';

/*
 * The experiment file format as a zod schema. It validates and fills defaults but does not
 * convert: its output is still in file terms (durations as '36s', shares as 0.1 or '10%'), so
 * the validated document can be written back, hashed and turned into JSON Schema. Defaults
 * that depend on other fields (horizon, equivalentUnits, workflow, a pool's time zone, the
 * pre-label floors) stay optional here and are resolved in model.ts.
 *
 * Every schema carries its own message: the "expected" part of an ExperimentError.
 */

/** Prefix of the message of an unknown-field issue, followed by the known fields (see issues.ts). */
export const KNOWN_FIELDS_MARK = 'known fields: ';

/** A strict object: unknown fields are errors that list the known ones. */
function strict<T extends z.core.$ZodLooseShape>(shape: T, expected = 'a mapping of fields') {
  const known = KNOWN_FIELDS_MARK + Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? known : expected),
  });
}

interface NumberBounds {
  int?: boolean;
  min?: number;
  max?: number;
  gt?: number;
  lt?: number;
}

/** A finite number with bounds; every violation reports the same `expected`. */
function num(expected: string, bounds: NumberBounds = {}) {
  let schema = z.number({ error: expected });
  if (bounds.int) schema = schema.int({ error: expected });
  if (bounds.min !== undefined) schema = schema.min(bounds.min, { error: expected });
  if (bounds.max !== undefined) schema = schema.max(bounds.max, { error: expected });
  if (bounds.gt !== undefined) schema = schema.gt(bounds.gt, { error: expected });
  if (bounds.lt !== undefined) schema = schema.lt(bounds.lt, { error: expected });
  return schema;
}

/** Text matching `pattern` and passing `ok`. */
function text(expected: string, pattern?: string, ok?: (s: string) => boolean) {
  let schema = z.string({ error: expected });
  // Editors show a failed pattern as the raw regular expression unless the schema says what is
  // expected: patternErrorMessage is the keyword VS Code and the YAML language server read for it.
  if (pattern !== undefined) schema = schema.regex(new RegExp(pattern), { error: expected }).meta({ patternErrorMessage: expected });
  if (ok === undefined) return schema;
  return schema.refine(ok, { error: expected });
}

const NAME_PATTERN = String.raw`^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$`;
const NAME_EXPECTED = "a name of letters, digits, '.', '_' and '-' (at most 100 characters, not '.' or '..')";
/** Plan names keep the file's order, which JavaScript objects lose for names that are only digits. */
const PLAN_NAME_PATTERN = String.raw`^(?!\.\.?$)(?!\d+$)[A-Za-z0-9._-]{1,100}$`;
const PLAN_NAME_EXPECTED = "a plan name of letters, digits, '.', '_' and '-' (at most 100 characters, not only digits, not '.' or '..')";

/** An experiment name is a folder name beside labelsim's own `.labelsim` folder: it may not begin with '.'. */
const EXPERIMENT_NAME_PATTERN = String.raw`^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$`;
const EXPERIMENT_NAME_EXPECTED = "a name of letters, digits, '.', '_' and '-' that does not begin with '.' (at most 100 characters)";

/**
 * Largest amount of money (and hourly rate) a file may state: far above any annotation budget,
 * and far enough below the largest double that summing amounts over millions of items and
 * thousands of hours stays finite (1e308 twice is Infinity, and an infinite cost vanishes from
 * the JSON summary as null).
 */
export const MAX_MONEY = 1e12;
const MONEY_EXPECTED = 'an amount of money: a number from 0 to 1e12';
const money = () => num(MONEY_EXPECTED, { min: 0, max: MAX_MONEY });

const duration = () => text(DURATION_EXPECTED, DURATION_PATTERN, (s) => durationHours(s) !== null);
const POSITIVE_DURATION_EXPECTED = 'a duration > 0 with a unit, like 36s, 8h, 3d or 8w';
const positiveDuration = () =>
  text(POSITIVE_DURATION_EXPECTED, DURATION_PATTERN, (s) => {
    const hours = durationHours(s);
    return hours !== null && hours > 0;
  });

const POSITIVE_RATE_EXPECTED = 'a rate > 0 like 9/h, 100/h, 2/d or 1/m';
const positiveRate = () =>
  text(POSITIVE_RATE_EXPECTED, RATE_PATTERN, (s) => {
    const perHour = ratePerHour(s);
    return perHour !== null && perHour > 0;
  });

const HOURLY_EXPECTED = 'an hourly rate of pay from 0/h to 1e12/h, like 18/h';
const hourly = () =>
  text(HOURLY_EXPECTED, HOURLY_PATTERN, (s) => {
    const perHour = ratePerHour(s);
    return perHour !== null && perHour <= MAX_MONEY;
  });

/** A share: `5%` or a number in [0, 1]; `belowOne` excludes 1 (100%). */
function share(belowOne = false) {
  const expected = belowOne ? 'a share below 100%: a percentage like 5% or a number from 0 up to (not including) 1' : SHARE_EXPECTED;
  const ok = (s: string) => {
    const v = shareValue(s);
    return v !== null && (!belowOne || v < 1);
  };
  return z.union([num(expected, belowOne ? { min: 0, lt: 1 } : { min: 0, max: 1 }), text(expected, PERCENT_PATTERN, ok)], {
    error: expected,
  });
}

const DATE_EXPECTED = 'a date YYYY-MM-DD (quote it if your editor complains)';
const date = () =>
  text(DATE_EXPECTED, String.raw`^\d{4}-\d{2}-\d{2}$`, (s) => {
    try {
      parseIsoDate(s);
      return true;
    } catch {
      return false;
    }
  });

const DEADLINE_EXPECTED =
  "a deadline: a duration > 0 from the start like 8w, 10d or 36h, a date YYYY-MM-DD (the end of that day in timeZone), or a local date and time 'YYYY-MM-DD HH:MM' in timeZone (no UTC offset)";
const deadline = () =>
  z.union([text(DEADLINE_EXPECTED, DURATION_PATTERN, (s) => (durationHours(s) ?? 0) > 0), text(DEADLINE_EXPECTED, DEADLINE_DATE_PATTERN, isDeadlineDate)], { error: DEADLINE_EXPECTED });

const TIME_ZONE_EXPECTED = 'an IANA time zone such as Europe/Berlin, America/New_York or UTC';
const timeZone = () => text(TIME_ZONE_EXPECTED, undefined, (s) => s.length <= 100 && isValidTimeZone(s));

const CLOCK_EXPECTED = "a time of day 'HH:MM' from 00:00 to 24:00, quoted";
const clockTime = () =>
  text(CLOCK_EXPECTED, String.raw`^\d{2}:\d{2}$`, (s) => {
    try {
      parseClockTime(s);
      return true;
    } catch {
      return false;
    }
  });

const WEEKDAY_EXPECTED = 'a weekday: mon, tue, wed, thu, fri, sat or sun';
const weekday = () => z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], { error: WEEKDAY_EXPECTED });

/** A map from names to `value`, with at least one entry when `nonEmpty` says what is missing. */
function namedMap<T extends z.core.SomeType>(value: T, expected: string, nonEmpty?: string, keyPattern = NAME_PATTERN, keyExpected = NAME_EXPECTED) {
  const record = z.record(text(keyExpected, keyPattern), value, { error: expected });
  if (nonEmpty === undefined) return record;
  return record.refine((o) => Object.keys(o).length > 0, { error: nonEmpty });
}

// ---------------------------------------------------------------------------------------------

const Shift = strict(
  {
    days: z
      .array(weekday(), { error: 'a list of weekdays, like [mon, tue, wed, thu, fri]' })
      .min(1, { error: 'at least one weekday, like [mon, tue, wed, thu, fri]' })
      .describe('Weekdays the shift starts on: mon, tue, wed, thu, fri, sat, sun. Required, non-empty, each day once.'),
    start: clockTime().describe("Local start time 'HH:MM' (quote it). Required."),
    end: clockTime().describe("Local end time 'HH:MM', after start; '24:00' is midnight. Required. Write an overnight shift as two shifts."),
  },
  'a shift: { days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }',
);

/** What `shifts` takes, also the message when a pool has none: a pool without shifts once silently worked 24/7. */
export const SHIFTS_EXPECTED =
  'shifts: a list like [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }], or always for round-the-clock service (servers, models)';
/** `always`: every day 00:00-24:00, said in so many words. */
export const ALWAYS = 'always';
const shifts = () =>
  z.union([z.literal(ALWAYS, { error: SHIFTS_EXPECTED }), z.array(Shift, { error: SHIFTS_EXPECTED })], { error: SHIFTS_EXPECTED });
const HOLIDAYS_EXPECTED = "a list of dates 'YYYY-MM-DD'";
const holidays = () => z.array(date(), { error: HOLIDAYS_EXPECTED });

const HEADCOUNT_EXPECTED = 'a headcount: an integer >= 0';

const Crew = strict(
  {
    headcount: num(HEADCOUNT_EXPECTED, { int: true, min: 0, max: 1_000_000 }).describe('People in this crew. Required.'),
    timeZone: timeZone().optional().describe("Zone of the crew's shift times. Default: the pool's time zone."),
    shifts: shifts().describe('Shift patterns of this crew, or always (every day 00:00-24:00). Required.'),
    holidays: holidays().optional().describe("Local dates without shifts. Default: the pool's holidays."),
  },
  'a crew: { headcount, timeZone?, shifts, holidays? }',
);

/** Also the message when a pool has no pay: a pool without pay once silently worked for free. */
const PAY_EXPECTED =
  'a pay model: one of { salaried: 18/h }, { hourly: 25/h }, { perItem: 0.05, penaltyPerError: 0.02 }, { perAccepted: 0.06 }, or none for an unpaid pool';
/** `pay: none`: the pool costs nothing, said in so many words. */
export const NO_PAY = 'none';
const Pay = z
  .union(
    [
      z.literal(NO_PAY, { error: PAY_EXPECTED }).describe('Unpaid: the pool costs nothing (a model, a volunteer, a server).'),
      strict({ salaried: hourly().describe('Paid for every scheduled shift hour (in-house staff).') }, PAY_EXPECTED),
      strict({ hourly: hourly().describe('Paid for hours actually worked (contractors).') }, PAY_EXPECTED),
      strict(
        {
          perItem: money().describe('Fee per submitted label, rework included.'),
          penaltyPerError: money().default(0).describe('Deducted per wrong label. Default 0.'),
        },
        PAY_EXPECTED,
      ),
      strict({ perAccepted: money().describe('Fee per item accepted by the last review tier.') }, PAY_EXPECTED),
    ],
    { error: PAY_EXPECTED },
  )
  .describe('Exactly one of { salaried: <rate/h> }, { hourly: <rate/h> }, { perItem: <money>, penaltyPerError?: <money> }, { perAccepted: <money> }, or none (unpaid).');

const CURRENCY_EXPECTED = 'a currency code of 3 capital letters, like USD or EUR';
const currencyCode = () => text(CURRENCY_EXPECTED, '^[A-Z]{3}$');

const PAY_CHANGE_EXPECTED = 'a pay change: { from: 2027-06-01, to: 2027-09-01, factor: 1.1 } (to is optional)';
const PayChange = strict(
  {
    from: date().describe("First day of the change, 'YYYY-MM-DD' in the experiment's timeZone. Required."),
    to: date().optional().describe('Day the change ends (not included). Default: it never ends.'),
    factor: num('a factor > 0 (at most 1000), like 1.08 for 8% more', { gt: 0, max: 1000 }).describe('Multiplies the pool’s rates and fees from `from` until `to`. Required.'),
  },
  PAY_CHANGE_EXPECTED,
);

const EXCHANGE_RATE_EXPECTED = 'an exchange rate: a number > 0 (fixed), { schedule: [{ from: 2027-01-04, rate: 0.018 }, ...] } or { randomWalk: { start: 0.018, volatility: 10% } }';
const rate = () => num('a rate > 0 (at most 1e6)', { gt: 0, max: 1e6 });
const ExchangeRate = z
  .union(
    [
      rate().describe('A fixed rate: reporting-currency units per unit of the pool currency.'),
      strict(
        {
          schedule: z
            .array(strict({ from: date().describe("From this day, 'YYYY-MM-DD'. Required."), rate: rate().describe('The rate from that day. Required.') }, '{ from: YYYY-MM-DD, rate: 0.018 }'), {
              error: 'a list of { from, rate } in date order',
            })
            .min(1, { error: 'at least one step' })
            .describe('Steps of the rate by date, in date order; before the first, the first rate.'),
        },
        EXCHANGE_RATE_EXPECTED,
      ),
      strict(
        {
          randomWalk: strict(
            {
              start: rate().describe('The rate at the project start. Required.'),
              volatility: share().describe('Annual volatility of the log rate (10% = 0.1); a seeded random walk in daily steps, the same in every plan. Required.'),
            },
            '{ start: 0.018, volatility: 10% }',
          ),
        },
        EXCHANGE_RATE_EXPECTED,
      ),
    ],
    { error: EXCHANGE_RATE_EXPECTED },
  )
  .describe('How many units of the reporting currency one unit of this currency buys, over time.');

const Pool = strict(
  {
    headcount: num(HEADCOUNT_EXPECTED, { int: true, min: 0, max: 1_000_000 })
      .optional()
      .describe('People in the pool, all on the pool shifts (one crew). Give either headcount or crews.'),
    crews: z
      .array(Crew, { error: 'a list of crews, each { headcount, timeZone?, shifts, holidays? }' })
      .min(1, { error: 'at least one crew' })
      .optional()
      .describe('Several crews with their own headcount, zone and shifts; instead of headcount/shifts.'),
    timeZone: timeZone().optional().describe("Zone of the shift times. Default: the experiment's timeZone."),
    shifts: shifts()
      .optional()
      .describe('Shift patterns, or always (every day 00:00-24:00). Required with headcount (a pool with crews gives each crew its shifts).'),
    holidays: holidays().default([]).describe("Local dates 'YYYY-MM-DD' on which no shift starts. Default []."),
    shrinkage: share(true)
      .default(0)
      .describe('Share of paid time not spent on items (meetings, breaks), in [0, 1). Default 0.'),
    absence: share().default(0).describe('Probability that a person misses a shift, in [0, 1]. Default 0.'),
    speedCv: num('a coefficient of variation: a number >= 0', { min: 0, max: 100 })
      .default(0)
      .describe('Coefficient of variation of the per-person speed factor. Default 0.'),
    pace: num('a pace factor > 0 (at most 100)', { gt: 0, max: 100 })
      .default(1)
      .describe(
        "Handling-time multiplier of this pool relative to the stage's times, for people who are systematically slower or faster (1.1 = 10% slower). Default 1.",
      ),
    learning: strict(
      {
        initialFactor: num('a factor >= 1', { min: 1, max: 1000 })
          .default(1)
          .describe('Handling-time multiplier of a new person; 1 = no learning. Default 1.'),
        halfLife: num('a number of items: an integer >= 1', { int: true, min: 1 })
          .default(1)
          .describe('Items after which half the excess handling time is gone. Default 1.'),
      },
      'a learning curve: { initialFactor: 1.5, halfLife: 200 }',
    )
      .prefault({})
      .describe('Learning curve. Default { initialFactor: 1, halfLife: 1 } (no learning).'),
    errorRate: share().default(0).describe('Probability that a label from this pool is wrong. Default 0.'),
    pay: Pay.describe('Pay model, or none for an unpaid pool. Required.'),
    start: duration().default('0h').describe('When the pool starts work, from project start. Default 0h.'),
    rampUp: duration().default('0h').describe('Speed grows linearly from half to full over this time after start. Default 0h.'),
    currency: currencyCode()
      .optional()
      .describe("Currency the pool's pay is stated in; one other than the experiment's needs a rate in exchangeRates. Absent = the experiment's currency."),
    payChanges: z
      .array(PayChange, { error: `a list of pay changes, each ${PAY_CHANGE_EXPECTED}` })
      .optional()
      .describe('Changes of pay by date (a raise, a seasonal premium), each multiplying rates and fees; overlapping changes multiply. Absent = fixed pay.'),
    errorSpread: num('a coefficient of variation: a number >= 0', { min: 0, max: 10 })
      .optional()
      .describe("Spread of people's error rates: the coefficient of variation of a per-person factor (mean 1) on errorRate, drawn per replication. Absent = everyone at errorRate."),
    fatigue: strict(
      {
        after: duration().default('0h').describe('Hours into a shift before people tire. Default 0h.'),
        pacePerHour: share().default(0).describe('Share added to handling time per hour beyond `after`, like 3%. Default 0.'),
        errorPerHour: share().default(0).describe('Share added to the error rate per hour beyond `after`, like 10%. Default 0.'),
      },
      'fatigue: { after, pacePerHour, errorPerHour }',
    )
      .optional()
      .describe('Tiredness within a shift; absent = none.'),
    drift: strict(
      {
        pacePerWeek: num('a weekly change of handling time from -0.5 to 1 (-0.02 = 2% faster each week)', { min: -0.5, max: 1 }).default(0).describe('Weekly change of handling time, compounding (-0.02 = 2% faster each week). Default 0.'),
        errorPerWeek: num('a weekly change of the error rate from -0.5 to 1 (0.05 = 5% more errors each week)', { min: -0.5, max: 1 }).default(0).describe('Weekly change of the error rate, compounding. Default 0.'),
      },
      'drift: { pacePerWeek, errorPerWeek }',
    )
      .optional()
      .describe('Change over the weeks of the project (quality drift, or improvement); absent = none.'),
    preLabelDamping: share()
      .optional()
      .describe(
        'Share of the change that fatigue and drift make to pace and error rate that is removed on labelling tasks shown a pre-label (preLabels, or training.assist), like 50%. Needs fatigue or drift. Absent = 0.',
      ),
  },
  'a pool: { headcount, shifts, pay, ... }',
);

const HANDLING_EXPECTED =
  'a handling time: a duration like 36s, or one of { deterministic: 36s }, { exponential: { mean: 1h } }, ' +
  '{ lognormal: { mean: 36s, cv: 0.4 } }, { gamma: { mean: 36s, cv: 0.4 } }, { uniform: { min: 20s, max: 50s } }, ' +
  '{ triangular: { min: 20s, mode: 30s, max: 60s } } or { empirical: [30s, 41s] }';
const CV_EXPECTED = 'a coefficient of variation: a number >= 0';
const meanCv = () =>
  strict({ mean: duration().describe('Mean.'), cv: num(CV_EXPECTED, { min: 0, max: 100 }).describe('Coefficient of variation.') }, 'a mapping like { mean: 36s, cv: 0.4 }');
export const Handling = z
  .union(
    [
      duration(),
      strict({ deterministic: duration() }, HANDLING_EXPECTED),
      strict({ exponential: strict({ mean: duration().describe('Mean.') }, 'a mapping like { mean: 1h }') }, HANDLING_EXPECTED),
      strict({ lognormal: meanCv() }, HANDLING_EXPECTED),
      strict({ gamma: meanCv() }, HANDLING_EXPECTED),
      strict({ uniform: strict({ min: duration(), max: duration() }, 'a mapping like { min: 20s, max: 50s }') }, HANDLING_EXPECTED),
      strict(
        { triangular: strict({ min: duration(), mode: duration(), max: duration() }, 'a mapping like { min: 20s, mode: 30s, max: 60s }') },
        HANDLING_EXPECTED,
      ),
      strict(
        {
          empirical: z
            .array(duration(), { error: 'a list of observed durations, like [30s, 41s, 35s]' })
            .min(1, { error: 'at least one observed duration' }),
        },
        HANDLING_EXPECTED,
      ),
    ],
    { error: HANDLING_EXPECTED },
  )
  .describe('Handling time of one label at complexity 1: a duration (fixed) or a distribution.');

const stageName = (what: string) => text(`the name of ${what}`);

const STAGE_POOL_EXPECTED = 'the name of a pool, or a list of pools that share the queue, like [berlin, manila]';
const stagePool = () =>
  z
    .union([text(STAGE_POOL_EXPECTED), z.array(text('the name of a pool'), { error: STAGE_POOL_EXPECTED }).min(1, { error: 'at least one pool' })], {
      error: STAGE_POOL_EXPECTED,
    })
    .describe(
      'Pool that staffs this stage, or a list of pools sharing its one queue (follow-the-sun); a pool must have the same partners in every stage it serves. Required.',
    );

const FLAG_ACTION_EXPECTED = 'a consequence of a flag: none, remove, { retrain: { hours: 8h, errorFactor: 0.7 } } or { replace: { hiringDelay: 2w } }';
const FlagAction = z
  .union(
    [
      z.literal('none', { error: FLAG_ACTION_EXPECTED }),
      z.literal('remove', { error: FLAG_ACTION_EXPECTED }),
      strict(
        {
          retrain: strict(
            {
              hours: positiveDuration().describe("Time off the queue, counted in the person's own shift hours, paid. Required."),
              errorFactor: num('a factor on the error rate: a number from 0 to 10', { min: 0, max: 10 })
                .default(1)
                .describe("The person's error rate after retraining, as a factor of theirs before (0.7 = 30% fewer errors). Default 1."),
            },
            'retrain: { hours, errorFactor }',
          ),
        },
        FLAG_ACTION_EXPECTED,
      ),
      strict(
        { replace: strict({ hiringDelay: duration().describe('Time from the removal until the replacement starts (with the pool’s ramp-up and learning curve). Required.') }, 'replace: { hiringDelay }') },
        FLAG_ACTION_EXPECTED,
      ),
    ],
    { error: FLAG_ACTION_EXPECTED },
  )
  .describe('What a flag does: none (counted only), remove (for good, unpaid), retrain (off the queue, paid, then back) or replace (removed; a new person after the hiring delay).');

const FLAG_RULE_EXPECTED = 'a flagging rule: { sprt: { p0: 5%, p1: 15%, alpha: 5%, beta: 10% } } or { window: { wrong: 3, of: 10 } }';
const GoldRule = z
  .union(
    [
      strict(
        {
          sprt: strict(
            {
              p0: share().describe('Acceptable gold error rate (H0), in (0, 1). Required.'),
              p1: share().describe('Bad gold error rate (H1), above p0 and below 1. Required.'),
              alpha: share().describe('Chance that one test flags a person at p0, in (0, 0.5). Required.'),
              beta: share().describe('Chance that one test misses a person at p1, in (0, 0.5). Required.'),
              repeat: z
                .boolean({ error: 'true or false' })
                .default(true)
                .describe('true: a cleared person is tested again from scratch (continuous auditing); false: not again (a qualification test). Default true.'),
            },
            'sprt: { p0, p1, alpha, beta }',
          ),
        },
        FLAG_RULE_EXPECTED,
      ),
      strict(
        {
          window: strict(
            {
              wrong: num('a number of wrong answers: an integer from 1 to 32', { int: true, min: 1, max: 32 }).describe('Wrong answers that flag, among the last `of`. Required.'),
              of: num('a number of answers: an integer from 1 to 32', { int: true, min: 1, max: 32 }).describe('Gold answers looked back over. Required.'),
            },
            'window: { wrong, of }',
          ),
        },
        FLAG_RULE_EXPECTED,
      ),
    ],
    { error: FLAG_RULE_EXPECTED },
  )
  .describe("Sequential rule on a person's gold answers: Wald's SPRT (1945) of p0 against p1, or k wrong of the last n.");

const GOLD_CREATION_EXPECTED = 'a gold set: { items: 300, perItem: 8 } or { items: 300, expertTime: 6m, expertRate: 90/h }';
const GoldCreation = z
  .union(
    [
      strict(
        {
          items: num('a number of gold items: an integer >= 1', { int: true, min: 1 }).describe('Gold items created. Required.'),
          perItem: money().describe('Price of creating one gold item. Required.'),
        },
        GOLD_CREATION_EXPECTED,
      ),
      strict(
        {
          items: num('a number of gold items: an integer >= 1', { int: true, min: 1 }).describe('Gold items created. Required.'),
          expertTime: duration().describe("An expert's time per gold item. Required."),
          expertRate: hourly().describe("The expert's hourly rate. Required."),
        },
        GOLD_CREATION_EXPECTED,
      ),
    ],
    { error: GOLD_CREATION_EXPECTED },
  )
  .describe('What the gold set costs to make, booked at the start to the goldSet cost line.');

const Gold = strict(
  {
    share: share(true).describe('Share of served tasks that are gold items, in [0, 1). Required.'),
    rule: GoldRule,
    onFlag: FlagAction.default('none'),
    onFlagByPool: z
      .record(text('the name of a pool of this stage'), FlagAction, { error: 'a mapping of pool name to a consequence, like { vendor: remove }' })
      .optional()
      .describe("By pool of this stage: a consequence in place of onFlag for that pool's people. Absent = onFlag for all."),
    creation: GoldCreation.optional(),
  },
  'gold: { share, rule, onFlag, onFlagByPool, creation }',
).describe("Gold audits with consequences: a share of served work is gold, each answer is right or wrong at the person's error rate, a rule flags people and a flag has a consequence.");

const AnnotateStage = strict(
  {
    kind: z.literal('annotate').describe('annotate: produces labels.'),
    pool: stagePool(),
    handling: Handling,
    labels: num('a number of labels per item: an integer from 1 to 9', { int: true, min: 1, max: 9 })
      .default(1)
      .describe('Independent labels per item (consensus). Default 1.'),
    adjudication: stageName('an annotate stage')
      .nullable()
      .default(null)
      .describe('Annotate stage that settles disagreeing labels; required when labels > 1. Default null.'),
    wrongAgreement: share().default(0).describe('Probability that two wrong labels agree. Default 0.'),
    goldShare: share(true).default(0).describe('Share of served tasks that are gold items, in [0, 1). Default 0.'),
    gold: Gold.optional(),
    reworkFactor: num('a factor > 0', { gt: 0, max: 1000 }).default(1).describe('Handling time of a rework pass relative to the first. Default 1.'),
    maxAttempts: num('a number of attempts: an integer from 1 to 255', { int: true, min: 1, max: 255 })
      .default(3)
      .describe('After this many failed reviews an item goes to escalation (if set). Default 3.'),
    escalation: stageName('an annotate stage')
      .nullable()
      .default(null)
      .describe('Annotate stage that takes items after maxAttempts failed reviews. Default null.'),
  },
  'a stage: { kind: annotate, pool, handling, ... }',
);

const ReviewStage = strict(
  {
    kind: z.literal('review').describe('review: checks labels.'),
    pool: stagePool(),
    handling: Handling,
    sample: share().default(1).describe('Share of items reviewed (reworked items are always re-reviewed). Default 100%.'),
    detection: share().default(1).describe('Probability that a wrong label is caught. Default 1.'),
    falseReject: share().default(0).describe('Probability that a correct label is rejected. Default 0.'),
    action: z
      .enum(['rework', 'audit'], { error: 'rework or audit' })
      .default('rework')
      .describe('rework sends rejected items back; audit only records findings. Default rework.'),
    crossCheck: strict(
      {
        share: share().default(1).describe('Share of the labels the model disagrees with that are routed here. Default 100%.'),
        sameMistake: share().default(0.3).describe('When the model and the label are both wrong, the chance they are wrong alike (the model then agrees). Default 30%.'),
        accuracy: share().optional().describe("Accuracy of a model used for the check; absent = the model trained on the labels (training)."),
        from: duration().default('0h').describe('When a model of fixed accuracy is available. Default 0h.'),
      },
      'a cross-check: { share, sameMistake, accuracy, from }',
    )
      .optional()
      .describe('Model-confidence cross-checks: labels the model disagrees with are reviewed beside the sample; absent = none.'),
  },
  'a stage: { kind: review, pool, handling, ... }',
);

const Stage = z.discriminatedUnion('kind', [AnnotateStage, ReviewStage], { error: 'a stage kind: annotate or review' });

const ARRIVAL_EXPECTED = 'an arrival pattern: backlog, { poisson: 9/h } or { schedule: { first: 0h, every: 1w, batch: 50000 } }';
const Arrival = z
  .union(
    [
      z.literal('backlog', { error: ARRIVAL_EXPECTED }),
      strict({ poisson: positiveRate().describe('Mean arrivals per time unit.') }, ARRIVAL_EXPECTED),
      strict(
        {
          schedule: strict(
            {
              first: duration().default('0h').describe('First batch arrives at. Default 0h.'),
              every: positiveDuration().describe('Time between batches. Required.'),
              batch: num('a batch size: an integer >= 1', { int: true, min: 1 }).describe('Items per batch. Required.'),
              sla: positiveDuration()
                .optional()
                .describe('The turnaround each batch is held to, from its arrival until its last item is accepted; the report shows the share of replications within it. Absent = none.'),
            },
            'a mapping like { first: 0h, every: 1w, batch: 50000, sla: 10d }',
          ),
        },
        ARRIVAL_EXPECTED,
      ),
    ],
    { error: ARRIVAL_EXPECTED },
  )
  .describe('backlog (all items at t=0), { poisson: <rate> } or { schedule: { first, every, batch } }. Default backlog.');

const CLASS_NAMES_EXPECTED = `a list of at least 2 class names (at most ${MAX_CLASSES}), each ${NAME_EXPECTED}`;
const Classes = strict(
  {
    names: z
      .array(text(NAME_EXPECTED, NAME_PATTERN), { error: CLASS_NAMES_EXPECTED })
      .min(2, { error: CLASS_NAMES_EXPECTED })
      .max(MAX_CLASSES, { error: CLASS_NAMES_EXPECTED })
      .optional()
      .describe('Class names, in the order of prevalence and of the confusion matrix. Give names or count.'),
    count: num(`a number of classes: an integer from 2 to ${MAX_CLASSES}`, { int: true, min: 2, max: MAX_CLASSES })
      .optional()
      .describe('Number of classes, named class-1, class-2, ... Give names or count.'),
    prevalence: z
      .array(share(), { error: 'a list of shares, one per class, summing to 1' })
      .optional()
      .describe('Share of items of each class, summing to 1. Default: equal shares.'),
  },
  'a mapping like { names: [cat, dog], prevalence: [0.7, 0.3] }',
);
const CONFUSION_EXPECTED = 'uniform, or a matrix: a list of rows (one per true class) of shares';
const Confusion = z.union([z.literal('uniform'), z.array(z.array(share(), { error: CONFUSION_EXPECTED }), { error: CONFUSION_EXPECTED })], { error: CONFUSION_EXPECTED });

const Work = strict(
  {
    count: num('an item count: an integer >= 1, or null for open-ended arrivals', { int: true, min: 1 })
      .nullable()
      .default(null)
      .describe('Items to deliver; null = arrivals go on to the horizon (needs poisson or schedule arrivals). Default null.'),
    arrival: Arrival.default('backlog'),
    complexity: num('a complexity factor > 0', { gt: 0, max: 1_000_000 }).default(1).describe('Multiplies every handling time. Default 1.'),
    equivalentUnits: num('a number of equivalent units > 0', { gt: 0 })
      .optional()
      .describe('Weight of one item in equivalent units. Default: the complexity.'),
    value: money()
      .optional()
      .describe('What one accurate item of this type is worth (labelsim portfolio ranks products by value per dollar). Absent = not valued.'),
    workflow: z
      .array(stageName('a stage'), { error: 'a list of stage names, like [annotate, review]' })
      .min(1, { error: 'at least one stage (an annotate stage first)' })
      .optional()
      .describe('Stage names: one annotate stage, then review stages. Default [annotate] if a stage named annotate exists.'),
    classes: Classes.optional().describe('True classes of the items: { names or count, prevalence }. Absent = labels are only right or wrong.'),
    confusion: Confusion.optional().describe("Which wrong class a wrong label picks: uniform (default), or a matrix with a row per true class (a zero diagonal, each row summing to 1). Needs classes."),
  },
  'an item type: { count, arrival, workflow, ... }',
);

const factor = (expected: string, max: number) => num(expected, { gt: 0, max });
const PreLabels = strict(
  {
    firstRetrainAfter: num('an item count: an integer >= 1', { int: true, min: 1 }).describe('Accepted items before the first model. Required.'),
    retrainEvery: num('an item count: an integer >= 1', { int: true, min: 1 }).describe('Accepted items between retrains. Required.'),
    retrainTime: duration().describe('Time a retrain takes. Required.'),
    retrainCost: money().describe('Cost of one retrain. Required.'),
    handlingFactor: factor('a factor in (0, 1]', 1).describe('Handling-time factor with the first model, in (0, 1]. Required.'),
    errorFactor: factor('a factor in (0, 2]', 2).describe('Error-rate factor with the first model, in (0, 2]. Required.'),
    improvement: factor('a factor in (0, 1]', 1).describe('Each retrain multiplies the gap to the floor by this, in (0, 1]. Required.'),
    handlingFloor: factor('a factor in (0, 1]', 1).optional().describe('Best handling factor reachable. Default: handlingFactor.'),
    errorFloor: num('a factor in [0, 2]', { min: 0, max: 2 }).optional().describe('Best error factor reachable. Default: errorFactor.'),
  },
  'pre-labels: { firstRetrainAfter, retrainEvery, retrainTime, retrainCost, handlingFactor, errorFactor, improvement }',
);

const count = (what: string) => num(`${what}: an integer >= 1`, { int: true, min: 1, max: 1e9 });
const CURVE_POINT_EXPECTED = 'a measured point [labels, accuracy], like [2000, 0.83]';
const Curve = z.union(
  [
    strict(
      {
        a: num('an asymptote in (0, 1]: the accuracy the model approaches', { gt: 0, max: 1 }).describe('Asymptote: the accuracy approached with unlimited labels, in (0, 1].'),
        b: num('a scale b > 0', { gt: 0, max: 1e6 }).describe('Scale of the gap to the asymptote (> 0).'),
        c: num('an exponent c > 0 (the curve must rise with labels)', { gt: 0, max: 10 }).describe('Exponent (> 0): how fast the gap closes.'),
      },
      'a learning curve: { a, b, c } for acc(n) = a - b n^-c, or { points: [[n, accuracy], ...] }',
    ),
    strict(
      {
        points: z
          .array(z.tuple([num('a label count n >= 1', { min: 1, max: 1e9 }), num('an accuracy in (0, 1)', { gt: 0, lt: 1 })], { error: CURVE_POINT_EXPECTED }), { error: 'a list of measured points [labels, accuracy]' })
          .min(4, { error: 'at least four measured points: three fix a, b and c, and more measure how sure the fit is' })
          .describe('Measured (labels, accuracy) points, at least three; labelsim fits acc(n) = a - b n^-c to them.'),
      },
      'measured points: { points: [[n, accuracy], ...] }',
    ),
  ],
  { error: 'a learning curve: { a, b, c } for acc(n) = a - b n^-c, or { points: [[n, accuracy], ...] } to fit' },
);

const Selection = z.discriminatedUnion(
  'strategy',
  [
    strict(
      {
        strategy: z.literal('random', { error: "'random' or 'active'" }),
        batch: count('labels between retrains').describe('Accepted labels between retrains (model evaluations). Required.'),
      },
      'random sampling: { strategy: random, batch }',
    ),
    strict(
      {
        strategy: z.literal('active', { error: "'random' or 'active'" }),
        seed: count('labels in the random seed batch').describe('Random labels before the first model (active learning needs a model to choose with). Required.'),
        batch: count('labels per chosen batch').describe('Items the model chooses per batch; the next batch waits for the retrain on this one. Required.'),
        efficiency: num('a label efficiency >= 1: random labels one chosen label is worth', { min: 1, max: 100 }).describe('Random labels one actively chosen label is worth on the learning curve. Required.'),
        hardItems: strict(
          {
            handling: num('a factor >= 1 on handling time', { min: 1, max: 100 }).default(1).describe('Handling-time factor of chosen items (labelling and review). Default 1.'),
            error: num('a factor >= 1 on the error rate', { min: 1, max: 100 }).default(1).describe('Error-rate factor of chosen items. Default 1.'),
            modelAccuracy: num('a factor in (0, 1] on the model\'s accuracy', { gt: 0, max: 1 }).default(1).describe("Factor on the model's accuracy as a pre-labeller on chosen items. Default 1."),
          },
          'hard items: { handling, error, modelAccuracy }',
        )
          .prefault({})
          .describe('Chosen items are the hard ones. Default: no harder.'),
      },
      'active learning: { strategy: active, seed, batch, efficiency, hardItems }',
    ),
  ],
  { error: "a selection: { strategy: random, batch } or { strategy: active, seed, batch, efficiency }" },
);

const Training = strict(
  {
    workType: text(NAME_EXPECTED, NAME_PATTERN).optional().describe('The item type whose accepted labels train the model. Default: the only item type.'),
    curve: Curve.describe('Learning curve: { a, b, c } or { points } to fit. Required.'),
    classes: num('a number of classes: an integer >= 2', { int: true, min: 2, max: 100_000 }).default(2).describe('Classes of the task, for the label-noise penalty. Default 2.'),
    selection: Selection.describe('Which items are labelled: random or active. Required.'),
    retrain: strict(
      {
        time: duration().describe('Wall time of one retrain and evaluation. Required.'),
        compute: money().default(0).describe('Compute cost per retrain. Default 0.'),
        engineerHours: num('hours of ML engineer time: a number >= 0', { min: 0, max: 1e6 }).default(0).describe('ML engineer hours per retrain. Default 0.'),
        engineerRate: hourly().default('0/h').describe('Price of an ML engineer hour, like 95/h. Default 0/h.'),
      },
      'a retrain: { time, compute, engineerHours, engineerRate }',
    ).describe('What a retrain takes. Required.'),
    assist: strict(
      {
        verify: factor('a handling-time factor in (0, 1]', 1).describe('Handling-time factor of verifying a right pre-label. Required.'),
        correct: factor('a handling-time factor in (0, 2]', 2).default(1).describe('Handling-time factor of correcting a wrong pre-label. Default 1.'),
        automationBias: share().default(0).describe('Share of wrong pre-labels accepted as they are. Default 0.'),
        errorWhenRight: num('a factor in [0, 1] on the error rate', { min: 0, max: 1 }).default(1).describe("Factor on the annotator's own error rate when the pre-label is right. Default 1."),
      },
      'model-assisted labelling: { verify, correct, automationBias, errorWhenRight }',
    )
      .nullable()
      .default(null)
      .describe('Pre-labels from the current model; null = none. Default null.'),
    synthetic: strict(
      {
        share: share(true).describe('Share of all training examples that are synthetic, below 100%. Required.'),
        weight: num('a weight in [0, 1]: what one synthetic example is worth against a real one', { min: 0, max: 1 }).describe('Weight of a synthetic example on the curve (domain gap). Required.'),
        costPerExample: money().describe('Cost of generating one synthetic example. Required.'),
      },
      'a synthetic supplement: { share, weight, costPerExample }',
    )
      .nullable()
      .default(null)
      .describe('Synthetic training examples; null = none. Default null.'),
    validation: num('a number of items: an integer >= 0', { int: true, min: 0, max: 1e9 }).default(0).describe('Real items labelled first and held out to evaluate the model. Default 0.'),
    cycles: strict(
      {
        count: count('retrain cycles').describe('Cycles of continuous operation after the first model reaches the target. Required.'),
        every: positiveDuration().describe('Time between cycles, from the first model at the target, like 4w. Required.'),
        drift: share().describe('Share of the training set\'s value lost to data drift at each cycle. Required.'),
      },
      'continuous operation: { count, every, drift }',
    )
      .optional()
      .describe('Continuous operation: retrain cycles on new data after the first model; absent = the project ends at the first model at the target.'),
  },
  'training: { curve, selection, retrain, assist, synthetic, validation }',
);

/**
 * Most named fixed costs: each becomes a cost line of every replication's record (twice: at
 * completion and at the deadline) and of every pool's hours, so 100,000 of them would make each
 * record megabytes. A project has a handful; a hundred is far beyond any real budget sheet.
 * Checked in model.ts, which can say how many there are.
 */
export const MAX_FIXED_COSTS = 100;
export const FIXED_COSTS_EXPECTED = `at most ${MAX_FIXED_COSTS} named fixed costs (each is a cost line of every replication's record; add the small ones up under one name)`;

/** The prices besides pay that the model charges, by the cost line they are booked on. */
export const DATED_PRICES = ['platform', 'management', 'retraining', 'engineering', 'synthetic'] as const;
const PRICE_CHANGE_EXPECTED = `a price change: { price: platform, from: 2027-06-01, to: 2027-09-01, factor: 1.2 } (price one of ${DATED_PRICES.join(', ')}; to is optional)`;
const PriceChange = strict(
  {
    price: z
      .enum(DATED_PRICES, { error: `one of ${DATED_PRICES.join(', ')}` })
      .describe(
        'The price that changes: platform (platformPerSeatMonth), management (managementPerWeek), retraining (a retrain of pre-labels: retrainCost, or of training: retrain.compute), engineering (training.retrain.engineerRate), synthetic (training.synthetic.costPerExample). Required.',
      ),
    from: date().describe("First day of the change, 'YYYY-MM-DD' in the experiment's timeZone. Required."),
    to: date().optional().describe('Day the change ends (not included). Default: it never ends.'),
    factor: num('a factor > 0 (at most 1000), like 1.2 for 20% more', { gt: 0, max: 1000 }).describe('Multiplies the price from `from` until `to`. Required.'),
  },
  PRICE_CHANGE_EXPECTED,
);

const Costs = strict(
  {
    platformPerSeatMonth: money().default(0).describe('Platform licence per seat per month (730 h). Default 0.'),
    seats: z
      .union([z.literal('auto', { error: 'auto or a number of seats (an integer >= 0)' }), num('auto or a number of seats (an integer >= 0)', { int: true, min: 0 })], {
        error: 'auto or a number of seats (an integer >= 0)',
      })
      .default('auto')
      .describe('Licensed seats; auto = total headcount. Default auto.'),
    managementPerWeek: money().default(0).describe('Project management overhead per week. Default 0.'),
    fixed: z
      .record(text('an activity name (not empty, at most 100 characters)', '^.{1,100}$'), money(), {
        error: 'a mapping of activity to amount, like { guidelines: 4000, goldSet: 2500 }',
      })
      .default({})
      .describe(`One-off costs at the start by activity, at most ${MAX_FIXED_COSTS}. Default {}.`),
    priceChanges: z
      .array(PriceChange, { error: `a list of price changes, each ${PRICE_CHANGE_EXPECTED}` })
      .optional()
      .describe('Changes by date of prices besides pay (a platform or API price change), each multiplying its price; overlapping changes of one price multiply. A time-driven price (platform, management) is charged at the price of each hour, the others at the price of the instant they are charged. Absent = fixed prices.'),
  },
  'costs: { platformPerSeatMonth, seats, managementPerWeek, fixed, priceChanges }',
);

/** Most guideline changes: each is a version a label keeps in one byte, and four figures of every replication's record. */
export const MAX_GUIDELINE_CHANGES = 50;
const RELABEL_EXPECTED = 'none, all, { share: 10% } or { classes: [name, ...], share: 100% }';
const GuidelineChange = strict(
  {
    name: text(NAME_EXPECTED, NAME_PATTERN).optional().describe('Names the change in outputs. Default change-1, change-2, ... in file order.'),
    at: z
      .union([duration(), date()], { error: `${DURATION_EXPECTED}, or ${DATE_EXPECTED}` })
      .optional()
      .describe("When the change takes effect: a time from the start (3w) or a date 'YYYY-MM-DD' (its local midnight in timeZone). Give at or afterAccepted."),
    afterAccepted: num('an item count: an integer >= 1', { int: true, min: 1 })
      .optional()
      .describe('The change takes effect at the N-th acceptance of the project. Give at or afterAccepted.'),
    relabel: z
      .union(
        [
          z.enum(['none', 'all'], { error: RELABEL_EXPECTED }),
          strict({ share: share().describe('Share of the accepted items sent back. Required.') }, RELABEL_EXPECTED),
          strict(
            {
              classes: z
                .array(text(NAME_EXPECTED, NAME_PATTERN), { error: 'a list of class names' })
                .min(1, { error: 'at least one class name' })
                .describe('Accepted items of these true classes are sent back. Required.'),
              share: share().default(1).describe('Share of those items sent back. Default 100%.'),
            },
            RELABEL_EXPECTED,
          ),
        ],
        { error: RELABEL_EXPECTED },
      )
      .describe('What the change sends back for relabelling: none, all accepted items, a share of them, or (a share of) those of some classes. Required.'),
    work: z
      .array(text(NAME_EXPECTED, NAME_PATTERN), { error: 'a list of item type names' })
      .min(1, { error: 'at least one item type name' })
      .optional()
      .describe('Item types the change applies to. Default: all.'),
  },
  'a guideline change: { at: 3w | afterAccepted: N, relabel: none | all | { share } | { classes, share } }',
);
const Guidelines = strict(
  {
    tracked: z
      .boolean({ error: 'true or false' })
      .default(true)
      .describe('Whether labels carry their guideline version. false: nobody can tell which labels a change affects, so every change relabels every accepted item. Default true.'),
    changes: z
      .array(GuidelineChange, { error: 'a list of guideline changes' })
      .min(1, { error: 'at least one guideline change' })
      .max(MAX_GUIDELINE_CHANGES, { error: `at most ${MAX_GUIDELINE_CHANGES} guideline changes` })
      .describe('The changes, each starting a new guideline version. Required.'),
  },
  'guidelines: { tracked, changes: [...] }',
);

const Pilot = strict(
  {
    work: text(NAME_EXPECTED, NAME_PATTERN).optional().describe('The item type piloted. Default: the only one.'),
    batch: num('an item count: an integer >= 1', { int: true, min: 1 }).describe('Items in each pilot batch. Required.'),
    agreement: share().describe("Percent agreement of a batch's consensus labels that lets the bulk in. Required."),
    maxRounds: num('a number of rounds: an integer from 1 to 100', { int: true, min: 1, max: 100 })
      .default(5)
      .describe('After this many batches the bulk is let in whatever the agreement. Default 5.'),
    revision: strict(
      {
        time: duration().default('0h').describe('Time a revision of the guidelines takes before the next batch. Default 0h.'),
        cost: money().default(0).describe('Money a revision costs. Default 0.'),
        errorFactor: num('a factor from 0 to 1, like 0.7', { min: 0, max: 1 })
          .default(1)
          .describe('After each revision, labels of the item type are wrong this many times as often. Default 1.'),
      },
      'a revision: { time: 1w, cost: 2000, errorFactor: 0.7 }',
    )
      .prefault({})
      .describe('What a guideline revision between pilot rounds takes, and what it does. Default: nothing.'),
  },
  'a pilot: { work, batch, agreement, maxRounds, revision }',
);

/** Most wait thresholds: each is a figure per stage of every replication's record. */
export const MAX_WAIT_THRESHOLDS = 20;
/** Most parameter draws a file may carry: each replication picks one, and every plan holds them all. */
export const MAX_PARAMETER_DRAWS = 10_000;

/** The fields plans may patch: everything that shapes the model. */
export const modelShape = {
  deterministic: z
    .boolean({ error: 'true or false' })
    .default(false)
    .describe('true turns every source of randomness off. Default false.'),
  start: date()
    .default('2027-01-04')
    .describe("Project start 'YYYY-MM-DD', any day of the week; t=0 is its 00:00 in timeZone and shifts run from that day. Default 2027-01-04."),
  timeZone: timeZone().default('UTC').describe('IANA zone of the project clock. Default UTC.'),
  deadline: deadline()
    .nullable()
    .default(null)
    .describe(
      "Deadline: a duration from start (8w, 10d: calendar days in timeZone, the same wall-clock time that many days later; 36h: elapsed hours), a date 2027-05-28 (the end of that day in timeZone) or a local date and time '2027-05-28 17:00' in timeZone; null = none. Default null.",
    ),
  horizon: positiveDuration()
    .optional()
    .describe('Every replication stops here; > warmup and >= deadline. Default: 3 x deadline, or 52w without a deadline.'),
  warmup: duration().default('0h').describe('Statistics ignore the time before this. Default 0h.'),
  currency: text('a currency code of 3 capital letters, like USD or EUR', '^[A-Z]{3}$')
    .default('USD')
    .describe('ISO 4217 code of every amount. Default USD.'),
  work: namedMap(Work, 'a mapping of item type name to item type', 'at least one item type').describe('Item types by name. Required, at least one.'),
  pools: namedMap(Pool, 'a mapping of pool name to pool', 'at least one pool').describe('Staff pools by name. Required, at least one.'),
  stages: namedMap(Stage, 'a mapping of stage name to stage', 'at least one stage').describe('Stages by name. Required, at least one.'),
  preLabels: PreLabels.nullable().default(null).describe('Model-assisted pre-labels; null = none. Default null.'),
  costs: Costs.prefault({}).describe('Costs besides pay. Default: none.'),
  training: Training.nullable()
    .optional()
    .describe('The model being trained on the labels: learning curve, selection, retrains, pre-labels, synthetic data. Absent or null = none.'),
  target: z.union(
    [
      strict(
        {
          accepted: num('an item count: an integer >= 1', { int: true, min: 1 }).describe('The project is done when this many items are accepted. Required.'),
        },
        'a target: { accepted: N } or { accuracy: 90% }',
      ),
      strict(
        {
          accuracy: share(true).describe('The project is done when an evaluated model reaches this accuracy (needs training). Required.'),
        },
        'a target: { accepted: N } or { accuracy: 90% }',
      ),
    ],
    { error: 'a target: { accepted: N } or { accuracy: 90% }' },
  )
    .nullable()
    .optional()
    .describe('When the project is done; absent or null = when every item is accepted (left out of the parsed file when absent, so files without it hash as before).'),
  exchangeRates: z
    .record(currencyCode(), ExchangeRate, { error: 'a mapping of currency code to exchange rate, like { PHP: 0.018 }' })
    .optional()
    .describe('Exchange rates into the reporting currency (currency) of the currencies pools are paid in. Absent = none.'),
  uncertainty: strict(
    {
      method: z.literal('bootstrap', { error: 'bootstrap' }).describe('How the draws were made: bootstrap (labelsim calibrate). Required.'),
      fitted: z
        .record(text('a dotted path of a fitted parameter'), z.unknown(), { error: 'a mapping of dotted parameter paths to the fitted values' })
        .describe('The point estimates the draws vary, by dotted path; a plan whose value differs keeps its own. Required.'),
      draws: z
        .array(z.record(text('a dotted path of a fitted parameter'), z.unknown(), { error: 'a mapping of dotted parameter paths to values' }), { error: 'a list of draws' })
        .min(1, { error: 'at least one draw' })
        .max(MAX_PARAMETER_DRAWS, { error: `at most ${MAX_PARAMETER_DRAWS} draws` })
        .describe('Parameter values, one set per draw: stages.<stage>.handling, stages.<stage>.reworkFactor, pools.<pool>.errorRate. Required.'),
    },
    'uncertainty: { method: bootstrap, fitted: {...}, draws: [...] }',
  )
    .nullable()
    .optional()
    .describe(
      'Uncertainty of fitted parameters (written by labelsim calibrate): each replication uses one draw, the same draw for the same replication in every plan; absent or null = the fitted values (left out of the parsed file when absent, so files without it hash as before).',
    ),
  queue: z
    .enum(['rework-first', 'fifo'], { error: "'rework-first' or 'fifo'" })
    .optional()
    .describe('Which waiting item a free person takes: rework-first (rework, re-review, adjudication and escalation ahead of first passes) or fifo (in order of arrival). Absent = rework-first.'),
  pilot: Pilot.nullable()
    .optional()
    .describe('A pilot gate: the bulk of an item type waits until a pilot batch reaches an agreement target, with guideline revisions between rounds. Absent or null = none (left out of the parsed file when absent, so files without it hash as before).'),
  guidelines: Guidelines.nullable()
    .optional()
    .describe('Guideline versions: changes that send accepted items back for relabelling. Absent or null = one version throughout (left out of the parsed file when absent, so files without it hash as before).'),
  waitThresholds: z
    .array(duration(), { error: `a list of waits, like [30s, 4h, 1d]` })
    .min(1, { error: 'at least one wait, like [4h]' })
    .max(MAX_WAIT_THRESHOLDS, { error: `at most ${MAX_WAIT_THRESHOLDS} waits` })
    .optional()
    .describe(
      `Waits T at which every stage's service level P(wait <= T) is reported, at most ${MAX_WAIT_THRESHOLDS}, like [30s, 4h, 1d]. Absent = none (the other queueing measures are reported all the same).`,
    ),
};

/** Fields of the experiment itself, which plans cannot patch. */
export const EXPERIMENT_ONLY_FIELDS = ['name', 'description', 'seed', 'replications', 'precision', 'plans', 'sweep', 'calibration', 'decision', 'makeOrBuy', 'portfolio'] as const;

const Plan = strict(
  {
    description: z.string({ error: 'text' }).default('').describe('What this plan changes. Default "".'),
    patch: z
      .record(z.string(), z.unknown(), { error: 'a JSON Merge Patch: a mapping of model fields to new values (null deletes)' })
      .default({})
      .describe('JSON Merge Patch (RFC 7386) applied to the model fields of the document. Default {}.'),
  },
  'a plan: { description, patch }',
);

export const ModelSchema = strict(modelShape, 'a mapping of experiment fields');

/** Most plans a sweep may generate, and most values of one parameter: every plan holds its own model in memory. */
export const MAX_SWEEP_PLANS = 1000;

const SWEEP_VALUES_EXPECTED = 'a list of values, like [1%, 2%, 5%], or a range { from: 8, to: 20, step: 2 }';
const SweepRange = strict(
  {
    from: num('a number', {}).describe('First value. Required.'),
    to: num('a number', {}).describe('Last value, included if the steps reach it exactly. Required.'),
    step: num('a step > 0', { gt: 0 }).describe('Distance between values, > 0. Required.'),
  },
  SWEEP_VALUES_EXPECTED,
);
const SweepValues = z
  .union(
    [
      z
        .array(z.unknown(), { error: SWEEP_VALUES_EXPECTED })
        .min(1, { error: 'at least one value' })
        .max(MAX_SWEEP_PLANS, { error: `at most ${MAX_SWEEP_PLANS} values` }),
      SweepRange,
    ],
    { error: SWEEP_VALUES_EXPECTED },
  )
  .describe('Values as they would be written in the file, or an inclusive numeric range { from, to, step }.');

const Sweep = strict(
  {
    plans: z
      .array(text('the name of a declared plan'), { error: 'a list of declared plan names, like [baseline, vendor-b]' })
      .min(1, { error: 'at least one plan' })
      .optional()
      .describe('Declared plans to vary, in this order. Default: the first plan only.'),
    parameters: z
      .record(text('a dotted path to a field of the model, like stages.<stage>.sample'), SweepValues, {
        error: 'a mapping of dotted field paths to values, like { stages.qa.sample: [1%, 5%] }',
      })
      .refine((o) => Object.keys(o).length > 0, { error: 'at least one parameter' })
      .describe(
        'Dotted paths into the model fields (like pools.annotators.headcount) and the values to try; ' +
          'every combination becomes a plan, the first parameter varying slowest. Required.',
      ),
  },
  'a sweep: { plans, parameters }',
).describe(
  `Plans generated from a grid of values: one per selected plan and combination, named <plan>/<field>=<value>,..., after the declared plans; at most ${MAX_SWEEP_PLANS}.`,
);

const SERVICE_LEVEL_TARGET_EXPECTED = 'a service-level target: { stage, within: 4h, atLeast: 80% }';
const DecisionPolicy = strict(
  {
    name: z.string({ error: 'text' }).max(200, { error: 'text of at most 200 characters' }).optional().describe('What the report calls the policy. Default: its targets in words.'),
    basis: z
      .enum(['estimate', 'interval'], { error: "'estimate' or 'interval'" })
      .default('estimate')
      .describe(
        'estimate: each target holds at its point estimate; interval: at the unfavourable end of its 95% interval (the low end of a probability or service level, the high end of a cost or an error rate). Default estimate.',
      ),
    targets: strict(
      {
        onTime: share().optional().describe('Probability of finishing by the deadline, at least (90% or 0.9).'),
        serviceLevel: strict(
          {
            stage: text('a stage name').describe('The stage whose waits count. Required.'),
            within: duration().describe("The wait T, one of waitThresholds. Required."),
            atLeast: share().describe('Share of its tasks started within T, at least. Required.'),
          },
          SERVICE_LEVEL_TARGET_EXPECTED,
        )
          .optional()
          .describe(SERVICE_LEVEL_TARGET_EXPECTED),
        timeInSystemP85: positiveDuration().optional().describe("85th percentile of an item's time from arrival to acceptance, at most."),
        residualError: share().optional().describe('Share of accepted items with a wrong label, at most.'),
        budget: money().optional().describe('Mean total cost, at most.'),
      },
      'targets: { onTime, serviceLevel, timeInSystemP85, residualError, budget }',
    )
      .refine((t) => Object.keys(t).length > 0, { error: 'at least one target' })
      .describe('What a plan must reach to be acceptable; the cheapest acceptable plan (by unit cost) is recommended. Required, at least one.'),
  },
  'a decision policy: { name, basis, targets }',
).describe("How the report recommends a plan. Absent = the cheapest plan with at least a 90% chance on time, on the estimate (as before the policy existed).");

/** The file's ranges of seed and replications, shared with the command line's --seed and --replications. */
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_REPLICATIONS = 1_000_000;

const Portfolio = strict(
  {
    budget: money().optional().describe('Money the portfolio may spend (compared with the cost of the plan). Absent = no budget.'),
    shift: share().default(0.1).describe('Share of the lowest-return product’s spend to move to the highest-return one. Default 10%.'),
  },
  'a portfolio: { budget, shift }',
).describe('Portfolio allocation (labelsim portfolio): products ranked by return per dollar, and spend shifted from the lowest to the highest. Absent = none.');

const MAKE_OR_BUY_EXPECTED = 'make or buy: { horizonMonths, labelsPerYear, models, retrainsPerYear, build: { plan, platform, ... }, buy: { plan, perCycle } }';
const planRef = (what: string) => text(PLAN_NAME_EXPECTED, PLAN_NAME_PATTERN).describe(`The plan whose simulated cost per accurate item prices ${what}; its work is one labelling cycle. Required.`);
const MakeOrBuy = strict(
  {
    horizonMonths: num('a number of months: an integer from 1 to 600', { int: true, min: 1, max: 600 }).describe('Months of continuous labelling compared. Required.'),
    labelsPerYear: num('labels a year: a number >= 0', { min: 0, max: 1e12 }).describe('Accurate labels needed a year, all models together. Required.'),
    models: num('a number of models: an integer >= 1', { int: true, min: 1, max: 10_000 }).default(1).describe('Production models sharing the labelling. Default 1.'),
    retrainsPerYear: num('retrains a year per model: a number > 0 (12 = monthly)', { gt: 0, max: 8760 }).describe('Labelling cycles a year per model (12 = monthly). Required.'),
    build: strict(
      {
        plan: planRef('labelling in-house'),
        platform: money().default(0).describe('One-off build of the platform and tooling (engineering). Default 0.'),
        infrastructurePerMonth: money().default(0).describe('Hosting, storage, licences per month. Default 0.'),
        teamPerMonth: money().default(0).describe('Fixed in-house operations team (ops lead, tooling engineer) per month. Default 0.'),
        perModel: money().default(0).describe('One-off integration of each model into the platform. Default 0.'),
        perCycle: money().default(0).describe('In-house overhead of one labelling cycle (briefing, guideline update). Default 0.'),
      },
      'build: { plan, platform, infrastructurePerMonth, teamPerMonth, perModel, perCycle }',
    ).describe('Building an in-house operation. Required.'),
    buy: strict(
      {
        plan: planRef('a vendor'),
        perCycle: money().default(0).describe("A vendor's fixed cost of one cycle (onboarding, briefing, minimum order, expedite). Default 0."),
      },
      'buy: { plan, perCycle }',
    ).describe('Buying from a vendor. Required.'),
  },
  MAKE_OR_BUY_EXPECTED,
).describe('Make or buy over a horizon (labelsim make-or-buy): total cost of ownership of building against buying. Absent = none.');

export const ExperimentSchema = strict(
  {
    name: text(EXPERIMENT_NAME_EXPECTED, EXPERIMENT_NAME_PATTERN).describe("Experiment name, used as an output folder name: letters, digits, '.', '_', '-', not beginning with '.'. Required."),
    description: z.string({ error: 'text' }).default('').describe('Free text. Default "".'),
    seed: num('a seed: an integer from 0 to 4294967295', { int: true, min: 0, max: MAX_SEED })
      .default(1)
      .describe('Random seed. Default 1.'),
    replications: num('a number of replications: an integer from 1 to 1000000', { int: true, min: 1, max: MAX_REPLICATIONS })
      .default(100)
      .describe('Monte Carlo replications per plan (with precision: the most a plan may run). Default 100.'),
    precision: PrecisionSchema.optional(),
    calibration: text('the path of a calibration fragment (.yaml or .json), relative to this file', String.raw`^.{1,1000}$`)
      .optional()
      .describe(
        "A fragment written by labelsim calibrate: its pools, stages, work and uncertainty are read in under this file's own fields (which win; null deletes). A path relative to this file.",
      ),
    ...modelShape,
    plans: namedMap(Plan, 'a mapping of plan name to { description, patch }', 'at least one plan', PLAN_NAME_PATTERN, PLAN_NAME_EXPECTED)
      .default({ base: { description: '', patch: {} } })
      .describe('Plans by name, in file order; the first is the baseline. Default { base: { patch: {} } }.'),
    sweep: Sweep.optional(),
    decision: DecisionPolicy.optional(),
    makeOrBuy: MakeOrBuy.optional(),
    portfolio: Portfolio.optional(),
  },
  'a mapping of experiment fields (name, work, pools, stages, ...)',
).describe('A labelsim experiment: an annotation operation and the plans to compare.');

export type ExperimentDocument = z.output<typeof ExperimentSchema>;
export type ModelDocument = z.output<typeof ModelSchema>;
export type PoolDocument = z.output<typeof Pool>;
export type StageDocument = z.output<typeof Stage>;
export type HandlingDocument = z.output<typeof Handling>;
export type SweepDocument = z.output<typeof Sweep>;
export type MakeOrBuyDocument = z.output<typeof MakeOrBuy>;

/**
 * JSON Schema (draft 2020-12) of the experiment file format, for editors and `labelsim schema`
 * (shipped as experiments/labelsim.schema.json). zod checks a plan's patch as a mapping and
 * validates the patched document; here the patch gets the schema of a patch of the model
 * fields, so that editors complete and check the fields inside it too.
 */
export function experimentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExperimentSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const model = z.toJSONSchema(ModelSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const plan = (schema.properties.plans as JsonSchema).additionalProperties as JsonSchema;
  const { $schema: _draft, ...patch } = patchSchema(model);
  plan.properties.patch = { ...patch, description: (plan.properties.patch as JsonSchema).description, default: {} };
  return schema;
}

interface JsonSchema {
  properties: Record<string, unknown>;
  [keyword: string]: unknown;
}
