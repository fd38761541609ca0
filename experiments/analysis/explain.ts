import { Activity, LABOUR_ACTIVITIES } from '../../sim/model/activities.js';
import type { ReplicationResult } from '../../sim/model/replication-result.js';
import type { RowLayout } from '../../workers/result-rows.js';
import { roundToTotal, shapley } from './shapley.js';

/**
 * Why did the cost change? The cost of a plan is rebuilt from its labour lines (pool x activity)
 * and its overheads as a product of drivers, and the change between two plans (or two quarters)
 * is split among six groups of drivers by the Shapley decomposition (shapley.ts): the parts do
 * not depend on an order and add up to the change.
 *
 * A labour line of pool p at activity a costs
 *     V x (T_a / V) x (n_pa / T_a) x sum_t (n_pat / n_pa) x (h_pat / n_pat) x (c_pa / h_pa)
 *     volume x intensity x pool mix x sum over work types of (type mix x hours per task) x price
 * where V is the items accepted, T_a the tasks of activity a by every pool, n_pa, h_pa, c_pa the
 * line's tasks, hours and money, and n_pat, h_pat its tasks and hours on items of type t (the
 * sum is h_pa / n_pa: with one work type, the line's hours per task). A pool paid by the piece in both plans has no hours driver: its
 * price is money per task (c / n), so its people's pace does not move its cost. Idle paid time
 * is V x (idle hours / V) x rate; penalties are V x (errors charged / V) x (penalty per error).
 * The unit cost divides the total by the accurate items, V x (accurate / V).
 *
 * The groups:
 * - price: money per hour (or per task, per error charged) of each line;
 * - quantity: hours per task, idle hours per item, and the first-pass work per item (labels per
 *   item at annotation; reviews per labelling pass, which the sample rates set);
 * - quality: rework, adjudication, escalation and gold work per item, the re-reviews of reworked
 *   labels (reviews per item = reviews per labelling pass x (1 + rework per item)), errors charged
 *   per item, and (unit cost only) the share of accepted items that are accurate;
 * - mix: each pool's share of an activity's tasks (vendors against the in-house team) and each
 *   work type's share of a line's tasks (more of the hard items: the same hours per task of each
 *   type, more tasks of the type that takes longer);
 * - volume: items accepted;
 * - overheads: platform seats, management, retraining and the named fixed costs, as amounts.
 * Work types that go through different stages change the tasks per item of an activity: that
 * stays quantity (or quality), since the records count tasks by type, not items accepted by type.
 */
export const PARTS = ['price', 'quantity', 'quality', 'mix', 'volume', 'overheads'] as const;
export type Part = (typeof PARTS)[number];
const BIT: Record<Part, number> = { price: 1, quantity: 2, quality: 4, mix: 8, volume: 16, overheads: 32 };

/** Activities whose work per item is a matter of quality (things going wrong, or guarding against it). */
const QUALITY_WORK = new Set<number>([Activity.rework, Activity.adjudication, Activity.escalation, Activity.gold, Activity.penalties]);

/** A labour line: one pool's work at one activity. */
export interface CostLine {
  pool: string;
  activity: number;
  cost: number;
  hours: number;
  tasks: number;
  /** The pool is paid per item or per accepted item, not by the hour. */
  byPiece: boolean;
  /** Hours and tasks of the line by work type (one entry for a model of one type). */
  byType: Map<string, { hours: number; tasks: number }>;
}

/** One replication of one plan as the decomposition reads it. */
export interface CostRecord {
  accepted: number;
  accurate: number;
  /** The total as reported (the sum of the activities, each to the cent). */
  cost: number;
  /** The total before the labour activities were rounded to the cent: the sum of the lines and overheads. */
  exactCost: number;
  /** Labour lines by `pool/activity`. */
  lines: Map<string, CostLine>;
  /** Non-labour activities by name (platform, management, retraining, named fixed costs). */
  overheads: Map<string, number>;
}

