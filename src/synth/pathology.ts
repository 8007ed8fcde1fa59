/**
 * Pathology knobs: each one a smooth, local change of the healthy curves that a clinician would
 * recognise (Perry & Burnfield 2010, ch. on pathological gait; myogait's rule thresholds).
 * All changes act on the FORWARD-walking curves over the cycle (0 = heel strike); backward walking
 * replays the changed curves in reverse.
 */
import type { Side } from '../core/format/report';
import type { JointCurves } from './gaitCurves';
import { cycleWindow, type PeriodicCurve } from './periodicSpline';

export interface PathologyOptions {
  /** Which leg the leg-specific knobs act on (default 'both'). */
  side?: Side | 'both';
  /** Less peak hip extension in terminal stance, degrees (peak extension rises by about this much). */
  hipExtensionDeficitDeg?: number;
  /** Less knee flexion in pre-swing / at toe off, degrees. */
  preSwingKneeDeficitDeg?: number;
  /**
   * Less ankle plantarflexion at push-off, degrees: the ankle curve is moved towards dorsiflexion
   * around its push-off peak (64 % of the cycle). In double support the contact solver still keeps
   * the trailing forefoot on the floor (footContact.ts), so the change shows from toe off on.
   */
  pushOffPlantarflexionDeficitDeg?: number;
  /** Stiff-knee swing: true (peak swing knee flexion 33 deg) or the peak in degrees. */
  stiffKnee?: boolean | number;
  /** Crouch: the knee is never straighter than this (degrees, at most MAX_CROUCH_DEG), hip and ankle flex with it. */
  crouchDeg?: number;
  /** Constant forward trunk lean added to the normal ~3 deg, degrees (both sides). */
  trunkLeanDeg?: number;
  /**
   * Anterior pelvic tilt, degrees (both sides: the pelvis is one segment): thigh-vs-vertical shifted
   * towards flexion by the tilt over the whole cycle (so peak hip extension is reduced by the
   * tilt) plus a forward trunk lean of half the tilt. There are no pelvis keypoints, so this is how
   * a tilt shows in a 2D keypoint track.
   */
  anteriorPelvicTiltDeg?: number;
  /** Late, fast, whip-like knee extension in terminal swing with a ~4 deg hyperextension overshoot. */
  flickingSwing?: boolean;
  /** More hip flexion at initial contact (degrees) with a straighter knee: the heel lands far ahead. */
  overstrideDeg?: number;
  /**
   * Step-time asymmetry as a fraction: 0.15 makes `side`'s step (opposite heel strike to this
   * side's heel strike) 15 % longer than the other side's. Needs side 'left' or 'right'.
   */
  stepTimeAsymmetry?: number;
}

/** The knobs as applied, defaults filled in (0 / false = off). */
export interface ResolvedPathology {
  side: Side | 'both';
  hipExtensionDeficitDeg: number;
  preSwingKneeDeficitDeg: number;
  pushOffPlantarflexionDeficitDeg: number;
  /** Peak swing knee flexion in degrees, or null when the knee is not stiff. */
  stiffKneePeakDeg: number | null;
  crouchDeg: number;
  trunkLeanDeg: number;
  anteriorPelvicTiltDeg: number;
  flickingSwing: boolean;
  overstrideDeg: number;
  stepTimeAsymmetry: number;
}

/**
 * The deepest crouch the 2D walker can take: beyond it the shank stays behind the vertical through
 * swing (no terminal swing). 42 deg since the terminal swing follows the real walks more closely
 * (gaitCurves.ts: less hip retraction, the knee 7 deg flexed at 97 %); it was 45 before.
 */
export const MAX_CROUCH_DEG = 42;

/** Peak swing knee flexion for `stiffKnee: true` (myogait flags a peak below 40 deg). */
export const DEFAULT_STIFF_KNEE_PEAK_DEG = 33;

