import type { Argv } from 'yargs';
import { MAX_REPLICATIONS, MAX_SEED } from '../load/schema.js';
import { parseShard } from '../run/batches.js';
import { parsePrecisionOption } from '../load/precision-option.js';
import { shareValue } from '../load/units.js';
import { maxMemoryMb } from '../run/limits.js';
import { IN_THREAD_ITEMS } from '../run/worker-choice.js';
import { UsageError } from '../usage-error.js';
import { parseTargets } from '../analysis/targets.js';
import type { PolicyTargets } from '../../reports/decision-policy.js';

/*
 * The options that run, solve, sensitivity, replay, check and merge share: declared once for
 * yargs and checked once, in the command's handler before it loads, computes or writes anything.
 * A value the command cannot honour is a UsageError (one line, exit code 2), never a run that
 * loops, hangs or replaces a good result with an empty one.
 *
 * Values are declared as text: yargs' `number` type turns 9007199254740993 into
 * 9007199254740992 and "many" into NaN before we could see what was typed, so a seed would
 * silently become another seed. Integers are compared exactly (as BigInt) with their range.
 */

/**
 * Most worker threads: each holds Node's own tens of MiB plus a replication's state, so beyond a
 * thousand a machine runs out of memory long before it runs out of cores; a job that needs more
 * parallelism is split with --shard across machines.
 */
export const MAX_WORKERS = 1024;

/** The default share by which the sensitivity study moves each parameter. */
export const DEFAULT_CHANGE = 0.2;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What was typed, as an error echoes it: a number as written, anything else quoted. */
function typed(raw: string): string {
  return DECIMAL.test(raw) ? raw : JSON.stringify(raw);
}

function refuse(name: string, expected: string, raw: string): never {
  throw new UsageError(`--${name}: expected ${expected}, got ${typed(raw)}`);
}

/** An integer in [min, max], compared exactly so that no digit beyond 2^53 is lost. */
function integer(name: string, raw: string, min: number, max: number, expected = `an integer from ${min} to ${max}`): number {
  if (!INTEGER.test(raw)) refuse(name, expected, raw);
  const value = BigInt(raw);
  if (value < BigInt(min) || value > BigInt(max)) refuse(name, expected, raw);
  return Number(value);
}

/** A finite number written in decimal, with a test of its range. */
function decimal(name: string, raw: string, expected: string, ok: (x: number) => boolean): number {
  const value = Number(raw);
  if (!DECIMAL.test(raw) || !Number.isFinite(value) || !ok(value)) refuse(name, expected, raw);
  return value;
}

/** The options as checked values; an option not given is undefined (or its default). */
export interface CheckedOptions {
  replications?: number;
  seed?: number;
  workers?: number;
  batchSize?: number;
  maxMemory?: number;
  /** `i/n`, checked: 0 <= i < n. */
  shard?: string;
  /** `on-time=2pt,p85=0.5d,...` or `none`, checked (experiments/load/precision-option.ts parses it). */
  precision?: string;
  change: number;
  /** The targets of solve (`--target`, repeatable): on time, a service level, a p85 time in system, a residual error, a budget. */
  target?: PolicyTargets;
  out?: string;
  replication?: number;
}

interface Spec {
  /** The property of CheckedOptions it fills. */
  key: keyof CheckedOptions;
  alias?: string;
  describe: string;
  default?: string;
  parse(raw: string, name: string): CheckedOptions[keyof CheckedOptions];
}

