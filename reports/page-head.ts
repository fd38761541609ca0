import { escapeHtml } from './format.js';
import { REPORT_CSS } from './styles.js';

/** What a labelsim page may load: nothing from anywhere, inline scripts and styles only (private by default). */
export const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

/**
 * The opening of every self-contained page labelsim writes (the report, explain, calibration),
 * up to and including `<body>`: the same content policy and styles everywhere. `title` and
 * `generator` are plain text (escaped here); `extraCss` is the page's own CSS.
 */
export function pageHead(title: string, options: { generator?: string; extraCss?: string } = {}): string[] {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    ...(options.generator === undefined ? [] : [`<meta name="generator" content="${escapeHtml(options.generator)}">`]),
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}${options.extraCss ?? ''}</style>`,
    '</head>',
    '<body>',
  ];
}
