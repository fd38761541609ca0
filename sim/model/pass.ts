/**
 * Where an item is in its journey, beside the stage it is at: the states of the item flow
 * (item-flow.ts, drawn in sim/model/README.md). One byte per item in the item store.
 *
 *   at an annotate stage          at a review tier
 *   First         first labels    First     first review of this label
 *   Rework        relabel after   ReReview  back at the tier that rejected it
 *                 a rejection               (always reviewed, never sampled out)
 *   Adjudication  settle labels
 *                 that disagree
 *   Escalation    the last word
 *                 after N rejections
 */
export const Pass = {
  First: 0,
  Rework: 1,
  Adjudication: 2,
  Escalation: 3,
  ReReview: 4,
} as const;
