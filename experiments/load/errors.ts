/**
 * A problem with an experiment file, phrased so the user can fix it: which file, which field
 * (a path from the document root such as `stages.review.sample` or `pools.a.shifts[0].end`, or
 * '' for the whole file), what was expected and, when known, what was found.
 */
export class ExperimentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly expected: string,
    readonly got?: string,
  ) {
    super(formatMessage(file, field, expected, got));
    this.name = 'ExperimentError';
  }
}

function formatMessage(file: string, field: string, expected: string, got: string | undefined): string {
  const where = field === '' ? `${file}: ` : `${file}: ${field}: `;
  const text = `${where}expected ${expected}${got ? `, got ${got}` : ''}`;
  // One line, whatever the inputs contain.
  return text.replace(/[\r\n]+/g, ' ');
}

/** One step of a field path: an object key or an array index. */
export type PathSegment = string | number;

/** `stages.review.sample`, `pools.a.shifts[0].end`; keys that are not plain words are quoted: `costs.fixed["gold set"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Joins a field prefix (already formatted) and a relative path. */
export function joinPath(prefix: string, path: readonly PathSegment[]): string {
  const rest = formatPath(path);
  if (prefix === '') return rest;
  if (rest === '') return prefix;
  return rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`;
}

/** A short, one-line description of a value for the "got" part of a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
      return JSON.stringify(shown);
    }
    case 'number':
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}`;
    default:
      break;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty mapping';
    const shown = keys.slice(0, 3).map((k) => (/^[A-Za-z0-9_-]{1,30}$/.test(k) ? k : JSON.stringify(k.slice(0, 30))));
    return `a mapping with ${shown.join(', ')}${keys.length > 3 ? ', ...' : ''}`;
  }
  return typeof value;
}

/** The value at `path` inside `root`, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
