/**
 * Quotes a word for a POSIX shell, so a printed command can be pasted as it is: plain words stay
 * as they are, others go in single quotes (inside which only ' itself needs care), and a word
 * with control characters in bash's $'...' form, which spells them as escapes instead of sending
 * them raw to the terminal.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\/.,:=@%+-]+$/.test(word)) return word;
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f-\u009f]/.test(word)) return `'${word.replace(/'/g, `'\\''`)}'`;
  let out = '';
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (c < 0x80 && (c < 0x20 || c === 0x7f)) out += `\\x${c.toString(16).padStart(2, '0')}`;
    // A C1 control is two bytes in UTF-8: \u writes both, where \x would write one invalid byte.
    else if (c >= 0x80 && c <= 0x9f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `$'${out}'`;
}

/** A command line of words, each quoted as it needs. */
export function shellCommand(words: string[]): string {
  return words.map(shellQuote).join(' ');
}
