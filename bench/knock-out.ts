/**
 * What each part of the annotation model costs on the M/M/10 peer run (bench/simjs.ts): the run
 * with one part cut down to the least that keeps the same queue going, against the intact run.
 * Each is timed in a child process of its own (a cut-down method would otherwise leak into the
 * intact run's compiled code), best of a few runs after a warm-up, in alternating back-to-back
 * pairs; the median time ratio per part is printed. The parts:
 *
 *   task accounting   a task's hours are its draw alone: no wait histogram, task object, modifiers or cost ledger
 *   item flow         a finished task releases its item: no label, tier, acceptance, tallies, time in system or fees
 *   item creation     an arrival joins the queue directly: no flow entry (stage, pass, labels reset)
 *   all three         what is left is the engine, the random draws and the item store
 *
 * Every cut keeps the draws and so the events: the child checks that it handled as many as the
 * intact run. A measurement, not a model: the cut-down runs produce no usable figures.
 *
 *   npm run build && node dist/bench/knock-out.js [pairs]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Arrivals } from '../sim/model/arrivals.js';
import { Tasks } from '../sim/model/tasks.js';
import { mmcModel, PEER, runLabelsimMmc } from './simjs.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Cut = () => void;

const CUTS: Record<string, { what: string; apply: Cut }> = {
  'task accounting': {
    what: "a task's hours are its draw alone",
    apply: () => {
      (Tasks.prototype as any).serviceHours = function (this: any, item: number): number {
        const items = this.items;
        const st = this.stages[items.stage[item]];
        this.draws.task(items.serial[item], st.index, items.attempts[item], items.begun[item]++);
        return st.draw();
      };
    },
  },
  'item flow': {
    what: 'a finished task releases its item',
    apply: () => {
      (Tasks.prototype as any).completed = function (this: any, item: number): void {
        this.items.release(item);
      };
    },
  },
  'item creation': {
    what: 'an arrival joins its queue directly',
    apply: () => {
      // The Poisson arrivals of the peer run only.
      (Arrivals.prototype as any).arrive = function (this: any, type: number): void {
        const first = this.workflows[type][0];
        const item = this.items.create(type, first, this.created[type]++ * this.work.length + type);
        this.groups[this.stages[first].group].arrive(item, 0);
        this.left[type] -= 1;
        this.events[type]++;
        if (this.left[type] > 0) this.next(type);
      };
    },
  },
};
CUTS['all three'] = {
  what: 'the engine, the draws and the item store alone',
  apply: () => {
    for (const name of ['task accounting', 'item flow', 'item creation']) CUTS[name].apply();
  },
};

const RUNS = 3;

/**
 * In a child: applies the cut (none for 'intact'), runs a warm-up and `runs` timed runs of
 * `customers`, prints the best time and the events. bench/knock-out-instructions.sh calls it
 * directly under callgrind.
 */
function child(cut: string, customers = PEER.customers, runs = RUNS): void {
  if (cut !== 'intact' && CUTS[cut] === undefined) throw new Error(`unknown cut "${cut}": intact, ${Object.keys(CUTS).join(', ')}`);
  if (cut !== 'intact') CUTS[cut].apply();
  const model = mmcModel({ ...PEER, customers });
  runLabelsimMmc(model, PEER.seed);
  let best = Infinity;
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const r = runLabelsimMmc(model, PEER.seed);
    best = Math.min(best, r.seconds);
    events = r.events;
  }
  console.log(JSON.stringify({ seconds: best, events }));
}

function timed(cut: string): { seconds: number; events: number } {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', cut], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`knock-out child "${cut}" exited with ${r.status ?? r.signal}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as { seconds: number; events: number };
}

function main(): void {
  const pairs = Number(process.argv[2] ?? 5);
  console.log(`M/M/10 peer run, ${PEER.customers.toLocaleString('en-US')} customers; each side best of ${RUNS} after a warm-up, in its own process; median of ${pairs} alternating pairs`);
  for (const [name, cut] of Object.entries(CUTS)) {
    const ratios: number[] = [];
    for (let i = 0; i < pairs; i++) {
      const [intact, cutDown] = i % 2 === 0 ? [timed('intact'), timed(name)] : (([c, t]) => [t, c])([timed(name), timed('intact')]);
      if (intact.events !== cutDown.events) throw new Error(`"${name}" changed the run: ${cutDown.events} events against ${intact.events}`);
      ratios.push(cutDown.seconds / intact.seconds);
    }
    ratios.sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)];
    console.log(`${name.padEnd(16)} (${cut.what}): ${((1 - median) * 100).toFixed(1)}% of the time (cut-down / intact ${median.toFixed(3)}, pairs ${ratios[0].toFixed(3)}-${ratios[ratios.length - 1].toFixed(3)})`);
  }
}

if (process.argv[2] === '--child') child(process.argv[3], process.argv[4] === undefined ? undefined : Number(process.argv[4]), process.argv[5] === undefined ? undefined : Number(process.argv[5]));
else main();
