import type { DecisionPolicy } from '../../reports/decision-policy.js';
import type { Plan, Precision } from '../load/index.js';
import type { Shard } from './batches.js';
import type { Override } from './overrides.js';

/** The files of a run folder. */
export const RUN_FILES = {
  manifest: 'manifest.json',
  records: 'replications.jsonl',
  summary: 'summary.json',
  run: 'run.json',
} as const;

/** What a run folder holds about its own origin: enough to resume it or merge it with its sibling shards. */
export interface RunManifest {
  experiment: string;
  description: string;
  configHash: string;
  seed: number;
  replications: number;
  shard: Shard | null;
  plans: Plan[];
  /** The record line format (record-codec.ts); absent in folders written by labelsim 0.1 (format 1). */
  recordFormat?: number;
  /** Per plan, the names of the figures of its rows, in order (workers/result-rows.ts columnNames). */
  columns?: Record<string, string[]>;
  /** The `--set path=value` overrides the run was given, in order (absent when none): its folder is `<name>.set-<hex>` (overrides.ts). */
  overrides?: Override[];
  /** The experiment's decision policy (absent when it sets none): the report recommends by it. */
  decision?: DecisionPolicy;
  /** A precision-driven run's precision (absent for a fixed count): `replications` is its cap, and each plan's count follows from the records (experiments/precision/). */
  precision?: Precision;
  /** The command that continues this run if it is interrupted, as the user would type it. */
  resumeCommand?: string;
}
