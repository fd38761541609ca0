import { histogramLength, histogramSlot } from '../stats/duration-bins.js';
import { arrivalTerms, BACKLOG, SCHEDULE } from './arrival-terms.js';
import type { ModelConfig, WorkType } from './config.js';

/**
 * Whether the items of a work type are timed from arrival to acceptance: all but those of random
 * Poisson arrivals, whose instants are not kept (see TimeInSystem). A p85 time in system of work
 * none of whose types is timed has no items to read (`labelsim solve` refuses to target one).
 */
export function timedInSystem(work: WorkType, deterministic: boolean): boolean {
  return work.arrival.kind !== 'poisson' || deterministic;
}

/**
 * What acceptances say about time: each item's time in system (from its arrival to its
 * acceptance) as a histogram in the pooling layout of duration-bins.ts, the items accepted in
 * each week, and the turnaround of each scheduled delivery (from its arrival until its last item
 * is accepted).
 *
 * An item's arrival is read off its serial, not stored: the k-th item of a type (serial k x types
 * + type) arrived at 0 in a backlog, with delivery floor(k / batch) of a schedule (blocks are
 * served in order), and at k / rate for deterministic Poisson arrivals. Random Poisson arrivals
 * leave no trace of their instants once the item is created, and keeping one would cost 8 bytes
 * per item in progress: their items are not timed (`untimed` counts them).
 */
export class TimeInSystem {
  readonly bins: Float64Array;
  readonly acceptedByWeek: Float64Array;
  /** Per delivery (deliveries of every scheduled type, type by type): hours from its arrival to its last acceptance, NaN until then. */
  readonly turnaround: Float64Array;
  untimed = 0;
  private readonly types: number;
  /** Per type, its first delivery's index in `turnaround` (-1 when it is not scheduled). */
  private readonly firstDelivery: Int32Array;
  private readonly deliveries: Int32Array;
  private readonly deliveryLeft: Float64Array;
  /**
   * Per type, how its arrival instants follow from the index k: 0 backlog, 1 schedule (first +
   * floor(k / batch) x every), 2 deterministic Poisson (k + 1) / rate (`every` holds the rate), 3 untimed. NOTE: speed:
   * numbers in typed arrays, so the once-per-acceptance call reads no config objects.
   */
  private readonly rule: Uint8Array;
  private readonly first: Float64Array;
  private readonly every: Float64Array;
  private readonly batch: Float64Array;

  constructor(
    config: ModelConfig,
    private readonly statsFromHours: number,
  ) {
    this.types = config.work.length;
    const terms = arrivalTerms(config.work);
    this.rule = terms.mode.map((m, t) => (m === BACKLOG ? 0 : m === SCHEDULE ? 1 : timedInSystem(config.work[t], config.deterministic) ? 2 : 3));
    ({ first: this.first, every: this.every, batch: this.batch } = terms);
    this.bins = new Float64Array(timeInSystemBins(config));
    this.acceptedByWeek = new Float64Array(weeksOf(config));
    const sizes = deliverySizes(config);
    this.firstDelivery = new Int32Array(this.types).fill(-1);
    this.deliveries = Int32Array.from(sizes, (s) => s?.length ?? 0);
    let at = 0;
    sizes.forEach((s, t) => {
      if (s === null) return;
      this.firstDelivery[t] = at;
      at += s.length;
    });
    this.deliveryLeft = Float64Array.from(sizes.flatMap((s) => s ?? []));
    this.turnaround = new Float64Array(at).fill(NaN);
  }

  accepted(serial: number, type: number, now: number): void {
    const week = Math.floor(now / 168);
    if (week < this.acceptedByWeek.length) this.acceptedByWeek[week]++;
    const rule = this.rule[type];
    let arrived = 0;
    if (rule !== 0) {
      const k = Math.floor(serial / this.types);
      if (rule === 1) {
        const d = Math.floor(k / this.batch[type]);
        arrived = this.first[type] + d * this.every[type];
        const i = this.firstDelivery[type] + d;
        if (d < this.deliveries[type] && --this.deliveryLeft[i] === 0) this.turnaround[i] = now - arrived;
      } else if (rule === 2) arrived = (k + 1) / this.every[type]; // the rate: the instant arrivals.ts gives
      else {
        this.untimed++;
        return;
      }
    }
    if (now >= this.statsFromHours) this.bins[histogramSlot(now - arrived, this.bins.length)]++;
  }
}

/** Counters of a histogram of times in system: they are at most the horizon. */
export function timeInSystemBins(config: ModelConfig): number {
  return histogramLength(config.horizonHours);
}

/** Weeks from the start to the horizon, the last one perhaps partial. */
export function weeksOf(config: ModelConfig): number {
  return Math.ceil(config.horizonHours / 168);
}

/**
 * Per work type, the sizes of the deliveries that arrive by the horizon (null when it is not
 * scheduled): a full batch each, the last one what is left of the count.
 */
export function deliverySizes(config: ModelConfig): Array<number[] | null> {
  return config.work.map((w) => {
    const a = w.arrival;
    if (a.kind !== 'schedule') return null;
    if (a.firstHours > config.horizonHours) return [];
    const byHorizon = Math.floor((config.horizonHours - a.firstHours) / a.everyHours) + 1;
    const byCount = w.count === null ? Infinity : Math.ceil(w.count / a.batch);
    const n = Math.min(byHorizon, byCount);
    return Array.from({ length: n }, (_, d) => (w.count === null ? a.batch : Math.min(a.batch, w.count - d * a.batch)));
  });
}
