import { escapeCharacter, UNPRINTABLE } from '../terminal-text.js';
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

/**
 * Longest echo of each piece of a message, in characters after escaping. A file can hold a key
 * of megabytes, and echoing it (in the field and again as what was found) made a "line" of
 * megabytes; a name list in `expected` can be long too (256 pools of 100 characters).
 */
export const MESSAGE_LIMITS = { file: 300, field: 200, expected: 600, got: 200 } as const;

function formatMessage(file: string, field: string, expected: string, got: string | undefined): string {
  const f = shown(file, MESSAGE_LIMITS.file);
  const where = field === '' ? `${f}: ` : `${f}: ${shown(field, MESSAGE_LIMITS.field)}: `;
  // One line whatever the inputs hold: shown() escapes line breaks with the other controls.
  return `${where}expected ${shown(expected, MESSAGE_LIMITS.expected)}${got ? `, got ${shown(got, MESSAGE_LIMITS.got)}` : ''}`;
}

/**
 * `text` made safe to print on one line of a terminal: unprintable characters escaped as
 * `\u001b`, and at most `max` characters, the middle given up for ' ... ' (the start and the
 * end of a path or a value are what identify it). Never cuts a character or an escape in two.
 */
export function shown(text: string, max: number): string {
  // Only the two ends can be shown: escape no more of a huge text than they need.
  const budget = max * 2;
  const long = text.length > 2 * budget;
  const head = escapeUnits(long ? text.slice(0, budget) : text);
  const tail = long ? escapeUnits(text.slice(-budget)) : head;
  const length = (units: string[]) => units.reduce((n, u) => n + u.length, 0);
  if (!long && length(head) <= max) return head.join('');
  const room = max - 5;
  const front = take(head, Math.ceil((room * 2) / 3));
  const back = take([...tail].reverse(), room - length(front)).reverse();
  return `${front.join('')} ... ${back.join('')}`;
}

/** Code points of `text`, each escaped if unprintable (so is a surrogate half a slice cut off). */
function escapeUnits(text: string): string[] {
  return Array.from(text, (c) => c.replace(UNPRINTABLE, escapeCharacter));
}

/** The longest prefix of `units` of at most `max` characters in all. */
function take(units: string[], max: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (const u of units) {
    if (n + u.length > max) break;
    out.push(u);
    n += u.length;
  }
  return out;
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
