import type { GoldAudits } from './gold-audit.js';

/** The gold-audit outputs of a replication, per stage with an audit (see replication-result.ts); empty without audits. */
export function goldByStage(audits: GoldAudits | null): {
  goldItems: Float64Array;
  goldHours: Float64Array;
  goldCost: Float64Array;
  goldRetrainHours: Float64Array;
  goldFlags: Float64Array;
  goldRemoved: Float64Array;
  goldBadPeople: Float64Array;
  goldBadFlagged: Float64Array;
  goldTimeToFlag: Float64Array;
  goldGoodPeople: Float64Array;
  goldFalseFlags: Float64Array;
} {
  const stages = audits === null ? [] : audits.byStage.filter((a) => a !== null);
  return {
    goldItems: Float64Array.from(stages, (a) => a.goldItems),
    goldHours: Float64Array.from(stages, (a) => a.goldHours),
    goldCost: Float64Array.from(stages, (a) => a.goldCost),
    goldRetrainHours: Float64Array.from(stages, (a) => a.retrainHours),
    goldFlags: Float64Array.from(stages, (a) => a.flags),
    goldRemoved: Float64Array.from(stages, (a) => a.removed),
    goldBadPeople: Float64Array.from(stages, (a) => a.badPeople),
    goldBadFlagged: Float64Array.from(stages, (a) => a.badFlagged),
    goldTimeToFlag: Float64Array.from(stages, (a) => a.timeToFlag),
    goldGoodPeople: Float64Array.from(stages, (a) => a.goodPeople),
    goldFalseFlags: Float64Array.from(stages, (a) => a.falseFlags),
  };
}

/** The stages with a gold audit, by name: the elements of the outputs' `goldStage` dimension. */
export function goldStageNames(config: { stages: ReadonlyArray<{ name: string; kind: string; goldShare?: number; gold?: unknown }> }): string[] {
  return config.stages.filter((s) => s.kind === 'annotate' && (s.gold ?? null) !== null && (s.goldShare ?? 0) > 0).map((s) => s.name);
}
