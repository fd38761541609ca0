import type { ModelConfig } from './config.js';

/**
 * What `check` and `run` say about guideline changes that cannot do what the file seems to
 * expect: a change at or after the deadline (its relabelling can only make the project late),
 * a targeting that untracked versions override, and a change that relabels nothing.
 */
export function guidelineWarnings(config: ModelConfig): string[] {
  const g = config.guidelines;
  if (g === undefined) return [];
  const warnings: string[] = [];
  const deadline = config.deadlineHours;
  for (const c of g.changes) {
    if (deadline !== null && c.when.kind === 'at' && c.when.hours >= deadline) {
      warnings.push(`guideline change "${c.name}" takes effect at ${hours(c.when.hours)}, at or after the deadline (${hours(deadline)}): what it sends back is relabelled after the deadline`);
    }
    if (!g.tracked && c.relabel.kind !== 'all') {
      warnings.push(`guideline change "${c.name}" targets ${c.relabel.kind === 'none' ? 'nothing' : 'some items'}, but versions are not tracked (guidelines.tracked: false): every accepted item is relabelled`);
    } else if (g.tracked && (c.relabel.kind === 'share' || c.relabel.kind === 'classes') && c.relabel.share === 0) {
      warnings.push(`guideline change "${c.name}" relabels a share of 0%: nothing is sent back`);
    }
  }
  return warnings;
}

function hours(h: number): string {
  return h % 168 === 0 ? `${h / 168}w` : `${Number(h.toFixed(2))}h`;
}
