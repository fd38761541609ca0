/**
 * The tidy tables of a run folder and their columns, declared once: the tables (CSV and
 * workbook), the data dictionary and the README section all read this list. Every table has the
 * same columns whatever the experiment's pools, stages or plans, so tables of two runs append.
 */

/** How a column's cells are typed: in the workbook as cells of that type, in CSV as text that parses so. */
export type ColumnType = 'text' | 'integer' | 'number' | 'date';

export interface TidyColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** The unit of the column's cells, or where to find it ('see unit'). */
  readonly unit: string;
  readonly meaning: string;
}

export interface TidyTableSpec {
  /** The sheet name in the workbook; the CSV file is `<name>.csv`. */
  readonly name: string;
  readonly meaning: string;
  readonly columns: readonly TidyColumn[];
}

const RUN_COLUMNS: readonly TidyColumn[] = [
  { name: 'experiment', type: 'text', unit: '', meaning: 'The experiment\'s name (its file\'s `name`).' },
  { name: 'configHash', type: 'text', unit: '', meaning: 'sha256 of the experiment as run, --set overrides included: two runs of different inputs never share it.' },
  { name: 'seed', type: 'integer', unit: '', meaning: 'The master seed of the run.' },
  { name: 'plan', type: 'text', unit: '', meaning: 'The plan\'s name; the first plan of the run is the baseline.' },
];

const MEASURE = { name: 'measure', type: 'text', unit: '', meaning: 'The figure: a name of the measure list below, the same in every table and in summary.json\'s per-output figures.' } as const;
const DIMENSION = { name: 'dimension', type: 'text', unit: '', meaning: 'What `element` names: none (a figure of the whole project), activity, pool, stage or workType; poolActivity (pool/activity), stageThreshold (stage@wait threshold), week, poolWeek (pool@week) or delivery (work type#delivery).' } as const;
const ELEMENT = { name: 'element', type: 'text', unit: '', meaning: 'The activity, pool, stage, work type, pool/activity, stage@threshold, week, pool@week or delivery the row is about; empty when dimension is none.' } as const;
const VALUE = { name: 'value', type: 'number', unit: 'see unit', meaning: 'The figure\'s value, in `unit`; empty when it does not exist (a completion time of a replication that did not finish).' } as const;
const UNIT = { name: 'unit', type: 'text', unit: '', meaning: 'The unit of `value`: a name of the unit list below.' } as const;
const CURRENCY = { name: 'currency', type: 'text', unit: '', meaning: 'The ISO 4217 currency of `value` when unit is money or money-per-item; empty otherwise.' } as const;
const DATE = {
  name: 'date',
  type: 'date',
  unit: 'ISO date',
  meaning:
    "For a point in time (unit hours of a completion), the day it falls on in the project's time zone, a finish at midnight exactly being the day before's; of a percentile (p50, p85, p95...), the day on which the replication at rank ceil(p x replications), earliest first, finished (empty if it did not), while `value` interpolates; empty otherwise.",
} as const;
const REPLICATIONS = { name: 'replications', type: 'integer', unit: 'replications', meaning: 'Successful replications of the plan that the statistic is taken over.' } as const;

export const TIDY_TABLES = {
  replicationMeasures: {
    name: 'replication-measures',
    meaning: 'One row per plan x replication x measure (x element): every figure of every successful replication.',
    columns: [
      ...RUN_COLUMNS,
      { name: 'replication', type: 'integer', unit: 'index', meaning: 'The replication index, from 0; the same index in two plans is the same random world (common random numbers).' },
      MEASURE,
      DIMENSION,
      ELEMENT,
      VALUE,
      UNIT,
      CURRENCY,
      DATE,
    ],
  },
  planMeasures: {
    name: 'plan-measures',
    meaning: 'One row per plan x measure (x element) x statistic: the figures of each plan across its replications, as in summary.json.',
    columns: [...RUN_COLUMNS, REPLICATIONS, MEASURE, DIMENSION, ELEMENT, { name: 'statistic', type: 'text', unit: '', meaning: 'How `value` summarises the replications: a name of the statistic list below.' }, VALUE, UNIT, CURRENCY, DATE],
  },
  planDays: {
    name: 'plan-days',
    meaning: 'One row per plan x day x measure x statistic: the time series (the burn-down) across replications.',
    columns: [
      ...RUN_COLUMNS,
      REPLICATIONS,
      MEASURE,
      { name: 'day', type: 'integer', unit: 'day', meaning: 'The project day, from 1 (the start date); the figure is taken at its end.' },
      { name: 'date', type: 'date', unit: 'ISO date', meaning: 'The calendar date of `day` in the project\'s time zone.' },
      { name: 'statistic', type: 'text', unit: '', meaning: 'The quantile across replications (p10, p50, p90).' },
      VALUE,
      UNIT,
    ],
  },
  failures: {
    name: 'failures',
    meaning: 'One row per replication that failed (and never succeeded on a retry); empty but for its header when none did.',
    columns: [
      ...RUN_COLUMNS,
      { name: 'replication', type: 'integer', unit: 'index', meaning: 'The replication that failed; replay it with labelsim replay --plan P --replication K.' },
      { name: 'error', type: 'text', unit: '', meaning: 'The error message it failed with.' },
    ],
  },
} as const satisfies Record<string, TidyTableSpec>;

export type TidyTableName = keyof typeof TIDY_TABLES;

/** A cell as the tables hold it: text, a number, or missing. Dates are ISO text in a `date` column. */
export type Cell = string | number | null;

export interface TidyTable {
  readonly spec: TidyTableSpec;
  readonly rows: Cell[][];
}
