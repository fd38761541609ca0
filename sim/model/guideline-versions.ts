import type { ServerPool } from '../engine/server-pool.js';
import type { Simulation } from '../engine/simulation.js';
import type { GuidelineChange, GuidelineConfig, ModelConfig } from './config.js';
import { ExactShare, settled } from './exact-share.js';
import type { ItemStore } from './item-store.js';
import type { LabelClasses } from './label-classes.js';
import { Pass } from './pass.js';
import type { PayTerms } from './pay/index.js';
import type { QueueDiscipline } from './queue-discipline.js';
import { type RelabelDraws, selectFromCounts } from './relabel-selection.js';
import type { ReplicationTally } from './replication-tally.js';
import type { StageRuntime } from './stage-runtime.js';

/** Backlog tags from here on are relabel blocks (below it, a work type's own backlog). */
export const RELABEL_TAG_BASE = 1 << 16;

/** What `accepting` says of an item about to be accepted. */
export const Verdict = {
  /** An item of the current version: accepted. */
  Accepted: 0,
  /** A relabel item: accepted (its first acceptance was counted before). */
  RelabelAccepted: 1,
  /** Its label predates a change that targets it: sent back for relabelling, not accepted. */
  SentBack: 2,
} as const;

export interface GuidelineParts {
  sim: Simulation;
  config: ModelConfig;
  items: ItemStore;
  stages: StageRuntime[];
  workflows: Int32Array[];
  groups: ServerPool[];
  discipline: QueueDiscipline;
  tally: ReplicationTally;
  pay: PayTerms[];
  /** True classes of the items of types that declare them (null: no type does). */
  classes: LabelClasses | null;
  draws: RelabelDraws | null;
}

/**
 * Guideline versions. Every label carries the version it was made under; accepted items, gone
 * from memory, are counted by (work type, class, version, right or wrong), so memory does not
 * grow with the items (numbers: types x classes x versions x 2, plus three bytes per item slot
 * in progress). A change at a date or at the N-th acceptance starts a new version and sends a
 * chosen number of the counted items back: none, all, a share, or a share of some classes
 * (untracked versions: all, whatever the targeting). The items sent back leave the accepted
 * count (the delivered set is the one under the newest version, so completion waits for them)
 * and join their type's annotate queue as a block, at rework's priority, created only when
 * served; labels still in progress at the change that it targets are sent back when accepted.
 * Each relabel item is a new labelling of the item: every stage of its workflow as configured.
 */
export class GuidelineVersions {
  /** Per change, in file order: the hour it took effect (NaN until then), items sent back, their hours and money. */
  readonly changeHours: Float64Array;
  readonly relabelItems: Float64Array;
  readonly relabelHours: Float64Array;
  readonly relabelCost: Float64Array;
  /** The current version: 0 before any change, k after the k-th change to take effect. */
  version = 0;
  private readonly changes: GuidelineChange[];
  private readonly tracked: boolean;
  private readonly versions: number;
  /** Per type: where its counts start, and its classes (1 without). */
  private readonly offset: Int32Array;
  private readonly classCount: Int32Array;
  /** Per (type, class, version): items accepted, and those of them whose label is right. */
  readonly accepted: Float64Array;
  readonly accurate: Float64Array;
  /** Per version from 1: the change (file index) that started it. */
  private readonly changeOf: Int32Array;
  /** Per change and type: 1 when the change applies to the type; per change, type and class: 1 when targeted. */
  private readonly appliesTo: Uint8Array[];
  private readonly classTargeted: Uint8Array[][];
  /** Per item slot: the version of its label, 1 + the change that sent it back (0: an original item), its class. */
  private labelVersion: Uint8Array;
  private relabelOf: Uint8Array;
  private classOf: Uint8Array;
  /** Relabel blocks by tag - RELABEL_TAG_BASE: change, type, class. */
  private readonly blocks: Array<{ change: number; type: number; cls: number }> = [];
  private readonly relabelled: Float64Array;
  private readonly shares: ExactShare[];
  private readonly ratePerHour: Float64Array;
  private readonly perTask: Float64Array;
  private readonly perAccepted: Float64Array;
  private readonly relabelClass: number;

