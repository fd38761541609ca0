import { escapeHtml, formatMoney, formatNumber, formatPercent, HOURS_PER_WEEK, signed } from '../format.js';
import type { GuidelineReport, PilotReport, ReportPlan, Spread } from '../report-data.js';
import { paragraph, planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

type WithGuidelines = ReportPlan & { guidelines: GuidelineReport[] };
type WithPilot = ReportPlan & { pilot: PilotReport };

/** Whether any plan has guideline changes or a pilot gate: the section is shown only then. */
export function hasGuidelines(plans: ReportPlan[]): boolean {
  return plans.some((p) => (p.guidelines?.length ?? 0) > 0 || p.pilot !== undefined);
}

/** The median, and the p10–p90 range on a second line. */
const spreadOf = (s: Spread, show: (x: number | null) => string): Cell =>
  s.p50 === null ? 'n/a' : { html: `${escapeHtml(show(s.p50))}<br><small>${escapeHtml(`${show(s.p10)}–${show(s.p90)}`)}</small>` };

/**
 * Guideline changes and pilot rounds: per plan and change, when it took effect and the relabelling
 * burst it sent back (items, hours, money), beside the plan's delay to completion and extra cost
 * against the baseline plan, paired by replication; per plan with a pilot gate, the rounds it took,
 * when the bulk was let in, the last batch's agreement and what revisions cost.
 */
export function guidelinesSection(ctx: ReportContext): Section {
  const cur = ctx.currency;
  const money = (x: number | null) => formatMoney(x, cur, 0);
  const weeks = (x: number | null) => (x === null ? 'n/a' : `${(x / HOURS_PER_WEEK).toFixed(1)} wk`);
  const parts: string[] = [];
  const changed = ctx.data.plans.filter((p): p is WithGuidelines => (p.guidelines?.length ?? 0) > 0);
  if (changed.length > 0) {
    const baseline = ctx.data.plans[0]!.name;
    parts.push(
      paragraph(
        `Each change sends accepted items back for relabelling; the project is complete when they are accepted again under the new version. Medians, with p10–p90 beneath. The delay and extra cost are the plan's against the baseline plan (${baseline}), paired by replication, with 95% intervals: they include everything the change moved, not only the relabelling.`,
        'note',
      ),
    );
    const rows: Cell[][] = [];
    for (const p of changed) {
      const d = p.vsBaseline?.completionHours ?? null;
      const c = p.vsBaseline?.cost ?? null;
      const delay = d === null || d.mean === null ? 'n/a' : `${signed(`${formatNumber(Math.abs(d.mean) / 24, 1)} days`, d.mean)} (${formatNumber((d.low ?? 0) / 24, 1)}–${formatNumber((d.high ?? 0) / 24, 1)})`;
      const extra = c === null || c.mean === null ? 'n/a' : `${signed(money(Math.abs(c.mean)), c.mean)} (${money(c.low)}–${money(c.high)})`;
      p.guidelines.forEach((g, i) => {
        rows.push([
          planLabel(ctx, p),
          g.name,
          spreadOf(g.atHours, weeks),
          spreadOf(g.relabelItems, (x) => formatNumber(x)),
          spreadOf(g.relabelHours, (x) => `${formatNumber(x)} h`),
          spreadOf(g.relabelCost, money),
          i === 0 ? delay : '',
          i === 0 ? extra : '',
        ]);
      });
    }
    parts.push(table(['Plan', 'Change', 'Took effect', 'Items sent back', 'Hours', 'Labour cost', 'Delay to completion', 'Extra cost'], rows, { numeric: [2, 3, 4, 5, 6, 7] }));
  }
  const piloted = ctx.data.plans.filter((p): p is WithPilot => p.pilot !== undefined);
  if (piloted.length > 0) {
    parts.push(paragraph('Pilot gate: the bulk of the work waits until a pilot batch agrees well enough, with a guideline revision (time and money) between rounds. Medians, with p10–p90 beneath.', 'note'));
    const rows: Cell[][] = piloted.map((p) => [
      planLabel(ctx, p),
      p.pilot.workType,
      formatPercent(p.pilot.target, 0),
      spreadOf(p.pilot.rounds, (x) => formatNumber(x)),
      spreadOf(p.pilot.openHours, weeks),
      spreadOf(p.pilot.agreement, (x) => formatPercent(x, 1)),
      formatPercent(p.pilot.passedShare, 0),
      spreadOf(p.pilot.revisionCost, money),
    ]);
    parts.push(table(['Plan', 'Item type', 'Target agreement', 'Rounds', 'Bulk let in', 'Last agreement', 'Reached target', 'Revisions'], rows, { numeric: [2, 3, 4, 5, 6, 7] }));
  }
  return { id: 'guidelines', title: 'Guideline changes and pilot rounds', html: parts.join('\n'), figures: [] };
}
