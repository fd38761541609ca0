/** The running counts of one replication that the item flow keeps and the result reports. */
export class ReplicationTally {
  accepted = 0;
  accurate = 0;
  acceptedByDeadline = 0;
  reworks = 0;
  errorsFound = 0;
  errorsMade = 0;
  /** When the stopping rule was met; NaN until then. */
  completionHours = NaN;
  /** Items of each work type still to accept, and when the last one was (NaN until then). */
  readonly typeLeft: Float64Array;
  readonly typeCompletion: Float64Array;
  /** Accurate items accepted per work type. */
  readonly typeAccurate: Float64Array;
  /** Wrong labels found per stage (review tiers; 0 elsewhere). */
  readonly foundByStage: Float64Array;

  constructor(counts: ReadonlyArray<number | null>, stages = 0) {
    this.foundByStage = new Float64Array(stages);
    this.typeLeft = Float64Array.from(counts, (c) => c ?? Infinity);
    this.typeCompletion = new Float64Array(counts.length).fill(NaN);
    this.typeAccurate = new Float64Array(counts.length);
  }
}
