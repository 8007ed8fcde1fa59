/**
 * One stride of the walker in body coordinates (body height = 1): the two legs' joint angles
 * over stride time, the hip progression that keeps the stance foot planted, and measures of how
 * physically consistent the stride is (foot on the floor at the truth events, swing clearance,
 * foot slide).
 *
 * Physical consistency is built into the healthy curves (forward, backward, with step-time
 * asymmetry): contact heights < 1 % and foot slide < 0.5 % of body height. Strong pathology knobs
 * change one joint without the whole-body compensations real patients make (pelvic drop, hip
 * hiking, circumduction), so the 2D chain can no longer close exactly: e.g. with overstrideDeg 10
 * or anteriorPelvicTiltDeg 10 the heel is ~5 % of body height above the floor at truth contact and
 * meets it a little later, and with hipExtensionDeficitDeg, preSwingKneeDeficitDeg or stiffKnee
 * the forefoot stays on the floor a little past truth toe off. `consistency` reports it; the truth
 * angles and events stay exact (they are defined by the curves and the clean keypoints).
 */
import type { Side, Walking } from '../core/format/report';
import { bodyDimensions, type BodyDimensions } from './anthropometry';
import { healthyCurves, TOE_OFF_PHASE, type JointCurves } from './gaitCurves';
import { cyclePhase, stepTiming, strideTimeAtPhase, type StepTiming } from './gaitTiming';
import { footContactCorrection, smooth } from './footContact';
import { footDepth, legPose, toeTipAbove, type LegAngles, type LegPose } from './legKinematics';
import { affectsSide, applyLegPathology, pathologyTrunkLean, type ResolvedPathology } from './pathology';
import { wrapPhase } from './periodicSpline';
import { applyStrikePattern, type StrikePattern } from './strikePattern';

/** Normal trunk lean: a few degrees forward with a small oscillation twice per stride. */
const BASE_TRUNK_LEAN_DEG = 3;
const TRUNK_LEAN_OSCILLATION_DEG = 1;

/** Linear interpolation (round the cycle) over the samples not marked known; zeros if none is known. */
function fillUnknownPeriodic(values: Float64Array, known: Uint8Array): void {
  const n = values.length;
  const first = known.indexOf(1);
  if (first < 0) return;
  let prev = first;
  for (let k = 1; k <= n; k++) {
    const i = (first + k) % n;
    if (!known[i]) continue;
    const gap = (i - prev + n) % n || n;
    for (let g = 1; g < gap; g++) {
      const f = g / gap;
      values[(prev + g) % n] = values[prev] * (1 - f) + values[i] * f;
    }
    prev = i;
  }
}

/** Samples per stride for the stride analysis. */
const SAMPLES = 720;
/** A sole point counts as on the floor below this height (fraction of body height). */
export const GROUND_TOLERANCE = 0.003;
/** Wanted minimum swing-foot clearance (fraction of body height); the ankle is adjusted to keep it. */
const MIN_SWING_CLEARANCE = 0.008;

export interface StrideConsistency {
  /** Height of the first-contact sole point (heel forward, forefoot backward) at truth initial contact. */
  initialContactHeight: Record<Side, number>;
  /** Height of the last-contact sole point (forward: the forefoot, or with exact contact the tip of the toes; backward the heel) at truth final contact. */
  finalContactHeight: Record<Side, number>;
  /** That point's height 2 % of the cycle after final contact (it must be rising off the floor). */
  afterFinalContactHeight: Record<Side, number>;
  /** Lowest height of the swing foot between 4 % after toe off and 4 % before the next contact. */
  minSwingClearance: Record<Side, number>;
  /** Largest displacement along the floor of a sole point while it stays on the floor. */
  maxFootSlide: number;
}

export interface StrideModel {
  walking: Walking;
  timing: StepTiming;
  /** Segment lengths for body height 1. */
  dims: BodyDimensions;
  /** The leg's joint angles at stride time u (degrees). */
  legAngles(side: Side, u: number): LegAngles;
  /** The leg's (wrapped) cycle phase at stride time u: 0 = initial contact. */
  cyclePhase(side: Side, u: number): number;
  /** Trunk lean at stride time u (degrees, + forward). */
  trunkLean(u: number): number;
  /**
   * Distance the hip travels per stride, in body heights, along the FACING direction (negative when
   * walking backward), derived from the model: the hip moves forward by what the planted stance
   * sole points move backward relative to it, so the stance foot does not slide.
   */
  strideLength: number;
  /**
   * The hip's within-stride deviation (body heights, along the facing direction) from progression at
   * constant speed: hip travel = strideLength * u + progressionDeviation(u). Keeps the stance
   * foot planted (real walkers slow down slightly in early stance); periodic, zero mean.
   */
  progressionDeviation(u: number): number;
  /** Final contact ("toe off") as a fraction of the cycle. */
  toeOffPhase: number;
  /** When the shank passes the vertical in swing, as a fraction of each leg's cycle. */
  shankVerticalPhase: Record<Side, number>;
  consistency: StrideConsistency;
}

