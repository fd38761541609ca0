import { deadlineSpan, deadlineStatement } from './format.js';
import type { ReportData, ReportHeader, ReportPlan } from './report-data.js';

/**
 * A plan's patch may set a deadline of its own, which its chance on time counts against; the
 * header's is the first plan's. These say which deadline a figure of the report is at.
 */

type Plans = Pick<ReportData, 'header' | 'plans'>;

/** A plan's own deadline; report data of runs before plans kept one has only the header's. */
export function deadlineOf(plan: Pick<ReportPlan, 'deadlineHours'>, header: ReportHeader): number | null {
  return plan.deadlineHours === undefined ? header.deadlineHours : plan.deadlineHours;
}

/** How long after the start a plan's deadline is: "8 weeks", "3 days". */
export function planDeadlineSpan(plan: Pick<ReportPlan, 'deadlineHours'>, header: ReportHeader): string {
  return deadlineSpan({ ...header, deadlineHours: deadlineOf(plan, header) });
}

/** Whether the plans' deadlines are not all the header's: headings then say "each plan's deadline" and tables name each. */
export function deadlinesDiffer({ header, plans }: Plans): boolean {
  return plans.some((p) => deadlineOf(p, header) !== header.deadlineHours);
}

/** Whether any plan has a deadline, so that figures at the deadline exist. */
export function anyDeadline({ header, plans }: Plans): boolean {
  return header.deadlineHours !== null || plans.some((p) => deadlineOf(p, header) !== null);
}

/** The deadline a heading names: "the deadline (8 weeks)", or "each plan's deadline" when they differ. */
export function deadlinePhrase(data: Plans): string {
  return deadlinesDiffer(data) ? "each plan's deadline" : `the deadline (${deadlineSpan(data.header)})`;
}

/** The latest of the plans' deadlines (null: none has one), for the end of a weeks axis. */
export function latestDeadline({ header, plans }: Plans): number | null {
  const hours = [header.deadlineHours, ...plans.map((p) => deadlineOf(p, header))].filter((h): h is number => h !== null);
  return hours.length === 0 ? null : Math.max(...hours);
}

/**
 * The plans' deadlines other than the header's, each with the plans that have it, in plan
 * order: `[{ hours: 1176, plans: ['fast'] }]`.
 */
export function otherDeadlines({ header, plans }: Plans): Array<{ hours: number | null; plans: string[] }> {
  const out: Array<{ hours: number | null; plans: string[] }> = [];
  for (const p of plans) {
    const hours = deadlineOf(p, header);
    if (hours === header.deadlineHours) continue;
    const same = out.find((d) => d.hours === hours);
    if (same === undefined) out.push({ hours, plans: [p.name] });
    else same.plans.push(p.name);
  }
  return out;
}

/** '"fast"', 'plans "a", "b"': the plans a deadline is named for. */
export function plansPhrase(names: string[]): string {
  return `${names.length === 1 ? 'plan' : 'plans'} ${names.map((n) => `"${n}"`).join(', ')}`;
}

/** The header's statement of the other deadlines: '; plan "fast": 7 weeks after the start: the end of ...', or '' when every plan has the header's. */
export function otherDeadlinesStatement(data: Plans): string {
  return otherDeadlines(data)
    .map((d) => `; ${plansPhrase(d.plans)}: ${d.hours === null ? 'none' : deadlineStatement({ ...data.header, deadlineHours: d.hours })}`)
    .join('');
}
