/**
 * Exact foot-floor contact for the walker with feet: an ankle correction over the stride that
 * makes the rigid feet roll over the floor, while hip and knee keep following their curves.
 *
 * Without it (the MoveNet-only walker) the lowest sole point of either foot rests on the floor,
 * which leaves the loaded foot hovering up to 0.8 % of body height at heel strike (the trailing
 * forefoot still holds the body up) and the heel up by 3-6 deg of foot tilt in mid-stance: fine for
 * hip and knee, not for heel and toe events or the ankle. With it, per stride sample:
 *
 * - Single support: the stance foot follows its ankle curve, except that in mid-stance (15-30 % of
 *   the forward cycle, tapering in from 8 % and out by 42 %) a toe-down tilt is flattened: the
 *   ankle rocker, foot flat while the shank rotates over it (Perry & Burnfield 2010, ch. 4).
 * - Double support: the foot that landed last follows its curve exactly (heel rocker forward,
 *   forefoot first backward); the other foot's ankle is solved so that its contact point (forefoot
 *   at push-off forward, heel backward) rests exactly on the same floor. Before the landing the
 *   trailing ankle is ramped to that solution over 8 % of the stride, so the hip lowers smoothly and
 *   the landing heel meets the floor instead of hovering; after the trailing foot's final contact
 *   the correction fades out over 5 %.
 *
 * The trailing leg first takes up to TRAILING_KNEE_CAP_DEG more knee flexion (its foot's tilt kept),
 * then its ankle gives the rest. The corrections are the truth (the walker's truth is what its
 * keypoints show). Healthy forward walking then gives: ankle -4.6 at 8 %, flat foot 14-30 %, heel
 * rise from 32 %, +14.9 peak dorsiflexion at opposite heel strike (curve 11.6), -17.9 at toe off
 * and -18.6 peak at 63 % (curve -18.2), trailing knee up to 6 deg more flexed around 50 %.
 *
 * What stays imperfect: with hip and knee on their curves the two planted contact points do not keep
 * a fixed distance in double support, so the feet slide up to 4.1 % of body height then
 * (strideModel's maxFootSlide; 0.4 % without exact contact only because the landing heel hovered
 * above the floor while it moved).
 */
import type { Side } from '../core/format/report';
import type { BodyDimensions } from './anthropometry';
import { footDepth, legPose, type LegAngles } from './legKinematics';

const SIDES: readonly Side[] = ['left', 'right'];

export interface ContactInputs {
  samples: number;
  /** Leg angles at stride sample k (curves and swing guard applied). */
  angles: (side: Side, k: number) => LegAngles;
  /** The leg's cycle phase at sample k (0 = initial contact). */
  phase: (side: Side, k: number) => number;
  /** Forward-curve phase of a cycle phase (backward walking runs the curves in reverse). */
  curvePhase: (p: number) => number;
  /** Final contact as a cycle fraction. */
  toeOffPhase: number;
  dims: BodyDimensions;
}

const smooth = (x: number) => {
  const s = Math.min(1, Math.max(0, x));
  return s * s * (3 - 2 * s);
};

/** Weight of mid-stance flattening over the forward-curve phase. */
function flatWeight(q: number): number {
  return smooth((q - 0.05) / 0.04) * (1 - smooth((q - 0.3) / 0.12));
}

const foot = (a: LegAngles) => a.hip - a.knee + a.ankle;

/** Ankle (degrees) that puts this leg's lowest sole point `depth` below the hip, resting on its heel (toe up) or its forefoot. */
function solveAnkle(a: LegAngles, depth: number, dims: BodyDimensions, toeUp: boolean): number {
  const shank = a.hip - a.knee;
  const depthAt = (phi: number) => footDepth(legPose({ ...a, ankle: phi - shank }, dims));
  // Depth grows away from a flat foot on both branches up to these tilts (heel 44, forefoot 65 deg).
  const far = toeUp ? 40 : -60;
  if (depth <= depthAt(0)) return -shank; // cannot reach deeper than flat: stays flat
  if (depth >= depthAt(far)) return far - shank;
  let lo = 0;
  let hi = far;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (depthAt(mid) < depth) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2 - shank;
}

/** Most extra knee flexion (degrees) the trailing leg takes before its ankle gives the rest. */
export const TRAILING_KNEE_CAP_DEG = 6;

