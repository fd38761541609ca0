import { cohensKappa, percentAgreement } from '../stats/agreement.js';
import type { ConsensusClasses } from './consensus-classes.js';
import type { ModelConfig } from './config.js';

/** The agreement outputs of a replication, per consensus stage (see replication-result.ts); empty without classes. */
export function agreementByStage(config: ModelConfig, classes: ConsensusClasses | null): {
  percentAgreement: Float64Array;
  cohensKappa: Float64Array;
  fleissKappa: Float64Array;
  krippendorffAlpha: Float64Array;
} {
  const stages = classes === null ? [] : config.stages.map((_, i) => i).filter((i) => classes.tallies[i] !== null);
  const tallyOf = (i: number) => classes!.tallies[i]!;
  return {
    percentAgreement: Float64Array.from(stages, (i) => tallyOf(i).percentAgreement()),
    cohensKappa: Float64Array.from(stages, (i) => {
      const pairs = classes!.pairTables[i];
      return pairs === null ? NaN : cohensKappa(squareRows(pairs, classes!.categories));
    }),
    fleissKappa: Float64Array.from(stages, (i) => tallyOf(i).fleissKappa()),
    krippendorffAlpha: Float64Array.from(stages, (i) => tallyOf(i).krippendorffAlpha()),
  };
}

/**
 * The agreement outputs per pool that labels at a consensus stage (see replication-result.ts):
 * the share of its labels' pairings with another label of the same round that agree, and Cohen's
 * kappa of that table. Empty without classes.
 */
export function agreementByPool(config: ModelConfig, classes: ConsensusClasses | null): { poolAgreement: Float64Array; poolKappa: Float64Array } {
  const pools = classes === null ? [] : consensusPools(config).map((name) => config.pools.findIndex((p) => p.name === name));
  const table = (p: number) => squareRows(classes!.poolTables[p]!, classes!.categories);
  return {
    poolAgreement: Float64Array.from(pools, (p) => percentAgreement(table(p))),
    poolKappa: Float64Array.from(pools, (p) => cohensKappa(table(p))),
  };
}

/** The pools that staff an annotate stage asking for more than one label, in config order. */
export function consensusPools(config: ModelConfig): string[] {
  const staffing = new Set(config.stages.filter((s) => s.kind === 'annotate' && s.labels > 1).flatMap((s) => s.pools));
  return config.pools.map((p) => p.name).filter((name) => staffing.has(name));
}

function squareRows(cells: Float64Array, k: number): number[][] {
  return Array.from({ length: k }, (_, r) => Array.from(cells.subarray(r * k, (r + 1) * k)));
}
