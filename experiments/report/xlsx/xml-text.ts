/**
 * What XML 1.0 cannot hold at all: C0 controls but tab, newline and return; U+FFFE and U+FFFF;
 * and a surrogate that is not half of a pair.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as XML character data or an attribute value: markup escaped, and what XML cannot carry
 * shown as U+FFFD instead of making the file unreadable.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(MARKUP, (c: string) => ENTITY[c]);
}
