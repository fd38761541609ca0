#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ExperimentError } from './load/index.js';
import { checkCommand, mergeCommand, replayCommand, reportCommand, runCommand, schemaCommand, sensitivityCommand } from './cli/commands.js';
import { solveCommand } from './cli/analysis-commands.js';
import { compareCommand } from './cli/compare-command.js';
import { explainCommand } from './cli/explain-command.js';
import { marginalCommand } from './cli/marginal-command.js';
import { makeOrBuyCommand } from './cli/make-or-buy-command.js';
import { portfolioCommand } from './cli/portfolio-command.js';
import { SolveError } from './analysis/solve.js';
import { ReportError } from './report/report-files.js';
import { MergeError } from './run/merge-shards.js';
import { UsageError } from './usage-error.js';
import { checkOptions, declareOptions } from './cli/options.js';
import { usageMessage, withExamples } from './cli/help.js';
import { initCommand } from './cli/init-command.js';
import { CALIBRATE_DEFAULTS, calibrateCommand } from './cli/calibrate-command.js';
import { shellCommand } from './cli/shell-quote.js';
import { errorLine } from './cli/error-line.js';
import { carryOnWhenStderrCloses, endQuietlyWhenStdoutCloses } from './cli/closed-stdout.js';
import { InterruptedRunExists, labelsimVersion } from './run/run-experiment.js';
import { LockedError } from './run/run-lock.js';
import { LimitError } from './run/limits.js';
import { OutputError } from './run/output-error.js';

/**
 * Exit codes: 0 done, 1 some replications failed, 2 bad input or refused (a limit included),
 * 3 internal error, 4 the output folder could not be written (disk full, read-only; the records
 * written so far are kept: rerun with --resume), 130 interrupted.
 */
