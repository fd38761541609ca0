// Measures the memory one replication of an experiment's first plan keeps alive: heap outside the
// code spaces plus typed-array buffers, around the model's construction and run, with full collections.
// A process of its own, run with --expose-gc --no-flush-bytecode --no-concurrent-recompilation: in
// a test runner's worker the runner's own allocations and the flushing of idle bytecode move the
// heap by as much as a replication's state, and a compile job still running in the background
// holds the previous model alive, so a measurement sometimes came out near zero. A smaller run of
// the same plan first compiles the model's code, whose bytecode and type feedback live on the heap
// too and are not the replication's.
// Usage: node --expose-gc --no-flush-bytecode --no-concurrent-recompilation replication-memory.mjs <dist> <experiment> [warm-up experiment]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const [dist, file, warmUpFile] = process.argv.slice(2);
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const { parseExperiment } = await load('experiments/load/index.js');
const { AnnotationModel } = await load('sim/model/annotation-model.js');

function runOnce(name) {
  const experiment = parseExperiment(fs.readFileSync(name, 'utf8'), name);
  return new AnnotationModel(experiment.plans[0].model, experiment.seed, 0).run();
}

/** Heap in use outside the code spaces (optimised code compiled during a long run is not state), plus typed-array buffers. */
function used() {
  globalThis.gc();
  globalThis.gc();
  const heap = v8.getHeapSpaceStatistics().filter((s) => !s.space_name.startsWith('code_')).reduce((sum, s) => sum + s.space_used_size, 0);
  return heap + process.memoryUsage().arrayBuffers;
}

if (warmUpFile !== undefined) runOnce(warmUpFile);
const experiment = parseExperiment(fs.readFileSync(file, 'utf8'), file);
const before = used();
const model = new AnnotationModel(experiment.plans[0].model, experiment.seed, 0);
const result = model.run();
const kept = used() - before;
process.stdout.write(JSON.stringify({ kept, events: result.events, accepted: result.accepted, completed: result.completed }));
// The model is still referenced here, so the measurement above saw it alive.
if (model === null) process.exitCode = 1;
