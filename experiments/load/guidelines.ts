import { localToUtcMs, parseIsoDate, projectOriginUtcMs } from '../../sim/calendar/index.js';
import type { GuidelineChange, GuidelineConfig, WorkType } from '../../sim/model/config.js';
import type { PathSegment } from './errors.js';
import type { ModelDocument } from './schema.js';
import { durationHours, shareValue } from './units.js';

type Fail = (path: PathSegment[], expected: string, got?: string) => never;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * The guideline changes of a file, checked where a schema cannot: `at` or `afterAccepted` (one
 * of them), a change that can take effect (before the horizon; before the last acceptance),
 * changes of one kind in order, item types and class names that exist. Undefined when the file
 * has none, so its model is the object it always was.
 */
export function guidelinesOf(doc: ModelDocument, work: WorkType[], horizonHours: number, fail: Fail): GuidelineConfig | undefined {
  const g = doc.guidelines ?? null;
  if (g === null) return undefined;
  if ((doc.training ?? null) !== null) fail(['guidelines'], 'no guideline changes in a file that trains a model (relabelled items would be counted twice towards its retrains)', 'guidelines beside training');
  const origin = projectOriginUtcMs({ startDate: doc.start, timeZone: doc.timeZone });
  const hoursOf = (date: string) => (localToUtcMs(doc.timeZone, parseIsoDate(date) * MS_PER_DAY) - origin) / MS_PER_HOUR;
  // The project's last acceptance: its target's, or every item's.
  const target = doc.target != null && 'accepted' in doc.target ? doc.target.accepted : null;
  const items = target ?? (work.every((w) => w.count !== null) ? work.reduce((n, w) => n + (w.count ?? 0), 0) : Infinity);
  const typeNames = work.map((w) => w.name);
  let lastAt = -Infinity;
  let lastCount = 0;
  const changes = g.changes.map((c, i): GuidelineChange => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['guidelines', 'changes', i, ...rest];
    if ((c.at === undefined) === (c.afterAccepted === undefined)) {
      fail(at(), 'at (a time or a date) or afterAccepted (an item count), one of them', c.at === undefined ? 'neither' : 'both');
    }
    let when: GuidelineChange['when'];
    if (c.at !== undefined) {
      const hours = durationHours(c.at) ?? hoursOf(c.at);
      if (!(hours >= 0)) fail(at('at'), `a date on or after the project start (${doc.start})`, JSON.stringify(c.at));
      if (!(hours < horizonHours)) fail(at('at'), `a time before the horizon (${horizonHours / 168}w): a change after the end never takes effect`, JSON.stringify(c.at));
      if (!(hours > lastAt)) fail(at('at'), 'a time after the change before it (changes in order)', JSON.stringify(c.at));
      lastAt = hours;
      when = { kind: 'at', hours };
    } else {
      const n = c.afterAccepted!;
      if (!(n < items)) fail(at('afterAccepted'), `fewer than the ${items.toLocaleString('en-US')} items ${target === null ? 'the work types deliver' : 'of the target'}: a change at the last acceptance never takes effect`, String(n));
      if (!(n > lastCount)) fail(at('afterAccepted'), 'a count above the change before it (changes in order)', String(n));
      lastCount = n;
      when = { kind: 'afterAccepted', items: n };
    }
    const names = c.work ?? typeNames;
    const types = names.map((name, j) => {
      const t = typeNames.indexOf(name);
      if (t < 0) fail(at('work', j), `the name of an item type (${typeNames.join(', ')})`, JSON.stringify(name));
      if (names.indexOf(name) !== j) fail(at('work', j), 'each item type once', `${JSON.stringify(name)} again`);
      return t;
    });
    const r = c.relabel;
    let relabel: GuidelineChange['relabel'];
    if (r === 'none' || r === 'all') relabel = { kind: r };
    else if (!('classes' in r)) relabel = { kind: 'share', share: shareValue(r.share) as number };
    else {
      const known = [...new Set(types.flatMap((t) => work[t]!.classes?.names ?? []))];
      if (known.length === 0) fail(at('relabel', 'classes'), `item types that declare classes (${names.join(', ')} declare${names.length === 1 ? 's' : ''} none); target a share instead`, JSON.stringify(r.classes));
      r.classes.forEach((name, j) => {
        if (!known.includes(name)) fail(at('relabel', 'classes', j), `the name of a class of ${names.join(', ')} (${known.join(', ')})`, JSON.stringify(name));
      });
      relabel = { kind: 'classes', names: [...r.classes], share: shareValue(r.share) as number };
    }
    return { name: c.name ?? `change-${i + 1}`, when, relabel, types };
  });
  changes.forEach((c, i) => {
    if (changes.findIndex((d) => d.name === c.name) !== i) fail(['guidelines', 'changes', i, 'name'], 'a name no other change has', JSON.stringify(c.name));
  });
  return { tracked: g.tracked, changes };
}
