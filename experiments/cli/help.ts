import type { Argv } from 'yargs';
import { closest } from '../load/issues.js';

/**
 * The examples each command's --help ends with: the lines people copy first. Written against
 * the shipped experiments, so each one runs as it is from the repository.
 */
const EXAMPLES: Record<string, Array<[string, string]>> = {
  run: [
    ['$0 run experiments/eight-week-video.yaml', 'every plan, the replications of the file'],
    ['$0 run experiments/eight-week-video.yaml -r 200 --plan base --plan pre-labels', 'two plans, 200 replications each'],
    ['$0 run experiments/eight-week-video.yaml --set pools.annotators.headcount=12', 'what if the team had 12 people'],
    ['$0 run experiments/eight-week-video.yaml --json --quiet > summary.json', 'the summary for a script'],
  ],
  solve: [
    ['$0 solve experiments/eight-week-video.yaml --target on-time=0.9 --pool annotators', 'the smallest team with a 90% chance on time'],
    ['$0 solve experiments/vendor-comparison.yaml --target on-time=0.8', 'the cheapest plan with an 80% chance on time'],
    ['$0 solve experiments/validation/mmc.yaml --target service-level=80%@15m --pool servers', 'the fewest servers starting 80% of jobs within 15 minutes (Erlang C staffing)'],
  ],
  marginal: [['$0 marginal experiments/eight-week-video.yaml --plan second-shift -r 40', 'what one more person, an hour a shift or 5 points of review buy']],
  'make-or-buy': [['$0 make-or-buy experiments/make-or-buy.yaml -r 40 --set makeOrBuy.models=4', 'build or buy for four models sharing the platform']],
  portfolio: [['$0 portfolio experiments/portfolio.yaml -r 40', 'products by return per dollar, and 10% of spend moved']],
  sensitivity: [['$0 sensitivity experiments/eight-week-video.yaml --plan pre-labels -r 100', 'what moves the p85 and the unit cost most']],
  check: [
    ['$0 check experiments/eight-week-video.yaml', 'validate and print the capacity check'],
    ['$0 check my-project.yaml --json', 'the same as JSON, for a script'],
  ],
  replay: [['$0 replay experiments/eight-week-video.yaml --plan base --replication 7', 'one replication in this thread, its figures labelled']],
  merge: [['$0 merge out/eight-week-video.shard-*-of-4 --out out', 'the four shards of a run into out/eight-week-video/']],
  report: [
    ['$0 report out/eight-week-video', 'redraw report.html after an upgrade'],
    ['$0 report out/eight-week-video --pdf', 'also print it to out/eight-week-video/report.pdf'],
  ],
  compare: [['$0 compare out/eight-week-video out/eight-week-video.set-81f186f4 --html compare.html', 'a run beside the same run with --set overrides']],
  explain: [
    ['$0 explain out/quarter-1 out/quarter-2 --html explain.html', 'why the cost per accurate item rose from one quarter to the next'],
    ['$0 explain out/eight-week-video --plan-a base --plan-b pre-labels', 'two plans of one run'],
  ],
  schema: [['$0 schema > labelsim.schema.json', 'for editor completion (the repository ships it as experiments/labelsim.schema.json)']],
  init: [['$0 init my-project', 'write my-project.yaml, then: labelsim check my-project.yaml']],
  calibrate: [
    ['$0 calibrate export.json', 'fit a Label Studio export: out/calibration/calibration.yaml and calibration.html'],
    ['$0 calibrate pilot.csv --shifts "mon-fri 09:00-17:00" --time-zone Europe/Berlin --pilot-size --margin 5%', 'with the schedule (shrinkage) and how many pilot items make the p85 known within 5%'],
  ],
};

/** Adds a command's examples to its --help. */
export function withExamples<T>(y: Argv<T>, command: string): Argv<T> {
  let out = y;
  for (const [line, what] of EXAMPLES[command] ?? []) out = out.example(line, what);
  return out;
}

/**
 * yargs's own messages for a misspelt command or option, rewritten to name what was typed and the
 * likely intent, in the form of every other refusal: `--replicatons` is closer to a typo of
 * `--replications` than to anything a user could act on from "Unknown arguments: replicatons".
 *
 * @param message yargs's failure message
 * @param words the command line after `labelsim`
 * @param commands the command names
 * @param options the option names and aliases known in the failing command's context
 */
export function usageMessage(message: string, words: readonly string[], commands: readonly string[], options: readonly string[]): string {
  const command = words.find((w) => !w.startsWith('-'));
  const known = command !== undefined && commands.includes(command);
  if (/^Did you mean /.test(message) || (!known && command !== undefined && /^Unknown argument/.test(message))) {
    const guess = command === undefined ? null : closest(command, commands);
    return `unknown command "${command}": expected one of ${commands.join(', ')}${guess === null ? '' : `; did you mean ${guess}?`}`;
  }
  // A misspelt required option (`--taget`) is first reported by yargs as the option missing: the typo is what to fix.
  if (/^Missing required arguments?:/.test(message)) {
    const typos = words
      .filter((w) => w.startsWith('--') && w.length > 2)
      .map((w) => w.slice(2).split('=')[0])
      .filter((n) => !options.includes(n) && !options.includes(camel(n)) && !(n.startsWith('no-') && options.includes(n.slice(3))));
    if (typos.length > 0) return usageMessage(`Unknown arguments: ${typos.join(', ')}`, words, commands, options);
  }
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (unknown !== null) {
    const names = unknown[1].split(', ');
    // yargs names an unknown --max-memroy twice, also as maxMemroy: keep the spelling typed.
    const typed = names.filter((n) => !names.some((m) => m !== n && camel(m) === n));
    const long = options.filter((o) => o.length > 1);
    const where = known ? `labelsim ${command} --help` : 'labelsim --help';
    return typed
      .map((n) => {
        const shown = n.length > 1 ? `--${n}` : `-${n}`;
        // A word that was not written as an option is one positional too many.
        if (!words.some((w) => w === shown || w.startsWith(`${shown}=`) || (n.length === 1 && /^-[A-Za-z]+$/.test(w) && w.includes(n)))) {
          return `unexpected argument "${n}" (${where} shows what the command takes)`;
        }
        const guess = closest(n, long);
        return `unknown option ${shown}${guess === null ? '' : `; did you mean --${guess}?`} (${where} lists the options)`;
      })
      .join('; ');
  }
  return message;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