export function resolvePathology(options: PathologyOptions | undefined): ResolvedPathology {
  const o = options ?? {};
  const nonNegative = (value: number | undefined, name: string, max: number): number => {
    const v = value ?? 0;
    if (!Number.isFinite(v) || v < 0 || v > max) throw new Error(`pathology.${name} must be between 0 and ${max}`);
    return v;
  };
  const stiffKneePeakDeg =
    o.stiffKnee === undefined || o.stiffKnee === false
      ? null
      : o.stiffKnee === true
        ? DEFAULT_STIFF_KNEE_PEAK_DEG
        : o.stiffKnee;
  if (stiffKneePeakDeg !== null && !(stiffKneePeakDeg >= 10 && stiffKneePeakDeg <= 60)) {
    throw new Error('pathology.stiffKnee peak must be between 10 and 60 degrees');
  }
  const resolved: ResolvedPathology = {
    side: o.side ?? 'both',
    hipExtensionDeficitDeg: nonNegative(o.hipExtensionDeficitDeg, 'hipExtensionDeficitDeg', 25),
    preSwingKneeDeficitDeg: nonNegative(o.preSwingKneeDeficitDeg, 'preSwingKneeDeficitDeg', 30),
    pushOffPlantarflexionDeficitDeg: nonNegative(o.pushOffPlantarflexionDeficitDeg, 'pushOffPlantarflexionDeficitDeg', 25),
    stiffKneePeakDeg,
    crouchDeg: nonNegative(o.crouchDeg, 'crouchDeg', MAX_CROUCH_DEG),
    trunkLeanDeg: o.trunkLeanDeg ?? 0,
    anteriorPelvicTiltDeg: nonNegative(o.anteriorPelvicTiltDeg, 'anteriorPelvicTiltDeg', 25),
    flickingSwing: o.flickingSwing ?? false,
    overstrideDeg: nonNegative(o.overstrideDeg, 'overstrideDeg', 20),
    stepTimeAsymmetry: nonNegative(o.stepTimeAsymmetry, 'stepTimeAsymmetry', 1),
  };
  if (!Number.isFinite(resolved.trunkLeanDeg) || Math.abs(resolved.trunkLeanDeg) > 45) {
    throw new Error('pathology.trunkLeanDeg must be between -45 and 45');
  }
  if (resolved.stepTimeAsymmetry > 0 && resolved.side === 'both') {
    throw new Error("pathology.stepTimeAsymmetry needs pathology.side 'left' or 'right'");
  }
  return resolved;
}

/** True when the leg-specific knobs act on this leg. */
export function affectsSide(pathology: ResolvedPathology, side: Side): boolean {
  return pathology.side === 'both' || pathology.side === side;
}

/** Extra forward trunk lean from the pathology (degrees). */
export function pathologyTrunkLean(pathology: ResolvedPathology): number {
  return pathology.trunkLeanDeg + pathology.anteriorPelvicTiltDeg / 2;
}

/** Smooth max(x, 0) with a knee of width `softness` (softplus). */
function softPositive(x: number, softness: number): number {
  const z = x / softness;
  return z > 30 ? x : softness * Math.log1p(Math.exp(z));
}

/**
 * Knee curve with a late, whip-like extension: the knee stays flexed longer in terminal swing,
 * then extends fast into ~4 deg of hyperextension at 96.5 % and settles back before contact.
 * Added as a smooth delta on top of the healthy curve over 75-100 %.
 */
function flickDelta(phase: number): number {
  // Delta keys (percent, degrees) relative to the healthy knee: hold flexion longer, overshoot.
  const keys: ReadonlyArray<readonly [number, number]> = [
    [75, 0],
    [80, 5],
    [85, 14],
    [89.5, 17],
    [93, 8],
    [96.5, -10.5],
    [98.5, -6],
    [100, 0],
  ];
  const p = phase * 100;
  if (p <= keys[0][0] || p >= 100) return 0;
  for (let i = 1; i < keys.length; i++) {
    if (p <= keys[i][0]) {
      const [x0, y0] = keys[i - 1];
      const [x1, y1] = keys[i];
      // Cosine interpolation: smooth (zero slope) at every key, so the delta has no kinks.
      const s = (1 - Math.cos((Math.PI * (p - x0)) / (x1 - x0))) / 2;
      return y0 + (y1 - y0) * s;
    }
  }
  return 0;
}

