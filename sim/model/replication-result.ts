/** Everything one replication yields: flat numbers and typed arrays, no engine objects. */
export interface ReplicationResult {
  replication: number;
  /** False when work was left at the horizon: completion is then censored, not a number. */
  completed: boolean;
  /** Hours until the last item was accepted; NaN when not completed. */
  completionHours: number;
  acceptedByDeadline: number;
  accepted: number;
  /** Accepted items whose label is actually correct. */
  accurate: number;
  /** Share of delivered (accepted) items whose label is wrong; NaN when none was accepted. */
  residualErrorRate: number;
  /** Total cost at the end (completion, or the horizon when censored). */
  cost: number;
  costAtDeadline: number;
  /** Per activity, in `activityNames(config)` order. */
  costByActivity: Float64Array;
  costByActivityAtDeadline: Float64Array;
  /** Total cost / accurate items; NaN when no item is accurate. */
  unitCost: number;
  /** Per pool, in config order. */
  utilization: Float64Array;
  busyHours: Float64Array;
  peakQueue: Float64Array;
  /** Per stage, in config order: mean and 95th percentile of the wait in queue (hours). */
  waitMean: Float64Array;
  waitP95: Float64Array;
  /** Tasks started per stage in the statistics window. */
  served: Float64Array;
  reworks: number;
  /** Wrong labels found by review tiers (caught), and wrong labels made. */
  errorsFound: number;
  errorsMade: number;
  /** Per work type: hours until its last item was accepted; NaN when not completed (or open-ended). */
  completionByType: Float64Array;
  /** Per work type: its own labour and fees plus shared costs in proportion to hours worked on it (sums to cost). */
  costByType: Float64Array;
  /** Items not yet accepted at the end of each day: index d is t = 24 (d + 1). */
  remainingByDay: Float64Array;
  /**
   * Per (pool, labour activity), in `poolActivityNames(config)` order, at the end: labour money
   * (not rounded to the cent), hours (idle: paid hours not worked) and tasks started (gold: gold
   * items; penalties: wrong labels charged). What `labelsim explain` splits a cost change by.
   */
  costByPoolActivity: Float64Array;
  /** Per work type: accepted items whose label is correct (for a product's return per dollar). */
  accurateByType: Float64Array;
  hoursByPoolActivity: Float64Array;
  tasksByPoolActivity: Float64Array;
  /** Index of the pool with the highest utilisation. */
  bottleneck: number;
  events: number;
  /** The model being trained (training/): hours until its first version was deployed (NaN before, or without one). */
  firstModelHours: number;
  /** Training labels of the model that reached the accuracy target; NaN when none did. */
  labelsToTarget: number;
  retrains: number;
  /** Accuracy of the last model deployed; NaN without a model being trained, 0 before the first. */
  modelAccuracy: number;
  /** Hours labelling of the training type waited for the next active-learning batch (a retrain to finish). */
  batchWaitHours: number;
  /** When the first model reached the accuracy target, and the cost by then; NaN when none did. */
  targetHours: number;
  targetCost: number;
  /** Continuous operation: the mean cost of a cycle (from its start to its model at the target again); NaN without cycles or before one is done. */
  cycleCost: number;
  /** The deployed model's accuracy at the end of each day, and the cost so far (models that train one; empty otherwise). */
  accuracyByDay: Float64Array;
  costByDay: Float64Array;
  /** Per stage: the share of tasks started in the statistics window that waited at all (NaN when none started). */
  waitProbability: Float64Array;
  /** Per stage and wait threshold (stage-major): the share of tasks started within the threshold. */
  serviceLevel: Float64Array;
  /** Per stage and duration bin (stage-major, sim/stats/duration-bins.ts): tasks whose wait fell in the bin. */
  waitBins: Float64Array;
  /** Per duration bin: accepted items whose time from arrival to acceptance fell in the bin. */
  timeInSystemBins: Float64Array;
  /** Per pool: time-average tasks waiting for it, and waiting or in service (its queue's, shared with partner pools). */
  queueMean: Float64Array;
  inSystemMean: Float64Array;
  /** Items accepted in each week: index w is [168 w, 168 (w + 1)). */
  acceptedByWeek: Float64Array;
  /** Per pool and week (pool-major): tasks waiting for it at the week's end. */
  queueByWeek: Float64Array;
  /** Per scheduled delivery: hours from its arrival until its last item was accepted; NaN when not done. */
  deliveryTurnaround: Float64Array;
  /**
   * Per consensus stage (labels > 1, in config order), agreement among its first-pass labels,
   * from the replication's tallies (agreement-outputs.ts): the share of agreeing label pairs,
   * Cohen's kappa (stages of two labels; NaN otherwise), Fleiss' kappa and Krippendorff's
   * nominal alpha. Empty unless a work type declares classes.
   */
  percentAgreement: Float64Array;
  cohensKappa: Float64Array;
  fleissKappa: Float64Array;
  krippendorffAlpha: Float64Array;
  /**
   * Per pool that labels at a consensus stage (in config order), how its labels agree with the
   * other labels of the same round: the share that agree, and Cohen's kappa of its labels against
   * the others'. Empty unless a work type declares classes.
   */
  poolAgreement: Float64Array;
  poolKappa: Float64Array;
  /** Per stage, the wrong labels its review found first (they add up to errorsFound; 0 at annotate stages). */
  errorsFoundByStage: Float64Array;
  /** Per class of each work type that declares classes (`type/class`): accepted items of that true class, and the share of them with a wrong label. Empty without classes. */
  acceptedByClass: Float64Array;
  residualErrorByClass: Float64Array;
  /** Hours and tasks per (pool, labour activity, work type), pool-major; empty for a model of one work type. */
  hoursByPoolActivityType: Float64Array;
  tasksByPoolActivityType: Float64Array;
  /**
   * Per guideline change, in file order (guideline-versions.ts): the hour it took effect (NaN when
   * it never did), the accepted items it sent back for relabelling (with labels in progress at the
   * change that it targets), and the hours and labour money of every task on those items. Empty
   * without guideline changes.
   */
  guidelineChangeHours: Float64Array;
  relabelItems: Float64Array;
  relabelHours: Float64Array;
  relabelCost: Float64Array;
  /**
   * Of the pilot gate (pilot-gate.ts), one figure for its work type: batches labelled, when the
   * bulk was let in (NaN when never), the last batch's percent agreement, 1 when it reached the
   * target (else 0), and the money of guideline revisions. Empty without a pilot gate.
   */
  pilotRounds: Float64Array;
  pilotOpenHours: Float64Array;
  pilotAgreement: Float64Array;
  pilotPassed: Float64Array;
  pilotRevisionCost: Float64Array;
  /**
   * Per stage with a gold audit (in config order; empty without one), quality/gold-audit.ts: gold
   * items served, their hours and cost (with the retraining of people flagged), the retraining
   * hours, flags raised, people removed (or replaced), and for the rule's power and false flags the
   * bad people (rested rate at least the bad rate), those flagged and the mean hours from their
   * start to their first flag (NaN when none), the good people (at most the acceptable rate) and
   * those flagged.
   */
  goldItems: Float64Array;
  goldHours: Float64Array;
  goldCost: Float64Array;
  goldRetrainHours: Float64Array;
  goldFlags: Float64Array;
  goldRemoved: Float64Array;
  goldBadPeople: Float64Array;
  goldBadFlagged: Float64Array;
  goldTimeToFlag: Float64Array;
  goldGoodPeople: Float64Array;
  goldFalseFlags: Float64Array;
}
