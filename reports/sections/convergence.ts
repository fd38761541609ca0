import { ACCEPTABLE_ON_TIME } from '../decide.js';
import { TARGET_NAMES, type TargetName } from '../decision-policy.js';
import { baseLayout, legendFor, plotDiv, type Figure } from '../figure.js';
import { escapeHtml, formatNumber, formatPercent, HOURS_PER_WEEK, round } from '../format.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { ConvergencePoint, PrecisionFigureName, ReportPrecision } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

interface FigureSpec {
  name: PrecisionFigureName;
  title: string;
  axis: string;
  /** The figure's value in the chart's unit. */
  scale: (x: number) => number;
  tickformat: string;
  hover: string;
}

const SPECS = (currency: string): FigureSpec[] => [
  { name: 'onTime', title: 'Chance on time', axis: 'Chance to finish on time', scale: (x) => round(x, 5), tickformat: '.0%', hover: '%{y:.1%}' },
  { name: 'p85', title: 'p85 completion', axis: 'p85 completion (weeks)', scale: (h) => round(h / HOURS_PER_WEEK, 4), tickformat: '', hover: '%{y:.2f} wk' },
  { name: 'unitCost', title: 'Unit cost', axis: `Mean cost per accurate item (${currency})`, scale: (x) => round(x, 6), tickformat: '', hover: '%{y:.4f}' },
];

/**
 * How a precision-driven run converged: each key figure's estimate and confidence interval
 * after each look, against the replications the plan had then (a log axis, as the rounds grow
 * by a factor). An interval end that is still unbounded (too few replications for a
 * distribution-free p85) is drawn without its bar.
 */
export function convergenceSection(ctx: ReportContext, precision: ReportPrecision): Section {
  const figures: Figure[] = [];
  const specs = SPECS(ctx.currency);
  for (const spec of specs) {
    const data: Figure['data'] = [];
    for (const plan of precision.plans) {
      const points = plan.convergence[spec.name].filter((p): p is ConvergencePoint & { estimate: number } => p.estimate !== null);
      if (points.length === 0) continue;
      const bar = (p: ConvergencePoint, end: 'low' | 'high') => {
        const v = p[end];
        if (v === null) return null;
        return round(Math.abs(spec.scale(v) - spec.scale(p.estimate!)), 6);
      };
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: plan.plan,
        legendgroup: plan.plan,
        x: points.map((p) => p.replications),
        y: points.map((p) => spec.scale(p.estimate)),
        error_y: { type: 'data', symmetric: false, array: points.map((p) => bar(p, 'high')), arrayminus: points.map((p) => bar(p, 'low')), color: ctx.colorOf(plan.plan), thickness: 1.2, width: 4 },
        line: { color: ctx.colorOf(plan.plan), dash: ctx.dashOf(plan.plan), width: 1.6 },
        marker: { color: ctx.colorOf(plan.plan), symbol: ctx.symbolOf(plan.plan), size: 6 },
        hovertemplate: plotlyMarkup`${plan.plan}, %{x} replications: ${spec.hover}<extra></extra>`,
      });
    }
    if (data.length === 0) continue;
    figures.push({
      id: `convergence-${spec.name}`,
      data,
      layout: baseLayout(
        `${spec.title}: estimate and ${confidenceText(precision.confidence)} interval after each look`,
        // Ticks at the looks: the rounds grow by a factor, so a log axis spaces them evenly.
        { title: 'Replications of the plan (log scale)', type: 'log', tickmode: 'array', tickvals: precision.looks, ticktext: precision.looks.map(String) },
        { title: spec.axis, ...(spec.tickformat === '' ? {} : { tickformat: spec.tickformat }) },
        legendFor(precision.plans.length),
      ),
    });
  }

  const label = (f: ReportPrecision['plans'][number]['figures'][number]): string => {
    if (f.target === null) return '';
    if (f.met === null) return 'no such figure';
    const have = f.figure === 'unitCost' ? f.relativeHalfWidth : f.halfWidth;
    const show = (x: number | null | undefined) =>
      x === null || x === undefined ? 'unbounded' : f.figure === 'onTime' ? `${formatNumber(100 * x, 2)} pt` : f.figure === 'p85' ? `${formatNumber(x / 24, 2)} d` : formatPercent(x, 2);
    return `±${show(have)} (target ±${show(f.target)}): ${f.met ? 'met' : 'not met'}`;
  };
  const asked = specs.filter((s) => precision.plans.some((p) => p.figures.some((f) => f.figure === s.name && f.target !== null)));
  const rows: Cell[][] = precision.plans.map((p) => [
    planLabel(ctx, p.plan),
    formatNumber(p.replications),
    ...asked.map((s) => {
      const f = p.figures.find((x) => x.figure === s.name)!;
      return { html: escapeHtml(label(f)), className: f.met === false ? 'warning' : '' };
    }),
  ]);
  const stop =
    precision.stop === 'met'
      ? `${figuresAsked(asked.map((a) => a.title))} reached the precision asked in every plan after ${formatNumber(Math.max(...precision.plans.map((p) => p.replications)))} replications at most (looks at ${precision.looks.join(', ')}).`
      : `The cap of ${formatNumber(precision.cap)} replications stopped the run before every figure reached its precision (looks at ${precision.looks.join(', ')}); the figures marked "not met" are less precise than asked.`;
  const parts = [
    paragraph(
      `Replications ran in rounds; after each round (a look) a plan whose figures were not yet as precise as asked, or that an unsettled comparison needed, ran more. ${stop}`,
      precision.stop === 'met' ? 'note' : 'warning',
    ),
    table(['Plan', 'Replications', ...asked.map((s) => `${s.title} half-width`)], rows, { numeric: [1] }),
  ];
  const st = precision.settlement;
  if (st !== null) {
    const beaten = st.comparisons.filter((c) => c.significant).map(beatenText);
    const open = st.comparisons.filter((c) => !c.significant).map(openText);
    parts.push(
      paragraph(
        st.settled
          ? `The recommendation (${st.recommended ?? 'none'}) is settled: ${ownBar(st.acceptable)}${ownTargets(st.targets)}it beats ${beaten.length === 0 ? 'every other plan' : beaten.join('; ')}, ${testsText(st)}.`
          : `The recommendation (${st.recommended ?? 'none'}) is not settled at the cap${open.length > 0 ? `: its advantage over ${open.join('; ')} is not significant` : ''}; more replications, or a looser confidence, are needed to be sure of it.`,
        st.settled ? 'note' : 'warning',
      ),
    );
  }
  for (const f of figures) {
    const spec = specs.find((x) => `convergence-${x.name}` === f.id)!;
    parts.push(plotDiv(f, `${spec.title}: estimate per plan with its interval, against the number of replications.`));
  }
  return { id: 'convergence', title: 'Convergence', html: parts.join('\n'), figures };
}

