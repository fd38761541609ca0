/**
 * The Plotly config every chart of the report is drawn with. The report is sold as offline, so
 * its toolbar (Plotly's modebar) offers only what stays on the machine: zoom, pan, reset, and a
 * PNG download drawn in the page. Plotly 4 turns on a "Share chart..." button by default that
 * sends the whole figure, data included, to Plotly's cloud (`plotlyServerURL`), and its logo is a
 * link to plotly.com; both are turned off, and the share button removed by name as well, so a
 * change of default in a later Plotly cannot bring it back. (Plotly 4 no longer has the
 * `showLink`, `linkText` and `showEditInChartStudio` options of older versions.)
 */
export const PLOT_CONFIG = {
  staticPlot: false,
  responsive: true,
  // No "Share chart..." button (Plotly 4 shows it unless told not to).
  showSendToCloud: false,
  // Where that button would send the figure: nowhere, should anything still call it.
  plotlyServerURL: '',
  // The Plotly logo in the toolbar is a link to plotly.com.
  displaylogo: false,
  modeBarButtonsToRemove: ['sendChartToCloud', 'select2d', 'lasso2d'],
  // A name between dollar signs is text, never TeX for a MathJax that a page might load.
  typesetMath: false,
  // Drawn in the page from the SVG: local.
  toImageButtonOptions: { format: 'png', scale: 2 },
} as const;
