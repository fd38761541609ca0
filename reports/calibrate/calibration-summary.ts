/**
 * What `labelsim calibrate` found, as plain aggregated data: the page (calibration-page.ts) and
 * the command's lines read only this.
 */
export interface FitSummary {
  /** What the fit is of: "annotate (all annotators)", "annotator ann-3", "review tier qa". */
  name: string;
  n: number;
  meanSeconds: number;
  medianSeconds: number;
  lognormal: { meanSeconds: number; cv: number; mu: number; sigma: number; ks: number; pValue: number; logLikelihood: number; qq: Array<[number, number]> };
  gamma: { meanSeconds: number; cv: number; shape: number; scaleSeconds: number; ks: number; pValue: number; logLikelihood: number; qq: Array<[number, number]> };
  chosen: 'lognormal' | 'gamma' | 'empirical';
  histogram: { edges: number[]; counts: number[] };
}

export interface SourceSummary {
  file: string;
  format: string;
  records: number;
  recordsWithoutAnnotations: number;
  annotations: number;
}

export interface TrimSummary {
  rule: string;
  /** Per group fitted: what was trimmed and why. */
  groups: Array<{ name: string; n: number; low: number; high: number; overMax: number; lowerSeconds: number; upperSeconds: number }>;
  total: number;
}

export interface CalibrationSummary {
  command: string;
  sources: SourceSummary[];
  annotations: number;
  annotators: number;
  items: number;
  cancelled: number;
  firstPasses: number;
  reworks: number;
  trim: TrimSummary;
  by: 'annotator' | 'pool' | 'item-type';
  /** The stage's handling fit (of learning-corrected times when a learning curve was found). */
  handling: FitSummary;
  groups: FitSummary[];
  learning: { baseSeconds: number; initialFactor: number; halfLife: number; t: number; shown: boolean; bins: Array<[number, number, number]> } | null;
  speedCv: number | null;
  review: {
    tiers: Array<{ name: string; reviews: number; rejected: number; rate: number; sample: number; handling: FitSummary | null }>;
    byAnnotator: Array<{ annotator: string; reviewed: number; rejected: number; rate: number }>;
    reworkFactor: number | null;
  };
  agreement: { items: number; labels: number; pairwise: number; fleissKappa: number | null; typicalLabels: number } | null;
  throughput: {
    personDays: number;
    labelsPerPersonDay: number;
    activeHoursPerPersonDay: number;
    scheduledHoursPerPersonDay: number | null;
    shrinkage: number | null;
    /** Person-days worked on days the schedule has no shift: counted, not in the shrinkage. */
    offScheduleDays: number;
    timeZone: string;
  };
  uncertainty: { draws: number; workPerItem: { p05: number; p50: number; p95: number }; relativeHalfWidth: number } | null;
  pilot: { margin: number; items: number; current: number } | null;
  /** The fragment's text as written. */
  fragment: string;
}
