import { openHoursBetween, openIntervals } from '../../../sim/calendar/index.js';
import { Activity, activityNames } from '../../../sim/model/activities.js';
import type { ModelConfig } from '../../../sim/model/config.js';
import type { Recorder } from '../../../sim/model/recorder.js';

const ACTIVITY_NAME = Object.fromEntries(Object.entries(Activity).map(([name, index]) => [index, name])) as Record<number, string>;

/**
 * Everything one replication did, as a test recorder saw it: what the checks in
 * recorder-checks.test.ts compare the model's own figures against.
 */
export class RunRecord implements Recorder {
  /** Acceptances per item serial (each must be 1). */
  readonly acceptances = new Map<number, number>();
  accurate = 0;
  /** Hours of work promised per pool and activity, and per person (key `pool/person`). */
  readonly hoursByPoolActivity = new Map<string, number>();
  readonly hoursByPerson = new Map<string, number>();
  /** Tasks finished per pool and activity (fees per task). */
  readonly tasksByPoolActivity = new Map<string, number>();
  readonly busyByPerson = new Map<string, number>();
  /** Wrong labels made, and wrong labels found, per serial. */
  readonly wrongLabels = new Map<number, number>();
  readonly errorsFound = new Map<number, number>();
  labels = 0;
  /** The pool whose label an item now carries (penalties and per-accepted fees go to it). */
  private readonly labeller = new Map<number, number>();
  /** Errors found per labeller pool; acceptances per labeller pool; passed reviews per reviewer pool. */
  readonly foundByLabeller = new Map<number, number>();
  readonly acceptedByLabeller = new Map<number, number>();
  readonly passedByReviewer = new Map<number, number>();
  /** Reviews per stage, and of them rejections. */
  readonly reviewsByStage = new Map<number, number>();
  readonly rejectionsByStage = new Map<number, number>();
  /** Tasks started per activity name. */
  readonly tasksByActivity = new Map<string, number>();
  retrains = 0;
  /** Hours spent on gold items served before tasks. */
  goldHours = 0;

  taskStarted(_serial: number, _stage: number, activity: number, pool: number, person: number, hours: number, goldHours: number): void {
    add(this.hoursByPoolActivity, `${pool}/${activity}`, hours - goldHours);
    if (goldHours > 0) add(this.hoursByPoolActivity, `${pool}/${Activity.gold}`, goldHours);
    this.goldHours += goldHours;
    add(this.hoursByPerson, `${pool}/${person}`, hours);
    add(this.tasksByActivity, ACTIVITY_NAME[activity], 1);
  }

  taskFinished(_serial: number, _stage: number, activity: number, pool: number): void {
    add(this.tasksByPoolActivity, `${pool}/${activity}`, 1);
  }

  labelled(serial: number, pool: number, wrong: boolean): void {
    this.labels++;
    this.labeller.set(serial, pool);
    if (wrong) add(this.wrongLabels, serial, 1);
  }

  reviewed(serial: number, stage: number, pool: number, rejected: boolean, foundError: boolean): void {
    add(this.reviewsByStage, stage, 1);
    if (rejected) add(this.rejectionsByStage, stage, 1);
    else add(this.passedByReviewer, pool, 1);
    if (foundError) {
      add(this.errorsFound, serial, 1);
      add(this.foundByLabeller, this.labeller.get(serial)!, 1);
    }
  }

  accepted(serial: number, labellerPool: number, wrong: boolean): void {
    add(this.acceptances, serial, 1);
    add(this.acceptedByLabeller, labellerPool, 1);
    if (!wrong) this.accurate++;
  }

  retrainStarted(): void {
    this.retrains++;
  }

  busy(pool: number, person: number, hours: number): void {
    add(this.busyByPerson, `${pool}/${person}`, hours);
  }

  /**
   * The bill recomputed from the config's prices and what was recorded, by activity: hours x
   * rates, fees per task, per acceptance and per passed review, penalties per error found,
   * scheduled hours of salaried people, seats, management, retrains and fixed costs. Nothing here
   * reads the model's cost ledger.
   */
  costs(config: ModelConfig, endHours: number): Map<string, number> {
    const names = activityNames(config);
    const out = new Map(names.map((n) => [n, 0]));
    const charge = (activity: string, amount: number) => out.set(activity, out.get(activity)! + amount);
    config.pools.forEach((pool, p) => {
      const pay = pool.pay;
      let worked = 0;
      for (let a = 0; a < names.length; a++) {
        const hours = this.hoursByPoolActivity.get(`${p}/${a}`) ?? 0;
        worked += hours;
        if (pay.kind === 'salaried' || pay.kind === 'hourly') charge(names[a], hours * pay.perHour);
        if (pay.kind === 'per-item') charge(names[a], (this.tasksByPoolActivity.get(`${p}/${a}`) ?? 0) * pay.perItem);
      }
      if (pay.kind === 'salaried') {
        let scheduled = 0;
        for (const shift of pool.shifts) {
          if (endHours > pool.startHours) scheduled += shift.headcount * openHoursBetween(openIntervals(shift, config.clock, config.horizonHours), pool.startHours, endHours);
        }
        charge('idle', Math.max(0, scheduled - worked) * pay.perHour);
      }
      if (pay.kind === 'per-item') charge('penalties', -(this.foundByLabeller.get(p) ?? 0) * pay.penaltyPerError);
      if (pay.kind === 'per-accepted') {
        charge('annotation', (this.acceptedByLabeller.get(p) ?? 0) * pay.perItem);
        charge('review', (this.passedByReviewer.get(p) ?? 0) * pay.perItem);
      }
    });
    const seats = config.costs.seats ?? config.pools.reduce((n, pool) => n + pool.shifts.reduce((m, s) => m + s.headcount, 0), 0);
    charge('platform', (seats * config.costs.platformPerSeatMonth * endHours) / 730);
    charge('management', (config.costs.managementPerWeek * endHours) / 168);
    charge('retraining', this.retrains * (config.preLabels?.retrainCost ?? 0));
    for (const f of config.costs.fixed) charge(f.activity, f.amount);
    return out;
  }
}

function add<K>(map: Map<K, number>, key: K, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}
