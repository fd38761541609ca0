import { ACCEPTABLE_ON_TIME, recommend, type Recommendation } from '../decide.js';
import { policyWords, type DecisionPolicy } from '../decision-policy.js';
import { escapeHtml, formatChance, formatDay, formatDuration, formatMoney, formatPercent, formatWeeks, horizonPhrase, plural } from '../format.js';
import { anyDeadline, deadlineOf, deadlinePhrase, planDeadlineSpan } from '../plan-deadlines.js';
import type { ReportHeader, ReportPlan } from '../report-data.js';
import { planLabel, table, type Cell, type ReportContext, type Section } from '../section.js';

/** The sentence a manager reads first about one plan. */
export function verdictLine(plan: ReportPlan, header: ReportHeader): string {
  const parts: string[] = [];
  const money = (x: number | null) => formatMoney(x, header.currency);
  if (header.openEnded) {
    // A pool offered at least its capacity has no steady state: its waits say how long the run was, not how the plan performs.
    const over = plan.pools.filter((p) => p.saturated === true).map((p) => (p.load === null ? `${p.name} has work but no hours` : `${p.name} offered ${formatPercent(p.load, 1)} of capacity`));
    if (over.length > 0) parts.push(`no steady state (${over.join(', ')})`);
    const busiest = [...plan.pools].filter((p) => p.utilization !== null).sort((a, b) => b.utilization! - a.utilization!)[0];
    if (busiest) parts.push(`busiest pool ${busiest.name} at ${formatPercent(busiest.utilization, 0)} utilisation`);
    const longest = [...plan.stages].filter((s) => s.waitMean !== null).sort((a, b) => b.waitMean! - a.waitMean!)[0];
    if (longest) parts.push(`longest mean wait ${formatDuration(longest.waitMean)} at ${longest.name} (p95 ${formatDuration(longest.pooledP95 ?? longest.waitP95)})`);
    if (plan.unitCost.mean !== null && (plan.cost.mean ?? 0) !== 0) parts.push(`${money(plan.unitCost.mean)} per accurate item`);
  } else {
    // A model trained to an accuracy target delivers the model: the finish is the target, the cost what reaching it took.
    const target = plan.training?.target ?? null;
    const cycles = plan.training?.cycleCount ?? null;
    const finish = target === null ? 'finish' : cycles === null ? `reach ${formatPercent(target, 1)} accuracy` : `reach ${formatPercent(target, 1)} accuracy and ${cycles} retrain cycles at it`;
    // The plan's own deadline, which its chance on time counts against.
    if (plan.onTime !== null && deadlineOf(plan, header) !== null) {
      parts.push(
        `${formatChance(plan.onTime.probability)} chance to ${finish} by ${planDeadlineSpan(plan, header)} (95% CI ${formatChance(plan.onTime.low)}–${formatChance(plan.onTime.high)})`,
      );
    }
    const p85Day = plan.completionDays?.p85 ?? null;
    parts.push(plan.completion.p85 === null ? `p85 beyond ${horizonPhrase(header.horizonHours)}` : `p85 at ${formatWeeks(plan.completion.p85)}${p85Day === null ? '' : ` (done ${formatDay(p85Day)})`}`);
    if (target !== null) parts.push(`${money(plan.cost.mean)} to reach it on average`);
    else if (plan.unitCost.mean !== null) parts.push(`${money(plan.unitCost.mean)} per accurate item`);
  }
  let line = `${plan.name}: ${parts.join('; ')}`;
  const notes: string[] = [];
  if (!header.openEnded && plan.notFinished > 0) {
    notes.push(`${plan.notFinished} of ${plan.replications} replications did not finish by ${horizonPhrase(header.horizonHours)}`);
  }
  if (plan.failed > 0) notes.push(`${plural(plan.failed, 'replication')} failed and ${plan.failed === 1 ? 'is' : 'are'} left out`);
  if (notes.length > 0) line += ` (${notes.join('; ')})`;
  return line;
}

