import { formatMoney, formatPercent } from '../format.js';
import type { ReportPlan } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';
import { numericValue, sweepGroups, valueLabel } from './sweep.js';

/**
 * The vendor one-pager: when an experiment compares several plans (vendors) and sweeps a review
 * tier's sample rate over them, one table of the true cost per accurate item of each vendor with
 * its 95% interval, its residual error and errors caught, and one of its cost per accurate item at
 * each sample rate. Null when the experiment is not of that shape.
 */
export function vendorComparisonSection(ctx: ReportContext): Section | null {
  const declared = ctx.data.plans.filter((p) => p.sweep === undefined);
  const group = sweepGroups(ctx.data.plans).find((g) => g.parameters.length === 1 && /\.sample$/.test(g.parameters[0]));
  if (declared.length < 2 || group === undefined) return null;
  const c = ctx.currency;
  const money = (x: number | null | undefined) => formatMoney(x, c, 4);
  const interval = (p: ReportPlan) =>
    p.unitCostInterval == null || p.unitCostInterval.low === null ? money(p.unitCost.mean) : `${money(p.unitCost.mean)} (${money(p.unitCostInterval.low)} to ${money(p.unitCostInterval.high)})`;
  const rows: Cell[][] = declared.map((p) => [
    planLabel(ctx, p),
    interval(p),
    formatPercent(p.residualErrorRate, 2),
    p.errorsCaughtShare == null ? '-' : formatPercent(p.errorsCaughtShare, 0),
    formatMoney(p.cost.mean, c, 0),
  ]);
  const values = [...new Set(group.points.map((x) => valueLabel(x.values[0])))].sort((a, b) => (numericValue(a)?.x ?? 0) - (numericValue(b)?.x ?? 0));
  const sweepRows: Cell[][] = [...new Set(group.points.map((x) => x.base))].map((base) => [
    planLabel(ctx, base),
    ...values.map((v) => {
      const point = group.points.find((x) => x.base === base && valueLabel(x.values[0]) === v);
      return point === undefined ? '-' : money(point.plan.unitCost.mean);
    }),
  ]);
  const html = [
    paragraph(`The true cost of each vendor: every cost (fees, QA labour, penalties, overheads) over the items that are accepted and actually right, with its 95% interval over replications; then how it moves with the QA sample rate (${group.parameters[0]}).`, 'note'),
    table(['vendor (plan)', 'cost per accurate item (95% CI)', 'residual error', 'errors caught', 'total cost'], rows, { numeric: [1, 2, 3, 4] }),
    table(['vendor (plan)', ...values.map((v) => `sample ${v}`)], sweepRows, { numeric: values.map((_v, i) => i + 1), caption: 'Cost per accurate item at each QA sample rate' }),
  ];
  return { id: 'vendor-comparison', title: 'Vendor comparison', html: html.join('\n'), figures: [] };
}
