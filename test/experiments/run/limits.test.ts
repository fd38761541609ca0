import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../../experiments/load/index.js';
import { BASE_BYTES, BYTES_PER_ITEM, bytes, checkLimits, LimitError, queuedMemory } from '../../../experiments/run/limits.js';
import { capacityCheck } from '../../../sim/model/capacity.js';
import { AnnotationModel } from '../../../sim/model/annotation-model.js';
import { labelsim, REPO, tempDir } from '../../support/cli.js';
import { errorOf, minimalDocument, parseDoc } from '../load/helpers.js';

/**
 * 50 million items, 10,000 annotators and 1,000 reviewers on weekday shifts, a 3-year horizon.
 * An item takes about a working day, so the run is cut off at the horizon with most items still
 * in the backlog: the worst case for memory if items existed before they are served.
 */
const HUGE = `
name: huge
seed: 5
replications: 1
deadline: 52w
horizon: 156w
work:
  frames: { count: 50000000, workflow: [annotate, review] }
pools:
  annotators:
    headcount: 10000
    shifts: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }]
    speedCv: 0.3
    errorRate: 5%
    pay: { salaried: 20/h }
  reviewers:
    headcount: 1000
    shifts: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }]
    pay: { hourly: 30/h }
stages:
  annotate: { kind: annotate, pool: annotators, handling: { lognormal: { mean: 8h, cv: 0.3 } } }
  review: { kind: review, pool: reviewers, handling: { lognormal: { mean: 20m, cv: 0.4 } }, sample: 10% }
`;

/** The same scale, but every item is reviewed by 10 people who cannot keep up: ~50 million items wait as items before review. */
const PILE_UP = `
name: pile-up
replications: 1
deadline: 52w
horizon: 156w
work:
  frames: { count: 50000000, workflow: [annotate, review] }
pools:
  annotators: { headcount: 10000, shifts: always, pay: none }
  reviewers: { headcount: 10, shifts: always, pay: none }
stages:
  annotate: { kind: annotate, pool: annotators, handling: 10m }
  review: { kind: review, pool: reviewers, handling: 20m, sample: 100% }
`;