/** Extra trailing-knee flexion (0..cap) that brings the leg's lowest point up to `depth`; cap if not enough. */
function solveKnee(a: LegAngles, depth: number, dims: BodyDimensions): number {
  const depthAt = (dk: number) => footDepth(legPose({ ...a, knee: a.knee + dk, ankle: a.ankle - dk }, dims));
  if (depthAt(0) <= depth) return 0;
  if (depthAt(TRAILING_KNEE_CAP_DEG) >= depth) return TRAILING_KNEE_CAP_DEG;
  let lo = 0;
  let hi = TRAILING_KNEE_CAP_DEG;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (depthAt(mid) > depth) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface ContactCorrection {
  /** Degrees to add to the knee flexion curve per leg and stride sample. */
  knee: Record<Side, Float64Array>;
  /** Degrees to add to the ankle curve. */
  ankle: Record<Side, Float64Array>;
}

/** Knee and ankle corrections per leg and stride sample. */
export function footContactCorrection(inputs: ContactInputs): ContactCorrection {
  const { samples: n, dims } = inputs;
  const out: ContactCorrection = {
    knee: { left: new Float64Array(n), right: new Float64Array(n) },
    ankle: { left: new Float64Array(n), right: new Float64Array(n) },
  };
  const inStance = (side: Side, k: number) => inputs.phase(side, k) < inputs.toeOffPhase;

  // 1. Mid-stance foot flat (only ever removes a toe-down tilt).
  const shaped = (side: Side, k: number): LegAngles => {
    const a = { ...inputs.angles(side, k) };
    if (inStance(side, k)) {
      const w = flatWeight(inputs.curvePhase(inputs.phase(side, k)));
      const f = foot(a);
      if (w > 0 && f < 0) a.ankle -= w * f;
    }
    return a;
  };
  const base = { left: [] as LegAngles[], right: [] as LegAngles[] };
  for (const side of SIDES) for (let k = 0; k < n; k++) base[side].push(shaped(side, k));

  // 2. Double support: the trailing leg solved onto the leading foot's floor: first a little more
  // knee flexion (the foot's tilt kept), then its ankle for what the knee cannot give.
  const solvedKnee = { left: new Float64Array(n).fill(NaN), right: new Float64Array(n).fill(NaN) };
  const solvedAnkle = { left: new Float64Array(n).fill(NaN), right: new Float64Array(n).fill(NaN) };
  // The trailing foot keeps resting on the sole point it had when double support began.
  const restsOnHeel = { left: false, right: false };
  const isDouble = (k: number) => inStance('left', k) && inStance('right', k);
  for (let k0 = 0; k0 < n; k0++) {
    const k = k0;
    if (!isDouble(k)) continue;
    const lead: Side = inputs.phase('left', k) < inputs.phase('right', k) ? 'left' : 'right';
    const trail: Side = lead === 'left' ? 'right' : 'left';
    if (!isDouble((k - 1 + n) % n) || k0 === 0) {
      const pose = legPose(base[trail][k], dims);
      restsOnHeel[trail] = pose.heel.up < pose.toe.up;
    }
    const floorDepth = footDepth(legPose(base[lead][k], dims));
    const a = base[trail][k];
    const dk = solveKnee(a, floorDepth, dims);
    const withKnee = { ...a, knee: a.knee + dk, ankle: a.ankle - dk };
    solvedKnee[trail][k] = dk;
    solvedAnkle[trail][k] = solveAnkle(withKnee, floorDepth, dims, restsOnHeel[trail]) - a.ankle;
  }

  // 3. Ramps into and out of each double-support run of the trailing leg.
  const rampIn = Math.round(0.08 * n);
  const rampOut = Math.round(0.05 * n);
  const ramped = (s: Float64Array) => {
    const delta = new Float64Array(n);
    for (let k = 0; k < n; k++) if (Number.isFinite(s[k])) delta[k] = s[k];
    for (let k = 0; k < n; k++) {
      const prev = (k - 1 + n) % n;
      const next = (k + 1) % n;
      if (Number.isFinite(s[k]) && !Number.isFinite(s[prev])) {
        // Run starts at k: ramp in over the samples before it.
        for (let j = 1; j <= rampIn; j++) delta[(k - j + n) % n] += s[k] * (1 - smooth(j / rampIn));
      }
      if (Number.isFinite(s[k]) && !Number.isFinite(s[next])) {
        for (let j = 1; j <= rampOut; j++) delta[(k + j) % n] += s[k] * (1 - smooth(j / rampOut));
      }
    }
    return delta;
  };
  for (const side of SIDES) {
    const knee = ramped(solvedKnee[side]);
    const ankle = ramped(solvedAnkle[side]);
    for (let k = 0; k < n; k++) {
      out.knee[side][k] = knee[k];
      out.ankle[side][k] = base[side][k].ankle - inputs.angles(side, k).ankle + ankle[k];
    }
  }
  return out;
}
