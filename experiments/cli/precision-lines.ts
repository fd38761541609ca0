import type { Summary } from '../aggregate/summary.js';
import type { Precision } from '../load/precision.js';
import type { FigureState } from '../precision/figures.js';
import type { PrecisionLook } from '../precision/procedure.js';

const points = (x: number) => `${+(100 * x).toFixed(2)}pt`;
const percent = (x: number) => `${+(100 * x).toFixed(2)}%`;
const days = (h: number) => `${+(h / 24).toFixed(2)} d`;

/**
 * A precision as the first line of a run states it: "on time is known to ±2pt and the
 * recommendation is settled (95% confidence, rounds from 20)". With a cap of `cap` replications
 * below the first round, the run looks once, at the cap, and says so.
 */
export function precisionText(p: Precision, cap = Infinity): string {
  const parts: string[] = [];
  if (p.onTime !== null) parts.push(`on time ±${points(p.onTime)}`);
  if (p.p85Hours !== null) parts.push(`p85 ±${days(p.p85Hours)}`);
  if (p.unitCost !== null) parts.push(`unit cost ±${percent(p.unitCost)}`);
  const known = parts.length === 0 ? [] : [`${parts.join(', ')} ${parts.length === 1 ? 'is' : 'are'} known`];
  const all = [...known, ...(p.settled ? ['the recommendation is settled'] : [])];
  const rounds = cap < p.firstRound ? `one look, at the cap of ${cap} replications, below the first round of ${p.firstRound}` : `rounds from ${p.firstRound}`;
  return `${all.join(' and ')} (${percent(p.confidence)} confidence, ${rounds})`;
}

const NAMES: Record<FigureState['figure'], string> = { onTime: 'on time', p85: 'p85', unitCost: 'unit cost' };

/** A figure's half-width now and the one asked for, in its unit ("±1.2%", "±2%"); null without a target or the figure. */
function widths(f: FigureState): { have: string; asked: string } | null {
  if (f.target === null || f.met === null) return null;
  const width = f.figure === 'onTime' ? points : f.figure === 'p85' ? days : percent;
  const have = f.figure === 'unitCost' ? f.relativeHalfWidth : f.halfWidth;
  return { have: `±${have === null || have === undefined ? 'unbounded' : width(have)}`, asked: `±${width(f.target)}` };
}

function figureText(f: FigureState): string | null {
  if (f.target === null) return null;
  const name = NAMES[f.figure];
  const w = widths(f);
  if (w === null) return `${name}: none (the plan has no such figure)`;
  return `${name} ${w.have} (asked ${w.asked}) ${f.met ? 'met' : 'NOT met'}`;
}

/** What a precision-driven run reports after its verdicts: where it stopped, per plan, and the settlement. */
export function precisionLines(s: Summary): string[] {
  const p = s.precision;
  if (p === undefined) return [];
  const figuresMet = p.plans.every((x) => x.met);
  const unsettled = p.settlement !== null && !p.settlement.settled;
  const missed = [...(figuresMet ? [] : ['figures NOT met']), ...(unsettled ? ['the recommendation NOT settled'] : [])].join(' and ');
  const stop = p.stop === 'met' ? `every figure met its precision${p.settlement === null ? '' : ' and the recommendation is settled'}` : `stopped at the cap of ${s.replications} replications with ${missed}`;
  const lines = [`Precision at ${percent(p.confidence)} confidence, looks at ${p.looks.join(', ')} replications: ${stop}.`];
  for (const plan of p.plans) {
    const figures = plan.figures.map(figureText).filter((x): x is string => x !== null);
    lines.push(`  ${plan.plan.padEnd(22)} ${String(plan.replications).padStart(7)} replications${figures.length > 0 ? `: ${figures.join('; ')}` : ''}`);
  }
  const st = p.settlement;
  if (st !== null) {
    const head = st.recommended === null ? 'no recommendation' : `recommended ${st.recommended} (${st.basis})`;
    const against = st.comparisons.map((c) =>
      c.figure === 'onTimeBelowBar'
        ? `${c.plan} ${c.significant ? 'below' : 'NOT shown below'} the bar on time`
        : c.figure === 'target'
          ? `${c.plan} ${c.significant ? 'missing' : 'NOT shown missing'} the ${c.target ?? 'policy'} target`
          : `${c.plan} ${c.significant ? 'beaten' : 'NOT beaten'} on ${NAMES[c.figure]}`,
    );
    const bar =
      st.acceptable !== null
        ? `; its chance on time ${st.acceptable.significant ? 'is' : 'is NOT'} above ${percent(st.acceptable.bar)} beyond doubt`
        : (st.targets ?? []).length > 0
          ? `; it meets ${st.targets!.map((t) => `${t.target}${t.significant ? '' : ' NOT'}`).join(', ')} beyond doubt`
          : '';
    lines.push(`  ${st.settled ? 'Settled' : 'NOT settled'}: ${head}${bar}; ${against.join(', ')} (each a one-sided test at ${percent(st.confidence)}, paired by replication).`);
  }
  return lines;
}

/**
 * The line between two rounds of a precision-driven run: which plans are done and which run on,
 * to what count and why, so the progress counter's jump to a larger total is explained.
 * "After 30 replications: base, second-shift done; pre-labels (unit cost ±2.4%, asked ±2%) and
 * tiered-review (to settle the recommendation) go on to 50."
 */
export function roundLine(look: PrecisionLook, next: Map<string, number>): string {
  const settling = new Set(look.settlement?.needMore ?? []);
  const done: string[] = [];
  const earlier = new Map<number, string[]>();
  const onward = new Map<number, string[]>();
  const add = (m: Map<number, string[]>, k: number, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const p of look.plans) {
    const to = next.get(p.plan) ?? p.replications;
    if (to <= p.replications) {
      if (p.replications < look.round) add(earlier, p.replications, p.plan);
      else done.push(p.plan);
      continue;
    }
    const why = p.figures.filter((f) => f.met === false).map((f) => {
      const w = widths(f)!;
      return `${NAMES[f.figure]} ${w.have}, asked ${w.asked}`;
    });
    if (settling.has(p.plan)) why.push('to settle the recommendation');
    add(onward, to, why.length > 0 ? `${p.plan} (${why.join('; ')})` : p.plan);
  }
  const stopped = [...earlier].map(([n, plans]) => `${inWords(plans)} stopped at ${n}`);
  const at = `${look.round} replications${stopped.length > 0 ? ` (${stopped.join('; ')})` : ''}`;
  const parts = [...(done.length > 0 ? [`${inWords(done)} done`] : []), ...[...onward].map(([to, plans]) => `${inWords(plans)} go${plans.length === 1 ? 'es' : ''} on to ${to}`)];
  return `After ${at}: ${parts.join('; ')}.`;
}

/** "a", "a and b", "a, b and c". */
function inWords(xs: string[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