/** A replication's record as a CostRecord; `byPiece` names the pools paid per item or per accepted item. */
export function costRecord(r: ReplicationResult, layout: RowLayout, byPiece: ReadonlySet<string>): CostRecord {
  const lines: CostRecord['lines'] = new Map();
  const labourNames = new Set<string>(LABOUR_ACTIVITIES);
  const labels = layout.labels.poolActivity;
  const types = layout.types;
  // With several types the record splits each line by type (pool-major, then activity, then type).
  const split = layout.labels.poolActivityType.length === labels.length * types.length && types.length > 1;
  let labour = 0;
  labels.forEach((key, i) => {
    const slash = key.indexOf('/');
    const pool = key.slice(0, slash);
    const activity = LABOUR_ACTIVITIES.indexOf(key.slice(slash + 1) as (typeof LABOUR_ACTIVITIES)[number]);
    const hours = r.hoursByPoolActivity[i];
    const tasks = r.tasksByPoolActivity[i];
    const byType = new Map<string, { hours: number; tasks: number }>();
    if (split) {
      types.forEach((t, k) => {
        const h = r.hoursByPoolActivityType[i * types.length + k];
        const n = r.tasksByPoolActivityType[i * types.length + k];
        if (h !== 0 || n !== 0) byType.set(t, { hours: h, tasks: n });
      });
    } else if (types.length === 1) byType.set(types[0], { hours, tasks });
    const line = { pool, activity, cost: r.costByPoolActivity[i], hours, tasks, byPiece: byPiece.has(pool), byType };
    labour += line.cost;
    if (line.cost !== 0 || line.hours !== 0 || line.tasks !== 0) lines.set(key, line);
  });
  const overheads = new Map<string, number>();
  let reportedLabour = 0;
  layout.activities.forEach((name, i) => {
    if (labourNames.has(name)) reportedLabour += r.costByActivity[i];
    else if (r.costByActivity[i] !== 0) overheads.set(name, r.costByActivity[i]);
  });
  // Each labour activity is reported to the cent, its lines are not: the decomposition is of the
  // lines (`exactCost`), and the cent or so between them and the report is spread over the parts.
  const exactCost = r.cost - reportedLabour + labour;
  return { accepted: r.accepted, accurate: r.accurate, cost: r.cost, exactCost, lines, overheads };
}

/** A driver with its value in A and in B, and the group whose bit moves it. */
interface Driver {
  a: number;
  b: number;
  bit: number;
}

/** Hours per task as a sum over work types of each type's share of the line's tasks (mix) times its hours per task (quantity). */
interface TypeMix {
  terms: Array<{ share: Driver; hours: Driver }>;
}

/** The drivers of one line whose product is its money, in A and in B. */
type LineDrivers = Array<Driver | TypeMix>;

/**
 * A line's hours per task split by work type, or null when it cannot be (a side without the split,
 * or hours the tasks by type do not account for): then hours per task stays one quantity driver.
 */
function typeMix(la: CostLine | undefined, lb: CostLine | undefined, pair: (x: number | null, y: number | null, bit: number) => Driver): TypeMix | null {
  const sides = [la, lb].filter((l): l is CostLine => l !== undefined);
  const complete = (l: CostLine) => {
    let h = 0;
    let n = 0;
    for (const x of l.byType.values()) {
      if (x.hours !== 0 && x.tasks === 0) return false;
      h += x.hours;
      n += x.tasks;
    }
    return l.byType.size > 0 && Math.abs(h - l.hours) <= 1e-9 * Math.max(1, l.hours) && Math.abs(n - l.tasks) <= 1e-9 * Math.max(1, l.tasks);
  };
  if (!sides.every(complete)) return null;
  const types = [...new Set(sides.flatMap((l) => [...l.byType.keys()]))];
  if (types.length < 2) return null;
  const ratio = (p: number, q: number) => (q === 0 ? null : p / q);
  return {
    terms: types.map((t) => {
      const xa = la?.byType.get(t);
      const xb = lb?.byType.get(t);
      return {
        share: pair(la === undefined ? null : ratio(xa?.tasks ?? 0, la.tasks), lb === undefined ? null : ratio(xb?.tasks ?? 0, lb.tasks), BIT.mix),
        hours: pair(xa === undefined ? null : ratio(xa.hours, xa.tasks), xb === undefined ? null : ratio(xb.hours, xb.tasks), BIT.quantity),
      };
    }),
  };
}

