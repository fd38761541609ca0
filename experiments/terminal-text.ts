/**
 * Characters a terminal acts on instead of showing, or that reorder or hide what follows: C0
 * and C1 controls (ESC starts colour and cursor sequences, U+009B is a one-byte CSI), DEL, line
 * and paragraph separators, zero-width and bidirectional formatting marks ("Trojan Source",
 * CVE-2021-42574), a byte-order mark, and halves of a surrogate pair standing alone. Messages
 * quote file names, option values and file contents, so every line labelsim prints about them
 * passes through here.
 */
// eslint-disable-next-line no-control-regex
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One unprintable character spelled as a JSON-style escape: ESC is `\u001b`, a newline `\u000a`. */
export const escapeCharacter = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every unprintable character escaped (no length cap). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeCharacter);
}
