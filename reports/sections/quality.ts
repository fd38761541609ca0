import { baseLayout, legendFor, plotDiv, type Figure } from '../figure.js';
import { escapeHtml, formatMoney, formatNumber, formatPercent, formatSigned, formatSignedMoney, percentDigits, round } from '../format.js';
import { activityLabel, activityMarker } from '../palette.js';
import { plotlyMarkup } from '../plotly-text.js';
import type { Interval, QualityReport, ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

type QualityPlan = ReportPlan & { quality: QualityReport };

/** Landis and Koch's (1977) reading of kappa as teams use it: 0.8 and above strong, below 0.6 a sign the guidelines need work. */
export const STRONG_AGREEMENT = 0.8;
export const WEAK_AGREEMENT = 0.6;

/** What a kappa says about the guidelines, in the words of the marks on the chart. */
export function agreementReading(kappa: number | null): string {
  if (kappa === null || !Number.isFinite(kappa)) return 'n/a';
  if (kappa >= STRONG_AGREEMENT) return 'strong';
  if (kappa >= WEAK_AGREEMENT) return 'moderate';
  return 'weak: check the guidelines';
}

/** Plans with quality figures, when any plan makes errors or spends on quality: otherwise the section has nothing to say. */
export function qualityPlans(plans: ReportPlan[]): QualityPlan[] {
  const withQuality = plans.filter((p): p is QualityPlan => p.quality !== undefined);
  const anything = withQuality.some((p) => (p.quality.errorsMadePer1000 ?? 0) > 0 || (p.quality.qualityCostPerAccurate ?? 0) > 0);
  return anything ? withQuality : [];
}

const pct = (x: number | null | undefined, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : formatPercent(x, d));
const points = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${formatSigned(100 * x, 2)} pt`);
const withInterval = (i: Interval | null, show: (x: number | null) => string): Cell =>
  i === null || i.mean === null ? 'n/a' : { html: `${escapeHtml(show(i.mean))}<br><small>${escapeHtml(`${show(i.low)} to ${show(i.high)}`)}</small>` };
const kappaText = (x: number | null) => (x === null || !Number.isFinite(x) ? 'n/a' : formatNumber(x, 3));

/**
 * The Quality section: per plan, the residual error and what removes it (the wrong labels made,
 * those each review tier found, and against the baseline the error removed and the cost added
 * per accurate item); the cost per accurate item of each quality activity; the residual error of
 * each class; and agreement among consensus labels, per stage and per pool, against the 0.8 and
 * 0.6 marks.
 */
export function qualitySection(ctx: ReportContext): Section {
  const plans = qualityPlans(ctx.data.plans);
  const cur = ctx.currency;
  const money = (x: number | null) => formatMoney(x, cur, 4);
  const figures: Figure[] = [];
  const parts: string[] = [
    paragraph(
      'What each plan’s quality work costs and what it buys. Residual error is the share of accepted items whose label is wrong. Against the first plan, differences are paired by replication (the same items and people in both), so a plan’s extra cost per accurate item and the error it removes are measured, not guessed; the cost per point of error removed divides the one by the other when the plan removes error at a cost, and says so in words when there is no trade-off to price (cheaper and more accurate, or dearer and less accurate). Costs are per accurately labelled item, in ' +
        cur +
        '; the lines stated in the file (guidelines, gold sets, audits) are counted as quality work.',
    ),
  ];

  const baseline = ctx.data.plans[0]?.name ?? 'the baseline';
  const tiers = unique(plans.flatMap((p) => p.quality.reviewTiers.map((t) => t.stage)));
  const rows: Cell[][] = plans.map((p) => {
    const q = p.quality;
    const d = q.vsBaseline;
    return [
      planLabel(ctx, p),
      withInterval(q.residualError, (x) => pct(x)),
      d === null ? 'baseline' : withInterval(d.residualError, points),
      formatNumber(q.errorsMadePer1000, 1),
      ...tiers.map((t) => formatNumber(q.reviewTiers.find((x) => x.stage === t)?.foundPer1000 ?? null, 1)),
      money(q.qualityCostPerAccurate),
      d === null ? 'baseline' : withInterval(d.unitCost, (x) => formatSignedMoney(x, cur, 4)),
      pricePerPoint(d, baseline, money),
    ];
  });
  parts.push(
    table(
      ['Plan', 'Residual error (95% interval)', 'vs baseline', 'Wrong labels made per 1,000 items', ...tiers.map((t) => `Found by ${t} per 1,000`), 'Quality cost per accurate item', 'Unit cost vs baseline', 'Cost per point of error removed'],
      rows,
      { numeric: rows[0]?.map((_, i) => i).filter((i) => i > 0) ?? [], caption: 'Residual error, what review finds, and the price of quality, per plan' },
    ),
  );

  figures.push(qualityCostFigure(ctx, plans));
  parts.push(plotDiv(figures[figures.length - 1]!, `Cost per accurate item of each quality activity, per plan (${cur})`));
  figures.push(errorAgainstCostFigure(ctx, plans));
  parts.push(plotDiv(figures[figures.length - 1]!, 'Residual error against the quality cost per accurate item: lower and further left is better'));

  const classes = unique(plans.flatMap((p) => (p.quality.classes ?? []).map((c) => c.name)));
  if (classes.length > 0) {
    parts.push('<h3>Residual error by class</h3>');
    parts.push(paragraph('The share of accepted items of each true class whose label is wrong. Classes people confuse with one other class let more errors through consensus, since wrong labels then agree.'));
    figures.push(classFigure(ctx, plans, classes));
    parts.push(plotDiv(figures[figures.length - 1]!, 'Residual error by true class, per plan, with 95% intervals'));
    parts.push(
      table(
        ['Plan', ...classes],
        plans.map((p) => [planLabel(ctx, p), ...classes.map((c) => withInterval(p.quality.classes?.find((x) => x.name === c)?.residualError ?? null, (x) => pct(x)))]),
        { numeric: classes.map((_, i) => i + 1) },
      ),
    );
  }

  const agreeing = plans.filter((p) => p.quality.agreement !== undefined);
  if (agreeing.length > 0) {
    parts.push('<h3>Agreement</h3>');
    parts.push(
      paragraph(
        `Agreement among the labels of each consensus round, simulated from the error rates, prevalences and confusion pattern. Kappa corrects agreement for chance: ${STRONG_AGREEMENT} and above is strong, below ${WEAK_AGREEMENT} signals guideline problems (Landis and Koch 1977; McHugh 2012). A pool's figures are its labels against the other labels of the same items.`,
      ),
    );
    figures.push(agreementFigure(ctx, agreeing));
    parts.push(plotDiv(figures[figures.length - 1]!, `Kappa per consensus stage and pool, per plan, with 95% intervals and the ${STRONG_AGREEMENT} / ${WEAK_AGREEMENT} marks`));
    const stageRows: Cell[][] = agreeing.flatMap((p) =>
      p.quality.agreement!.stages.map((s) => [
        planLabel(ctx, p),
        s.name,
        withInterval(s.percent, (x) => pct(x, 1)),
        withInterval(s.cohensKappa, kappaText),
        withInterval(s.fleissKappa, kappaText),
        withInterval(s.krippendorffAlpha, kappaText),
        agreementReading(s.fleissKappa?.mean ?? null),
      ]),
    );
    parts.push(table(['Plan', 'Stage', 'Agreement', "Cohen's kappa", "Fleiss' kappa", "Krippendorff's alpha", 'Reading'], stageRows, { numeric: [2, 3, 4, 5] }));
    const poolRows: Cell[][] = agreeing.flatMap((p) => p.quality.agreement!.pools.map((x) => [planLabel(ctx, p), x.name, withInterval(x.percent, (v) => pct(v, 1)), withInterval(x.kappa, kappaText), agreementReading(x.kappa?.mean ?? null)]));
    if (poolRows.length > 0) parts.push(table(['Plan', 'Pool', 'Agreement with the other labels', "Cohen's kappa", 'Reading'], poolRows, { numeric: [2, 3] }));
  }

  const auditing = plans.filter((p) => (p.quality.gold ?? []).length > 0);
  if (auditing.length > 0) {
    parts.push('<h3>Gold audits</h3>');
    parts.push(
      paragraph(
        "Gold items mixed into the queue, each answered right or wrong at the person's error rate, and a sequential rule that flags people on their answers (Wald's SPRT, or k wrong of the last n). Bad people are those whose own error rate is at least the rule's bad rate, good ones at most its acceptable rate; caught is the share of bad people flagged, falsely flagged the share of good ones. Time to flag is from a bad person's start to their first flag. Gold cost counts the gold items' hours and retraining at the pools' hourly rates; the gold set's creation is its own line above.",
      ),
    );
    const hours = (x: number | null) => (x === null || !Number.isFinite(x) ? 'n/a' : `${formatNumber(x, 1)} h`);
    const goldRows: Cell[][] = auditing.flatMap((p) =>
      p.quality.gold!.map((g) => [
        planLabel(ctx, p),
        g.stage,
        formatNumber(g.goldItems, 0),
        money(g.costPerAccurate),
        formatNumber(g.flags, 2),
        formatNumber(g.removed, 2),
        hours(g.retrainHours),
        pct(g.caughtShare, 1),
        withInterval(g.timeToFlag, hours),
        pct(g.falseFlagShare, 1),
      ]),
    );
    parts.push(
      table(['Plan', 'Stage', 'Gold items served', 'Gold cost per accurate item', 'Flags', 'Removed', 'Retraining', 'Bad people caught', 'Time to flag (95% interval)', 'Good people flagged'], goldRows, {
        numeric: [2, 3, 4, 5, 6, 7, 8, 9],
        caption: 'Gold audits per plan: what they cost, whom they flag, and how soon',
      }),
    );
  }

  return { id: 'quality', title: 'Quality', html: parts.join('\n'), figures };
}