/** "Recommended: X — why", or null when there is nothing to choose between. */
export function recommendationLine(plans: ReportPlan[], header: ReportHeader, policy: DecisionPolicy | null = null): string | null {
  if (plans.length < 2) return null;
  // Plans that train a model to an accuracy target compare by what reaching it costs, not per labelled item.
  const costOf = (p: ReportPlan) => (p.training?.target != null ? p.cost.mean : p.unitCost.mean);
  const rec = recommend(
    plans.map((p) => ({ name: p.name, onTime: p.onTime?.probability ?? null, unitCost: costOf(p), ...(p.decisionFigures === undefined ? {} : { figures: p.decisionFigures }) })),
    policy,
  );
  if (rec === null) return null;
  const plan = plans.find((p) => p.name === rec.plan)!;
  if (policy !== null) return `Recommended: ${rec.plan} — ${policyReason(rec, plan, header, policy)}`;
  return `Recommended: ${rec.plan} — ${reason(rec, plan, header)}`;
}

/** Why a policy chose the plan, naming the policy. */
function policyReason(rec: Recommendation, plan: ReportPlan, header: ReportHeader, policy: DecisionPolicy): string {
  const cost = plan.unitCost.mean === null ? 'unit cost unknown' : `${formatMoney(plan.unitCost.mean, header.currency)} per accurate item`;
  const name = `the decision policy "${policyWords(policy, (x) => formatMoney(x, header.currency), formatDuration)}"`;
  if (rec.basis === 'acceptable') {
    return rec.among.length === 1
      ? `the only plan meeting ${name}, at ${cost}.`
      : `the cheapest of the ${rec.among.length} plans meeting ${name} (${cost}).`;
  }
  const missed = (rec.checks ?? []).filter((c) => !c.met).map((c) => TARGET_WORDS[c.target]);
  return `no plan meets ${name}; this one misses the fewest targets (${missed.join(', ')})${rec.among.length > 1 ? `, and is the cheapest of the ${rec.among.length} tied` : ''}, at ${cost}.`;
}

const TARGET_WORDS = { onTime: 'chance on time', serviceLevel: 'service level', timeInSystemP85Hours: 'p85 time in system', residualError: 'residual error', budget: 'budget' } as const;

function reason(rec: Recommendation, plan: ReportPlan, header: ReportHeader): string {
  const toTarget = plan.training?.target != null;
  const cost = toTarget
    ? `${formatMoney(plan.cost.mean, header.currency)} to reach the accuracy target`
    : plan.unitCost.mean === null
      ? 'unit cost unknown'
      : `${formatMoney(plan.unitCost.mean, header.currency)} per accurate item`;
  const chance = formatChance(plan.onTime?.probability);
  const bar = formatPercent(ACCEPTABLE_ON_TIME, 0);
  switch (rec.basis) {
    case 'acceptable':
      return rec.among.length === 1
        ? `the only plan with at least a ${bar} chance to finish on time (${chance}), at ${cost}.`
        : `the cheapest of the ${rec.among.length} plans with at least a ${bar} chance to finish on time (${chance}, ${cost}).`;
    case 'best-chance':
      return `no plan reaches a ${bar} chance to finish on time; this one has the highest (${chance})${rec.among.length > 1 ? `, and is the cheapest of the ${rec.among.length} tied` : ''}, at ${cost}. More capacity or a later deadline is needed to be confident.`;
    case 'cheapest':
    case 'closest':
      return `the lowest ${toTarget ? 'cost' : 'cost per accurate item'} (${cost})${header.deadlineHours === null ? '; the experiment sets no deadline' : ''}.`;
  }
}

