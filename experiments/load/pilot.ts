import type { AnnotateStage, PilotConfig, StageConfig, WorkType } from '../../sim/model/config.js';
import type { PathSegment } from './errors.js';
import type { ModelDocument } from './schema.js';
import { durationHours, shareValue } from './units.js';

type Fail = (path: PathSegment[], expected: string, got?: string) => never;

/**
 * A pilot gate, checked where a schema cannot: an item type that exists, arrives as a backlog
 * (the gate lets it in batch by batch), declares classes and starts at a consensus stage of its
 * own (agreement is measured on its labels' classes), and nothing else that holds work back or
 * sends it back. Undefined when the file has none.
 */
export function pilotOf(doc: ModelDocument, work: WorkType[], stages: StageConfig[], fail: Fail): PilotConfig | undefined {
  const p = doc.pilot ?? null;
  if (p === null) return undefined;
  const names = work.map((w) => w.name);
  const name = p.work ?? (work.length === 1 ? work[0]!.name : null);
  if (name === null) return fail(['pilot', 'work'], `the item type piloted, one of ${names.join(', ')}`, 'nothing');
  const type = names.indexOf(name);
  if (type < 0) fail(['pilot', 'work'], `the name of an item type (${names.join(', ')})`, JSON.stringify(name));
  const w = work[type]!;
  if (w.arrival.kind !== 'backlog' || w.count === null) fail(['work', name, 'arrival'], 'a backlog: a pilot gate lets the items in batch by batch', JSON.stringify(doc.work[name]!.arrival));
  if (w.classes === undefined) fail(['work', name, 'classes'], 'classes: a pilot measures the agreement of its labels by class', 'nothing');
  const annotate = stages.find((s) => s.name === w.workflow[0]) as AnnotateStage;
  if (annotate.labels < 2) fail(['stages', annotate.name, 'labels'], 'two or more labels per item: a pilot measures the agreement of consensus labels', String(annotate.labels));
  const shared = work.find((o, t) => t !== type && o.workflow[0] === annotate.name);
  if (shared !== undefined) fail(['pilot', 'work'], `an item type whose annotate stage is its own (stage ${annotate.name} also labels ${shared.name}, whose labels would count in the pilot's agreement)`, JSON.stringify(name));
  if (!(p.batch < w.count!)) fail(['pilot', 'batch'], `fewer items than the ${w.count!.toLocaleString('en-US')} of ${name}`, String(p.batch));
  if ((doc.training ?? null) !== null) fail(['pilot'], 'no pilot gate in a file that trains a model (both hold work back)', 'pilot beside training');
  if ((doc.guidelines ?? null) !== null) fail(['pilot'], 'no pilot gate beside guideline changes yet (relabelled items would count in a pilot round)', 'pilot beside guidelines');
  return {
    type,
    batch: p.batch,
    agreement: shareValue(p.agreement) as number,
    maxRounds: p.maxRounds,
    revisionHours: durationHours(p.revision.time) as number,
    revisionCost: p.revision.cost,
    errorFactor: p.revision.errorFactor,
  };
}