function lineDrivers(key: string, A: CostRecord, B: CostRecord, totalsA: Map<number, number>, totalsB: Map<number, number>): LineDrivers {
  const la = A.lines.get(key);
  const lb = B.lines.get(key);
  const activity = (la ?? lb)!.activity;
  const side = (l: CostLine | undefined, r: CostRecord, totals: Map<number, number>) => {
    const n = l?.tasks ?? 0;
    const h = l?.hours ?? 0;
    const c = l?.cost ?? 0;
    const T = totals.get(activity) ?? 0;
    return { n, h, c, T, R: totals.get(Activity.rework) ?? 0, V: r.accepted };
  };
  const sa = side(la, A, totalsA);
  const sb = side(lb, B, totalsB);
  // A ratio that one side cannot state (0/0: the line or activity is absent there) takes the other
  // side's value, so the line's appearance is carried by the driver that is zero (its share).
  const pair = (x: number | null, y: number | null, bit: number): Driver => ({ a: x ?? y ?? 0, b: y ?? x ?? 0, bit });
  const ratio = (p: number, q: number) => (q === 0 ? null : p / q);
  if (activity === Activity.idle) {
    return [pair(ratio(sa.h, sa.V), ratio(sb.h, sb.V), BIT.quantity), pair(ratio(sa.c, sa.h), ratio(sb.c, sb.h), BIT.price)];
  }
  const piece = (la?.byPiece ?? true) && (lb?.byPiece ?? true);
  // Money without hours (fees of a pool paid by the piece, penalties) is priced per task.
  const perTask = piece || activity === Activity.penalties || (sa.h === 0 && sa.c !== 0) || (sb.h === 0 && sb.c !== 0);
  const drivers: LineDrivers =
    activity === Activity.review
      ? [
          // Reviews per item = reviews per labelling pass (the sample rates: quantity) x passes per
          // item (1 + rework per item: quality), since every reworked label is reviewed again.
          pair(ratio(sa.T, sa.V + sa.R), ratio(sb.T, sb.V + sb.R), BIT.quantity),
          pair(ratio(sa.V + sa.R, sa.V), ratio(sb.V + sb.R, sb.V), BIT.quality),
        ]
      : [pair(ratio(sa.T, sa.V), ratio(sb.T, sb.V), QUALITY_WORK.has(activity) ? BIT.quality : BIT.quantity)];
  drivers.push(pair(ratio(sa.n, sa.T), ratio(sb.n, sb.T), BIT.mix));
  if (perTask) drivers.push(pair(ratio(sa.c, sa.n), ratio(sb.c, sb.n), BIT.price));
  else drivers.push(typeMix(la, lb, pair) ?? pair(ratio(sa.h, sa.n), ratio(sb.h, sb.n), BIT.quantity), pair(ratio(sa.c, sa.h), ratio(sb.c, sb.h), BIT.price));
  return drivers;
}

