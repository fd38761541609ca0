/** What a reader saw, so that nothing it passes over goes uncounted. */
export interface ReadCounts {
  /** Top-level records: Label Studio tasks, Labelbox data rows, CSV data lines. */
  records: number;
  /** Records that held no annotation at all (a task nobody labelled): read, counted, nothing to fit. */
  recordsWithoutAnnotations: number;
  /** Annotations handed on (cancelled ones included: they are counted apart later). */
  annotations: number;
}

export function emptyCounts(): ReadCounts {
  return { records: 0, recordsWithoutAnnotations: 0, annotations: 0 };
}