const SIDES: readonly Side[] = ['left', 'right'];

/**
 * `strike` changes how the foot lands (strikePattern.ts; forward walking only); `exactContact` puts
 * the feet exactly on the floor with the rockers, rolls the pushing-off foot over its toes without
 * sliding (footContact.ts) and gives the toes their own bend (toeBendSchedule); the walker with feet
 * uses it.
 */
export function buildStrideModel(pathology: ResolvedPathology, walking: Walking, strike: StrikePattern = 'heel', exactContact = false): StrideModel {
  if (strike !== 'heel' && walking !== 'forward') throw new Error(`strike "${strike}" needs forward walking (backward walking lands on the forefoot by nature)`);
  const dims = bodyDimensions(1);
  const timing = stepTiming(pathology.stepTimeAsymmetry, pathology.side);
  const healthy = healthyCurves();
  const curves: Record<Side, JointCurves> = {
    left: applyStrikePattern(applyLegPathology(healthy, pathology, affectsSide(pathology, 'left')), strike),
    right: applyStrikePattern(applyLegPathology(healthy, pathology, affectsSide(pathology, 'right')), strike),
  };
  // Backward gait is forward gait reversed in time (Thorstensson 1986; Grasso et al. 1998): the
  // backward cycle starts at the reversed forward toe off (first contact, by the forefoot).
  const curvePhase = (p: number) => (walking === 'forward' ? p : TOE_OFF_PHASE - p);
  const phaseOf = (side: Side, u: number) => wrapPhase(cyclePhase(timing, side, u));
  const baseAngles = (side: Side, u: number): LegAngles => {
    const q = curvePhase(phaseOf(side, u));
    const c = curves[side];
    return { hip: c.hip(q), knee: c.knee(q), ankle: c.ankle(q) };
  };

  const ankleGuard = {
    left: swingClearanceGuard('left', baseAngles, phaseOf, dims),
    right: swingClearanceGuard('right', baseAngles, phaseOf, dims),
  };
  const guardedAngles = (side: Side, u: number): LegAngles => {
    const a = baseAngles(side, u);
    a.ankle += sampleTable(ankleGuard[side], u);
    return a;
  };
  const contact = exactContact
    ? footContactCorrection({
        samples: SAMPLES,
        angles: (side, k) => guardedAngles(side, k / SAMPLES),
        phase: (side, k) => phaseOf(side, k / SAMPLES),
        curvePhase,
        toeOffPhase: TOE_OFF_PHASE,
        walking,
        dims,
      })
    : null;
  const jointAngles = (side: Side, u: number): LegAngles => {
    const a = guardedAngles(side, u);
    if (contact) {
      a.hip += sampleTable(contact.hip[side], u);
      a.knee += sampleTable(contact.knee[side], u);
      a.ankle += sampleTable(contact.ankle[side], u);
    }
    return a;
  };
  const toeBend = contact ? toeBendSchedule(jointAngles, timing, phaseOf, dims, walking) : null;
  const legAngles = (side: Side, u: number): LegAngles => {
    const a = jointAngles(side, u);
    if (toeBend) a.toeBend = toeBend(side, u);
    return a;
  };

  const extraLean = pathologyTrunkLean(pathology);
  const trunkLean = (u: number) =>
    BASE_TRUNK_LEAN_DEG + extraLean + TRUNK_LEAN_OSCILLATION_DEG * Math.sin(4 * Math.PI * u);

  const shankVerticalPhase = {
    left: findShankVertical((p) => baseAngles('left', strideTimeAtPhase(timing, 'left', p))),
    right: findShankVertical((p) => baseAngles('right', strideTimeAtPhase(timing, 'right', p))),
  };

  const { strideLength, speedDeviation, consistency } = analyseStride(legAngles, timing, walking, dims, exactContact);
  return {
    walking,
    timing,
    dims,
    legAngles,
    cyclePhase: phaseOf,
    trunkLean,
    strideLength,
    progressionDeviation: (u: number) => sampleTable(speedDeviation, u),
    toeOffPhase: TOE_OFF_PHASE,
    shankVerticalPhase,
    consistency,
  };
}

