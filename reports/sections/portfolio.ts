import { escapeHtml, formatChance, formatMoney, formatNumber, formatWeeks } from '../format.js';
import { deadlineOf } from '../plan-deadlines.js';
import type { ReportPlan } from '../report-data.js';
import { paragraph, table, type Cell, type ReportContext, type Section } from '../section.js';

/** Plans that carry more than one work type, whose mix deserves a table of its own. */
export function portfolioPlans(plans: ReportPlan[]): ReportPlan[] {
  return plans.filter((p) => p.work.length > 1);
}

/** Per plan with several work types: items, p85 completion, chance on time, cost, cost per equivalent unit. */
export function portfolioSection(ctx: ReportContext): Section {
  const { header } = ctx.data;
  const cur = header.currency;
  const parts = [
    paragraph(
      'Each work type has its own completion time and costs (shared costs are allocated by hours worked). The equivalent unit puts types of different size on one scale, so their costs compare.',
      'note',
    ),
  ];
  for (const p of portfolioPlans(ctx.data.plans)) {
    const rows: Cell[][] = p.work.map((w) => [
      w.name,
      formatNumber(w.items),
      formatWeeks(w.p85),
      deadlineOf(p, header) === null ? 'n/a' : formatChance(w.onTime),
      formatMoney(w.cost, cur, 0),
      formatMoney(w.costPerEquivalentUnit, cur),
    ]);
    parts.push(
      `<h3><span class="swatch" style="background:${ctx.colorOf(p.name)}"></span>${escapeHtml(p.name)}</h3>`,
      table(['Work type', 'Items', 'p85 completion', 'On time', `Cost (${cur})`, 'Cost per equivalent unit'], rows, { numeric: [1, 2, 3, 4, 5] }),
    );
  }
  return { id: 'portfolio', title: 'Portfolio', html: parts.join('\n'), figures: [] };
}
