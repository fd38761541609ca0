import fc from 'fast-check';

/**
 * Property tests run from a fixed seed so the suite gives the same verdict every run (CI must
 * not fail by luck); set FC_SEED to explore other seeds locally, e.g. FC_SEED=$RANDOM npm test.
 * A failure prints its seed and path, which reproduce it exactly.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20271122) });
