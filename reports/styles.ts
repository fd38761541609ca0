import { INK } from './palette.js';
import { FONT_FAMILY } from './figure.js';

/** The page's CSS: system fonts only (nothing fetched), readable on a laptop and at 800 px, printed as full A4 pages. */
export const REPORT_CSS = `
:root { --text: ${INK.text}; --muted: ${INK.muted}; --rule: #d9d9d9; --warn: ${INK.warning}; --band: #f6f7f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: ${FONT_FAMILY}; color: var(--text); background: #ffffff; line-height: 1.45; font-size: 15px; }
main.report { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--muted); }
h1 { margin: 2px 0 6px; font-size: 28px; line-height: 1.2; }
h2 { margin: 0 0 12px; font-size: 21px; border-bottom: 2px solid var(--text); padding-bottom: 4px; }
h3 { margin: 22px 0 8px; font-size: 16px; }
p { margin: 8px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; background: var(--band); padding: 1px 4px; border-radius: 3px; }
.description { font-size: 16px; margin: 0 0 14px; max-width: 110ch; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 6px 18px; margin: 0; padding: 12px 14px; background: var(--band); border-radius: 6px; }
.facts div { min-width: 0; }
.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
nav.toc { margin: 16px 0 4px; font-size: 14px; display: flex; flex-wrap: wrap; gap: 4px 14px; }
nav.toc a { color: var(--text); text-decoration: none; border-bottom: 1px solid var(--rule); white-space: nowrap; }
section.report-section { margin-top: 34px; }
.note { color: var(--muted); font-size: 14px; max-width: 95ch; }
.warning { color: var(--warn); font-weight: 600; }
.verdicts { list-style: none; padding: 0; margin: 0; }
.verdicts li { padding: 8px 0; border-bottom: 1px solid var(--rule); }
.verdict-text { font-weight: 600; }
.plan-desc { color: var(--muted); font-size: 13px; margin-left: 20px; }
.recommendation { margin: 14px 0; padding: 10px 14px; border-left: 4px solid #009E73; background: #eef8f4; font-weight: 600; }
ul.plain { list-style: none; padding: 0; }
ul.plain li { margin: 4px 0; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 7px; vertical-align: baseline; }
.table-wrap { overflow-x: auto; margin: 10px 0 6px; position: relative;
  /* Scroll shadows: a grey edge shows on the side where more columns are hidden, and goes when scrolled to that end. */
  background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left / 40px 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right / 40px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,0.22), rgba(0,0,0,0)) left / 14px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,0.22), rgba(0,0,0,0)) right / 14px 100% no-repeat scroll; }
.scroll-cue { display: none; margin: 8px 0 -4px; font-size: 12px; color: var(--muted); }
.scroll-cue[data-shown="true"] { display: block; }
table { border-collapse: collapse; font-size: 14px; min-width: 50%; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding-bottom: 4px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--text); font-size: 13px; }
tbody th { font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* A long heading ("tier-2 (seconds): mean / p95 of all waits pooled") wraps; the figures under it do not. */
thead th.num { white-space: normal; min-width: 6em; }
td.over { color: var(--warn); }
td.date { white-space: nowrap; }
.flag { font-size: 12px; font-weight: 600; }
figure.chart { margin: 12px 0 18px; }
.chart-title { margin: 0 0 2px; font-size: 15px; }
figure.chart figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.plot { width: 100%; height: 440px; }
.plot-tall { height: 560px; }
.plot-short { height: 340px; }
.chart-pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 0 20px; }
.chart-pair > figure { min-width: 0; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
@media (max-width: 960px) {
  table { font-size: 13px; }
  th, td { padding: 4px 6px; }
  td.num, th.num { white-space: normal; }
  td.num { overflow-wrap: normal; }
}
@media (max-width: 700px) {
  main.report { padding: 14px; }
  .plot { height: 360px; }
}
@media print {
  @page { size: A4; margin: 12mm; }
  body { font-size: 11pt; }
  main.report { max-width: none; padding: 0; }
  nav.toc, .modebar-container { display: none !important; }
  /* Sections follow on from each other (a page per section left half-empty sheets); only a chart or table is kept whole, and a heading with what follows it. */
  section.report-section { margin-top: 18px; }
  .table-wrap { background: none; }
  .scroll-cue { display: none !important; }
  .chart-pair { display: block; }
  figure.chart, .table-wrap, .verdicts li, .recommendation { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 9pt; }
  th, td { padding: 3px 6px; }
  a { color: inherit; text-decoration: none; }
}
`;
