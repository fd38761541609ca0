import fs from 'node:fs';
import seedrandom from 'seedrandom';

/**
 * A team's history made from a known truth, to check that calibration recovers it. Each of
 * `annotators` people works `days` weekdays (from Monday 2026-03-02), 09:00-17:00 UTC, and spends
 * (1 - shrinkage) of the shift on items, one after the other: item times are lognormal(mean, cv)
 * times the person's pace and learning factor 1 + (initialFactor - 1) 2^(-n / halfLife). With
 * probability `idle`, the platform's timer also ran through a break of 20 to 60 minutes (the
 * item's active time is unchanged). A share `sample` of first passes is reviewed and rejected with
 * probability `errorRate`; a rejected item is reworked next (reworkFactor of a fresh draw).
 */
export interface Truth {
  annotators: number;
  days: number;
  meanSeconds: number;
  cv: number;
  shrinkage: number;
  idle: number;
  speedCv: number;
  learning: { initialFactor: number; halfLife: number } | null;
  sample: number;
  errorRate: number;
  reworkFactor: number;
  /** Stop after this many first passes in all (a pilot), whatever the days. */
  maxItems?: number;
  seed: string;
}

export const TRUTH: Truth = { annotators: 6, days: 10, meanSeconds: 40, cv: 0.5, shrinkage: 0.2, idle: 0.01, speedCv: 0, learning: null, sample: 0, errorRate: 0, reworkFactor: 0.5, seed: 'truth' };

export interface Written {
  firstPasses: number;
  reworks: number;
  idle: number;
  labels: number;
}

export function writeSyntheticCsv(file: string, t: Truth): Written {
  const random = seedrandom.alea(t.seed);
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const sigma = Math.sqrt(Math.log(1 + t.cv * t.cv));
  const draw = () => t.meanSeconds * Math.exp(sigma * normal() - (sigma * sigma) / 2);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'annotator,item,item_type,end,seconds,outcome,tier,reviewer,review_seconds\n');
  const written: Written = { firstPasses: 0, reworks: 0, idle: 0, labels: 0 };
  const monday = Date.UTC(2026, 2, 2);
  let itemSerial = 0;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) fs.writeSync(out, lines.join(''));
    lines = [];
  };
  const paces = Array.from({ length: t.annotators }, () => (t.speedCv > 0 ? Math.exp(Math.sqrt(Math.log(1 + t.speedCv ** 2)) * normal() - Math.log(1 + t.speedCv ** 2) / 2) : 1));
  const done = new Array<number>(t.annotators).fill(0);
  outer: for (let d = 0; d < t.days; d++) {
    const day = monday + (Math.floor(d / 5) * 7 + (d % 5)) * 86_400_000;
    for (let a = 0; a < t.annotators; a++) {
      const budget = 8 * 3600 * (1 - t.shrinkage);
      let active = 0;
      let pendingRework: number | null = null;
      for (;;) {
        if (t.maxItems !== undefined && written.firstPasses >= t.maxItems && pendingRework === null) break outer;
        const isRework: boolean = pendingRework !== null;
        const learn = t.learning === null ? 1 : 1 + (t.learning.initialFactor - 1) * Math.pow(2, -done[a] / t.learning.halfLife);
        const seconds = draw() * paces[a] * learn * (isRework ? t.reworkFactor : 1);
        if (active + seconds > budget) break;
        active += seconds;
        done[a]++;
        const item: number = isRework ? (pendingRework as number) : ++itemSerial;
        pendingRework = null;
        let timer = seconds;
        if (random() < t.idle) {
          timer += 1200 + 2400 * random();
          written.idle++;
        }
        // Idle time spread evenly over the shift: the end of an item is its share of the day.
        const end = new Date(day + 9 * 3_600_000 + (active / (1 - t.shrinkage)) * 1000).toISOString();
        let outcome = '';
        let review = ',,';
        if (!isRework && random() < t.sample) {
          const rejected = random() < t.errorRate;
          outcome = rejected ? 'rejected' : 'accepted';
          review = `review,qa-1,${(6 * Math.exp(0.4 * normal())).toFixed(2)}`;
          if (rejected) pendingRework = item;
        }
        if (isRework) written.reworks++;
        else written.firstPasses++;
        written.labels++;
        lines.push(`ann-${a},item-${item},frame,${end},${timer.toFixed(3)},${outcome},${review}\n`);
        if (lines.length >= 10_000) flush();
      }
    }
  }
  flush();
  fs.closeSync(out);
  return written;
}
