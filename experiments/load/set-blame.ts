import { ExperimentError, formatPath } from './errors.js';

/**
 * An error of a document with `--set` values written over it, put on the override that caused
 * it: a user who searches the file for a field the error names (`headcont`) does not find it
 * there. The error is the file's own when the file alone fails the same way (`fileAlone` rethrows
 * what loading it without the overrides throws); otherwise it names the overrides whose path
 * holds the field at fault or lies inside it (all of them when none does), and the field when it
 * is not the override's own: `--set pools.a.learning (at pools.a.learning.initialFactor)`.
 */
export function blameSets(error: ExperimentError, sets: ReadonlyArray<{ path: string }>, fileAlone: () => unknown): ExperimentError {
  // Already an override's: a path into the file that is no path (experiment.ts assignPath).
  if (error.field.startsWith('--set ')) return error;
  try {
    fileAlone();
  } catch (alone) {
    if (alone instanceof ExperimentError && alone.message === error.message) return error;
  }
  const paths = sets.map((s) => formatPath(s.path.split('.')));
  const holds = (outer: string, inner: string) => outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  const related = sets.filter((_, i) => holds(paths[i], error.field) || holds(error.field, paths[i]));
  const named = related.length > 0 ? related : sets;
  const flags = named.map((s) => `--set ${s.path}`).join(', ');
  const own = named.length === 1 && formatPath(named[0].path.split('.')) === error.field;
  return new ExperimentError(error.file, own ? flags : `${flags} (at ${error.field === '' ? 'the whole document' : error.field})`, error.expected, error.got);
}
