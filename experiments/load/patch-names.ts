import { ExperimentError, joinPath } from './errors.js';
import { closest } from './issues.js';

/**
 * What a new entry of a patched section must have, and how to say it. (schema.ts: a pool needs
 * pay and either headcount with shifts or crews; a stage its kind, pool and handling.) A work
 * type needs nothing, every field having a default, so a new one near the name of one the file
 * has must name its workflow to be told from a misspelt one (`frams: { count: 1000 }` would
 * otherwise add a thousand items of a type nobody meant).
 */
const NEW_ENTRY: Record<string, { noun: string; needs: string; complete: (entry: Record<string, unknown>) => boolean }> = {
  pools: {
    noun: 'pool',
    needs: 'headcount, shifts and pay (or crews and pay)',
    complete: (e) => e.pay !== undefined && ((e.headcount !== undefined && e.shifts !== undefined) || e.crews !== undefined),
  },
  stages: { noun: 'stage', needs: 'kind, pool and handling', complete: (e) => e.kind !== undefined && e.pool !== undefined && e.handling !== undefined },
  work: { noun: 'work type', needs: 'its workflow', complete: (e) => e.workflow !== undefined },
};

const isMapping = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * A patch's pool, stage or work type that the file lacks, whose name is one edit or so from one it has, and
 * that lacks a field a new entry needs, is a typo (`pools: { anotators: { headcount: 6 } }`):
 * refused by name, where validating the merged document would blame the field the accidental new
 * entry lacks (`...anotators.pay: expected a pay model, got nothing`). A complete new entry is a
 * new entry, however near its name (`annotators-b`).
 *
 * @param document - the file's model fields as written, which the patch is merged into
 * @param prefix - the patch's path in the file: `plans.<name>.patch`
 */
export function checkPatchNames(patch: Record<string, unknown>, document: Record<string, unknown>, file: string, prefix: string): void {
  for (const [section, rule] of Object.entries(NEW_ENTRY)) {
    const entries = patch[section];
    const known = isMapping(document[section]) ? Object.keys(document[section]) : [];
    if (!isMapping(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      if (known.includes(name) || !isMapping(entry) || rule.complete(entry)) continue;
      const guess = closest(name, known);
      if (guess === null) continue;
      throw new ExperimentError(
        file,
        joinPath(prefix, [section, name]),
        `one of the file's ${section === 'work' ? 'work types' : section} (did you mean ${guess}?), or a new ${rule.noun} with ${rule.needs}`,
        `${JSON.stringify(name)}, which the file lacks`,
      );
    }
  }
}