  constructor(private readonly parts: GuidelineParts) {
    const g = parts.config.guidelines as GuidelineConfig;
    const work = parts.config.work;
    this.changes = g.changes;
    this.tracked = g.tracked;
    this.versions = g.changes.length + 1;
    const n = g.changes.length;
    this.changeHours = new Float64Array(n).fill(NaN);
    this.relabelItems = new Float64Array(n);
    this.relabelHours = new Float64Array(n);
    this.relabelCost = new Float64Array(n);
    this.classCount = Int32Array.from(work, (w) => w.classes?.names.length ?? 1);
    this.offset = new Int32Array(work.length);
    let at = 0;
    work.forEach((_, t) => {
      this.offset[t] = at;
      at += this.classCount[t]! * this.versions;
    });
    this.accepted = new Float64Array(at);
    this.accurate = new Float64Array(at);
    this.changeOf = new Int32Array(this.versions).fill(-1);
    this.appliesTo = g.changes.map((c) => {
      const applies = new Uint8Array(work.length);
      for (const t of c.types) applies[t] = 1;
      return this.tracked ? applies : applies.fill(1);
    });
    this.classTargeted = g.changes.map((c) =>
      work.map((w) => {
        const k = w.classes?.names.length ?? 1;
        if (c.relabel.kind !== 'classes' || !this.tracked) return new Uint8Array(k).fill(1);
        const names = c.relabel.names;
        return Uint8Array.from({ length: k }, (_, i) => (w.classes !== undefined && names.includes(w.classes.names[i]!) ? 1 : 0));
      }),
    );
    this.labelVersion = new Uint8Array(parts.items.capacity);
    this.relabelOf = new Uint8Array(parts.items.capacity);
    this.classOf = new Uint8Array(parts.items.capacity);
    this.relabelled = new Float64Array(work.length);
    this.shares = g.changes.map((_, k) => new ExactShare(k + 1));
    this.ratePerHour = Float64Array.from(parts.pay, (t) => t.perHourWorked);
    this.perTask = Float64Array.from(parts.pay, (t) => t.perTask);
    this.perAccepted = Float64Array.from(parts.pay, (t) => t.perAccepted);
    this.relabelClass = parts.discipline.classOf(Pass.Rework);
  }

  /** Schedules the changes that take effect at a time; the rest wait for their acceptance. */
  start(horizonHours: number): void {
    const kind = this.parts.sim.register((k) => this.takeEffect(k));
    this.changes.forEach((c, k) => {
      if (c.when.kind === 'at' && c.when.hours < horizonHours) this.parts.sim.at(c.when.hours, kind, k);
    });
  }

  /** Numbers kept, whatever the number of items: the counts, and the per-slot bytes of the items in progress. */
  get stateSize(): number {
    return this.accepted.length + this.accurate.length + this.labelVersion.length + this.relabelOf.length + this.classOf.length + this.blocks.length;
  }

  /** An item's labels are in: its label is of the current version. */
  labelled(item: number): void {
    if (item >= this.labelVersion.length) this.grow();
    this.labelVersion[item] = this.version;
  }

  /**
   * Item `item` is about to be accepted: counted under its label's version and class, unless a
   * change since its label targets it, when it goes back for relabelling instead.
   */
  accepting(item: number, wrong: boolean): number {
    const { items } = this.parts;
    const type = items.type[item]!;
    const relabel = this.relabelOf[item]!;
    const cls = relabel > 0 ? this.classOf[item]! : this.trueClass(type, items.serial[item]!);
    const v = this.labelVersion[item]!;
    if (v < this.version) {
      const k = this.targetingChange(v, type, cls, items.serial[item]!);
      if (k >= 0) {
        this.relabelItems[k]!++;
        this.addBlock(k, type, cls, 1);
        this.relabelOf[item] = 0;
        items.release(item);
        return Verdict.SentBack;
      }
    }
    const cell = this.offset[type]! + cls * this.versions + v;
    this.accepted[cell]!++;
    if (!wrong) this.accurate[cell]!++;
    if (relabel === 0) return Verdict.Accepted;
    this.relabelCost[relabel - 1]! += this.perAccepted[items.labeller[item]!]!;
    this.relabelOf[item] = 0;
    return Verdict.RelabelAccepted;
  }

  /** After an acceptance: a change waiting for the project's N-th acceptance takes effect. */
  acceptedCount(accepted: number): void {
    for (let k = 0; k < this.changes.length; k++) {
      const w = this.changes[k]!.when;
      if (w.kind === 'afterAccepted' && w.items === accepted && Number.isNaN(this.changeHours[k]!)) this.takeEffect(k);
    }
  }

  /** Hours of a task just started on `item` by `pool` (`tasks` 1 for the item's own work, 0 for gold served with it). */
  worked(item: number, pool: number, hours: number, tasks: number): void {
    const relabel = this.relabelOf[item]!;
    if (relabel === 0) return;
    this.relabelHours[relabel - 1]! += hours;
    this.relabelCost[relabel - 1]! += hours * this.ratePerHour[pool]! + tasks * this.perTask[pool]!;
  }

