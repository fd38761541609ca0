import { OUTPUTS, isDaily, type OutputUnit, type VectorOutput } from '../../sim/model/replication-outputs.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { ModelConfig } from '../../sim/model/config.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { money } from './format.js';

/** `completionHours` as "completion hours": the name the records and CSVs use, readable. */
const words = (name: string) => name.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();

const count = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A value with its unit; NaN is a time that never came (a replication stopped at the horizon). */
function shown(unit: OutputUnit, x: number, currency: string, pools: readonly string[]): string {
  if (unit === 'pool') return pools[x] ?? 'none';
  if (Number.isNaN(x)) return unit === 'hours' ? 'not finished by the horizon' : 'n/a';
  switch (unit) {
    case 'hours':
      return `${count(x)} h (${(x / 168).toFixed(2)} wk)`;
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
      return `${count(x)} ${unit}`;
  }
}

/**
 * The figures of one replication as `labelsim replay` prints them: each named and with its unit
 * (hours also in weeks, money with its currency), a figure per pool, stage or activity indented
 * under it. The days of the burn-down are too many for a terminal: `--json` has them.
 */
export function replayLines(r: ReplicationResult, layout: RowLayout, model: ModelConfig): string[] {
  const lines: string[] = [];
  const width = Math.max(...OUTPUTS.filter((o) => o.per === 'scalar').map((o) => words(o.name).length));
  for (const o of OUTPUTS) {
    const v = r[o.name];
    if (o.per === 'scalar') {
      const x = typeof v === 'boolean' ? Number(v) : (v as number);
      const text = o.ofTraining === true && model.training == null ? 'n/a (no model is trained)' : shown(o.unit, x, model.currency, layout.pools);
      lines.push(`${`${words(o.name)}:`.padEnd(width + 2)}${text}`);
      continue;
    }
    const values = v as Float64Array;
    if (isDaily(o.per)) {
      lines.push(`${words(o.name)}: ${layout.lengths[o.name as VectorOutput]} days (labelsim replay --json lists them)`);
      continue;
    }
    const label = words(o.name);
    lines.push(`${label}${label.includes(' by ') ? '' : ` by ${o.per}`}:`);
    const names = layout.labels[o.per];
    const w = Math.max(...names.map((n) => n.length));
    names.forEach((name, i) => lines.push(`  ${`${name}:`.padEnd(w + 2)}${shown(o.unit, values[i], model.currency, layout.pools)}`));
  }
  return lines;
}