/**
 * The toes' bend in swing (metatarsophalangeal dorsiflexion, deg): the toe extensors hold them a
 * little up to clear the floor. 10 deg keeps them above the forefoot point at a forefoot strike
 * (foot 8 deg toe-down, strikePattern.ts), so the ball of the foot lands first.
 */
export const SWING_TOE_BEND_DEG = 10;
/** Share of the cycle over which the toes go from their bend at a contact event to the swing bend. */
const TOE_BEND_RAMP = 0.1;

/**
 * The toes' own bend over the cycle, for the walker with feet. Walking forward it pushes off from the
 * tip of its toes (footContact.ts): at toe off they are bent up at the forefoot point by what keeps
 * the tip on the floor; through early swing they straighten to SWING_TOE_BEND_DEG, and so leave the
 * floor with the forefoot (bent no further than the floor makes them, they would drag along it until
 * the foot had risen by their length); they come down flat in early stance. Walking backward (forward
 * reversed in time) the foot lands on its forefoot with the toes level with it (bent up by the
 * foot's toe-down angle), so toes and ball meet the floor together, and the toes rise to the swing
 * bend after the heel leaves.
 */
function toeBendSchedule(
  legAngles: (side: Side, u: number) => LegAngles,
  timing: StepTiming,
  phaseOf: (side: Side, u: number) => number,
  dims: BodyDimensions,
  walking: Walking,
): (side: Side, u: number) => number {
  const footDegAt = (pose: LegPose) => (Math.atan2(pose.footDirection.up, pose.footDirection.forward) * 180) / Math.PI;
  // The bend at the contact event where the toes meet or leave the floor.
  const atContact = { left: 0, right: 0 };
  for (const side of SIDES) {
    if (walking === 'forward') {
      const s = sampleStride(legAngles, dims, strideTimeAtPhase(timing, side, TOE_OFF_PHASE));
      const pose = s.poses[side];
      const height = s.hipHeight + pose.toe.up;
      // Bend that puts the tip on the floor: sin(foot + bend) = -height / toe length.
      const onFloor = (Math.asin(Math.max(-1, Math.min(1, -height / dims.toeLength))) * 180) / Math.PI - footDegAt(pose);
      atContact[side] = Math.max(0, onFloor);
    } else {
      const s = sampleStride(legAngles, dims, strideTimeAtPhase(timing, side, 0));
      atContact[side] = Math.max(0, -footDegAt(s.poses[side]));
    }
  }
  const ramp = (from: number, to: number, x: number) => from + (to - from) * smooth(x);
  return (side, u) => {
    const p = phaseOf(side, u);
    if (walking === 'forward') {
      if (p < TOE_BEND_RAMP) return ramp(SWING_TOE_BEND_DEG, 0, p / TOE_BEND_RAMP);
      if (p < TOE_OFF_PHASE) return 0;
      return ramp(atContact[side], SWING_TOE_BEND_DEG, (p - TOE_OFF_PHASE) / TOE_BEND_RAMP);
    }
    if (p < TOE_BEND_RAMP) return ramp(atContact[side], 0, p / TOE_BEND_RAMP);
    if (p < TOE_OFF_PHASE) return 0;
    if (p < 1 - TOE_BEND_RAMP) return ramp(0, SWING_TOE_BEND_DEG, (p - TOE_OFF_PHASE) / TOE_BEND_RAMP);
    return ramp(SWING_TOE_BEND_DEG, atContact[side], (p - (1 - TOE_BEND_RAMP)) / TOE_BEND_RAMP);
  };
}

