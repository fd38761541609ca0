import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../reports/render-report.js';
import { verdictLine } from '../../../reports/sections/verdict.js';
import { weekTicks } from '../../../reports/figure.js';
import { visibleText } from '../html.js';
import { plan, reportData } from '../report-fixture.js';

/** The deadline-risk table's row of a plan, as visible text. */
function rowOf(text: string, name: string): string {
  const table = text.slice(text.indexOf('Plan On time (95% CI) p50 p85 p85 date p95 Not finished'));
  return table.slice(table.indexOf(` ${name} `), table.indexOf(' of 20', table.indexOf(` ${name} `)));
}

describe('the percentile dates', () => {
  it('are the days the ranked replications finished, not the day of an interpolated time', () => {
    // The fixture's base p85 of 1,460 h from Monday 5 April 2027 (Berlin) would read Fri 4 Jun;
    // the run says its rank-17 replication finished on Thursday 3 June.
    const data = reportData();
    data.plans[0] = plan('base', { completionDays: { p50: '2027-05-31', p85: '2027-06-03', p95: '2027-06-04' } });
    const text = visibleText(renderReport(data));
    expect(rowOf(text, 'base')).toContain('8.7 weeks Thu 3 Jun 2027 ');
    expect(verdictLine(data.plans[0], data.header)).toBe('base: 25% chance to finish by 8 weeks (95% CI 11%–47%); p85 at 8.7 weeks (done Thu 3 Jun 2027); $0.91 per accurate item');
    // Report data of a run from before the dates were kept still shows a date: the interpolated one.
    expect(rowOf(text, 'fast')).toContain('7.0 weeks Mon 24 May 2027 ');
  });

  it('show n/a where the ranked replication did not finish', () => {
    const data = reportData();
    data.plans[0] = plan('base', { completionDays: { p50: '2027-05-31', p85: null, p95: null } });
    expect(rowOf(visibleText(renderReport(data)), 'base')).toContain('8.7 weeks n/a ');
  });
});

describe('the header and the week axis', () => {
  it('state a dated deadline from a Wednesday start as the end of its day, with the span and the elapsed hours', () => {
    const data = reportData();
    // Wednesday 17 March 2027 to the end of Friday 28 May in Berlin: 73 days, one hour lost on 28 March.
    data.header = { ...data.header, startDate: '2027-03-17', deadlineHours: 73 * 24 - 1 };
    const text = visibleText(renderReport(data));
    expect(text).toContain('Deadline 73 days after the start: the end of Fri 28 May 2027 (24:00 Europe/Berlin); 1,751 h of elapsed time, as the clocks change in between');
    expect(text).toContain('Start Wed 17 Mar 2027, Europe/Berlin');
    expect(verdictLine(data.plans[0], data.header)).toMatch(/chance to finish by 73 days/);
  });

  it('label each week with the calendar date it begins on, also after the clocks go back', () => {
    const { tickvals, ticktext } = weekTicks(60, reportData().header);
    // Week 30 from Monday 5 April 2027 begins on Monday 1 November; 30 x 168 h reads Sunday 31 October, 23:00 in Berlin.
    expect(tickvals).toContain(30);
    expect(ticktext[tickvals.indexOf(30)].markup).toContain('1 Nov');
    for (const [i, w] of tickvals.entries()) {
      const day = new Date(Date.UTC(2027, 3, 5 + 7 * w));
      expect(ticktext[i].markup).toContain(`${day.getUTCDate()} ${day.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })}`);
    }
  });
});