/** Verdict per plan, the recommendation, and the capacity check. */
export function verdictSection(ctx: ReportContext): Section {
  const { header, plans } = ctx.data;
  const items = plans.map((p) => {
    const desc = p.description ? `<div class="plan-desc">${escapeHtml(p.description)}</div>` : '';
    return `<li><span class="swatch" style="background:${ctx.colorOf(p.name)}"></span><span class="verdict-text">${escapeHtml(verdictLine(p, header))}</span>${desc}</li>`;
  });
  const rec = recommendationLine(plans, header, ctx.data.decision ?? null);
  const html = [
    `<ul class="verdicts">${items.join('')}</ul>`,
    rec === null ? '' : `<p class="recommendation">${escapeHtml(rec)}</p>`,
    rec === null || ctx.data.decision != null ? '' : `<p class="note">${DEFAULT_POLICY_NOTE}</p>`,
    capacityTable(ctx),
  ].join('\n');
  return { id: 'verdict', title: 'Verdict', html, figures: [] };
}

/** What the recommendation follows when the file sets no decision policy, and how to set one. */
export const DEFAULT_POLICY_NOTE =
  `This is the default decision policy: among the plans whose estimated chance on time is at least ${formatPercent(ACCEPTABLE_ON_TIME, 0)}, the cheapest per accurate item (failing that, the best chance on time). ` +
  'An experiment file can set its own with <code>decision</code>, giving targets for the chance on time, a service level, the p85 time in system, the residual error and a budget, each judged on the estimate or on the unfavourable end of its 95% interval.';

/**
 * Pool load (demand over available hours, no randomness) per plan. Above 100% a project cannot be
 * done in time; open-ended work at 100% or above has no steady state (ReportPlan `saturated`;
 * report data of older runs lack it and are flagged above 100%, as they were).
 */
function capacityTable(ctx: ReportContext): string {
  const { header, plans } = ctx.data;
  const pools: string[] = [];
  for (const p of plans) for (const pool of p.pools) if (!pools.includes(pool.name)) pools.push(pool.name);
  if (pools.length === 0) return '';
  const open = header.openEnded;
  let over = 0;
  // One row per plan, one column per pool: plans outnumber pools when an experiment sweeps a setting.
  const rows: Cell[][] = plans.map((p) => [
    planLabel(ctx, p),
    ...pools.map((name): Cell => {
      const pool = p.pools.find((x) => x.name === name);
      const load = pool?.load ?? null;
      if (load === null) return '—';
      if (pool?.saturated ?? load > 1) {
        over++;
        return open
          ? { html: `<strong>${escapeHtml(formatPercent(load, 0))}</strong> <span class="flag">no steady state</span>`, className: 'over', title: 'Work arrives at least as fast as the pool can do it: its queue grows without bound' }
          : { html: `<strong>${escapeHtml(formatPercent(load, 0))}</strong> <span class="flag">over capacity</span>`, className: 'over', title: 'Demand exceeds the hours available even with no randomness' };
      }
      return formatPercent(load, 0);
    }),
  ]);
  const until = open || !anyDeadline(ctx.data) ? 'over the horizon' : `up to ${deadlinePhrase(ctx.data)}`;
  const subject = over === 1 ? 'One pool is' : `${over} pools are`;
  const their = over === 1 ? 'its plan' : 'their plans';
  const note =
    over === 0
      ? ''
      : open
        ? `<p class="warning">${subject} offered at least ${over === 1 ? 'its' : 'their'} capacity in ${their}: ${over === 1 ? 'its queue grows' : 'their queues grow'} without bound, so ${over === 1 ? 'the plan has' : 'those plans have'} no steady state and ${over === 1 ? 'its' : 'their'} waits depend on the horizon.</p>`
        : `<p class="warning">${subject} loaded above 100% in ${their}: the work cannot be done in time even if nothing goes wrong.</p>`;
  const reading = open
    ? 'At 100% or above the queue grows without bound: there is no steady state, and the waits depend on how long the run was.'
    : 'Above 100% the pool cannot finish in time even at its average pace.';
  return [
    '<h3>Capacity check</h3>',
    `<p class="note">Load = hours of work the pool must do / hours its people are on shift less their expected absences, ${escapeHtml(until)}, with no randomness. ${reading}</p>`,
    table(['Plan', ...pools.map((name) => `${name} load`)], rows, { numeric: pools.map((_, i) => i + 1) }),
    note,
  ].join('\n');
}