/** First phase after toe off where the shank (hip - knee) changes sign: the start of terminal swing. */
function findShankVertical(anglesAtPhase: (p: number) => LegAngles): number {
  const shank = (p: number) => {
    const a = anglesAtPhase(p);
    return a.hip - a.knee;
  };
  const step = 0.001;
  let prev = shank(TOE_OFF_PHASE + step);
  for (let p = TOE_OFF_PHASE + 2 * step; p < 1; p += step) {
    const value = shank(p);
    if (Math.sign(value) !== Math.sign(prev)) {
      let lo = p - step;
      let hi = p;
      const loSign = Math.sign(prev);
      for (let i = 0; i < 50; i++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(shank(mid)) === loSign) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
    prev = value;
  }
  throw new Error('synthetic walker: the shank never passes the vertical in swing');
}

function sampleTable(table: Float64Array, u: number): number {
  const x = wrapPhase(u) * table.length;
  const i = Math.floor(x);
  const f = x - i;
  return table[i % table.length] * (1 - f) + table[(i + 1) % table.length] * f;
}

/**
 * Ankle correction (degrees, over stride time) that keeps the swing foot off the floor: where the
 * swing foot's lowest point comes closer than MIN_SWING_CLEARANCE to the stance foot's level, the
 * swing foot is turned towards flat (its shallowest orientation) just enough. The correction is
 * spread with a max-filter and two box blurs, which keeps it smooth and never below what was
 * needed. The ankle is not a truth quantity, so this changes no truth angle. Healthy curves need
 * no correction; stiff-knee and crouch gait do (the real compensations are hip hiking and
 * circumduction, which a 2D sagittal model cannot show).
 */
function swingClearanceGuard(
  side: Side,
  baseAngles: (side: Side, u: number) => LegAngles,
  phaseOf: (side: Side, u: number) => number,
  dims: BodyDimensions,
): Float64Array {
  const other: Side = side === 'left' ? 'right' : 'left';
  const positive = new Float64Array(SAMPLES);
  const negative = new Float64Array(SAMPLES);
  let any = false;
  for (let i = 0; i < SAMPLES; i++) {
    const u = i / SAMPLES;
    const p = phaseOf(side, u);
    if (p < TOE_OFF_PHASE + 0.04 || p > 0.96) continue;
    const a = baseAngles(side, u);
    const limit = footDepth(legPose(baseAngles(other, u), dims)) - MIN_SWING_CLEARANCE;
    if (footDepth(legPose(a, dims)) <= limit) continue;
    const flat = -(a.hip - a.knee) - a.ankle; // correction that makes the foot flat
    const depthWith = (k: number) => footDepth(legPose({ ...a, ankle: a.ankle + k * flat }, dims));
    let lo = 0;
    let hi = 1;
    if (depthWith(1) > limit) lo = 1;
    else {
      for (let j = 0; j < 30; j++) {
        const mid = (lo + hi) / 2;
        if (depthWith(mid) > limit) lo = mid;
        else hi = mid;
      }
    }
    const correction = (lo === 1 ? 1 : hi) * flat;
    if (correction > 0) positive[i] = correction;
    else negative[i] = -correction;
    any = true;
  }
  const out = new Float64Array(SAMPLES);
  if (!any) return out;
  const w = Math.round(0.015 * SAMPLES);
  const pos = boxBlur(boxBlur(maxFilter(positive, 2 * w), w), w);
  const neg = boxBlur(boxBlur(maxFilter(negative, 2 * w), w), w);
  for (let i = 0; i < SAMPLES; i++) out[i] = pos[i] - neg[i];
  return out;
}

function maxFilter(x: Float64Array, halfWidth: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let k = -halfWidth; k <= halfWidth; k++) m = Math.max(m, x[(i + k + n) % n]);
    out[i] = m;
  }
  return out;
}

function boxBlur(x: Float64Array, halfWidth: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = -halfWidth; k <= halfWidth; k++) s += x[(i + k + n) % n];
    out[i] = s / (2 * halfWidth + 1);
  }
  return out;
}

interface StrideSample {
  poses: Record<Side, LegPose>;
  /** Hip height above the floor (the lowest sole point of either foot is on the floor). */
  hipHeight: number;
}

function sampleStride(
  legAngles: (side: Side, u: number) => LegAngles,
  dims: BodyDimensions,
  u: number,
): StrideSample {
  const left = legPose(legAngles('left', u), dims);
  const right = legPose(legAngles('right', u), dims);
  return { poses: { left, right }, hipHeight: Math.max(footDepth(left), footDepth(right)) };
}

