import type { PoolCapacity } from '../../sim/model/capacity.js';
import type { ModelConfig } from '../../sim/model/config.js';
import type { Summary } from '../aggregate/summary.js';
import { saturatedPools } from '../aggregate/saturated-pools.js';
import type { CompletionDays } from '../aggregate/completion-days.js';
import { deadlineStatement, formatDay, horizonPhrase, percentDigits } from '../../reports/format.js';
import { verdictDurations } from './verdict-durations.js';

// As the report rounds a share (percentDigits): the verdict lines and the report read the same figure.
export const pct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? 'n/a' : `${percentDigits(x, digits)}%`);

/**
 * An amount as every command prints money: its currency first and thousands separators, so
 * 153829 reads as "USD 153,829" and a unit cost as "USD 0.3139". Fixed separators (en-US), not
 * the machine's locale: scripts parse these lines and a German machine would swap , and '.'.
 */
export function money(currency: string, amount: number | null | undefined, digits = 0): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return 'n/a';
  return `${currency} ${amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** A plan's capacity check with what it counts up to: the plan's own deadline on its clock, or its horizon. */
export interface PlanCapacity {
  plan: string;
  pools: PoolCapacity[];
  model: Pick<ModelConfig, 'deadlineHours' | 'horizonHours' | 'clock' | 'work'>;
}

const statementOf = (m: PlanCapacity['model'], deadlineHours: number) => deadlineStatement({ deadlineHours, startDate: m.clock.startDate, timeZone: m.clock.timeZone });

/** The hours a plan's capacity check counts, in words: "to the deadline 2 weeks after the start: ...", or its horizon. */
function windowOf(m: PlanCapacity['model']): string {
  return m.deadlineHours === null ? `over ${horizonPhrase(m.horizonHours)}, without a deadline` : `to the deadline ${statementOf(m, m.deadlineHours)}`;
}

/**
 * The capacity check as lines, with a warning naming each pool that cannot do its work by the
 * deadline (or, with none, by the horizon). Open-ended work has nothing to finish: a pool offered
 * at least its capacity there has no steady state, which feasibilityWarnings says in a line of its
 * own. A plan's patch may set its own deadline: when the plans' deadlines differ, the header says so
 * and each plan whose deadline is not the previous plan's has it named on a line before its
 * rows, so the rows keep the one shape scripts read.
 */
export function capacityLines(capacity: PlanCapacity[]): string[] {
  const windows = capacity.map((c) => windowOf(c.model));
  const noDeadline = capacity.every((c) => c.model.deadlineHours === null);
  const perPlan = !noDeadline && windows.some((w) => w !== windows[0]);
  const first = capacity[0].model;
  const lines = [
    noDeadline
      ? 'Capacity check (demand / available hours over the horizon):'
      : perPlan
        ? "Capacity check to each plan's deadline; demand / available hours:"
        : `Capacity check to the deadline, ${statementOf(first, first.deadlineHours!)}; demand / available hours:`,
  ];
  capacity.forEach(({ plan, pools, model }, i) => {
    if (perPlan && windows[i] !== windows[i - 1]) lines.push(`  ${windows[i]}`);
    const openEnded = model.work.some((w) => w.count === null);
    const by = model.deadlineHours === null ? 'do its work by the horizon' : 'meet the deadline';
    for (const p of pools) {
      if (p.demandHours === 0 && p.availableHours === 0) continue;
      const warn = p.load > 1 && !openEnded ? `  WARNING: pool "${p.pool}" cannot ${by} in plan "${plan}" even with no randomness` : '';
      lines.push(`  ${plan.padEnd(22)} ${p.pool.padEnd(16)} ${p.demandHours.toFixed(0).padStart(9)} h / ${p.availableHours.toFixed(0).padStart(9)} h = ${Number.isFinite(p.load) ? pct(p.load) : 'work but no hours'}${warn}`);
    }
  });
  return lines;
}

/** A stage's p95 wait from every wait of every replication pooled, as the report's Queues section gives it. */
const pooledP95 = (x: Summary['plans'][number]['stages'][string]) => (x.pooledWaitHours.p95 == null ? 'n/a' : `${x.pooledWaitHours.p95.toFixed(2)} h`);

/** A verdict line per plan, the sentence a manager reads first; `days` adds the day each plan's p85 replication finished. */
export function verdictLines(s: Summary, days?: ReadonlyMap<string, CompletionDays>): string[] {
  return s.plans.map((p) => {
    const parts = [`${p.name}:`];
    const c = p.completionHours;
    if (c === null) {
      // Open-ended: no completion; what matters is whether the queues settle, how busy people are and how long work waits.
      const pools = Object.entries(p.pools).map(([name, x]) => `${name} ${pct(x.utilization)} busy`);
      const stages = Object.entries(p.stages).map(([name, x]) => `${name} tasks wait ${x.waitHours.mean?.toFixed(3)} h on average (p95 ${pooledP95(x)}, all waits pooled)`);
      const over = saturatedPools(p.capacity).map(({ pool, load }) => (load === null ? `${pool} has work but no hours` : `${pool} offered ${pct(load)} of capacity`));
      const state = over.length === 0 ? 'steady state' : `no steady state (${over.join(', ')})`;
      return [`${p.name}: ${state}`, ...(pools.length === 0 ? [] : [pools.join(', ')]), ...stages].join('; ');
    }
    // A model trained to an accuracy target delivers the model: its finish is the target, its cost the cost to reach it.
    const target = 'training' in p ? p.training.target : null;
    const cycles = 'training' in p ? p.training.cycles : null;
    const finish = target === null ? 'finish' : cycles === null ? `reach ${pct(target, 1)} accuracy` : `reach ${pct(target, 1)} accuracy and ${cycles} retrain cycles at it`;
    // The plan's own deadline, which its chance on time counts against (a summary from before plans kept one has only the top-level one).
    const deadline = p.deadlineHours === undefined ? s.deadlineHours : p.deadlineHours;
    const d = verdictDurations(deadline, c.p50, c.p85);
    if (p.onTime !== null) parts.push(`${pct(p.onTime.probability, 0)} chance to ${finish} by ${d.deadline} (95% CI ${pct(p.onTime.low, 0)}-${pct(p.onTime.high, 0)});`);
    const p85Day = days?.get(p.name)?.p85 ?? null;
    parts.push(`p50 ${d.p50}, p85 ${d.p85}${p85Day === null ? '' : ` (done ${formatDay(p85Day)})`};`);
    if ('training' in p && p.training.labelsToTarget.p50 != null) parts.push(`${p.training.labelsToTarget.p50.toLocaleString('en-US')} training labels (p50);`);
    if (p.unitCost.mean !== null && target === null) parts.push(`${money(s.currency, p.unitCost.mean, 4)} per accurate item;`);
    if (p.cost.mean !== null) parts.push(`total ${money(s.currency, p.cost.mean)};`);
    // n/a when no replication accepted an item: a share of nothing.
    parts.push(`residual error ${pct(p.residualErrorRate, 2)}`);
    if (c.notFinished > 0) parts.push(`(${c.notFinished} of ${p.replications} replications did not finish by the horizon)`);
    return parts.join(' ');
  });
}
