import {
  ANGLE_NAMES,
  JOINT_ANGLE_NAMES,
  PHASE_NAMES,
  type AngleSummary,
  type CurveRecord,
  type CycleKeyValues,
  type GaitCycle,
  type JointAngleName,
  type PhaseAngles,
} from '../format/report';
import type { AngleColumns, SideAngleColumns } from '../angles/angles';
import { phaseSpans, type CycleTiming } from '../cycles/cycles';
import { lowerBound, roundOrNull, roundTime, valueAt } from '../util/stats';

export const NORMALIZED_POINTS = 101;
/** Loading response: the first ~12 % of the cycle (Perry); its knee peak is looked for up to 20 %. */
const LOADING_RESPONSE_END_PERCENT = 20;
/**
 * Where the late-swing extension is measured from (% of the cycle). Healthy knees are within
 * ~15-25 deg of straight here (Perry; the 12 healthy calibration walks: 6-27 deg) and the rest
 * of the extension is braked by the hamstrings; a flicking swing still has ~40 deg to go.
 */
const LATE_SWING_PERCENT = 88;
const TERMINAL_SWING_FROM_PERCENT = 80;
/**
 * Push-off: the ankle plantarflexes from heel rise through pre-swing and peaks at or just after
 * toe off (Perry & Burnfield 2010: about 20 deg at the start of initial swing; Winter 2009: peak
 * at 60-65 % of the cycle). Looked for from the opposite heel strike to this many % after toe off.
 */
const PUSH_OFF_AFTER_TOE_OFF_PERCENT = 10;

/** The joint angles a side has: hip and knee always, the ankle where the feet were seen. */
export function jointAnglesOf(side: SideAngleColumns): readonly JointAngleName[] {
  return side.ankleFlexion ? JOINT_ANGLE_NAMES : ANGLE_NAMES;
}

function series(side: SideAngleColumns, name: JointAngleName): Float64Array {
  return name === 'ankleFlexion' ? (side.ankleFlexion as Float64Array) : side[name];
}

/** Angle samples over [a, b]: the interpolated ends plus every frame in between; none when the angle has a gap there (see extremeIn). */
function samplesWithin(t: Float64Array, values: Float64Array, a: number, b: number): number[] {
  const out = [valueAt(t, values, a)];
  for (let i = lowerBound(t, a); i < t.length && t[i] < b; i++) {
    if (t[i] > a) out.push(values[i]);
  }
  out.push(valueAt(t, values, b));
  return out.every(Number.isFinite) ? out : [];
}

export function summarize(values: number[]): AngleSummary | null {
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min: roundOrNull(min) ?? 0, max: roundOrNull(max) ?? 0, mean: roundOrNull(sum / values.length) ?? 0, range: roundOrNull(max - min) ?? 0 };
}

/** The series resampled at 0, 1, ..., 100 % of the cycle (NaN where unknown). */
export function normalizeCycle(t: Float64Array, values: Float64Array, start: number, end: number): Float64Array {
  const out = new Float64Array(NORMALIZED_POINTS);
  for (let p = 0; p < NORMALIZED_POINTS; p++) out[p] = valueAt(t, values, start + ((end - start) * p) / (NORMALIZED_POINTS - 1));
  return out;
}

/**
 * The curve's extreme over [fromPercent, toPercent] of the cycle and where it lies; NaN (not
 * measured) when the curve has a gap anywhere in that window. A gap left in an angle curve is one
 * the gap filler would not bridge (over 0.15 s, signal/gaps.ts): the extreme may lie inside it.
 * (BlazePose full, limited-pushoff fixture walk: a 4-frame gap across toe off hid the knee's swing
 * peak, read 50 deg from the frames after it; a swing peak read that low on a healthy knee would
 * raise a stiff-knee flag.)
 */
function extremeIn(curve: Float64Array, fromPercent: number, toPercent: number, kind: 'min' | 'max'): { value: number; at: number } {
  let value = NaN;
  let at = NaN;
  for (let p = Math.max(0, Math.ceil(fromPercent)); p <= Math.min(100, Math.floor(toPercent)); p++) {
    const v = curve[p];
    if (!Number.isFinite(v)) return { value: NaN, at: NaN };
    if (!Number.isFinite(value) || (kind === 'min' ? v < value : v > value)) {
      value = v;
      at = p;
    }
  }
  return { value, at };
}

function rangeOf(curve: Float64Array): number {
  const lo = extremeIn(curve, 0, 100, 'min').value;
  const hi = extremeIn(curve, 0, 100, 'max').value;
  return hi - lo;
}

