import { describe, expect, it } from 'vitest';
import { xmlText } from '../../../../experiments/report/xlsx/xml-text.js';

describe('xmlText', () => {
  it('escapes markup, so a plan named <b>&"x" is shown as written', () => {
    expect(xmlText('<b>&"x"')).toBe('&lt;b&gt;&amp;&quot;x&quot;');
  });

  it('keeps tabs, newlines, accents and emoji (a surrogate pair) as they are', () => {
    expect(xmlText('a\tb\nc\r\u00e9\u{1F600}')).toBe('a\tb\nc\r\u00e9\u{1F600}');
  });

  it('shows what XML cannot hold (a control character, a lone surrogate) as U+FFFD instead of breaking the file', () => {
    expect(xmlText('bell\u0007 nul\u0000 lone\uD800 low\uDC00 end')).toBe('bell\uFFFD nul\uFFFD lone\uFFFD low\uFFFD end');
  });
});