/** The parts of one pair of replications: of the total cost and of the cost per accurate item, in PARTS order. */
export function explainPair(A: CostRecord, B: CostRecord): { total: Float64Array; unit: Float64Array } {
  if (A.accepted <= 0 || B.accepted <= 0 || A.accurate <= 0 || B.accurate <= 0) {
    throw new ExplainError('a replication accepted no accurate item: its cost per accurate item does not exist, so there is nothing to explain');
  }
  const totals = (r: CostRecord) => {
    const t = new Map<number, number>();
    for (const l of r.lines.values()) if (l.activity !== Activity.idle) t.set(l.activity, (t.get(l.activity) ?? 0) + l.tasks);
    return t;
  };
  const ta = totals(A);
  const tb = totals(B);
  const keys = [...new Set([...A.lines.keys(), ...B.lines.keys()])];
  const lines = keys.map((k) => lineDrivers(k, A, B, ta, tb));
  const overheadNames = [...new Set([...A.overheads.keys(), ...B.overheads.keys()])];
  const overA = overheadNames.reduce((s, n) => s + (A.overheads.get(n) ?? 0), 0);
  const overB = overheadNames.reduce((s, n) => s + (B.overheads.get(n) ?? 0), 0);
  const one = (d: Driver, moved: number) => ((moved & d.bit) !== 0 ? d.b : d.a);
  const pick = (d: Driver | TypeMix, moved: number) => {
    if (!('terms' in d)) return one(d, moved);
    let s = 0;
    for (const t of d.terms) s += one(t.share, moved) * one(t.hours, moved);
    return s;
  };
  const totalAt = (moved: number) => {
    const V = (moved & BIT.volume) !== 0 ? B.accepted : A.accepted;
    let c = (moved & BIT.overheads) !== 0 ? overB : overA;
    for (const drivers of lines) {
      let x = V;
      for (const d of drivers) x *= pick(d, moved);
      c += x;
    }
    return c;
  };
  const accurateAt = (moved: number) =>
    ((moved & BIT.volume) !== 0 ? B.accepted : A.accepted) * ((moved & BIT.quality) !== 0 ? B.accurate / B.accepted : A.accurate / A.accepted);
  checkRebuilt(totalAt(0), A.exactCost, 'A');
  checkRebuilt(totalAt(63), B.exactCost, 'B');
  return { total: shapley(PARTS.length, totalAt), unit: shapley(PARTS.length, (m) => totalAt(m) / accurateAt(m)) };
}

/** The drivers rebuild each plan's reported cost: a guard against a line the model books in a way this file does not know. */
function checkRebuilt(rebuilt: number, reported: number, which: string): void {
  if (Math.abs(rebuilt - reported) > 1e-6 * Math.max(1, Math.abs(reported))) {
    throw new Error(`explain: the cost lines of ${which} add up to ${rebuilt}, not its reported cost ${reported}`);
  }
}

export class ExplainError extends Error {}

/** The change between two plans, over the replications both have (paired by index), split into parts. */
export interface Explanation {
  replications: number;
  /** Mean total cost and mean cost per accurate item of A and B over those replications. */
  a: { cost: number; unitCost: number; accepted: number; accurate: number };
  b: { cost: number; unitCost: number; accepted: number; accurate: number };
  /** B - A, and its parts rounded (to the cent; a cost per item to 1e-4) so that they add up to it. */
  total: { difference: number; parts: Record<Part, number>; exact: Record<Part, number> };
  unit: { difference: number; parts: Record<Part, number>; exact: Record<Part, number> };
  /** The drivers behind the parts, as means over the replications, for people to read. */
  drivers: Array<{ group: Part; what: string; a: number | null; b: number | null }>;
  /** Labour money per item accepted by activity, mean over replications. */
  labourPerItem: Array<{ activity: string; a: number; b: number }>;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Explains B against A over replications paired by index (the same random worlds when both are
 * plans of one run, or runs of the same seed): the mean of each pair's Shapley parts is the
 * decomposition of the difference of the means, since the Shapley value is linear in f.
 */
export function explain(a: CostRecord[], b: CostRecord[]): Explanation {
  if (a.length === 0 || a.length !== b.length) throw new ExplainError(`expected the same replications in A and B, got ${a.length} and ${b.length}`);
  const pairs = a.map((ra, i) => explainPair(ra, b[i]));
  const exactOf = (which: 'total' | 'unit') => Object.fromEntries(PARTS.map((p, k) => [p, mean(pairs.map((x) => x[which][k]))])) as Record<Part, number>;
  const side = (rs: CostRecord[]) => ({
    cost: mean(rs.map((r) => r.cost)),
    unitCost: mean(rs.map((r) => r.cost / r.accurate)),
    accepted: mean(rs.map((r) => r.accepted)),
    accurate: mean(rs.map((r) => r.accurate)),
  });
  const sa = side(a);
  const sb = side(b);
  const split = (which: 'total' | 'unit', difference: number, step: number) => {
    const exact = exactOf(which);
    const rounded = roundToTotal(toReported(PARTS.map((p) => exact[p]), difference), difference, step);
    return { difference, exact, parts: Object.fromEntries(PARTS.map((p, k) => [p, rounded[k]])) as Record<Part, number> };
  };
  // The difference of the means as each side reports them: to the cent, and to 1e-4 per item.
  const cents = (x: number) => Math.round(x * 100) / 100;
  const tenThousandths = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    replications: a.length,
    a: sa,
    b: sb,
    total: split('total', cents(cents(sb.cost) - cents(sa.cost)), 0.01),
    unit: split('unit', tenThousandths(tenThousandths(sb.unitCost) - tenThousandths(sa.unitCost)), 1e-4),
    drivers: drivers(a, b),
    labourPerItem: byActivity(a, b),
  };
}

