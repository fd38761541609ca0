/*
 * Code run inside a report page by the browser tests, as source text: the project compiles
 * without the DOM library, and these few lines are plain browser JavaScript.
 */

/** The actions a plot's toolbar may offer: each works on this machine only (draws, zooms, saves a PNG). */
export const LOCAL_TOOLBAR_ACTIONS = ['Download plot as a PNG', 'Zoom', 'Pan', 'Zoom in', 'Zoom out', 'Autoscale', 'Reset axes', 'Toggle Spike Lines', 'Show closest data on hover', 'Compare data on hover'];

export interface ToolbarButton {
  plot: string;
  tag: string;
  title: string;
  attr: string | null;
  val: string | null;
}

/** Every button and link of every plot's toolbar (Plotly's modebar), with its title and what it sets. */
export const TOOLBAR_BUTTONS = `Array.from(document.querySelectorAll('.plot')).flatMap((el) =>
  Array.from(el.querySelectorAll('.modebar-btn, .modebar a')).map((b) => ({
    plot: el.dataset.plot || '',
    tag: b.tagName.toLowerCase(),
    title: b.getAttribute('data-title') || '',
    attr: b.getAttribute('data-attr'),
    val: b.getAttribute('data-val'),
  })))`;

/** Every link in the page (HTML or SVG) whose target is not a place in the page itself. */
export const OFF_PAGE_LINKS = `Array.from(document.querySelectorAll('a')).map((a) =>
  a.getAttribute('href') || a.getAttribute('xlink:href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || ''
).filter((href) => href !== '' && !href.startsWith('#'))`;

/** Per plot, the text of every SVG text element it drew (legend, ticks, titles, labels, annotations, hover label). */
export const PLOT_TEXTS = `Object.fromEntries(Array.from(document.querySelectorAll('.plot')).map((el) =>
  [el.dataset.plot || '', Array.from(el.querySelectorAll('svg text')).map((t) => t.textContent || '')]))`;

/** How many elements Plotly drew from markup (bold, italic, links, super- and subscripts, styled spans) in any plot. */
export const MARKUP_DRAWN = `Array.from(document.querySelectorAll('.plot svg tspan')).filter((t) => {
  const style = t.getAttribute('style') || '';
  return /font-weight\\s*:\\s*bold|font-style\\s*:\\s*italic/.test(style) || t.closest('a') !== null;
}).length`;

/**
 * Shows the hover label of one point of one trace of a plot, and returns the label's text.
 * Plotly throttles hover events (50 ms apart), so it waits before and after.
 */
export const hoverText = (plot: string, curveNumber: number, pointNumber: number) => `(async () => {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 120));
  const el = document.querySelector('.plot[data-plot="${plot}"]');
  await pause();
  Plotly.Fx.hover(el, [{ curveNumber: ${curveNumber}, pointNumber: ${pointNumber} }]);
  await pause();
  const text = Array.from(el.querySelectorAll('.hoverlayer text')).map((t) => t.textContent || '').join(' | ');
  Plotly.Fx.unhover(el);
  return text;
})()`;