const MiB = 2 ** 20;

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** What one replication of the file's first plan keeps alive, measured in a process of its own (test/support/replication-memory.mjs). */
function measuredReplication(file: string, warmUpFile: string): { kept: number; events: number; accepted: number; completed: boolean } {
  const script = path.join(REPO, 'test', 'support', 'replication-memory.mjs');
  const r = spawnSync(process.execPath, ['--expose-gc', '--no-flush-bytecode', '--no-concurrent-recompilation', script, path.join(REPO, 'dist'), file, warmUpFile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`replication-memory.mjs failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('50 million items x 10,000 people x 3 years', () => {
  it('is estimated at tens of MiB per replication, and one replication keeps no more than estimated (measured)', () => {
    const experiment = parseExperiment(HUGE, 'huge.yaml');
    const check = checkLimits({ file: 'huge.yaml', plans: experiment.plans, replications: 1, workers: 1, limitMb: 2048 });
    const estimate = check.memory[0];
    console.log(`estimate: ${bytes(estimate.bytes)} per replication = ${estimate.parts.map((p) => `${p.what} (${bytes(p.bytes)})`).join(' + ')}`);
    expect(estimate.bytes).toBeLessThan(64 * MiB);

    const dir = tempDir('huge-memory');
    const small = HUGE.replace('count: 50000000', 'count: 1000000').replace('deadline: 52w', 'deadline: 4w').replace('horizon: 156w', 'horizon: 8w');
    const result = measuredReplication(write(dir, 'huge.yaml', HUGE), write(dir, 'warm-up.yaml', small));
    const kept = result.kept;
    console.log(
      `measured: ${bytes(kept)} (${kept.toLocaleString('en-US')} bytes; estimate without the worker's base ${(estimate.bytes - BASE_BYTES).toLocaleString('en-US')}) kept by one replication (heap + typed arrays) after ${result.events.toLocaleString('en-US')} events, ` +
        `${result.accepted.toLocaleString('en-US')} of 50,000,000 items accepted by the horizon; per-item state for the backlog would be ${bytes(50e6 * 13)}`,
    );
    expect(result.completed).toBe(false);
    expect(result.accepted).toBeGreaterThan(1_000_000);
    expect(kept).toBeLessThan(estimate.bytes - BASE_BYTES);
    expect(kept).toBeGreaterThan(11_000 * 64); // the measurement sees the 11,000 people's state
    expect(kept).toBeLessThan((50e6 * 13) / 10); // not per item: a tenth of 13 bytes per item
  });

  it('runs through the command line with its workers held to a 256 MiB heap', () => {
    const dir = tempDir('huge');
    const file = write(dir, 'huge.yaml', HUGE);
    const r = labelsim(['run', file, '--workers', '1', '--max-memory', '256', '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Memory: about \d+ MiB per replication, limit 256 MiB per worker thread \(--max-memory\);/m);
    expect(r.stdout).toMatch(/\(1 of 1 replications did not finish by the horizon\)/);
  });
});

describe('items waiting as items', () => {
  it('are estimated by the fluid model within 10% of the peak queue the simulation reaches before a slow review tier', () => {
    // 2 million items, 10,000 annotators, one reviewer for a 10% sample: the sample piles up.
    const text = HUGE.replace('count: 50000000', 'count: 2000000').replace('headcount: 1000\n', 'headcount: 1\n').replace('mean: 8h', 'mean: 4h');
    const experiment = parseExperiment(text, 'pile.yaml');
    const model = experiment.plans[0].model;
    const queued = queuedMemory(model, capacityCheck(model))!;
    const estimated = queued.bytes / BYTES_PER_ITEM;
    const result = new AnnotationModel(model, experiment.seed, 0).run();
    const simulated = result.peakQueue[1]; // reviewers
    console.log(`items waiting before review: estimated ${Math.round(estimated).toLocaleString('en-US')}, simulated peak ${simulated.toLocaleString('en-US')}`);
    expect(simulated).toBeGreaterThan(100_000);
    expect(Math.abs(estimated - simulated) / simulated).toBeLessThan(0.1);
  });
});

describe('a plan above the memory limit', () => {
  it('is refused before anything is allocated or written, naming the plan, the figures and how to raise the limit', () => {
    const dir = tempDir('pile-up');
    const file = write(dir, 'pile-up.yaml', PILE_UP);
    const out = path.join(dir, 'out');
    const r = labelsim(['run', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `labelsim: ${file}: plan "base" needs about 2.7 GiB per replication (49,975,000 items waiting as items (most before stage "review") x ${BYTES_PER_ITEM} B, 32 MiB for the worker), ` +
        'above the limit of 2 GiB per worker thread; raise it with --max-memory 3584 (or LABELSIM_MAX_MEMORY_MB) or reduce the items waiting before stage "review" ' +
        '(more people in pool "reviewers" or a lower sample)\n',
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('runs, or checks, once the limit is raised with --max-memory or LABELSIM_MAX_MEMORY_MB', () => {
    const file = write(tempDir('raised'), 'pile-up.yaml', PILE_UP);
    for (const r of [labelsim(['check', file, '--max-memory', '3584']), labelsim(['check', file], { LABELSIM_MAX_MEMORY_MB: '3584' })]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Memory: about 2\.7 GiB per replication, limit 3\.5 GiB per worker thread/m);
    }
    const bad = labelsim(['check', file], { LABELSIM_MAX_MEMORY_MB: 'lots' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('labelsim: LABELSIM_MAX_MEMORY_MB: expected a whole number of MiB from 64 to 1048576, like 4096, got lots\n');
  });

  it('is refused when its people alone exceed the limit, before a calendar is built', () => {
    const doc = minimalDocument();
    for (let i = 0; i < 20; i++) doc.pools[`crowd${i}`] = { headcount: 1_000_000, shifts: 'always', pay: 'none' };
    // The crowds share the annotators' queue: a pool that serves no stage is left out of the plan.
    doc.stages.annotate.pool = ['annotators', ...Array.from({ length: 20 }, (_, i) => `crowd${i}`)];
    const experiment = parseDoc(doc);
    const error = (() => {
      try {
        checkLimits({ file: 'crowd.yaml', plans: experiment.plans, replications: 1, workers: 1, limitMb: 2048 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LimitError);
    expect((error as Error).message).toMatch(/^crowd\.yaml: plan "base" needs about 4\.8 GiB per replication \(20,000,005 people x 256 B\), above the limit of 2 GiB per worker thread; .*reduce the headcount$/);
  });

  it('is refused when all worker threads together would need more than the machine has', () => {
    const file = write(tempDir('threads'), 'pile-up.yaml', PILE_UP);
    // 1,000 replications, so the 1,000 threads asked for would all be started (a run starts no more than it has replications).
    const r = labelsim(['run', file, '--workers', '1000', '-r', '1000', '--max-memory', '3584']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^labelsim: .*pile-up\.yaml: 1000 worker threads x about 2\.7 GiB per replication need 2\.\d TiB, more than this machine's [\d.]+ [GT]iB; use --workers \d+\n$/);
  });

  it('is refused when the records to summarise would not fit in this process', () => {
    const dir = tempDir('records');
    const text = fs.readFileSync('experiments/validation/mmc.yaml', 'utf8').replace('horizon: 21000h', 'horizon: 5200w');
    const file = write(dir, 'mmc.yaml', text);
    const r = labelsim(['run', file, '--replications', '1000000', '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^labelsim: .*mmc\.yaml: 1 plan\(s\) x 1,000,000 replications x \d{2},\d{3} numbers per record \(mostly one per day and per week of the horizon, and the wait histograms\) need about 1\.\d TiB in this process to summarise, above the [\d.]+ GiB it may use; reduce --replications or the horizon, or raise the heap with NODE_OPTIONS=--max-old-space-size=\d+\n$/,
    );
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('limits of the model, checked by the loader', () => {
  it('refuses more than 256 pools, stages or item types (an item keeps each in one byte)', () => {
    const e = errorOf(() => {
      const doc = minimalDocument();
      for (let i = 0; i < 256; i++) doc.pools[`p${i}`] = { headcount: 1, shifts: 'always', pay: 'none' };
      parseDoc(doc);
    });
    expect(e.message).toBe('experiment.yaml: pools: expected at most 256 pools (an item keeps its pool in one byte), got 258');
  });

  it('refuses a horizon beyond 100 years, or a deadline whose default horizon would be', () => {
    const horizon = errorOf(() => parseDoc({ ...minimalDocument(), horizon: '5201w' }));
    expect(horizon.message).toBe('experiment.yaml: horizon: expected a horizon of at most 5200w (100 years), got "5201w"');
    const deadline = errorOf(() => parseDoc({ ...minimalDocument(), deadline: '2000w' }));
    expect(deadline.field).toBe('deadline');
    expect(parseDoc({ ...minimalDocument(), deadline: '2000w', horizon: '5200w' }).plans[0].model.horizonHours).toBe(5200 * 168);
  });

  it('refuses more items than 32-bit serials can key, counting the item types', () => {
    const one = minimalDocument();
    one.work.frames.count = 2 ** 31;
    expect(parseDoc(one).plans[0].model.work[0].count).toBe(2 ** 31);
    one.work.frames.count = 2 ** 31 + 1;
    expect(errorOf(() => parseDoc(one)).message).toBe('experiment.yaml: work.frames.count: expected an item count of at most 2,147,483,648 (item serials are 32-bit), got 2147483649');
    const two = minimalDocument();
    two.work.clips = { count: 2 ** 30 + 1, workflow: ['annotate'] };
    expect(errorOf(() => parseDoc(two)).message).toBe(
      'experiment.yaml: work.clips.count: expected an item count of at most 1,073,741,824 with 2 item types (item serials are 32-bit), got 1073741825',
    );
  });
});
