import { cohensKappa } from '../stats/agreement.js';
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

function squareRows(cells: Float64Array, k: number): number[][] {
  return Array.from({ length: k }, (_, r) => Array.from(cells.subarray(r * k, (r + 1) * k)));
}
