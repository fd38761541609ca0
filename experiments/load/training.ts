import type { CurveConfig, TrainingConfig, WorkType } from '../../sim/model/config.js';
import { fitLearningCurve } from '../../sim/training/curve-fit.js';
import type { PathSegment } from './errors.js';
import type { ModelDocument } from './schema.js';
import { durationHours, ratePerHour, shareValue } from './units.js';

type Fail = (path: PathSegment[], expected: string, got?: string) => never;
type TrainingDocument = NonNullable<ModelDocument['training']>;

/**
 * The model being trained, from its section of the file: references resolved (the training item
 * type), measured points fitted, and what the schema cannot see checked (a target above the
 * curve's asymptote, a seed batch larger than the pool, pre-labels configured twice).
 */
export function trainingOf(doc: ModelDocument, work: WorkType[], fail: Fail): TrainingConfig | null {
  const t = doc.training ?? null;
  const accuracy = doc.target != null && 'accuracy' in doc.target ? (shareValue(doc.target.accuracy) as number) : null;
  if (t === null) {
    if (accuracy !== null) fail(['target', 'accuracy'], 'a training section to say how the model learns (an accuracy target needs a learning curve)', String(doc.target && 'accuracy' in doc.target ? doc.target.accuracy : ''));
    return null;
  }
  if (doc.preLabels !== null && t.assist !== null) {
    fail(['training', 'assist'], 'null while preLabels is set: pre-labels come either from fixed factors (preLabels) or from the model being trained (training.assist), not both');
  }
  const typeName = t.workType ?? (work.length === 1 ? work[0].name : null);
  if (typeName === null) fail(['training', 'workType'], `the item type whose labels train the model, one of ${work.map((w) => w.name).join(', ')}`);
  const type = work.find((w) => w.name === typeName);
  if (type === undefined) fail(['training', 'workType'], `an item type, one of ${work.map((w) => w.name).join(', ')}`, JSON.stringify(typeName));
  if (type!.count === null) fail(['work', typeName!, 'count'], 'an item count: the pool of items the model may be trained on', 'null');
  const candidates = type!.count!;

  const s = t.selection;
  if (s.strategy === 'active') {
    if (type!.arrival.kind !== 'backlog') fail(['work', typeName!, 'arrival'], 'backlog: active learning chooses its batches from a pool of items that is there', JSON.stringify(type!.arrival.kind));
    if (t.validation + s.seed > candidates) {
      fail(['training', 'selection', 'seed'], `at most ${(candidates - t.validation).toLocaleString('en-US')}: the validation set and the seed batch come out of the ${candidates.toLocaleString('en-US')} items`, String(s.seed));
    }
  }
  if (t.validation >= candidates) fail(['training', 'validation'], `fewer than the ${candidates.toLocaleString('en-US')} items of ${typeName}`, String(t.validation));

  if (t.cycles !== undefined && accuracy === null) fail(['training', 'cycles'], 'an accuracy target (target: { accuracy: 90% }): a cycle labels until a retrained model reaches it again');
  const curve = curveOf(t.curve, fail);
  const asymptote = curve.kind === 'fixed' ? curve.curve.a : curve.fit.estimate.a;
  if (accuracy !== null && accuracy >= asymptote) {
    const whose = curve.kind === 'fixed' ? 'the curve\'s asymptote a' : 'the asymptote a fitted to the points';
    fail(['target', 'accuracy'], `an accuracy below ${whose}, ${asymptote.toFixed(4)}: the model approaches it and never reaches it`, String(accuracy));
  }
  const r = t.retrain;
  return {
    workType: typeName!,
    curve,
    classes: t.classes,
    selection:
      s.strategy === 'random'
        ? { kind: 'random', batch: s.batch }
        : {
            kind: 'active',
            seed: s.seed,
            batch: s.batch,
            efficiency: s.efficiency,
            hardHandling: s.hardItems.handling,
            hardError: s.hardItems.error,
            hardModelAccuracy: s.hardItems.modelAccuracy,
          },
    retrain: {
      hours: durationHours(r.time) as number,
      compute: r.compute,
      engineerHours: r.engineerHours,
      engineerPerHour: ratePerHour(r.engineerRate) as number,
    },
    assist:
      t.assist === null
        ? null
        : { verify: t.assist.verify, correct: t.assist.correct, automationBias: shareValue(t.assist.automationBias) as number, errorWhenRight: t.assist.errorWhenRight },
    synthetic: t.synthetic === null ? null : { share: shareValue(t.synthetic.share) as number, weight: t.synthetic.weight, costPerExample: t.synthetic.costPerExample },
    validation: t.validation,
    // Left out when not set, so a model without cycles is the same object as before they existed.
    ...(t.cycles === undefined ? {} : { cycles: { count: t.cycles.count, everyHours: durationHours(t.cycles.every) as number, drift: shareValue(t.cycles.drift) as number } }),
  };
}

function curveOf(c: TrainingDocument['curve'], fail: Fail): CurveConfig {
  if ('a' in c) return { kind: 'fixed', curve: { a: c.a, b: c.b, c: c.c } };
  const points = c.points.map(([n, accuracy]) => ({ n, accuracy }));
  try {
    const fit = fitLearningCurve(points);
    return { kind: 'fitted', fit };
  } catch (e) {
    return fail(['training', 'curve', 'points'], `points a learning curve acc(n) = a - b n^-c fits: ${(e as Error).message}`);
  }
}