type Settlement = NonNullable<ReportPrecision['settlement']>;
type Comparison = Settlement['comparisons'][number];

/** The recommended plan's own test against the bar, when it was one: "its own chance on time is above the 90% bar beyond doubt (at least 92.2%); ". */
function ownBar(a: Settlement['acceptable']): string {
  if (a === undefined || a === null || !a.significant) return '';
  return `its own chance on time is above the ${formatPercent(a.bar, 0)} bar beyond doubt${a.low === null ? '' : ` (at least ${formatPercent(a.low, 1)})`}; `;
}

/** The policy's targets the recommended plan meets beyond doubt, each one of the tests: "it meets the on time and residual error targets beyond doubt; ". */
function ownTargets(targets: Settlement['targets']): string {
  const met = (targets ?? []).filter((t) => t.significant).map((t) => TARGET_NAMES[t.target as TargetName] ?? t.target);
  return met.length === 0 ? '' : `it meets the ${met.join(' and ')} target${met.length === 1 ? '' : 's'} beyond doubt; `;
}

/** "each of the 4 a one-sided test at 98.75% (the run's confidence split over the 4 tests)": the comparisons and the recommended plan's own tests (its bar, or its policy's targets). */
function testsText(st: Settlement): string {
  const n = st.comparisons.length + (st.acceptable === undefined || st.acceptable === null ? 0 : 1) + (st.targets?.length ?? 0);
  return n === 1 ? `a one-sided test at ${formatPercent(st.confidence, 2)}` : `each of the ${n} a one-sided test at ${formatPercent(st.confidence, 2)} (the run's confidence split over the ${n} tests)`;
}

/** A comparison the recommended plan won, in words: "base on cost, paired over 30 replications", "base, whose chance on time is below the 90% bar (30 replications)". */
function beatenText(c: Comparison): string {
  switch (c.figure) {
    case 'unitCost':
    case 'onTime':
      return `${c.plan} ${pairedOn(c)}`;
    case 'onTimeBelowBar':
      return `${c.plan}, whose chance on time is below the ${formatPercent(ACCEPTABLE_ON_TIME, 0)} bar${replicationsNote(c)}`;
    default:
      return `${c.plan}, which misses the policy's ${targetName(c)}target${replicationsNote(c)}`;
  }
}

/** A comparison not yet won, in words: "base (on cost, paired over 30 replications)", "base (its chance on time is not surely below the 90% bar, 30 replications)". */
function openText(c: Comparison): string {
  const n = c.replications === undefined ? '' : `, ${formatNumber(c.replications)} replications`;
  switch (c.figure) {
    case 'unitCost':
    case 'onTime':
      return `${c.plan} (${pairedOn(c)})`;
    case 'onTimeBelowBar':
      return `${c.plan} (its chance on time is not surely below the ${formatPercent(ACCEPTABLE_ON_TIME, 0)} bar${n})`;
    default:
      return `${c.plan} (it does not surely miss the policy's ${targetName(c)}target${n})`;
  }
}

/** "on cost, paired over 30 replications", "on the chance on time, paired over 30 replications". */
function pairedOn(c: Comparison): string {
  const pairs = c.replications === undefined ? '' : `, paired over ${formatNumber(c.replications)} replications`;
  return `${c.figure === 'unitCost' ? 'on cost' : 'on the chance on time'}${pairs}`;
}

function replicationsNote(c: Comparison): string {
  return c.replications === undefined ? '' : ` (${formatNumber(c.replications)} replications)`;
}

function targetName(c: Comparison): string {
  return c.target === undefined ? '' : `${TARGET_NAMES[c.target as TargetName] ?? c.target} `;
}

/** The figures that had a precision to reach, in words: "Unit cost", "Chance on time and unit cost"; "Every figure" when none was asked (a run to settle the recommendation only). */
function figuresAsked(titles: string[]): string {
  if (titles.length === 0) return 'Every figure';
  const words = titles.map((t, i) => (i === 0 ? t : t.charAt(0).toLowerCase() + t.slice(1)));
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** 95% as "95%", 97.5% as "97.5%". */
function confidenceText(c: number): string {
  return Number.isInteger(Math.round(c * 1e6) / 1e4) ? formatPercent(c, 0) : formatPercent(c, 1);
}
