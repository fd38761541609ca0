export { ExperimentError } from './errors.js';
export { loadExperiment, parseExperiment, mergePatch, canonicalJson } from './experiment.js';
export type { Experiment, ExperimentOverrides, Plan } from './experiment.js';
export { leftOutPoolLines } from './left-out-pools.js';
export { experimentJsonSchema } from './schema.js';
export type { ExperimentDocument } from './schema.js';
export { parseDuration, parseRate, parseShare } from './units.js';
export { parsePrecisionOption } from './precision-option.js';
export type { Precision } from './precision.js';
