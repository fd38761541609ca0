import { OUTPUTS, isDaily, type OutputUnit, type VectorOutput } from '../../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { ModelConfig } from '../../sim/model/config.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { binnedQuantile, DURATION_BIN_ERROR } from '../../sim/stats/duration-bins.js';
import { money } from './format.js';

/** `completionHours` as "completion hours": the name the records and CSVs use, readable. */
const words = (name: string) => name.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();

/** Lists longer than this show only their elements that are not zero. */
const LONG_LIST = 12;

const count = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * A value with its unit; NaN is a time that never came (a replication stopped at the horizon).
 * A time since the start (`sinceStart`) is also given in weeks of the calendar; other hours
 * (people's working hours, waits) are not, as 4,895 person-hours are not 29 weeks of a project.
 */
function shown(unit: OutputUnit, x: number, currency: string, pools: readonly string[], sinceStart = false): string {
  if (unit === 'pool') return pools[x] ?? 'none';
  if (Number.isNaN(x)) return unit === 'hours' ? 'not finished by the horizon' : 'n/a';
  switch (unit) {
    case 'hours':
      return sinceStart ? `${count(x)} h (${(x / 168).toFixed(2)} wk)` : `${count(x)} h`;
    case 'share':
    case 'accuracy':
      return `${(100 * x).toFixed(2)}%`;
    case 'money':
      return money(currency, x, 2);
    case 'money-per-item':
      return `${money(currency, x, 4)} per accurate item`;
    case 'flag':
      return x ? 'yes' : 'no';
    case 'index':
      return String(x);
    default:
      return `${count(x)} ${x === 1 ? unit.replace(/s$/, '') : unit}`;
  }
}

/**
 * The figures of one replication as `labelsim replay` prints them: each named and with its unit
 * (times since the start also in weeks, money with its currency), a figure per pool, stage or activity indented
 * under it. What would bury the rest is summarised: the days of the burn-down are counted, a
 * histogram of waits is given as its quantiles, the figures of a model when none is trained are
 * one line, and a figure of something the file does not have (gold, consensus, guideline changes)
 * is left out; `--json` has everything.
 */
export function replayLines(r: ReplicationResult, layout: RowLayout, model: ModelConfig): string[] {
  const lines: string[] = [];
  const untrained = model.training == null;
  const scalars = OUTPUTS.filter((o) => o.per === 'scalar' && !(untrained && o.ofTraining === true));
  const width = Math.max(...scalars.map((o) => words(o.name).length));
  for (const o of OUTPUTS) {
    const v = r[o.name];
    if (o.per === 'scalar') {
      if (untrained && o.ofTraining === true) continue;
      const x = typeof v === 'boolean' ? Number(v) : (v as number);
      lines.push(`${`${words(o.name)}:`.padEnd(width + 2)}${shown(o.unit, x, model.currency, layout.pools, o.aggregate.kind === 'time-to-finish')}`);
      continue;
    }
    const values = v as Float64Array;
    if (values.length === 0 || layout.lengths[o.name as VectorOutput] === 0) continue;
    if (isDaily(o.per)) {
      lines.push(`${words(o.name)}: ${layout.lengths[o.name as VectorOutput]} days (labelsim replay --json lists them)`);
      continue;
    }
    if (o.aggregate.kind === 'pooled-quantiles') {
      lines.push(...histogramLines(o.name, values, o.unit, o.aggregate.of === 'stage' ? layout.stages : null, o.aggregate.quantiles));
      continue;
    }
    const label = words(o.name);
    const heading = `${label}${label.includes(' by ') ? '' : ` by ${o.per}`}`;
    const names = layout.labels[o.per];
    if (names.length === 0) continue;
    // A long list (pool x activity, week by week) shows what is not zero and counts the rest.
    const long = names.length > LONG_LIST;
    const listed = names.map((name, i) => ({ name, i })).filter(({ i }) => !long || values[i] !== 0);
    if (listed.length === 0) {
      lines.push(`${heading}: ${shown(o.unit, 0, model.currency, layout.pools)} throughout`);
      continue;
    }
    lines.push(`${heading}:`);
    const w = Math.max(...listed.map((n) => n.name.length));
    for (const { name, i } of listed) lines.push(`  ${`${name}:`.padEnd(w + 2)}${shown(o.unit, values[i], model.currency, layout.pools, o.aggregate.kind === 'time-to-finish')}`);
    if (listed.length < names.length) lines.push(`  (the other ${names.length - listed.length}: ${shown(o.unit, 0, model.currency, layout.pools)} each)`);
  }
  if (untrained) lines.push(`${'model figures:'.padEnd(width + 2)}n/a (no model is trained)`);
  return lines;
}

/**
 * A duration histogram (exact zeros, then bins) as its quantiles, per stage or as one: hundreds
 * of bins, most of them empty, read as five numbers.
 */
function histogramLines(name: string, values: Float64Array, unit: OutputUnit, stages: readonly string[] | null, quantiles: Readonly<Record<string, number>>): string[] {
  const parts = stages ?? [''];
  const length = values.length / parts.length;
  const label = words(name).replace(/ bins$/, '');
  const rows = parts.map((part, k) => {
    let n = 0;
    for (let i = 0; i < length; i++) n += values[k * length + i];
    const qs = Object.entries(quantiles).map(([key, q]) => `${key} ${hoursText(binnedQuantile(values, k * length, length, q))}`);
    return { part, text: n === 0 ? `none counted` : `${qs.join(', ')} (${count(n)} ${n === 1 ? unit.replace(/s$/, '') : unit})` };
  });
  const bound = DURATION_BIN_ERROR.replace('exact pooled quantile', 'exact quantile');
  if (stages === null) return [`${label}: ${rows[0].text}; ${bound}`];
  const w = Math.max(...parts.map((p) => p.length));
  return [`${label} by stage (${bound}):`, ...rows.map((row) => `  ${`${row.part}:`.padEnd(w + 2)}${row.text}`)];
}

const hoursText = (h: number) => (h === 0 ? '0' : h < 1 ? `${count(h * 60)} min` : `${count(h)} h`);

