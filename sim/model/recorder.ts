/**
 * Sees everything that happens to items and people in one replication, as it happens. Production
 * runs leave it out (the model then pays one null check per event); tests pass one to check the
 * model against what it did, not against its own sums: that every item is accepted once, that the
 * hours people were busy are the hours of the tasks they did, that the bill is what the tasks
 * and acceptances cost at the config's prices.
 *
 * Items are named by their serial (the key of their draws), people by (config pool, person).
 */
export interface Recorder {
  /** A task starts: `hours` of work on the item (its stage's draw with every modifier), of which `goldHours` on gold items served first. */
  taskStarted(serial: number, stage: number, activity: number, pool: number, person: number, hours: number, goldHours: number, now: number): void;
  /** The task is done (its hours may have spanned shift closures). */
  taskFinished(serial: number, stage: number, activity: number, pool: number, person: number, now: number): void;
  /** A label is submitted; `wrong` when it is an error. */
  labelled(serial: number, pool: number, wrong: boolean): void;
  /** A review tier judged the item's label: rejected or not, and whether it found a wrong label not found before. */
  reviewed(serial: number, stage: number, pool: number, rejected: boolean, foundError: boolean): void;
  /** The item is accepted, carrying a wrong label or a right one, labelled by `labellerPool`. */
  accepted(serial: number, labellerPool: number, wrong: boolean, now: number): void;
  /** A pre-label model retrain starts (and is paid for). */
  retrainStarted(now: number): void;
  /** At the end of the replication: the hours `person` of `pool` spent serving. */
  busy(pool: number, person: number, hours: number): void;
}