/**
 * The exact parts scaled to the reported difference: the reports round each activity to the cent,
 * so the reported difference is the lines' difference give or take a cent, spread over the parts
 * in proportion to them (a part that is zero stays zero). Shapley's sums leave noise of 1e-12
 * on parts that are zero in exact arithmetic: it is zeroed first.
 */
function toReported(exact: number[], reported: number): number[] {
  const scale = Math.max(1e-300, ...exact.map(Math.abs), Math.abs(reported));
  const clean = exact.map((x) => (Math.abs(x) < 1e-9 * scale ? 0 : x));
  const sumExact = clean.reduce((s, x) => s + x, 0);
  if (sumExact === 0) {
    // Nothing moved but the rounding: it goes to the largest part, or to overheads.
    const out = clean.slice();
    out[PARTS.indexOf('overheads')] += reported;
    return out;
  }
  return clean.map((x) => (x * reported) / sumExact);
}

/** Readable drivers: each pool's price per hour (or per task), hours per task, work per item, and the accurate share. */
function drivers(a: CostRecord[], b: CostRecord[]): Explanation['drivers'] {
  const out: Explanation['drivers'] = [];
  const keys = [...new Set([...a[0].lines.keys(), ...b[0].lines.keys()])];
  const avg = (rs: CostRecord[], f: (r: CostRecord) => number | null) => {
    const xs = rs.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
    return xs.length === 0 ? null : mean(xs);
  };
  const name = (k: string) => k.replace('/', ' ');
  for (const k of keys) {
    const l = (a[0].lines.get(k) ?? b[0].lines.get(k))!;
    if (l.activity === Activity.penalties) {
      out.push({ group: 'price', what: `${name(k)}: penalty per error charged`, a: avg(a, (r) => per(r, k, 'cost', 'tasks')), b: avg(b, (r) => per(r, k, 'cost', 'tasks')) });
      continue;
    }
    if (l.activity === Activity.idle) {
      out.push({ group: 'quantity', what: `${name(k)}: paid idle hours per 1,000 items`, a: avg(a, (r) => scaled(r, k)), b: avg(b, (r) => scaled(r, k)) });
      continue;
    }
    if (l.byPiece) out.push({ group: 'price', what: `${name(k)}: money per task`, a: avg(a, (r) => per(r, k, 'cost', 'tasks')), b: avg(b, (r) => per(r, k, 'cost', 'tasks')) });
    else {
      out.push({ group: 'price', what: `${name(k)}: money per hour`, a: avg(a, (r) => per(r, k, 'cost', 'hours')), b: avg(b, (r) => per(r, k, 'cost', 'hours')) });
      // With several work types: each type's share of the line's tasks (mix) and its own pace
      // (quantity), not the line's mean pace, which moves with the mix.
      const types = [...new Set([...a, ...b].flatMap((r) => [...(r.lines.get(k)?.byType.keys() ?? [])]))];
      if (types.length < 2) out.push({ group: 'quantity', what: `${name(k)}: seconds per task`, a: avg(a, (r) => seconds(r, k)), b: avg(b, (r) => seconds(r, k)) });
      else {
        for (const t of types) {
          const share = (r: CostRecord) => {
            const l = r.lines.get(k);
            return l === undefined || l.tasks === 0 ? null : (100 * (l.byType.get(t)?.tasks ?? 0)) / l.tasks;
          };
          const pace = (r: CostRecord) => {
            const x = r.lines.get(k)?.byType.get(t);
            return x === undefined || x.tasks === 0 ? null : (3600 * x.hours) / x.tasks;
          };
          out.push({ group: 'mix', what: `${name(k)}: ${t} share of tasks (%)`, a: avg(a, share), b: avg(b, share) });
          out.push({ group: 'quantity', what: `${name(k)}: seconds per ${t} task`, a: avg(a, pace), b: avg(b, pace) });
        }
      }
    }
    if (l.activity === Activity.review) {
      // As the decomposition splits it: reviews per labelling pass (quantity); the re-reviews of rework are quality.
      const perPass = (r: CostRecord) => 100 * ((r.lines.get(k)?.tasks ?? 0) / (r.accepted + reworkTasks(r)));
      out.push({ group: 'quantity', what: `${name(k)}: reviews per 100 labelling passes`, a: avg(a, perPass), b: avg(b, perPass) });
      continue;
    }
    out.push({
      group: QUALITY_WORK.has(l.activity) ? 'quality' : 'quantity',
      what: `${name(k)}: tasks per 100 items accepted`,
      a: avg(a, (r) => 100 * ((r.lines.get(k)?.tasks ?? 0) / r.accepted)),
      b: avg(b, (r) => 100 * ((r.lines.get(k)?.tasks ?? 0) / r.accepted)),
    });
  }
  out.push({ group: 'quality', what: 'accurate share of accepted items (%)', a: avg(a, (r) => (100 * r.accurate) / r.accepted), b: avg(b, (r) => (100 * r.accurate) / r.accepted) });
  out.push({ group: 'volume', what: 'items accepted', a: avg(a, (r) => r.accepted), b: avg(b, (r) => r.accepted) });
  // Each overhead as a line of its own: the costs teams forget (guidelines, gold set, agreement
  // audits, management) stay visible, not folded into one total.
  const names = [...new Set([...a.flatMap((r) => [...r.overheads.keys()]), ...b.flatMap((r) => [...r.overheads.keys()])])];
  for (const n of names) out.push({ group: 'overheads', what: `${n} (money)`, a: avg(a, (r) => r.overheads.get(n) ?? 0), b: avg(b, (r) => r.overheads.get(n) ?? 0) });
  return out;
}

