import type { Figure } from '../../reports/figure.js';

/** The plot containers of a report page: id and the trace count it promises. */
export function plotContainers(html: string): Array<{ id: string; traces: number }> {
  return [...html.matchAll(/<div class="plot[^"]*" data-plot="([^"]+)" data-traces="(\d+)"/g)].map((m) => ({ id: m[1], traces: Number(m[2]) }));
}

/** The JSON embedded in `<script type="application/json" id="...">`. */
export function embeddedJson<T>(html: string, id: string): T {
  const m = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  if (m === null) throw new Error(`no script#${id}`);
  return JSON.parse(m[1]) as T;
}

export const figuresOf = (html: string) => embeddedJson<Record<string, Figure>>(html, 'report-figures');

/** Section ids in page order. */
export function sectionIds(html: string): string[] {
  return [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
}

/** The page's visible text, roughly: tags dropped, entities decoded, scripts and styles removed. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
