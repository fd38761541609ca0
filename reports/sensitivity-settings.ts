import { formatPercent } from './format.js';
import type { SensitivitySetting } from './report-data.js';

/**
 * The settings a sensitivity lever ran, in words: "annotators 2 .. 4 (plan 3), reviewers 1
 * (unchanged)". A headcount in whole people, a share in percent. Shown beside the study's
 * figures because "-20% headcount" of 3 people is 2 of them (-33%), and of 1 person is still 1.
 */
export function settingsText(parameter: string, settings: SensitivitySetting[]): string {
  const value = (x: number) => (parameter === 'headcount' ? String(x) : formatPercent(x, 1));
  return settings
    .map((s) => (s.low === s.base && s.high === s.base ? `${s.name} ${value(s.base)} (unchanged)` : `${s.name} ${value(s.low)} .. ${value(s.high)} (plan ${value(s.base)})`))
    .join(', ');
}

/** Whether a lever's settings moved by other than the study's change anywhere (rounding to whole people, a share capped at 100%). */
export function movedInexactly(settings: SensitivitySetting[], change: number): boolean {
  const off = (from: number, to: number, f: number) => Math.abs(to - from * f) > 1e-9 * Math.max(1, from);
  return settings.some((s) => off(s.base, s.low, 1 - change) || off(s.base, s.high, 1 + change));
}
