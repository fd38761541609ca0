import { createHash } from 'node:crypto';
import { canonicalJson } from '../load/index.js';

/** A `--set path=value` override, the value as YAML read it. */
export interface Override {
  path: string;
  value: unknown;
}

/** An override as people read it: `pools.annotators.headcount=16`, the value as JSON (strings quoted). */
export function overrideText(o: Override): string {
  return `${o.path}=${JSON.stringify(o.value)}`;
}

/**
 * The name of a run's result folder. A run with --set overrides is another experiment than the
 * file says, so it never replaces the file's own result: it goes to `<name>.set-<8 hex>`, the
 * hex from the overrides in their order (the same overrides reach the same folder, so --resume
 * and merge find it), and its manifest and report name the overrides.
 */
export function resultName(experiment: string, overrides: readonly Override[] | undefined): string {
  if (overrides === undefined || overrides.length === 0) return experiment;
  const hash = createHash('sha256').update(canonicalJson(overrides.map((o) => [o.path, o.value]))).digest('hex');
  return `${experiment}.set-${hash.slice(0, 8)}`;
}
