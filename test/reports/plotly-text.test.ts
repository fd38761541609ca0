import { describe, expect, it } from 'vitest';
import { escapePlotlyText, plotlyMarkup, plotlyValue } from '../../reports/plotly-text.js';
import { renderReport } from '../../reports/render-report.js';
import { figuresOf } from './html.js';
import { HOSTILE, hostileReportData, LINK } from './hostile-fixture.js';

describe('escapePlotlyText', () => {
  it('writes <, > and & as entities, so Plotly shows a link or bold tag as its characters', () => {
    expect(escapePlotlyText(LINK)).toBe('&lt;a href="https://example.com"&gt;x&lt;/a&gt;');
    expect(escapePlotlyText('<b>AT&T</b><br>')).toBe('&lt;b&gt;AT&amp;T&lt;/b&gt;&lt;br&gt;');
  });

  it('escapes an entity already in the text, so it reads as written', () => {
    expect(escapePlotlyText('&lt; &#37;')).toBe('&amp;lt; &amp;#37;');
  });

  it('keeps a hover template field from being filled in, and leaves other percent signs alone', () => {
    expect(escapePlotlyText('100% sure %{y} %{customdata[0]}')).toBe('100% sure &#37;{y} &#37;{customdata[0]}');
  });

  it('leaves text without markup unchanged', () => {
    expect(escapePlotlyText('vendor-a / sample=5% "quoted" \'single\'')).toBe('vendor-a / sample=5% "quoted" \'single\'');
  });
});

describe('plotlyMarkup', () => {
  it('keeps the report\'s own markup and escapes every value put into it', () => {
    const name = `${LINK} %{y}`;
    expect(plotlyMarkup`${name}: %{y:.0%} finished<extra></extra>`.markup).toBe('&lt;a href="https://example.com"&gt;x&lt;/a&gt; &#37;{y}: %{y:.0%} finished<extra></extra>');
  });

  it('puts markup inside markup as it is, and numbers as their digits', () => {
    const inner = plotlyMarkup`<br>${'<i>'}`;
    expect(plotlyMarkup`${3}${inner}`.markup).toBe('3<br>&lt;i&gt;');
    expect(JSON.stringify({ t: inner })).toBe('{"t":"<br>&lt;i&gt;"}');
  });
});

describe('plotlyValue', () => {
  it('escapes every string of nested traces and layout, unwraps markup, and keeps numbers, booleans and nulls', () => {
    const value = { name: '<b>x</b>', x: ['a&b', 1, null], layout: { title: { text: '<br>' }, showlegend: true }, hovertemplate: plotlyMarkup`%{x}<extra></extra>` };
    expect(plotlyValue(value)).toEqual({ name: '&lt;b&gt;x&lt;/b&gt;', x: ['a&amp;b', 1, null], layout: { title: { text: '&lt;br&gt;' }, showlegend: true }, hovertemplate: '%{x}<extra></extra>' });
  });
});

describe('the figures of a report whose names carry markup', () => {
  const figures = figuresOf(renderReport(hostileReportData()));
  const strings: Array<{ where: string; text: string }> = [];
  const collect = (where: string, v: unknown): void => {
    if (typeof v === 'string') strings.push({ where, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => collect(`${where}[${i}]`, x));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(`${where}.${k}`, x);
  };
  for (const [id, f] of Object.entries(figures)) (collect(`${id}.data`, f.data), collect(`${id}.layout`, f.layout));

  it('carry no markup from a name in any string: names, categories, ticks, titles, labels or hover templates', () => {
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.filter((s) => /<a\b|<b>|<br>(?!<span)|%\{y\} co/.test(s.text))).toEqual([]);
  });

  it('carry every name as escaped text, where Plotly shows it as written', () => {
    const all = strings.map((s) => s.text);
    for (const name of [...HOSTILE.plans, ...HOSTILE.pools, HOSTILE.stage, HOSTILE.activity, HOSTILE.sensitivityLabel, HOSTILE.sweepParameter, ...HOSTILE.sweepValues]) {
      expect(all.some((t) => t.includes(escapePlotlyText(name))), name).toBe(true);
    }
  });
});