const reworkTasks = (r: CostRecord) => [...r.lines.values()].reduce((s, l) => s + (l.activity === Activity.rework ? l.tasks : 0), 0);

/** Labour money per item accepted, by activity (every pool): the figures an analyst quotes ("annotation cost per item rose 30%"). */
function byActivity(a: CostRecord[], b: CostRecord[]): Explanation['labourPerItem'] {
  const per = (rs: CostRecord[], activity: number) => mean(rs.map((r) => [...r.lines.values()].reduce((s, l) => s + (l.activity === activity ? l.cost : 0), 0) / r.accepted));
  return LABOUR_ACTIVITIES.map((name, i) => ({ activity: name, a: per(a, i), b: per(b, i) })).filter((x) => x.a !== 0 || x.b !== 0);
}

function per(r: CostRecord, k: string, top: 'cost', bottom: 'tasks' | 'hours'): number | null {
  const l = r.lines.get(k);
  return l === undefined || l[bottom] === 0 ? null : l[top] / l[bottom];
}
const seconds = (r: CostRecord, k: string) => {
  const l = r.lines.get(k);
  return l === undefined || l.tasks === 0 ? null : (3600 * l.hours) / l.tasks;
};
const scaled = (r: CostRecord, k: string) => (1000 * (r.lines.get(k)?.hours ?? 0)) / r.accepted;
