/**
 * Plotly draws every text it is given (trace names, tick labels, titles, annotations, point and
 * hover labels) as its own pseudo-HTML: `<a href>` becomes a live link, `<b>` bold, `<br>` a line
 * break, and it decodes entities such as `&lt;` (and `&#37;`, but not `&quot;`). Hover templates
 * also substitute `%{...}` fields. Free text from an experiment file (a plan, pool, stage or cost
 * line name) must therefore reach Plotly escaped, as it reaches the HTML escaped.
 *
 * The rule is applied in one place, `plotlyFigure` (figure.ts), to every string of every figure
 * the page draws: plain strings are text and are escaped; the few strings that are meant as Plotly markup
 * (hover templates, the two-line week ticks) are written with the `plotlyMarkup` template tag,
 * which escapes what is interpolated into them. A chart that forgets the tag shows its markup
 * as literal text, which a test or a reader notices; it never turns a name into a link.
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '%': '&#37;' };

/** Text as Plotly shows it literally: `<`, `>` and `&` as entities, and the `%` of a `%{` template field as `&#37;`. */
export function escapePlotlyText(text: string): string {
  return text.replace(/[&<>]|%(?=\{)/g, (c) => ENTITY[c]);
}

/** A string of Plotly markup written by the report, whose interpolated values were escaped. */
export class PlotlyMarkup {
  constructor(readonly markup: string) {}

  toJSON(): string {
    return this.markup;
  }
}

/**
 * Plotly markup from a template literal: the literal parts are the report's own markup
 * (`<extra></extra>`, `<br>`, `%{y:.0%}`), every interpolated value is text and is escaped,
 * unless it is itself `PlotlyMarkup`.
 */
export function plotlyMarkup(parts: TemplateStringsArray, ...values: unknown[]): PlotlyMarkup {
  let out = parts[0];
  values.forEach((v, i) => {
    out += (v instanceof PlotlyMarkup ? v.markup : escapePlotlyText(String(v))) + parts[i + 1];
  });
  return new PlotlyMarkup(out);
}

/** A figure's traces or layout with every plain string escaped and every `PlotlyMarkup` unwrapped. */
export function plotlyValue(value: unknown): unknown {
  if (typeof value === 'string') return escapePlotlyText(value);
  if (value instanceof PlotlyMarkup) return value.markup;
  if (Array.isArray(value)) return value.map(plotlyValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plotlyValue(v)]));
  return value;
}
