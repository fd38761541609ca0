import path from 'node:path';
import type { RunArgs } from './commands.js';
import { DEFAULT_CHANGE } from './options.js';
import { shellCommand } from './shell-quote.js';

/** A run's options as words of a command line; a value that starts with '-' (a plan may be called -x) is joined to its option, or it would read as an option of its own. */
function optionWords(words: string[]) {
  return (name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    if (String(value).startsWith('-')) words.push(`--${name}=${value}`);
    else words.push(`--${name}`, String(value));
  };
}

/**
 * The command that continues an interrupted run: the run's own command with --resume, every
 * option given kept (those that shape the records must match the interrupted run's, or --resume
 * refuses), the file and the output folder made absolute so that it works pasted from any folder.
 */
export function resumeCommandLine(args: RunArgs): string {
  const words = ['labelsim', 'run', path.resolve(args.file), '--resume', '--out', path.resolve(args.out)];
  const option = optionWords(words);
  option('replications', args.replications);
  option('precision', args.precision);
  option('seed', args.seed);
  if (args.deterministic) words.push('--deterministic');
  for (const s of args.set ?? []) option('set', s);
  for (const p of args.plans ?? []) option('plan', p);
  option('shard', args.shard);
  option('max-memory', args.maxMemory);
  option('workers', args.workers);
  option('batch-size', args.batchSize);
  if (args.sensitivity) {
    words.push('--sensitivity');
    if (args.change !== DEFAULT_CHANGE) option('change', args.change);
  }
  if (args.json) words.push('--json');
  if (args.quiet) words.push('--quiet');
  return shellCommand(words);
}

/** The command that replays one replication of a run: the options that shape its model and its random numbers kept. */
export function replayCommandLine(args: RunArgs, plan: string, replication: number): string {
  const words = ['labelsim', 'replay', path.resolve(args.file)];
  const option = optionWords(words);
  option('plan', plan);
  option('replication', replication);
  option('replications', args.replications);
  option('seed', args.seed);
  if (args.deterministic) words.push('--deterministic');
  for (const s of args.set ?? []) option('set', s);
  return shellCommand(words);
}