  /** The next item of a relabel block, created as it is served: a new serial, its class kept. */
  createJob(tag: number): number {
    const { items, stages, workflows, groups, config } = this.parts;
    const b = this.blocks[tag - RELABEL_TAG_BASE]!;
    const types = config.work.length;
    // Negative serials: keyed draws of their own, apart from every arrival's (0 and up).
    const serial = -(1 + this.relabelled[b.type]!++ * types + b.type);
    const item = items.create(b.type, workflows[b.type]![0]!, serial);
    if (item >= this.relabelOf.length) this.grow();
    this.relabelOf[item] = b.change + 1;
    this.classOf[item] = b.cls;
    const st = stages[workflows[b.type]![0]!]!;
    for (let c = 1; c < st.labels; c++) groups[st.group]!.arriveFirst(item, this.relabelClass);
    return item;
  }

  // --- a change ---------------------------------------------------------------------------

  private takeEffect(k: number): void {
    const { sim, tally, config } = this.parts;
    if (!Number.isNaN(this.changeHours[k]!)) return;
    this.changeHours[k] = sim.now;
    const version = ++this.version;
    this.changeOf[version] = k;
    const c = this.changes[k]!;
    if (this.tracked && c.relabel.kind === 'none') return;
    const share = !this.tracked || c.relabel.kind === 'all' ? 1 : c.relabel.kind === 'none' ? 0 : c.relabel.share;
    const deadline = config.deadlineHours;
    for (let t = 0; t < config.work.length; t++) {
      if (this.appliesTo[k]![t] === 0) continue;
      // Pieces: per targeted class and earlier version, the right labels, then the wrong ones.
      const classes = this.classCount[t]!;
      const targeted = this.classTargeted[k]![t]!;
      const pieces = new Float64Array(classes * version * 2);
      let counted = 0;
      for (let cls = 0; cls < classes; cls++) {
        if (targeted[cls] === 0) continue;
        for (let v = 0; v < version; v++) {
          const cell = this.offset[t]! + cls * this.versions + v;
          const at = (cls * version + v) * 2;
          pieces[at] = this.accurate[cell]!;
          pieces[at + 1] = this.accepted[cell]! - this.accurate[cell]!;
          counted += this.accepted[cell]!;
        }
      }
      const count = Math.round(share * counted);
      if (count === 0) continue;
      const taken = selectFromCounts(pieces, count, this.parts.draws, k, t);
      let right = 0;
      for (let cls = 0; cls < classes; cls++) {
        let ofClass = 0;
        for (let v = 0; v < version; v++) {
          const at = (cls * version + v) * 2;
          const cell = this.offset[t]! + cls * this.versions + v;
          this.accepted[cell]! -= taken[at]! + taken[at + 1]!;
          this.accurate[cell]! -= taken[at]!;
          right += taken[at]!;
          ofClass += taken[at]! + taken[at + 1]!;
        }
        if (ofClass > 0) this.addBlock(k, t, cls, ofClass);
      }
      this.relabelItems[k]! += count;
      // The items sent back are no longer delivered: the project must accept them again.
      tally.accepted -= count;
      tally.accurate -= right;
      tally.typeAccurate[t]! -= right;
      if (tally.typeLeft[t] === 0) tally.typeCompletion[t] = NaN;
      tally.typeLeft[t]! += count;
      if (deadline !== null && sim.now <= deadline) tally.acceptedByDeadline -= count;
    }
  }

  /** The first change since version `v` that sends this label back, or -1. */
  private targetingChange(v: number, type: number, cls: number, serial: number): number {
    for (let version = v + 1; version <= this.version; version++) {
      const k = this.changeOf[version]!;
      if (this.appliesTo[k]![type] === 0 || this.classTargeted[k]![type]![cls] === 0) continue;
      const r = this.changes[k]!.relabel;
      if (this.tracked && r.kind === 'none') continue;
      const share = !this.tracked || r.kind === 'all' ? 1 : (r as { share: number }).share;
      if (settled(share) ? share >= 1 : this.parts.draws === null ? this.shares[k]!.take(share) : this.parts.draws.inShare(serial, k) < share) return k;
    }
    return -1;
  }

  private addBlock(change: number, type: number, cls: number, n: number): void {
    const { stages, workflows, groups } = this.parts;
    const st = stages[workflows[type]![0]!]!;
    // As for arrivals: a consensus stage with fewer people than labels finishes nothing.
    if (st.labels > groups[st.group]!.servers) return;
    let b = this.blocks.findIndex((x) => x.change === change && x.type === type && x.cls === cls);
    if (b < 0) b = this.blocks.push({ change, type, cls }) - 1;
    groups[st.group]!.addBacklog(n, RELABEL_TAG_BASE + b, this.relabelClass);
  }

  private trueClass(type: number, serial: number): number {
    const classes = this.parts.classes;
    return classes !== null && classes.has(type) ? classes.trueClass(type, serial) : 0;
  }

  private grow(): void {
    const n = this.parts.items.capacity;
    const widen = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.labelVersion = widen(this.labelVersion);
    this.relabelOf = widen(this.relabelOf);
    this.classOf = widen(this.classOf);
  }
}
