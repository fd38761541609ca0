/**
 * The line the command line prints for an error. Messages quote what users typed and what files
 * hold (file names, option values), so they may carry control characters (a newline would break
 * the promise of one line; an escape sequence would drive the terminal) and be of any length.
 */

/** Longest line printed, in UTF-16 code units, the ellipsis included. */
export const MAX_ERROR_LINE = 2000;

const ELLIPSIS = '\u2026';
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Control characters (C0, DEL, C1), the Unicode line and paragraph separators, and the bidi
 * embeddings, overrides and isolates that reorder what a terminal shows ("Trojan Source",
 * CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** One character as it is printed: itself, or an escape such as \n, \x1b or \u202e. */
function printed(ch: string): string {
  if (!UNPRINTABLE.test(ch)) return ch;
  const c = ch.charCodeAt(0);
  return NAMED[ch] ?? (c < 0x80 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`);
}

/** Escapes what a terminal would act on, without capping the length (for paths in progress lines). */
export function printable(text: string): string {
  return UNPRINTABLE.test(text) ? Array.from(text, printed).join('') : text;
}

/** `text` escaped and cut to `max` code units, never inside an escape or a surrogate pair. */
export function errorLine(text: string, max = MAX_ERROR_LINE): string {
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const piece = printed(chars[i]);
    const room = i === chars.length - 1 ? max : max - ELLIPSIS.length;
    if (out.length + piece.length > room) return out + ELLIPSIS;
    out += piece;
  }
  return out;
}
