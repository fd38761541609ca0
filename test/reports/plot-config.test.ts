import { describe, expect, it } from 'vitest';
import { PLOT_CONFIG } from '../../reports/plot-config.js';
import { plotlySource } from '../../reports/plotly-source.js';
import { renderReport, scriptJson } from '../../reports/render-report.js';
import { reportData } from './report-fixture.js';

describe('the Plotly config of the report', () => {
  it('turns off the share-to-cloud button and the logo link, removes the share button by name, and points the cloud URL nowhere', () => {
    expect(PLOT_CONFIG.showSendToCloud).toBe(false);
    expect(PLOT_CONFIG.displaylogo).toBe(false);
    expect(PLOT_CONFIG.modeBarButtonsToRemove).toContain('sendChartToCloud');
    expect(PLOT_CONFIG.plotlyServerURL).toBe('');
  });

  it('sets only options the bundled Plotly knows, so none is silently ignored', () => {
    const source = plotlySource();
    // Plotly's table of config options: `name:{valType:...}`, or `name:{...}` for a group such as toImageButtonOptions.
    const known = (key: string) => new RegExp(`[{,]${key}:\\{`).test(source);
    expect(Object.keys(PLOT_CONFIG).filter((key) => !known(key))).toEqual([]);
    // Options of older Plotly versions, absent from this one: passing them would do nothing.
    expect(['showLink', 'linkText', 'showEditInChartStudio'].filter(known)).toEqual([]);
    // The share button's name, as the bundled Plotly spells it.
    expect(source.includes('sendChartToCloud={name:"sendChartToCloud"')).toBe(true);
  });

  it('is the config every chart of the page is drawn with', () => {
    expect(renderReport(reportData())).toContain(`var config = ${scriptJson(PLOT_CONFIG)};`);
  });
});
