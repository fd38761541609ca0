import type { OutputUnit } from '../../../sim/model/replication-outputs.js';

/** The units a `unit` cell can hold: the declared units of the outputs, and the count statistics use. */
export type TidyUnit = OutputUnit | 'replications';

/** What each unit means, for the data dictionary. Money carries no currency here: the `currency` column says it. */
export const UNIT_MEANINGS: Readonly<Record<TidyUnit, string>> = {
  index: 'A replication index, from 0.',
  flag: '1 for yes, 0 for no.',
  hours: 'Hours. A completion time counts from 00:00 of the start date in the project\'s time zone (the `date` column gives its date); a wait or busy time is a duration.',
  items: 'Items (frames, images, documents: the work the experiment counts).',
  labels: 'Labels (one item may get several: consensus, rework).',
  tasks: 'Tasks: one person working on one item at one stage.',
  share: 'A fraction from 0 to 1 (0.25 is 25%).',
  money: 'An amount in the `currency` column\'s currency.',
  'money-per-item': 'An amount per accurately labelled item, in the `currency` column\'s currency.',
  events: 'Simulation events.',
  pool: 'Names a pool: the row\'s `element` is the pool, and `value` is 1.',
  retrains: 'Retrains of the model being trained on the labels.',
  accuracy: 'A model accuracy from 0 to 1 (0.9 is 90% of evaluation items classified right).',
  rounds: 'Rounds of a pilot: batches labelled and measured before the bulk of the work is let in.',
  coefficient: 'An agreement coefficient (a kappa or an alpha): 1 is perfect agreement, 0 agreement at chance, below 0 worse than chance.',
  people: 'People (annotators; a replacement is a new person).',
  replications: 'A count of replications.',
};

export const isMoney = (unit: TidyUnit): boolean => unit === 'money' || unit === 'money-per-item';
