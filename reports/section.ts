import { escapeHtml } from './format.js';
import type { Figure } from './figure.js';
import { activityStyles, colorFor, dashFor, symbolFor, type ActivityStyle } from './palette.js';
import type { ReportData, ReportPlan } from './report-data.js';

/** One part of the report: its HTML (with plot containers) and the figures those containers draw. */
export interface Section {
  id: string;
  title: string;
  html: string;
  figures: Figure[];
}

/** What every section is given: the data, and the plan colours and activity styles so a plan or a cost line looks the same in every chart. */
export interface ReportContext {
  data: ReportData;
  currency: string;
  colorOf: (plan: string) => string;
  /** Line dash of a plan: solid unless there are more plans than colours. */
  dashOf: (plan: string) => string;
  /** Marker shape of a plan: a circle unless there are more plans than colours. */
  symbolOf: (plan: string) => string;
  /** Colour and pattern of a cost activity, the same in every chart that stacks costs. */
  activityStyleOf: (activity: string) => ActivityStyle;
}

export function reportContext(data: ReportData): ReportContext {
  const index = new Map(data.plans.map((p, i) => [p.name, i]));
  return {
    data,
    currency: data.header.currency,
    colorOf: (plan) => colorFor(index.get(plan) ?? 0),
    dashOf: (plan) => dashFor(index.get(plan) ?? 0),
    symbolOf: (plan) => symbolFor(index.get(plan) ?? 0),
    // Every cost line of the report, in order of first appearance: lines a file names take their style by this order, whichever chart draws them.
    activityStyleOf: activityStyles(data.plans.flatMap((p) => [...Object.keys(p.cost.byActivity), ...(p.quality?.costPerAccurate ?? []).map((l) => l.activity)])),
  };
}

/** A table cell: plain text (escaped here) or ready HTML. */
export type Cell = string | { html: string; className?: string; title?: string };

/** A table with a header row; numeric columns (by index) are right-aligned. */
export function table(headers: string[], rows: Cell[][], opts: { numeric?: number[]; caption?: string; className?: string } = {}): string {
  const numeric = new Set(opts.numeric ?? []);
  const cell = (tag: 'td' | 'th', c: Cell, i: number) => {
    const classes = [numeric.has(i) ? 'num' : '', typeof c === 'string' ? '' : (c.className ?? '')].filter(Boolean).join(' ');
    const attrs = `${classes ? ` class="${classes}"` : ''}${typeof c !== 'string' && c.title ? ` title="${escapeHtml(c.title)}"` : ''}`;
    return `<${tag}${attrs}>${typeof c === 'string' ? escapeHtml(c) : c.html}</${tag}>`;
  };
  const head = `<thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell(i === 0 ? 'th' : 'td', c, i)).join('')}</tr>`).join('')}</tbody>`;
  const caption = opts.caption ? `<caption>${escapeHtml(opts.caption)}</caption>` : '';
  // The cue shows (set by the page's script) only while the table is wider than the page and scrolls sideways.
  return `<p class="scroll-cue" aria-hidden="true">Wider than the page: scroll the table sideways for more columns →</p><div class="table-wrap"><table${opts.className ? ` class="${opts.className}"` : ''}>${caption}${head}${body}</table></div>`;
}

/** A plan's name with its colour swatch, for tables. */
export function planLabel(ctx: ReportContext, plan: ReportPlan | string): Cell {
  const name = typeof plan === 'string' ? plan : plan.name;
  return { html: `<span class="swatch" style="background:${ctx.colorOf(name)}"></span>${escapeHtml(name)}` };
}

export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
}
