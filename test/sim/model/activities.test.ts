import { describe, expect, it } from 'vitest';
import { LABOUR_ACTIVITIES, OVERHEAD_ACTIVITIES, activityNames } from '../../../sim/model/activities.js';
import { eightWeekCase } from './model-fixtures.js';

describe('activity names', () => {
  it('lists the built-in activities, then each fixed cost once in file order, in time linear in their number', () => {
    const config = eightWeekCase();
    // 100,000 names took about a minute when each was looked up in the list built so far.
    const names = Array.from({ length: 100_000 }, (_, i) => `line-${i}`);
    config.costs.fixed = [...names, 'line-7', 'idle'].map((activity) => ({ activity, amount: 1 }));
    const started = performance.now();
    const activities = activityNames(config);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(activities).toEqual([...LABOUR_ACTIVITIES, ...OVERHEAD_ACTIVITIES, ...names]);
  });
});
