import { escapeCharacter, UNPRINTABLE } from '../terminal-text.js';

export { printable } from '../terminal-text.js';

/**
 * The line the command line prints for an error. Messages quote what users typed and what files
 * hold (file names, option values), so they may carry control characters (a newline would break
 * the promise of one line; an escape sequence would drive the terminal) and be of any length.
 */

/** Longest line printed, in UTF-16 code units, the ellipsis included. */
export const MAX_ERROR_LINE = 2000;

const ELLIPSIS = '\u2026';

/** One character as it is printed: itself, or an escape such as \u001b. */
const printed = (ch: string): string => ch.replace(UNPRINTABLE, escapeCharacter);

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
