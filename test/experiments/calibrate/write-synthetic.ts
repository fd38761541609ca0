/**
 * Writes a synthetic history as the tests make it, for figures in the README:
 *   npx tsx test/experiments/calibrate/write-synthetic.ts <file.csv> <annotators> <days>
 * (TRUTH of synthetic-export.ts with a fifth of first passes reviewed, 5% rejected).
 */
import { TRUTH, writeSyntheticCsv } from './synthetic-export.js';

const [file, annotators, days] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: write-synthetic.ts <file.csv> <annotators> <days>');
const written = writeSyntheticCsv(file, { ...TRUTH, annotators: Number(annotators ?? 50), days: Number(days ?? 40), sample: 0.2, errorRate: 0.05, seed: 'million' });
process.stdout.write(`${file}: ${written.labels} annotations (${written.firstPasses} first passes, ${written.reworks} rework, ${written.idle} timers through a break)\n`);