function analyseStride(
  legAngles: (side: Side, u: number) => LegAngles,
  timing: StepTiming,
  walking: Walking,
  dims: BodyDimensions,
  exactContact: boolean,
): { strideLength: number; speedDeviation: Float64Array; consistency: StrideConsistency } {
  const samples: StrideSample[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(sampleStride(legAngles, dims, i / SAMPLES));
  // Sole points: heel, forefoot and, with exact contact, the tip of the toes (which bend to stay on
  // the floor: the walker with feet pushes off from it).
  type SolePoint = 'heel' | 'toe' | 'toeTip';
  const points: readonly SolePoint[] = exactContact ? ['heel', 'toe', 'toeTip'] : ['heel', 'toe'];
  const pointOf = (s: StrideSample, side: Side, point: SolePoint): { forward: number; height: number } => {
    const pose = s.poses[side];
    if (point !== 'toeTip') return { forward: pose[point].forward, height: s.hipHeight + pose[point].up };
    const tip = toeTipAbove({ forward: pose.toe.forward, up: s.hipHeight + pose.toe.up }, pose.footDirection, dims.toeLength, pose.toeBend);
    return { forward: tip.forward, height: tip.up };
  };
  const heightOf = (s: StrideSample, side: Side, point: SolePoint) => pointOf(s, side, point).height;

  // Only the foot in stance (by the truth events) is meant to be planted.
  const inStance = (side: Side, i: number) =>
    wrapPhase(cyclePhase(timing, side, i / SAMPLES)) <= TOE_OFF_PHASE;

  // Hip progression that keeps the planted stance points still: between two samples the hip moves
  // forward by what the planted points move backward relative to the hip (averaged over them).
  const step = new Float64Array(SAMPLES);
  const known = new Uint8Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    const a = samples[i];
    const b = samples[(i + 1) % SAMPLES];
    let sum = 0;
    let count = 0;
    for (const side of SIDES) {
      if (!inStance(side, i) || !inStance(side, i + 1)) continue;
      for (const point of points) {
        if (heightOf(a, side, point) < GROUND_TOLERANCE && heightOf(b, side, point) < GROUND_TOLERANCE) {
          sum -= pointOf(b, side, point).forward - pointOf(a, side, point).forward;
          count++;
        }
      }
    }
    if (count > 0) {
      step[i] = sum / count;
      known[i] = 1;
    }
  }
  fillUnknownPeriodic(step, known);
  const strideLength = step.reduce((acc, v) => acc + v, 0);
  // Within-stride deviation from constant speed (periodic, zero mean), lightly smoothed.
  const deviation = new Float64Array(SAMPLES);
  let travelled = 0;
  for (let i = 0; i < SAMPLES; i++) {
    deviation[i] = travelled - (strideLength * i) / SAMPLES;
    travelled += step[i];
  }
  const mean = deviation.reduce((acc, v) => acc + v, 0) / SAMPLES;
  const smoothDeviation = boxBlur(deviation.map((v) => v - mean), Math.round(0.005 * SAMPLES));
  const hipTravel = (k: number) => (strideLength * k) / SAMPLES + smoothDeviation[k % SAMPLES];

  // Slide: range of a planted point's floor position over each run of samples it stays planted.
  let maxFootSlide = 0;
  for (const side of SIDES) {
    for (const point of points) {
      let lo = Infinity;
      let hi = -Infinity;
      let planted = false;
      let startsPlanted = heightOf(samples[0], side, point) < GROUND_TOLERANCE;
      // Walk two strides so a run that wraps round the end is measured whole.
      for (let k = 0; k < 2 * SAMPLES; k++) {
        const s = samples[k % SAMPLES];
        const onFloor = inStance(side, k) && heightOf(s, side, point) < GROUND_TOLERANCE;
        const x = pointOf(s, side, point).forward + hipTravel(k);
        if (onFloor) {
          if (!planted) {
            lo = Infinity;
            hi = -Infinity;
            planted = true;
          }
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        } else if (planted) {
          planted = false;
          if (!startsPlanted || k > SAMPLES) maxFootSlide = Math.max(maxFootSlide, hi - lo);
          startsPlanted = false;
        }
      }
    }
  }

  const firstContact = walking === 'forward' ? 'heel' : 'toe';
  const lastContact: SolePoint = walking === 'forward' ? (exactContact ? 'toeTip' : 'toe') : 'heel';
  const at = (side: Side, phase: number) => sampleStride(legAngles, dims, strideTimeAtPhase(timing, side, phase));
  const consistency: StrideConsistency = {
    initialContactHeight: { left: 0, right: 0 },
    finalContactHeight: { left: 0, right: 0 },
    afterFinalContactHeight: { left: 0, right: 0 },
    minSwingClearance: { left: Infinity, right: Infinity },
    maxFootSlide,
  };
  for (const side of SIDES) {
    consistency.initialContactHeight[side] = heightOf(at(side, 0), side, firstContact);
    consistency.finalContactHeight[side] = heightOf(at(side, TOE_OFF_PHASE), side, lastContact);
    consistency.afterFinalContactHeight[side] = heightOf(at(side, TOE_OFF_PHASE + 0.02), side, lastContact);
    for (let p = TOE_OFF_PHASE + 0.04; p <= 0.96; p += 0.002) {
      const s = at(side, p);
      const lowest = s.hipHeight - footDepth(s.poses[side]);
      consistency.minSwingClearance[side] = Math.min(consistency.minSwingClearance[side], lowest);
    }
  }
  return { strideLength, speedDeviation: smoothDeviation, consistency };
}
