import type { CalibrateOptions } from '../../../experiments/calibrate/calibrate.js';
import { DEFAULT_TRIM } from '../../../experiments/calibrate/trim.js';

/** calibrate's defaults as the command line has them, without bootstrap draws unless a test asks. */
export const OPTIONS: Omit<CalibrateOptions, 'files'> = { by: 'annotator', trim: DEFAULT_TRIM, shifts: null, timeZone: 'UTC', bootstrap: 0, seed: 1, margin: null, command: 'test' };
