import type { AnnotateStage, ModelConfig } from './config.js';

/**
 * What `check` and `run` say about classes that cannot do what the file seems to expect: classes
 * on a work type whose labels are never compared (no consensus: nothing to agree on, and no
 * agreement figures), and a wrongAgreement that classes override.
 */
export function classWarnings(config: ModelConfig): string[] {
  const warnings: string[] = [];
  for (const w of config.work) {
    if (w.classes === undefined) continue;
    const annotate = config.stages.find((s) => s.name === w.workflow[0]) as AnnotateStage;
    // Classes a guideline change targets are what it relabels by: they need no consensus to matter.
    const targeted = (config.guidelines?.changes ?? []).some((c) => c.relabel.kind === 'classes' && c.types.includes(config.work.indexOf(w)));
    if (annotate.labels <= 1 && !targeted) {
      warnings.push(`work type "${w.name}" declares classes, but stage "${annotate.name}" asks for one label: no labels are compared, so there is no agreement to report`);
    } else if (annotate.wrongAgreement > 0) {
      warnings.push(`stage "${annotate.name}" sets wrongAgreement, which work type "${w.name}" ignores: with classes, wrong labels agree as the confusion pattern makes them`);
    }
  }
  return warnings;
}
