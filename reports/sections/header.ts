import { calendarDate, deadlineStatement, escapeHtml, formatNumber, formatTimestamp, formatWallTime, formatWeeks, shortHash } from '../format.js';
import { otherDeadlinesStatement } from '../plan-deadlines.js';
import type { ReportContext } from '../section.js';

/** The page's title block: what was run, how, and when; not a numbered section. */
export function headerHtml(ctx: ReportContext): string {
  const h = ctx.data.header;
  const deadline =
    h.deadlineHours === null
      ? h.openEnded
        ? // A saturated pool's queue never settles (its plan's verdict says so): no steady state to study there.
          ctx.data.plans.some((p) => p.pools.some((x) => x.saturated === true))
          ? 'none (open-ended: items keep arriving)'
          : 'none (open-ended: items keep arriving; a steady-state study)'
        : 'none'
      : deadlineStatement(h);
  // The first plan's deadline is the header's; a plan whose patch set another has it said here too.
  const deadlines = `${deadline}${otherDeadlinesStatement(ctx.data)}`;
  const facts: Array<[string, string]> = [
    ...((h.overrides ?? []).length > 0 ? ([['Overrides (--set)', (h.overrides ?? []).map((o) => `<code>${escapeHtml(o)}</code>`).join(' ')]] as Array<[string, string]>) : []),
    ['Config hash', `<code title="${escapeHtml(h.configHash)}">${escapeHtml(shortHash(h.configHash))}</code>`],
    ['Seed', escapeHtml(String(h.seed))],
    ['Replications', replicationsFact(ctx)],
    ['Deadline', escapeHtml(deadlines)],
    ['Start', escapeHtml(`${calendarDate(0, h.startDate, h.timeZone, { time: false })}, ${h.timeZone}`)],
    ['Horizon', escapeHtml(formatWeeks(h.horizonHours))],
    ['Currency', escapeHtml(h.currency)],
    ['labelsim', escapeHtml(h.labelsimVersion)],
    ['Run date', escapeHtml(formatTimestamp(h.runDate))],
    ['Wall time', escapeHtml(formatWallTime(h.wallSeconds))],
  ];
  return [
    '<header class="report-header">',
    `<p class="kicker">labelsim report</p>`,
    `<h1>${escapeHtml(h.experiment)}</h1>`,
    h.description ? `<p class="description">${escapeHtml(h.description)}</p>` : '',
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`,
    '</header>',
  ].join('\n');
}

/** A fixed count per plan, or, for a precision-driven run, each plan's count and the cap. */
function replicationsFact(ctx: ReportContext): string {
  const h = ctx.data.header;
  const p = ctx.data.precision;
  if (p === undefined) return `${escapeHtml(formatNumber(h.replications))} per plan`;
  const counts = p.plans.map((x) => `${escapeHtml(x.plan)} ${escapeHtml(formatNumber(x.replications))}`).join(', ');
  return `${counts} (precision-driven, at most ${escapeHtml(formatNumber(p.cap))})`;
}
