import type { z } from 'zod';
import { ExperimentError, describeValue, joinPath, valueAt, type PathSegment } from './errors.js';
import { KNOWN_FIELDS_MARK } from './schema.js';

type Issue = z.core.$ZodIssue;

/** Messages for issues of schemas without their own (rare: every schema in schema.ts has one). */
export function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    const names: Record<string, string> = {
      number: 'a number',
      string: 'text',
      boolean: 'true or false',
      object: 'a mapping',
      array: 'a list',
      record: 'a mapping',
    };
    return names[issue.expected] ?? issue.expected;
  }
  return undefined;
}

/**
 * Turns the issues of a failed zod parse into one ExperimentError: the first unknown field if
 * there is one (a typo also makes the real field look missing, and the typo is the thing to fix),
 * otherwise the first issue.
 *
 * @param input - the value that was parsed, to show what was found
 * @param prefix - formatted path of `input` inside the file ('' for the document root)
 */
export function issuesToError(issues: readonly Issue[], input: unknown, file: string, prefix = ''): ExperimentError {
  return issueToError(pickIssue(issues), input, file, prefix, []);
}

function pickIssue(issues: readonly Issue[]): Issue {
  return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}

function issueToError(issue: Issue, input: unknown, file: string, prefix: string, base: PathSegment[]): ExperimentError {
  const path: PathSegment[] = [...base, ...(issue.path as PathSegment[])];
  const field = joinPath(prefix, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const known = issue.message.startsWith(KNOWN_FIELDS_MARK) ? issue.message.slice(KNOWN_FIELDS_MARK.length).split(', ') : [];
      const suggestion = closest(key, known);
      const expected =
        suggestion !== null
          ? `a known field (did you mean ${suggestion}?)`
          : known.length > 0
            ? `one of the fields ${known.join(', ')}`
            : 'a known field';
      return new ExperimentError(file, joinPath(prefix, [...path, key]), expected, `unknown field ${JSON.stringify(key)}`);
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const expected = issue.issues[0]?.message ?? issue.message;
      return new ExperimentError(file, field, expected, `the name ${JSON.stringify(String(key))}`);
    }
    case 'invalid_union': {
      if (issue.errors.length > 0) {
        const branch = issue.errors.find((branchIssues) => fits(branchIssues, valueAt(input, path)));
        if (branch !== undefined) return issueToError(pickIssue(branch), input, file, prefix, path);
      }
      return new ExperimentError(file, field, issue.message, describeValue(valueAt(input, path)));
    }
    default:
      return new ExperimentError(file, field, issue.message, describeValue(valueAt(input, path)));
  }
}

/**
 * Whether a union branch is the one the user meant: its complaints are about details inside
 * the value, not about the value's shape (wrong type, unknown or missing top-level keys).
 */
function fits(issues: readonly Issue[], value: unknown): boolean {
  return issues.every((issue) => {
    if (issue.path.length === 0) {
      return !['invalid_type', 'unrecognized_keys', 'invalid_value', 'invalid_union'].includes(issue.code);
    }
    if (issue.path.length === 1 && issue.code === 'invalid_type') return valueAt(value, issue.path as PathSegment[]) !== undefined;
    return true;
  });
}

/** The known field closest to a misspelt one, if it is close enough to be a likely typo. */
export function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.min(3, Math.floor(best.length / 3))) ? best : null;
}

/** Optimal-string-alignment distance: edits, with a swap of neighbours counting as one. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 100 || b.length > 100) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