/**
 * The price of a point of residual error removed, against the baseline: the paired unit-cost
 * difference over the points removed, when the plan removes error (its interval below 0) at an
 * extra cost. A plan cheaper as well is no trade-off, and one dearer and with more error (both
 * intervals above 0) is the other way round: a price would be negative or meaningless, so the
 * cell says which in words. Otherwise (no clear difference in error) there is no price: "—".
 */
export function pricePerPoint(d: QualityReport['vsBaseline'], baseline: string, money: (x: number) => string): string {
  const error = d?.residualError ?? null;
  const cost = d?.unitCost ?? null;
  if (error === null || error.mean === null || cost === null || cost.mean === null) return '—';
  if (error.high !== null && error.high < 0) {
    if (cost.mean <= 0) return cost.high !== null && cost.high < 0 ? `cheaper and more accurate than ${baseline}: no trade-off` : `more accurate than ${baseline} at no extra cost: no trade-off`;
    return money(cost.mean / (-100 * error.mean));
  }
  if (error.low !== null && error.low > 0 && cost.low !== null && cost.low > 0) return `dearer and less accurate than ${baseline}`;
  if (error.low !== null && error.low > 0) return `less accurate than ${baseline}: no error removed`;
  return `no clear difference in error from ${baseline}`;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Stacked bars: per plan, the cost per accurate item of each quality activity that any plan spends on (negative penalties below zero). */
function qualityCostFigure(ctx: ReportContext, plans: QualityPlan[]): Figure {
  const activities = unique(plans.flatMap((p) => p.quality.costPerAccurate.filter((l) => (l.amount ?? 0) !== 0).map((l) => l.activity)));
  return {
    id: 'quality-cost',
    data: activities.map((a) => ({
      type: 'bar',
      name: activityLabel(a),
      x: plans.map((p) => p.name),
      y: plans.map((p) => {
        const v = p.quality.costPerAccurate.find((l) => l.activity === a)?.amount ?? null;
        return v === null ? null : round(v, 6);
      }),
      marker: activityMarker(ctx.activityStyleOf(a)),
      hovertemplate: plotlyMarkup`%{x}, ${activityLabel(a)}: %{y:.4f} ${ctx.currency} per accurate item<extra></extra>`,
    })),
    layout: baseLayout('Quality cost per accurate item', { title: 'Plan', type: 'category' }, { title: `${ctx.currency} per accurate item` }, { barmode: 'relative', showlegend: true, ...legendFor(activities.length) }),
  };
}

/** One point per plan: quality cost per accurate item across, residual error up, with the residual error's interval. */
function errorAgainstCostFigure(ctx: ReportContext, plans: QualityPlan[]): Figure {
  return {
    id: 'quality-frontier',
    data: plans.map((p) => {
      const e = p.quality.residualError;
      const y = e?.mean ?? null;
      return {
        type: 'scatter',
        mode: 'markers',
        name: p.name,
        x: [p.quality.qualityCostPerAccurate === null ? null : round(p.quality.qualityCostPerAccurate, 6)],
        y: [y === null ? null : round(y, 6)],
        marker: { color: ctx.colorOf(p.name), symbol: ctx.symbolOf(p.name), size: 11 },
        ...(e === null || y === null || e.low === null || e.high === null ? {} : { error_y: { type: 'data', symmetric: false, array: [round(e.high - y, 6)], arrayminus: [round(y - e.low, 6)], color: ctx.colorOf(p.name), thickness: 1.5, width: 5 } }),
        // The figure as the tables round it (percentDigits): Plotly's .2% would read 0.01555 as 1.55%.
        customdata: [y === null ? 'n/a' : `${percentDigits(y, 2)}%`],
        hovertemplate: plotlyMarkup`${p.name}: %{customdata} residual error at %{x:.4f} ${ctx.currency} of quality work per accurate item<extra></extra>`,
      };
    }),
    layout: baseLayout('Residual error against quality cost', { title: `Quality cost, ${ctx.currency} per accurate item`, rangemode: 'tozero' }, { title: 'Residual error', tickformat: '.1%', rangemode: 'tozero' }, legendFor(plans.length)),
  };
}

/** Plotly error bars of a bar trace from each bar's interval (0 where a bar has none). */
function intervalBars(intervals: Array<Interval | null | undefined>): Record<string, unknown> {
  const half = (i: Interval | null | undefined, side: 'low' | 'high') =>
    i == null || i.mean === null || i[side] === null ? 0 : round(side === 'high' ? i.high! - i.mean : i.mean - i.low!, 6);
  return { type: 'data', symmetric: false, array: intervals.map((i) => half(i, 'high')), arrayminus: intervals.map((i) => half(i, 'low')), color: '#616161', thickness: 1.2, width: 3 };
}

/** Grouped bars: per class, one bar per plan at its residual error, with its interval. */
function classFigure(ctx: ReportContext, plans: QualityPlan[], classes: string[]): Figure {
  return {
    id: 'quality-classes',
    data: plans.map((p) => {
      const of = (c: string) => p.quality.classes?.find((x) => x.name === c)?.residualError ?? null;
      return {
        type: 'bar',
        name: p.name,
        x: classes,
        y: classes.map((c) => (of(c)?.mean == null ? null : round(of(c)!.mean!, 6))),
        error_y: intervalBars(classes.map(of)),
        marker: { color: ctx.colorOf(p.name) },
        hovertemplate: plotlyMarkup`${p.name}, %{x}: %{y:.2%} of accepted items wrong<extra></extra>`,
      };
    }),
    layout: baseLayout('Residual error by class', { title: 'True class', type: 'category' }, { title: 'Residual error', tickformat: '.1%', rangemode: 'tozero' }, { barmode: 'group', ...legendFor(plans.length) }),
  };
}

/** Kappa (Fleiss' per stage, Cohen's per pool) per plan as grouped bars, with the strong and weak marks as lines. */
function agreementFigure(ctx: ReportContext, plans: QualityPlan[]): Figure {
  const keys = unique(plans.flatMap((p) => [...p.quality.agreement!.stages.map((s) => `stage ${s.name}`), ...p.quality.agreement!.pools.map((x) => `pool ${x.name}`)]));
  const kappaOf = (p: QualityPlan, key: string): Interval | null => {
    const a = p.quality.agreement!;
    if (key.startsWith('stage ')) return a.stages.find((s) => `stage ${s.name}` === key)?.fleissKappa ?? null;
    return a.pools.find((x) => `pool ${x.name}` === key)?.kappa ?? null;
  };
  const mark = (y: number, text: string) => ({
    line: { type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: y, y1: y, line: { color: '#616161', width: 1, dash: 'dash' } },
    note: { xref: 'paper', yref: 'y', x: 1, y, xanchor: 'right', yanchor: 'bottom', text, showarrow: false, font: { size: 11, color: '#616161' } },
  });
  const marks = [mark(STRONG_AGREEMENT, `${STRONG_AGREEMENT}: strong`), mark(WEAK_AGREEMENT, `${WEAK_AGREEMENT}: below, check the guidelines`)];
  return {
    id: 'quality-agreement',
    data: plans.map((p) => ({
      type: 'bar',
      name: p.name,
      x: keys,
      y: keys.map((k) => {
        const v = kappaOf(p, k)?.mean;
        return v === null || v === undefined || !Number.isFinite(v) ? null : round(v, 4);
      }),
      error_y: intervalBars(keys.map((k) => kappaOf(p, k))),
      marker: { color: ctx.colorOf(p.name) },
      hovertemplate: plotlyMarkup`${p.name}, %{x}: kappa %{y:.3f}<extra></extra>`,
    })),
    layout: baseLayout('Kappa against the 0.8 and 0.6 marks', { title: 'Consensus stage (Fleiss) or pool (Cohen)', type: 'category' }, { title: 'Kappa', range: [Math.min(0, ...plans.flatMap((p) => keys.map((k) => kappaOf(p, k)?.low ?? 0))), 1.05] }, {
      barmode: 'group',
      shapes: marks.map((m) => m.line),
      annotations: marks.map((m) => m.note),
      ...legendFor(plans.length),
    }),
  };
}