const SPECS = {
  replications: {
    key: 'replications',
    alias: 'r',
    describe: "replications per plan (default: the file's)",
    parse: (raw, name) => integer(name, raw, 1, MAX_REPLICATIONS),
  },
  seed: {
    key: 'seed',
    alias: 's',
    describe: "master seed (default: the file's)",
    // The file's range: a seed outside it could not be written back into an experiment file.
    parse: (raw, name) => integer(name, raw, 0, MAX_SEED),
  },
  workers: {
    key: 'workers',
    alias: 'w',
    describe: `worker threads (default: one per core, or this thread for a run of at most ${IN_THREAD_ITEMS.toLocaleString('en-US')} items in all; 0 = this thread)`,
    parse: (raw, name) => integer(name, raw, 0, MAX_WORKERS, `an integer from 0 (this thread) to ${MAX_WORKERS}`),
  },
  'batch-size': {
    key: 'batchSize',
    describe: 'replications per batch (default: automatic)',
    // A batch of 0 would never finish a plan; one larger than a plan's replications changes nothing.
    parse: (raw, name) => integer(name, raw, 1, MAX_REPLICATIONS),
  },
  'max-memory': {
    key: 'maxMemory',
    describe: 'memory limit per worker thread in MiB: larger plans are refused (default: LABELSIM_MAX_MEMORY_MB or 2048)',
    // limits.ts owns the range and its message; only text that is no integer at all is refused here.
    parse: (raw, name) => (INTEGER.test(raw) && Number.isSafeInteger(Number(raw)) ? maxMemoryMb(Number(raw), {}) : refuse(name, 'a whole number of MiB, like 4096', raw)),
  },
  shard: {
    key: 'shard',
    describe: 'run only shard i of n (i/n), e.g. 0/4',
    parse: (raw, name) => {
      const { count } = parseShard(raw);
      // More shards than the most replications a plan may have would leave shards with nothing to run.
      if (count > MAX_REPLICATIONS) refuse(name, `i/n with 0 <= i < n <= ${MAX_REPLICATIONS}, like 0/4`, raw);
      return raw.trim();
    },
  },
  precision: {
    key: 'precision',
    describe:
      "stop when the figures are this precise (half-widths of their intervals), at most --replications: on-time=2pt,p85=0.5d,unit-cost=1%,until=settled,confidence=95%,first-round=20, or none (default: the file's precision)",
    parse: (raw) => {
      parsePrecisionOption(raw);
      return raw.trim();
    },
  },
  change: {
    key: 'change',
    describe: `how far the sensitivity study moves each parameter, as a share (default: ${DEFAULT_CHANGE})`,
    // The study moves a parameter to (1 - change) and (1 + change) times its value: 1 or more would
    // leave no people and no speed at the low end.
    parse: (raw, name) => {
      // Written as in files: 20% or 0.2.
      const expected = 'a share between 0 and 1 (both excluded), like 20% or 0.2';
      if (!/%\s*$/.test(raw)) return decimal(name, raw, expected, (x) => x > 0 && x < 1);
      const value = shareValue(raw);
      if (value === null || !(value > 0 && value < 1)) refuse(name, expected, raw);
      return value;
    },
  },
  target: {
    key: 'target',
    describe:
      'a target, repeatable or comma-separated: on-time=90%, service-level=80%@30s[:stage], p85-time-in-system=3w, residual-error=2%, budget=250000 (shares as 90% or 0.9)',
    // A target of 0 is met by nobody at all: the search would have nothing to find (analysis/targets.ts refuses it).
    parse: (raw) => parseTargets([raw]),
  },
  out: {
    key: 'out',
    alias: 'o',
    describe: 'output root folder',
    default: 'out',
    // An empty name would write the results into the current folder.
    parse: (raw, name) => (raw === '' ? refuse(name, 'a folder name', raw) : raw),
  },
  replication: {
    key: 'replication',
    alias: 'k',
    describe: 'replication index, from 0 (checked against the replications of the file or --replications)',
    parse: (raw, name) => integer(name, raw, 0, MAX_REPLICATIONS - 1),
  },
} satisfies Record<string, Spec>;

export type OptionName = keyof typeof SPECS;

/** Declares the named options on a command, with a description of its own where given. */
export function declareOptions<T>(y: Argv<T>, names: readonly OptionName[], describe: Partial<Record<OptionName, string>> = {}): Argv<T> {
  let out = y;
  for (const name of names) {
    const spec: Spec = SPECS[name];
    out = out.option(name, { type: 'string', alias: spec.alias, default: spec.default, describe: describe[name] ?? spec.describe });
  }
  return out;
}

/**
 * Checks the named options of a parsed command line, in the order given, and returns their
 * values. An option given twice is refused too: yargs would turn it into a list.
 *
 * @throws UsageError `--<option>: expected ..., got ...`
 */
export function checkOptions(argv: Record<string, unknown>, names: readonly OptionName[]): CheckedOptions {
  const out: CheckedOptions = { change: DEFAULT_CHANGE };
  for (const name of names) {
    const raw = argv[name];
    if (raw === undefined) continue;
    // --target is the one option given as often as there are targets.
    if (name === 'target' && Array.isArray(raw)) {
      out.target = parseTargets(raw.map(String));
      continue;
    }
    if (Array.isArray(raw)) throw new UsageError(`--${name}: expected one value, got ${raw.length}`);
    const spec: Spec = SPECS[name];
    (out as unknown as Record<string, unknown>)[spec.key] = spec.parse(String(raw), name);
  }
  return out;
}