function meanOf(curve: Float64Array): number {
  let s = 0;
  let n = 0;
  for (const v of curve) {
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** Largest rate of knee extension (deg/s, positive) over frames in [a, b]; NaN when the knee has a gap there. */
function peakExtensionVelocity(t: Float64Array, knee: Float64Array, a: number, b: number): number {
  let best = NaN;
  for (let i = Math.max(1, lowerBound(t, a)); i < t.length && t[i] <= b; i++) {
    const v = -(knee[i] - knee[i - 1]) / (t[i] - t[i - 1]);
    if (!Number.isFinite(v)) return NaN;
    if (!(v <= best)) best = v;
  }
  return best;
}

export interface CycleInputs {
  t: Float64Array;
  angles: AngleColumns;
  /** Ankle ahead of the pelvis along the travel direction (pixels), per frame. */
  reach: Float64Array;
  legLength: number;
}

/** The ankle's key numbers from its cycle curve (dorsiflexion +): contact, stance peak, push-off peak, their difference, range. */
function ankleKeyValues(curve: Float64Array, atContact: number, oppositeStrikePercent: number, toePercent: number): Partial<CycleKeyValues> {
  const stancePeak = extremeIn(curve, 0, toePercent, 'max').value;
  const pushOff = extremeIn(curve, oppositeStrikePercent, toePercent + PUSH_OFF_AFTER_TOE_OFF_PERCENT, 'min').value;
  return {
    ankleAtInitialContact: roundOrNull(atContact),
    peakStanceDorsiflexion: roundOrNull(stancePeak),
    peakPushOffPlantarflexion: roundOrNull(pushOff),
    ankleRange: roundOrNull(rangeOf(curve)),
    pushOffAnkleExcursion: roundOrNull(stancePeak - pushOff),
  };
}

export function cycleMetrics(timing: CycleTiming, inputs: CycleInputs): GaitCycle {
  const { t, angles, reach, legLength } = inputs;
  const side = angles[timing.side];
  const { start, end } = timing;
  const duration = end - start;
  const percentOf = (time: number) => (100 * (time - start)) / duration;
  const phases = phaseSpans(timing);

  const phaseAngles = {} as GaitCycle['phaseAngles'];
  for (const phase of PHASE_NAMES) {
    const [a, b] = phases[phase];
    const summaries = {} as PhaseAngles;
    for (const name of jointAnglesOf(side)) summaries[name] = summarize(samplesWithin(t, series(side, name), a, b));
    phaseAngles[phase] = summaries;
  }

  const curves = { trunkLean: normalizeCycle(t, angles.trunkLean, start, end) } as CurveRecord<Float64Array>;
  for (const name of jointAnglesOf(side)) curves[name] = normalizeCycle(t, series(side, name), start, end);
  const toePercent = percentOf(timing.toeOff);
  const hipExt = extremeIn(curves.hipFlexion, 0, 100, 'min');
  const swingKnee = extremeIn(curves.kneeFlexion, toePercent, 100, 'max');
  const keyValues: CycleKeyValues = {
    hipAtInitialContact: roundOrNull(valueAt(t, side.hipFlexion, start)),
    peakHipExtension: roundOrNull(hipExt.value),
    peakHipExtensionAtPercent: roundOrNull(hipExt.at, 0),
    peakHipFlexion: roundOrNull(extremeIn(curves.hipFlexion, 0, 100, 'max').value),
    kneeAtInitialContact: roundOrNull(valueAt(t, side.kneeFlexion, start)),
    loadingResponseKneePeak: roundOrNull(extremeIn(curves.kneeFlexion, 0, LOADING_RESPONSE_END_PERCENT, 'max').value),
    kneeAtToeOff: roundOrNull(valueAt(t, side.kneeFlexion, timing.toeOff)),
    peakSwingKneeFlexion: roundOrNull(swingKnee.value),
    peakSwingKneeFlexionAtPercent: roundOrNull(swingKnee.at, 0),
    terminalSwingKneeMin: phaseAngles.terminalSwing.kneeFlexion?.min ?? null,
    peakSwingKneeExtensionVelocity: roundOrNull(peakExtensionVelocity(t, side.kneeFlexion, timing.toeOff, end), 0),
    lateSwingKneeExtension: roundOrNull(curves.kneeFlexion[LATE_SWING_PERCENT] - extremeIn(curves.kneeFlexion, TERMINAL_SWING_FROM_PERCENT, 100, 'min').value),
    minStanceKneeFlexion: roundOrNull(extremeIn(curves.kneeFlexion, 0, toePercent, 'min').value),
    hipRange: roundOrNull(rangeOf(curves.hipFlexion)),
    kneeRange: roundOrNull(rangeOf(curves.kneeFlexion)),
    meanTrunkLean: roundOrNull(meanOf(curves.trunkLean)),
    stepReachLegLengths: roundOrNull(valueAt(t, reach, start) / legLength, 3),
    ...(side.ankleFlexion && curves.ankleFlexion ? ankleKeyValues(curves.ankleFlexion, valueAt(t, side.ankleFlexion, start), percentOf(timing.oppositeHeelStrike), toePercent) : {}),
  };

  const normalized = {} as GaitCycle['normalized'];
  for (const key of Object.keys(curves) as (keyof typeof curves)[]) {
    normalized[key] = Array.from(curves[key]!, (v) => roundOrNull(v));
  }
  return {
    side: timing.side,
    pass: timing.pass,
    start: roundTime(start),
    end: roundTime(end),
    oppositeHeelStrike: roundTime(timing.oppositeHeelStrike),
    toeOff: roundTime(timing.toeOff),
    shankVertical: roundTime(timing.shankVertical),
    phases: Object.fromEntries(
      PHASE_NAMES.map((p) => [p, [roundTime(phases[p][0]), roundTime(phases[p][1])]]),
    ) as GaitCycle['phases'],
    phaseAngles,
    keyValues,
    stancePercent: roundOrNull(percentOf(timing.toeOff)) ?? 0,
    normalized,
  };
}


