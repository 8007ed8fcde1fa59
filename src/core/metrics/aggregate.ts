import {
  JOINT_ANGLE_NAMES,
  PHASE_NAMES,
  type AngleSummary,
  type CycleKeyValues,
  type GaitCycle,
  type KeyValueUncertainty,
  type MeanCurve,
  type PhaseAngles,
  type SideResult,
} from '../format/report';
import { NORMALIZED_POINTS } from './cycleMetrics';
import { KEY_NUMBERS, keyNumbersFor } from './keyNumbers';
import { meanUncertainty, type PoseModelError } from './uncertainty';
import { mean, round, roundOrNull, roundTime, sd } from '../util/stats';

const CURVE_KEYS = [...JOINT_ANGLE_NAMES, 'trunkLean'] as const;
/** Every key number, in the registry's order (src/core/metrics/keyNumbers.ts). */
export const KEY_VALUE_NAMES: (keyof CycleKeyValues)[] = KEY_NUMBERS.map((k) => k.id);

function numbers(values: (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

export function meanCurve(curves: (number | null)[][]): MeanCurve {
  const m: (number | null)[] = [];
  const s: (number | null)[] = [];
  for (let p = 0; p < NORMALIZED_POINTS; p++) {
    const column = numbers(curves.map((c) => c[p]));
    m.push(roundOrNull(mean(column)));
    s.push(roundOrNull(sd(column)));
  }
  return { mean: m, sd: s, n: curves.length };
}

function meanSummary(summaries: (AngleSummary | null)[]): AngleSummary | null {
  const present = summaries.filter((x): x is AngleSummary => x !== null);
  if (present.length === 0) return null;
  const avg = (key: keyof AngleSummary) => roundOrNull(mean(present.map((x) => x[key]))) ?? 0;
  return { min: avg('min'), max: avg('max'), mean: avg('mean'), range: avg('range') };
}

/** `feet`: the track has heels and toes, so the ankle numbers are there (null) even without a cycle. */
export function meanKeyValues(list: CycleKeyValues[], feet = false): CycleKeyValues {
  const out = {} as CycleKeyValues;
  for (const { id: key } of keyNumbersFor(feet)) out[key] = roundOrNull(mean(numbers(list.map((k) => k[key]))), key === 'stepReachLegLengths' ? 3 : 2);
  return out;
}

/**
 * Standard uncertainty of each mean key value: spread over the cycles and the pose model's error.
 * `farShare`: the share of the cycles in which this leg was the one farther from the camera; a
 * number that reads worse there (its `farLegModelError`) takes that error in those cycles. The
 * errors are systematic (the same way in every far cycle), so they mix linearly in the mean.
 */
export function keyValueUncertainty(list: CycleKeyValues[], model: PoseModelError, feet = false, farShare = 0): KeyValueUncertainty {
  const out = {} as KeyValueUncertainty;
  for (const spec of keyNumbersFor(feet)) {
    const values = numbers(list.map((k) => k[spec.id]));
    const near = spec.modelError(model);
    const modelU = spec.farLegModelError ? (1 - farShare) * near + farShare * Math.max(near, spec.farLegModelError(model)) : near;
    out[spec.id] = roundOrNull(meanUncertainty(values, modelU, spec.typicalSd), spec.id === 'stepReachLegLengths' ? 3 : 2);
  }
  return out;
}

/**
 * `feet`: the track has heels and toes (ankle curves, phase ranges and key numbers are kept).
 * `farShare`: the share of the cycles in which this leg was the one farther from the camera.
 */
export function aggregateSide(heelStrikes: number[], toeOffs: number[], cycles: GaitCycle[], model: PoseModelError, feet = false, farShare = 0): SideResult {
  const has = (key: (typeof CURVE_KEYS)[number]) => key !== 'ankleFlexion' || feet;
  const normalized = {} as SideResult['normalized'];
  for (const key of CURVE_KEYS.filter(has)) normalized[key] = meanCurve(cycles.map((c) => c.normalized[key] ?? []));
  const phaseAngles = {} as SideResult['phaseAngles'];
  for (const phase of PHASE_NAMES) {
    const summaries = {} as PhaseAngles;
    for (const name of JOINT_ANGLE_NAMES.filter(has)) summaries[name] = meanSummary(cycles.map((c) => c.phaseAngles[phase][name] ?? null));
    phaseAngles[phase] = summaries;
  }
  const percent = (pick: (c: GaitCycle) => number) =>
    roundOrNull(mean(cycles.map((c) => (100 * (pick(c) - c.start)) / (c.end - c.start)))) ?? 0;
  return {
    heelStrikes: heelStrikes.map(roundTime),
    toeOffs: toeOffs.map(roundTime),
    cycles,
    normalized,
    phaseAngles,
    keyValues: meanKeyValues(cycles.map((c) => c.keyValues), feet),
    keyValueUncertainty: keyValueUncertainty(cycles.map((c) => c.keyValues), model, feet, farShare),
    cameraFarShare: round(farShare, 2),
    phaseBoundariesPercent: cycles.length
      ? {
          oppositeHeelStrike: percent((c) => c.oppositeHeelStrike),
          toeOff: percent((c) => c.toeOff),
          shankVertical: percent((c) => c.shankVertical),
        }
      : null,
  };
}

