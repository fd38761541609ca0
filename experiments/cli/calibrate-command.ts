import path from 'node:path';
import { calibrationPage } from '../../reports/calibrate/calibration-page.js';
import type { CalibrationSummary } from '../../reports/calibrate/calibration-summary.js';
import { calibrate, type GroupBy } from '../calibrate/calibrate.js';
import { EXPORT_FORMATS, type ExportFormat } from '../calibrate/formats/index.js';
import { parseShift } from '../calibrate/schedule.js';
import { DEFAULT_TRIM } from '../calibrate/trim.js';
import { isValidTimeZone } from '../../sim/calendar/index.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import { writing } from '../run/output-error.js';
import { makeFolder } from '../run/output-folder.js';
import { UsageError } from '../usage-error.js';
import { output } from './output.js';
import { printable } from '../terminal-text.js';

export interface CalibrateArgs {
  exports: string[];
  format?: string;
  by: string;
  out: string;
  fence: string;
  maxSeconds: string;
  shifts?: string[];
  timeZone: string;
  bootstrap: string;
  seed: string;
  pilotSize: boolean;
  margin: string;
  command: string;
}

const BY: readonly GroupBy[] = ['annotator', 'pool', 'item-type'];

/** `labelsim calibrate <exports..>`: writes calibration.yaml and calibration.html to --out; returns the exit code. */
export async function calibrateCommand(args: CalibrateArgs): Promise<number> {
  const o = output();
  if (args.format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(args.format)) {
    throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(args.format)}`);
  }
  if (!(BY as readonly string[]).includes(args.by)) throw new UsageError(`--by: expected one of ${BY.join(', ')}, got ${JSON.stringify(args.by)}`);
  if (!isValidTimeZone(args.timeZone)) throw new UsageError(`--time-zone: expected an IANA time zone such as Europe/Berlin or UTC, got ${JSON.stringify(args.timeZone)}`);
  const fence = number('fence', args.fence, 'a number >= 0 (0 turns the fences off)', (x) => x >= 0 && x <= 100);
  const maxSeconds = number('max-seconds', args.maxSeconds, 'a number of seconds > 0', (x) => x > 0 && x <= 86_400);
  const bootstrap = number('bootstrap', args.bootstrap, 'a number of draws from 0 to 10000', (x) => Number.isInteger(x) && x >= 0 && x <= 10_000);
  const seed = number('seed', args.seed, 'an integer from 0 to 4294967295', (x) => Number.isInteger(x) && x >= 0 && x <= 2 ** 32 - 1);
  const margin = share('margin', args.margin);
  if (args.pilotSize && bootstrap === 0) throw new UsageError('--pilot-size: needs the bootstrap draws (--bootstrap above 0)');
  const shifts = args.shifts === undefined || args.shifts.length === 0 ? null : args.shifts.map(parseShift);

  const summary = await calibrate({
    files: args.exports,
    format: args.format as ExportFormat | undefined,
    by: args.by as GroupBy,
    trim: { fence, maxSeconds },
    shifts,
    timeZone: args.timeZone,
    bootstrap,
    seed,
    margin: args.pilotSize ? margin : null,
    command: args.command,
  });
  const yamlFile = path.join(args.out, 'calibration.yaml');
  const htmlFile = path.join(args.out, 'calibration.html');
  // Made only now: exports that are refused leave no empty folder behind.
  writing(args.out, null, () => makeFolder(args.out));
  writing(yamlFile, null, () => writeFileAtomic(yamlFile, summary.fragment));
  writing(htmlFile, `${yamlFile} is written`, () => writeFileAtomic(htmlFile, calibrationPage(summary)), 'run labelsim calibrate again');
  // Names and paths come from the exports: a control character in one must not reach the terminal as one.
  for (const line of summaryLines(summary)) o.result(printable(line));
  o.result(`Wrote ${yamlFile} and ${htmlFile}`);
  return 0;
}

export function summaryLines(s: CalibrationSummary): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const sec = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} s`;
  const lines: string[] = [];
  for (const src of s.sources) {
    lines.push(`${src.file} (${src.format}): ${src.records} records, ${src.annotations} annotations${src.recordsWithoutAnnotations > 0 ? `, ${src.recordsWithoutAnnotations} records without annotations (counted, nothing to fit)` : ''}`);
  }
  lines.push(`Annotations: ${s.annotations} of ${s.items} items by ${s.annotators} annotators: ${s.firstPasses} first passes, ${s.reworks} rework, ${s.cancelled} cancelled or skipped (counted, not fitted)`);
  const low = s.trim.groups.reduce((a, g) => a + g.low, 0);
  const high = s.trim.groups.reduce((a, g) => a + g.high, 0);
  const over = s.trim.groups.reduce((a, g) => a + g.overMax, 0);
  lines.push(`Trimmed as idle or broken timers: ${s.trim.total} (${low} too short, ${high} too long, ${over} over the cap); rule: ${s.trim.rule}`);
  const h = s.handling;
  lines.push(
    `Handling, ${h.name}, ${h.n} kept: lognormal mean ${sec(h.lognormal.meanSeconds)} cv ${h.lognormal.cv.toFixed(3)} (KS D ${h.lognormal.ks.toFixed(4)}, p ${h.lognormal.pValue.toFixed(3)}); ` +
      `gamma mean ${sec(h.gamma.meanSeconds)} cv ${h.gamma.cv.toFixed(3)} (KS D ${h.gamma.ks.toFixed(4)}, p ${h.gamma.pValue.toFixed(3)}); fragment uses ${h.chosen}`,
  );
  const l = s.learning;
  if (l === null) lines.push('Learning curve: too few items per annotator to tell');
  else if (l.shown) lines.push(`Learning curve: new annotators ${l.initialFactor.toFixed(2)}x slower, half the excess gone after ${l.halfLife} items (t ${l.t.toFixed(1)})`);
  else lines.push(`Learning curve: none the data show (excess ${pct(l.initialFactor - 1)}, t ${l.t.toFixed(1)}; needs >= 5% and t >= 4)`);
  if (s.speedCv !== null) lines.push(`Pace spread between annotators (speedCv): ${s.speedCv.toFixed(3)} over ${s.groups.length} annotators with ${30}+ items`);
  for (const t of s.review.tiers) {
    const ht = t.handling === null ? 'not timed in the export' : `${t.handling.chosen === 'gamma' ? 'gamma' : 'lognormal'} mean ${sec(t.handling.chosen === 'gamma' ? t.handling.gamma.meanSeconds : t.handling.lognormal.meanSeconds)}`;
    lines.push(`Review tier ${t.name}: ${t.reviews} reviews, ${pct(t.rate)} rejected, ${pct(t.sample)} of first passes sampled; review time ${ht}`);
  }
  if (s.review.byAnnotator.length > 0) {
    const sorted = [...s.review.byAnnotator].sort((a, b) => a.rate - b.rate);
    const [low, high] = [sorted[0], sorted[sorted.length - 1]];
    lines.push(
      sorted.length === 1
        ? `Rejection rate: ${pct(low.rate)} (annotator ${low.annotator}, the only one with reviewed work)`
        : `Rejection rate by annotator: ${pct(low.rate)} (annotator ${low.annotator}) to ${pct(high.rate)} (annotator ${high.annotator}) over the ${sorted.length} annotators with reviewed work`,
    );
  }
  lines.push(s.review.reworkFactor === null ? 'Rework factor: fewer than 5 rework passes, not fitted' : `Rework factor: ${s.review.reworkFactor.toFixed(3)} (a rework pass takes that share of a first pass; ${s.reworks} rework passes)`);
  const a = s.agreement;
  lines.push(a === null ? 'Agreement: no item was labelled twice with a class' : `Agreement: ${pct(a.pairwise)} of label pairs agree over ${a.items} items labelled more than once (Fleiss' kappa ${a.fleissKappa === null ? 'n/a' : a.fleissKappa.toFixed(3)})`);
  const t = s.throughput;
  const shrink = t.shrinkage === null ? ' (no --shifts: no shrinkage)' : `; scheduled ${t.scheduledHoursPerPersonDay!.toFixed(2)} h: shrinkage ${pct(t.shrinkage)}${t.offScheduleDays > 0 ? `, ${t.offScheduleDays} person-days off the schedule not in it` : ''}`;
  lines.push(`Throughput: ${t.labelsPerPersonDay.toFixed(1)} labels and ${t.activeHoursPerPersonDay.toFixed(2)} active hours per person-day over ${t.personDays} person-days (${t.timeZone})${shrink}`);
  if (s.uncertainty !== null) {
    const u = s.uncertainty;
    lines.push(`Bootstrap: ${u.draws} draws of the parameters; work per item p05 ${sec(u.workPerItem.p05)}, p50 ${sec(u.workPerItem.p50)}, p95 ${sec(u.workPerItem.p95)} (+-${pct(u.relativeHalfWidth)})`);
  }
  if (s.pilot !== null) {
    const p = s.pilot;
    lines.push(`Pilot size: the p85 completion is known within +-${pct(p.margin)} after about ${p.items} first passes (this export has ${p.current}: +-${pct(s.uncertainty!.relativeHalfWidth)})`);
  }
  return lines;
}

function number(name: string, raw: string, expected: string, ok: (x: number) => boolean): number {
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x) || !ok(x)) throw new UsageError(`--${name}: expected ${expected}, got ${JSON.stringify(raw)}`);
  return x;
}

function share(name: string, raw: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(raw);
  const x = m !== null ? Number(m[1]) / 100 : Number(raw);
  if (!Number.isFinite(x) || x <= 0 || x >= 1) throw new UsageError(`--${name}: expected a share like 5% or 0.05 (above 0, below 1), got ${JSON.stringify(raw)}`);
  return x;
}

export const CALIBRATE_DEFAULTS = { by: 'annotator', out: 'out/calibration', fence: String(DEFAULT_TRIM.fence), maxSeconds: String(DEFAULT_TRIM.maxSeconds), timeZone: 'UTC', bootstrap: '200', seed: '1', margin: '5%' };
