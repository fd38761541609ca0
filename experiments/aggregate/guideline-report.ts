import type { GuidelineReport, PilotReport, Spread } from '../../reports/report-data.js';
import type { Summary } from './summary.js';

type Figure = { p10?: number | null; p50?: number | null; p90?: number | null } | undefined;
const spread = (f: Figure): Spread => ({ p10: f?.p10 ?? null, p50: f?.p50 ?? null, p90: f?.p90 ?? null });

/** The report's guideline changes of a plan, from its summary's `guidelines` section. */
export function guidelineReport(s: Summary['plans'][number]): GuidelineReport[] {
  const g = ('guidelines' in s ? s.guidelines : undefined) as Record<string, Record<string, Figure>> | undefined;
  return Object.entries(g ?? {}).map(([name, c]) => ({
    name,
    atHours: spread(c.atHours),
    relabelItems: spread(c.relabelItems),
    relabelHours: spread(c.relabelHours),
    relabelCost: spread(c.relabelCost),
  }));
}

/** The report's pilot gate of a plan, from its summary's `pilot` section. */
export function pilotReport(s: Summary['plans'][number], target: number): PilotReport | undefined {
  const p = ('pilot' in s ? s.pilot : undefined) as { workType: string; rounds: Figure; openHours: Figure; agreement: Figure; passedShare: number | null; revisionCost: Figure } | undefined;
  if (p === undefined) return undefined;
  return { workType: p.workType, target, rounds: spread(p.rounds), openHours: spread(p.openHours), agreement: spread(p.agreement), passedShare: p.passedShare, revisionCost: spread(p.revisionCost) };
}