/** Applies the leg-specific knobs to one leg's curves (the caller checks `affectsSide`). */
export function applyLegPathology(base: JointCurves, pathology: ResolvedPathology, legAffected: boolean): JointCurves {
  let hip: PeriodicCurve = base.hip;
  let knee: PeriodicCurve = base.knee;
  let ankle: PeriodicCurve = base.ankle;
  const tilt = pathology.anteriorPelvicTiltDeg;
  if (tilt !== 0) {
    // Bilateral: the pelvis tilts as one, whichever side was named.
    const h0 = hip;
    hip = (p) => h0(p) + tilt;
  }
  if (!legAffected) return { hip, knee, ankle };

  const ext = pathology.hipExtensionDeficitDeg;
  if (ext > 0) {
    // Centred on peak extension (~50 %); zero at heel strike and in mid swing.
    const h0 = hip;
    hip = (p) => h0(p) + ext * cycleWindow(p, 0.5, 0.3);
  }
  const preSwing = pathology.preSwingKneeDeficitDeg;
  if (preSwing > 0) {
    // Centred just before toe off; peak swing flexion at 72 % is barely touched.
    const k0 = knee;
    knee = (p) => softPositive(k0(p) - preSwing * cycleWindow(p, 0.6, 0.14), 1);
  }
  const pushOff = pathology.pushOffPlantarflexionDeficitDeg;
  if (pushOff > 0) {
    // Centred on the push-off peak (64 %), gone by loading response and by terminal swing.
    const a0 = ankle;
    ankle = (p) => a0(p) + pushOff * cycleWindow(p, 0.64, 0.16);
  }
  const stiffPeak = pathology.stiffKneePeakDeg;
  if (stiffPeak !== null) {
    const k0 = knee;
    const window = (p: number) => cycleWindow(p, 0.72, 0.24);
    const peakWith = (scale: number) => {
      let peak = -Infinity;
      for (let i = 50; i <= 100; i++) peak = Math.max(peak, k0(i / 100) * (1 - scale * window(i / 100)));
      return peak;
    };
    // Scale the swing hump down until its peak is the requested one (bisection on the scale).
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (peakWith(mid) > stiffPeak) lo = mid;
      else hi = mid;
    }
    const scale = (lo + hi) / 2;
    knee = (p) => k0(p) * (1 - scale * window(p));
  }
  if (pathology.flickingSwing) {
    const k0 = knee;
    knee = (p) => k0(p) + flickDelta(p - Math.floor(p));
  }
  const over = pathology.overstrideDeg;
  if (over > 0) {
    // More hip flexion around contact and a knee nearly straight at contact.
    const h0 = hip;
    const k0 = knee;
    const kneeAtContact = base.knee(0);
    hip = (p) => h0(p) + over * cycleWindow(p, 0, 0.22);
    knee = (p) => k0(p) - 0.8 * kneeAtContact * cycleWindow(p, 0, 0.12);
  }
  const crouch = pathology.crouchDeg;
  if (crouch > 0) {
    // Knee never straighter than `crouch` (soft floor); hip and ankle flex by half the extra knee
    // flexion each, which keeps the foot's orientation (foot = hip - knee + ankle) unchanged.
    const h0 = hip;
    const k0 = knee;
    const a0 = ankle;
    const extra = (p: number) => crouch + softPositive(k0(p) - crouch, 2) - k0(p);
    hip = (p) => h0(p) + extra(p) / 2;
    knee = (p) => k0(p) + extra(p);
    ankle = (p) => a0(p) + extra(p) / 2;
  }
  return { hip, knee, ankle };
}
