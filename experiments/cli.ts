#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ExperimentError } from './load/index.js';
import { checkCommand, mergeCommand, replayCommand, reportCommand, runCommand, schemaCommand, sensitivityCommand } from './cli/commands.js';
import { solveCommand } from './cli/analysis-commands.js';
import { SolveError } from './analysis/solve.js';
import { ReportError } from './report/report-files.js';
import { MergeError } from './run/merge-shards.js';
import { UsageError } from './usage-error.js';
import { InterruptedRunExists } from './run/run-experiment.js';
import { LockedError } from './run/run-lock.js';
import { LimitError } from './run/limits.js';
import { OutputError } from './run/output-error.js';

/**
 * Exit codes: 0 done, 1 some replications failed, 2 bad input or refused (a limit included),
 * 3 internal error, 4 the output folder could not be written (disk full, read-only; the records
 * written so far are kept: rerun with --resume), 130 interrupted.
 */
async function main(argv: string[]): Promise<number> {
  let code = 0;
  await yargs(argv)
    .scriptName('labelsim')
    .usage('$0 <command> [options]\n\nDiscrete-event Monte Carlo simulation of data annotation operations.')
    .command(
      'run <file>',
      'run an experiment: every plan x every replication; writes out/<name>/',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'experiment file (.yaml, .yml or .json)' })
          .option('replications', { alias: 'r', type: 'number', describe: 'replications per plan (default: the file\'s)' })
          .option('seed', { alias: 's', type: 'number', describe: 'master seed (default: the file\'s)' })
          .option('workers', { alias: 'w', type: 'number', describe: 'worker threads (default: available parallelism; 0 = this thread)' })
          .option('batch-size', { type: 'number', describe: 'replications per batch (default: automatic)' })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'output root folder' })
          .option('shard', { type: 'string', describe: 'run only shard i of n (i/n), e.g. 0/4' })
          .option('resume', { type: 'boolean', default: false, describe: 'continue an interrupted run' })
          .option('deterministic', { type: 'boolean', default: false, describe: 'turn every source of randomness off' })
          .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON on stdout' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress or verdict lines' })
          .option('max-memory', { type: 'number', describe: 'memory limit per worker thread in MiB: larger plans are refused (default: LABELSIM_MAX_MEMORY_MB or 2048)' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file, e.g. --set pools.annotators.headcount=16 (repeatable)' })
          .option('plan', { alias: 'p', type: 'string', array: true, describe: 'run only these plans (repeatable; the first is the baseline)' })
          .option('sensitivity', { type: 'boolean', default: false, describe: 'also run the sensitivity (tornado) study of the baseline plan and add it to the report' })
          .option('change', { type: 'number', default: 0.2, describe: 'how far the sensitivity study moves each parameter, as a share' })
          .check(singleValued(['replications', 'seed', 'workers', 'batch-size', 'out', 'shard', 'max-memory', 'change'])),
      async (a) => {
        for (const [name, v] of [['replications', a.replications], ['seed', a.seed], ['workers', a.workers], ['batch-size', a.batchSize]] as const) {
          if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new UsageError(`--${name}: expected a whole number >= 0, got ${v}`);
        }
        code = await runCommand({
          file: a.file,
          out: a.out,
          seed: a.seed,
          replications: a.replications,
          workers: a.workers,
          batchSize: a.batchSize,
          shard: a.shard,
          resume: a.resume,
          deterministic: a.deterministic,
          json: a.json,
          quiet: a.quiet,
          maxMemory: a.maxMemory,
          set: a.set,
          plans: a.plan,
          sensitivity: a.sensitivity,
          change: a.change,
        });
      },
    )
    .command(
      'solve <file>',
      'find the smallest headcount of a pool (--pool), or the cheapest plan, that meets a target such as on-time=0.9',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('target', { type: 'string', demandOption: true, describe: 'on-time=<probability>, e.g. on-time=0.9' })
          .option('pool', { type: 'string', describe: 'pool whose headcount to search (default: compare plans and pick the cheapest that meets the target)' })
          .option('plan', { alias: 'p', type: 'string', describe: 'plan to vary with --pool (default: the first)' })
          .option('replications', { alias: 'r', type: 'number', describe: "replications per candidate (default: the file's, at most 200)" })
          .option('seed', { alias: 's', type: 'number' })
          .option('workers', { alias: 'w', type: 'number' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file (repeatable)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the answer as JSON on stdout' })
          .check(singleValued(['target', 'pool', 'plan', 'replications', 'seed', 'workers'])),
      async (a) => {
        code = await solveCommand({ file: a.file, target: a.target, pool: a.pool, plan: a.plan, replications: a.replications, seed: a.seed, workers: a.workers, set: a.set, json: a.json });
      },
    )
    .command(
      'sensitivity <file>',
      'tornado study: how p85 completion and unit cost move when each key parameter moves by -/+ 20%; saved to out/<name>/sensitivity.json and added to the report',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('plan', { alias: 'p', type: 'string', describe: 'plan to study (default: the first)' })
          .option('change', { type: 'number', default: 0.2, describe: 'how far to move each parameter, as a share' })
          .option('replications', { alias: 'r', type: 'number', describe: "replications per variant (default: the file's, at most 200)" })
          .option('seed', { alias: 's', type: 'number' })
          .option('workers', { alias: 'w', type: 'number' })
          .option('set', { type: 'string', array: true, describe: 'override a field of the file (repeatable)' })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'output root folder' })
          .check(singleValued(['plan', 'change', 'replications', 'seed', 'workers', 'out'])),
      async (a) => {
        code = await sensitivityCommand({ file: a.file, plan: a.plan, change: a.change, replications: a.replications, seed: a.seed, workers: a.workers, set: a.set, out: a.out });
      },
    )
    .command(
      'check <file>',
      'validate an experiment file and print its capacity check, without running',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('max-memory', { type: 'number', describe: 'memory limit per worker thread in MiB (default: LABELSIM_MAX_MEMORY_MB or 2048)' })
          .check(singleValued(['max-memory'])),
      (a) => {
        code = checkCommand(a.file, a.maxMemory);
      },
    )
    .command(
      'replay <file>',
      'rerun one replication of one plan in this thread and print its figures, or its stack trace if it throws',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('plan', { alias: 'p', type: 'string', demandOption: true, describe: 'plan name' })
          .option('replication', { alias: 'k', type: 'number', demandOption: true, describe: 'replication index' })
          .option('seed', { alias: 's', type: 'number', describe: "master seed (default: the file's)" })
          .option('deterministic', { type: 'boolean', default: false }),
      (a) => {
        code = replayCommand({ file: a.file, plan: a.plan, replication: a.replication, seed: a.seed, deterministic: a.deterministic });
      },
    )
    .command(
      'merge <dirs..>',
      'combine the folders of a sharded run into one result folder (the same summary as a single-machine run)',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard folders (out/<name>.shard-i-of-n)' })
          .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'output root folder' }),
      (a) => {
        code = mergeCommand(a.dirs as string[], a.out);
      },
    )
    .command(
      'report <dir>',
      'rebuild report.html (and the CSV tables) of a run folder from its saved files, without simulating; includes sensitivity.json if present',
      (y) => y.positional('dir', { type: 'string', demandOption: true, describe: 'run folder (out/<name>)' }),
      (a) => {
        code = reportCommand(a.dir);
      },
    )
    .command('schema', 'print the JSON Schema of experiment files (for editor completion)', {}, () => {
      code = schemaCommand();
    })
    .demandCommand(1, 'name a command: run, check, solve, sensitivity, replay, merge, report or schema')
    .strict()
    .help()
    .version()
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .parseAsync();
  return code;
}


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
    if (err instanceof ExperimentError || err instanceof UsageError || err instanceof LockedError || err instanceof InterruptedRunExists || err instanceof MergeError || err instanceof ReportError || err instanceof LimitError || err instanceof SolveError) {
      process.stderr.write(`labelsim: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (err instanceof OutputError) {
      process.stderr.write(`labelsim: ${err.message}\n`);
      process.exitCode = 4;
      return;
    }
    process.stderr.write(`labelsim: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 3;
  },
);