async function main(argv: string[]): Promise<number> {
  endQuietlyWhenStdoutCloses();
  carryOnWhenStderrCloses();
  let code = 0;
  const parser = yargs(argv)
    .scriptName('labelsim')
    .usage('$0 <command> [options]\n\nDiscrete-event Monte Carlo simulation of data annotation operations.')
    .command(
      'run <file>',
      'run an experiment: every plan x every replication; writes out/<name>/',
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), RUN_OPTIONS), 'run')
          .option('resume', { type: 'boolean', default: false, describe: 'continue an interrupted run' })
          .option('deterministic', { type: 'boolean', default: false, describe: 'turn every source of randomness off' })
          .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON on stdout (the verdict lines go to stderr)' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress or verdict lines' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file, e.g. --set pools.annotators.headcount=16 (repeatable)' })
          .option('plan', { alias: 'p', type: 'string', array: true, describe: 'run only these plans, in this order (repeatable; the first is the baseline)' })
          .option('sensitivity', { type: 'boolean', default: false, describe: 'also run the sensitivity (tornado) study of the baseline plan and add it to the report' }),
      async (a) => {
        const o = checkOptions(a, RUN_OPTIONS);
        code = await runCommand({
          file: a.file,
          out: o.out!,
          seed: o.seed,
          replications: o.replications,
          precision: o.precision,
          workers: o.workers,
          batchSize: o.batchSize,
          shard: o.shard,
          resume: a.resume,
          deterministic: a.deterministic,
          json: a.json,
          quiet: a.quiet,
          maxMemory: o.maxMemory,
          set: a.set,
          plans: a.plan,
          sensitivity: a.sensitivity,
          change: o.change,
        });
      },
    )
    .command(
      'solve <file>',
      'find the smallest headcount of a pool (--pool), or the cheapest plan, that meets a target such as on-time=0.9',
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), SOLVE_OPTIONS, {
          replications: "replications per candidate (default: the file's, at most 200)",
        }), 'solve')
          .demandOption('target')
          .option('pool', { type: 'string', describe: 'pool whose headcount to search (default: compare plans and pick the cheapest that meets the target)' })
          .option('plan', { alias: 'p', type: 'string', describe: 'plan to vary with --pool (default: the first)' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file (repeatable)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the answer as JSON on stdout (the answer lines go to stderr)' })
          .check(singleValued(['pool', 'plan'])),
      async (a) => {
        const o = checkOptions(a, SOLVE_OPTIONS);
        code = await solveCommand({ file: a.file, targets: o.target!, pool: a.pool, plan: a.plan, replications: o.replications, seed: o.seed, workers: o.workers, set: a.set, json: a.json });
      },
    )
    .command(
      'marginal <file>',
      'what one more unit of each lever buys (a person per pool, 5 points of sample per review tier, an hour a shift per pool): on time, p85, cost, residual error, with common random numbers; saved to out/<name>/marginal.json and added to the report',
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), MARGINAL_OPTIONS, {
          replications: "replications per step (default: the file's, at most 200)",
        }), 'marginal')
          .option('plan', { alias: 'p', type: 'string', describe: 'plan to study (default: the first)' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file (repeatable)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the study as JSON on stdout' })
          .check(singleValued(['plan'])),
      async (a) => {
        const o = checkOptions(a, MARGINAL_OPTIONS);
        code = await marginalCommand({ file: a.file, plan: a.plan, replications: o.replications, seed: o.seed, workers: o.workers, set: a.set, out: o.out!, json: a.json });
      },
    )
    .command(
      'make-or-buy <file>',
      "build against buy over the file's makeOrBuy horizon: total cost of ownership with each label priced by simulating its plan, the break-even volume, and how it moves with models and retrains",
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), MAKE_OR_BUY_OPTIONS, {
          replications: "replications per plan (default: the file's, at most 200)",
        }), 'make-or-buy')
          .option('set', { type: 'string', array: true, describe: 'override a field of the file (repeatable), like makeOrBuy.models=4' })
          .option('json', { type: 'boolean', default: false, describe: 'print the study as JSON on stdout' }),
      async (a) => {
        const o = checkOptions(a, MAKE_OR_BUY_OPTIONS);
        code = await makeOrBuyCommand({ file: a.file, replications: o.replications, seed: o.seed, workers: o.workers, set: a.set, json: a.json });
      },
    )
    .command(
      'portfolio <file>',
      'products (item types) ranked by return per dollar (work.<type>.value), and what shifting spend from the lowest to the highest does to every product, since they share people; saved to out/<name>/portfolio.json and added to the report',
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), MARGINAL_OPTIONS, {
          replications: "replications per run (default: the file's, at most 200)",
        }), 'portfolio')
          .option('plan', { alias: 'p', type: 'string', describe: 'plan to study (default: the first)' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file (repeatable)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the study as JSON on stdout' })
          .check(singleValued(['plan'])),
      async (a) => {
        const o = checkOptions(a, MARGINAL_OPTIONS);
        code = await portfolioCommand({ file: a.file, plan: a.plan, replications: o.replications, seed: o.seed, workers: o.workers, set: a.set, out: o.out!, json: a.json });
      },
    )
    .command(
      'sensitivity <file>',
      'tornado study: how p85 completion and unit cost move when each key parameter moves by -/+ 20%; saved to out/<name>/sensitivity.json and added to the report',
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), SENSITIVITY_OPTIONS, {
          replications: "replications per variant (default: the file's, at most 200)",
        }), 'sensitivity')
          .option('plan', { alias: 'p', type: 'string', describe: 'plan to study (default: the first)' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file (repeatable)' })
          .check(singleValued(['plan'])),
      async (a) => {
        const o = checkOptions(a, SENSITIVITY_OPTIONS);
        code = await sensitivityCommand({ file: a.file, plan: a.plan, change: o.change, replications: o.replications, seed: o.seed, workers: o.workers, set: a.set, out: o.out! });
      },
    )
    .command(
      'check <file>',
      'validate an experiment file and print its capacity check, without running',
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), CHECK_OPTIONS), 'check')
          .option('json', { type: 'boolean', default: false, describe: 'print the check as JSON on stdout' })
          .option('deterministic', { type: 'boolean', default: false, describe: 'check the file as run --deterministic would run it (no absences, no randomness)' })
          .option('set', { type: 'string', array: true, describe: 'check the file with a field overridden, as run --set would run it (repeatable)' }),
      (a) => {
        const o = checkOptions(a, CHECK_OPTIONS);
        code = checkCommand(a.file, o.maxMemory, a.json, { deterministic: a.deterministic, set: a.set });
      },
    )
    .command(
      'replay <file>',
      'rerun one replication of one plan in this thread and print its figures, or its stack trace if it throws',
      (y) =>
        withExamples(declareOptions(y.positional('file', { type: 'string', demandOption: true, describe: FILE }), REPLAY_OPTIONS, {
          replications: "replications of the run (default: the file's): --replication must be below it",
        }), 'replay')
          .demandOption('replication')
          .option('plan', { alias: 'p', type: 'string', demandOption: true, describe: 'plan name' })
          .option('deterministic', { type: 'boolean', default: false, describe: 'turn every source of randomness off, as the run did' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file, as the run did (repeatable)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the whole record of the replication as JSON on stdout' })
          .check(singleValued(['plan'])),
      (a) => {
        const o = checkOptions(a, REPLAY_OPTIONS);
        code = replayCommand({ file: a.file, plan: a.plan, replication: o.replication!, replications: o.replications, seed: o.seed, set: a.set, deterministic: a.deterministic, json: a.json });
      },
    )
    .command(
      'merge <dirs..>',
      'combine the folders of a sharded run into one result folder (the same summary as a single-machine run)',
      // No demandOption and no default: <dirs..> already requires one, and yargs would print both as "[required] [default: []]".
      (y) => withExamples(declareOptions(y.positional('dirs', { type: 'string', array: true, default: undefined, describe: 'shard folders (out/<name>.shard-i-of-n)' }), MERGE_OPTIONS), 'merge'),
      async (a) => {
        const o = checkOptions(a, MERGE_OPTIONS);
        code = await mergeCommand(a.dirs as string[], o.out!);
      },
    )
    .command(
      'report <dir>',
      'rebuild report.html (and the CSV tables) of a run folder from its saved files, without simulating; includes sensitivity.json if present',
      (y) =>
        withExamples(
          y
            .positional('dir', { type: 'string', demandOption: true, describe: 'run folder (out/<name>)' })
            .option('pdf', { type: 'boolean', default: false, describe: 'also print the report to <dir>/report.pdf with the system Chromium (headless, offline)' }),
          'report',
        ),
      async (a) => {
        code = await reportCommand(a.dir, a.pdf);
      },
    )
    .command(
      'compare <a> <b>',
      'two run folders side by side: what differs in their inputs, and each figure with B minus A; --html writes the same as a page',
      (y) =>
        withExamples(
          y
            .positional('a', { type: 'string', demandOption: true, describe: 'run folder A (out/<name>)' })
            .positional('b', { type: 'string', demandOption: true, describe: 'run folder B' })
            .option('html', { type: 'string', describe: 'also write the comparison as a self-contained HTML page to this file' }),
          'compare',
        ),
      (a) => {
        code = compareCommand({ a: a.a, b: a.b, html: a.html });
      },
    )
    .command(
      'explain <a> [b]',
      'why the cost per accurate item and the total cost changed from A to B: price, quantity, quality, mix, volume and overheads, adding up to the change',
      (y) =>
        withExamples(
          y
            .positional('a', { type: 'string', demandOption: true, describe: 'run folder A (out/<name>)' })
            .positional('b', { type: 'string', describe: 'run folder B (default: A, comparing two of its plans)' })
            .option('plan-a', { type: 'string', describe: "plan of A (default: A's first plan)" })
            .option('plan-b', { type: 'string', describe: "plan of B (default: B's first plan, or A's second when B is A)" })
            .option('html', { type: 'string', describe: 'also write the explanation with its waterfall charts as a self-contained HTML page to this file' })
            .option('json', { type: 'boolean', default: false, describe: 'print the explanation as JSON on stdout' })
            .check(singleValued(['plan-a', 'plan-b', 'html'])),
          'explain',
        ),
      (a) => {
        code = explainCommand({ a: a.a, b: a.b, planA: a['plan-a'], planB: a['plan-b'], html: a.html, json: a.json });
      },
    )
    .command('schema', 'print the JSON Schema of experiment files (for editor completion)', (y) => withExamples(y, 'schema'), () => {
      code = schemaCommand();
    })
    .command(
      'init <name>',
      'write a commented starter experiment <name>.yaml (a team, a review tier, a deadline, two plans); never overwrites a file',
      (y) => withExamples(y.positional('name', { type: 'string', demandOption: true, describe: 'experiment name, or a file name ending in .yaml' }), 'init'),
      (a) => {
        code = initCommand(a.name);
      },
    )
    .command(
      'calibrate <exports..>',
      'fit pools and stages from Label Studio, Labelbox or CSV exports: a YAML fragment for experiments and an HTML page of the fits',
      (y) =>
        withExamples(
          y
            .positional('exports', { type: 'string', array: true, default: undefined, describe: 'export files (Label Studio JSON, Labelbox NDJSON, or the labelsim CSV)' })
            .option('format', { type: 'string', describe: 'label-studio, labelbox or csv (default: told from the file)' })
            .option('by', { type: 'string', default: CALIBRATE_DEFAULTS.by, describe: 'fit by annotator (one pool, speedCv from their spread), pool (the CSV pool column) or item-type (complexities)' })
            .option('out', { alias: 'o', type: 'string', default: CALIBRATE_DEFAULTS.out, describe: 'folder for calibration.yaml and calibration.html' })
            .option('fence', { type: 'string', default: CALIBRATE_DEFAULTS.fence, describe: 'trim times outside Q1 - k IQR .. Q3 + k IQR of ln(seconds) per group; 0 = no fences' })
            .option('max-seconds', { type: 'string', default: CALIBRATE_DEFAULTS.maxSeconds, describe: 'trim any time above this many seconds' })
            .option('shifts', { type: 'string', array: true, describe: 'the team\'s schedule, e.g. "mon-fri 09:00-17:00" (repeatable): shrinkage against it' })
            .option('time-zone', { type: 'string', default: CALIBRATE_DEFAULTS.timeZone, describe: 'zone of the shifts and of person-days' })
            .option('bootstrap', { type: 'string', default: CALIBRATE_DEFAULTS.bootstrap, describe: 'bootstrap draws of the fitted parameters written to the fragment (0 = none)' })
            .option('seed', { type: 'string', default: CALIBRATE_DEFAULTS.seed, describe: 'seed of the bootstrap' })
            .option('pilot-size', { type: 'boolean', default: false, describe: 'say how many pilot items make the p85 completion known within --margin' })
            .option('margin', { type: 'string', default: CALIBRATE_DEFAULTS.margin, describe: 'the margin for --pilot-size, e.g. 5%' })
            .check(singleValued(['format', 'by', 'out', 'fence', 'max-seconds', 'time-zone', 'bootstrap', 'seed', 'margin'])),
          'calibrate',
        ),
      async (a) => {
        code = await calibrateCommand({
          exports: a.exports as string[],
          format: a.format,
          by: a.by,
          out: a.out,
          fence: a.fence,
          maxSeconds: a['max-seconds'],
          shifts: a.shifts,
          timeZone: a['time-zone'],
          bootstrap: a.bootstrap,
          seed: a.seed,
          pilotSize: a['pilot-size'],
          margin: a.margin,
          command: shellCommand(['labelsim', ...argv]),
        });
      },
    )
    .demandCommand(1, `name a command: ${COMMANDS.join(', ')}`)
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version(labelsimVersion())
    .alias('version', 'V')
    .epilogue('Results go to stdout, progress and diagnostics to stderr. Exit codes: 0 done, 1 some replications failed, 2 bad input, 3 internal error, 4 output not writable, 130 interrupted.')
    .fail((msg, err) => {
      if (err) throw err;
      // yargs 18 has getOptions() (the options of the command being parsed); its types, of yargs 17, do not say so.
      const known = Object.keys((parser as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
      throw new UsageError(usageMessage(msg, argv, COMMANDS, known));
    });
  // A bare `labelsim` is a question: what can this do? Answered with the help, not an error.
  if (argv.length === 0) {
    process.stdout.write((await parser.getHelp()) + '\n');
    return 0;
  }
  await parser.parseAsync();
  return code;
}


const FILE = 'experiment file (.yaml, .yml or .json)';
const COMMANDS = ['run', 'check', 'solve', 'marginal', 'make-or-buy', 'portfolio', 'sensitivity', 'replay', 'merge', 'report', 'compare', 'explain', 'schema', 'init', 'calibrate'];

// The checked options of each command (experiments/cli/options.ts): declared and checked from the same list.
const RUN_OPTIONS = ['replications', 'precision', 'seed', 'workers', 'batch-size', 'out', 'shard', 'max-memory', 'change'] as const;
const SOLVE_OPTIONS = ['target', 'replications', 'seed', 'workers'] as const;
const SENSITIVITY_OPTIONS = ['change', 'replications', 'seed', 'workers', 'out'] as const;
const MARGINAL_OPTIONS = ['replications', 'seed', 'workers', 'out'] as const;
const MAKE_OR_BUY_OPTIONS = ['replications', 'seed', 'workers'] as const;
const CHECK_OPTIONS = ['max-memory'] as const;
const REPLAY_OPTIONS = ['replication', 'replications', 'seed'] as const;
const MERGE_OPTIONS = ['out'] as const;

/** yargs turns a repeated option into a list; for options that take one value that is a mistake worth naming. */
function singleValued(names: string[]) {
  return (argv: Record<string, unknown>) => {
    for (const name of names) if (Array.isArray(argv[name])) throw new UsageError(`--${name}: expected one value, got ${(argv[name] as unknown[]).length}`);
    return true;
  };
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Every error ends here, as one line: escaped and capped, whatever the message quotes.
    const fail = (code: number, message: string) => {
      process.stderr.write(errorLine(`labelsim: ${message}`) + '\n');
      process.exitCode = code;
    };
    if (err instanceof ExperimentError || err instanceof UsageError || err instanceof LockedError || err instanceof InterruptedRunExists || err instanceof MergeError || err instanceof ReportError || err instanceof LimitError || err instanceof SolveError) {
      return fail(2, err.message);
    }
    if (err instanceof OutputError) return fail(4, err.message);
    // The stack goes on the same line (its newlines escaped) to keep the promise of one line.
    fail(3, `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  },
);
