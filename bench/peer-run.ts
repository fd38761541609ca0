/**
 * Runs the M/M/10 queue of bench/simjs.ts `n` times with labelsim (through the annotation model)
 * or with SIM.JS, for `customers` customers, after one warm-up run: the workload
 * bench/peer-instructions.sh counts.
 *
 *   node dist/bench/peer-run.js labelsim|simjs [customers] [n]
 */
import { mmcModel, PEER, runLabelsimMmc, runSimJsMmc } from './simjs.js';

const [which, customers, count] = process.argv.slice(2);
const w = { ...PEER, customers: Number(customers ?? PEER.customers) };
const n = Number(count ?? 1);
// One warm-up run each before the `n` counted ones, as the timed bench does: both sides compiled.
if (which === 'labelsim') {
  const model = mmcModel(w);
  for (let i = 0; i <= n; i++) runLabelsimMmc(model, w.seed);
} else if (which === 'simjs') {
  for (let i = 0; i <= n; i++) runSimJsMmc(w);
} else {
  console.error('usage: node dist/bench/peer-run.js labelsim|simjs [customers] [n]');
  process.exit(2);
}
