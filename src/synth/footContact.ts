/**
 * Exact foot-floor contact for the walker with feet: corrections to the curves over the stride that
 * make the rigid feet roll over the floor and keep every planted point still.
 *
 * Without it (the MoveNet-only walker) the lowest sole point of either foot rests on the floor,
 * which leaves the loaded foot hovering up to 0.8 % of body height at heel strike (the trailing
 * forefoot still holds the body up) and the heel up by 3-6 deg of foot tilt in mid-stance: fine for
 * hip and knee, not for heel and toe events or the ankle. With it, per stride sample:
 *
 * - Single support: the stance foot follows its ankle curve, except that in mid-stance (15-30 % of
 *   the forward cycle, tapering in from 8 % and out by 42 %) a toe-down tilt is flattened: the
 *   ankle rocker, foot flat while the shank rotates over it (Perry & Burnfield 2010, ch. 4).
 * - Double support: one foot rests on its heel (walking forward the leading one, heel rocker; a
 *   flat or forefoot landing rests on the point it met the floor with) and follows its curves; it
 *   carries the hip. The other is on its toes (forward the trailing one, pushing off; backward, which
 *   is forward walking reversed in time, the leading one, landed on its forefoot): the tip of its
 *   toes stays where it was when double support began, on the same floor, and its forefoot point
 *   lies on the circle of the toes' length round the tip (the toes bend at the metatarsal heads, as
 *   in push-off). Its hip, knee and ankle and the toes' bend are solved for the pose nearest its
 *   curves (squared changes weighted by REACH_WEIGHTS and TOE_BEND_WEIGHT; the heel may not go
 *   through the floor, the knee not overstretch, the thigh go at most HIP_EXTENSION_ALLOWANCE_DEG
 *   further back than its curve: where a strong pathology knob leaves the pose out of reach, the toes
 *   slide instead, as strideModel.ts's consistency reports: 14 deg less hip extension, 10 deg of
 *   anterior pelvic tilt or overstride, 5.7-6.4 % of body height). Before double support the
 *   correction is ramped in over 8 % of the stride, and after it faded out over 10 % (over 5 % the
 *   forefoot stalled just after toe off).
 *
 * Why the hip too: before (knee and ankle only, depth only) the two planted points did not keep a
 * fixed distance, and the trailing foot slid forward by up to 4.1 % of body height in late double
 * support. Its ankle then turned forward early: it led the contact toe off by 6.7 % of the stride as
 * the ankle-proxy detector saw it, where real walks lead by 3.1 % (zeni.ts), so on the rendered walks
 * every toe off came about 40 ms early. Pinning the forefoot point without bending toes left the knee
 * 8 deg short of its curve and stalled at toe off; pinning the tip with bending toes needs almost no
 * knee change. Healthy forward walking (cadence-independent; stride model, per cycle):
 *
 *   | at toe off          | before | now   | real (12 healthy mocap walks, 78 toe offs) |
 *   | thigh (deg)         | -2.5   | -6.9  | -5.9 +- 7.3                                 |
 *   | knee (deg)          | 40.0   | 39.2  | 45.3 +- 8.7                                 |
 *   | shank (deg)         | -42.5  | -46.1 | -51.2 +- 5.0                                |
 *   | foot slide (% H)    | 4.1    | 0.04  | 0                                           |
 *   | ankle lead, TO (%)  | 6.7    | 3.4   | 3.1                                         |
 *
 * (Ankle lead: how far the ankle's extreme comes before the foot's toe off, as the detector sees it;
 * cadences 90-130, 30 fps; at heel strike 2.35 -> 2.2 %, real 1.6 %.)
 *
 * The toes are bent 42 deg at toe off (metatarsophalangeal dorsiflexion reaches 40-60 deg at push-off),
 * the ankle is -20.2 at toe off and -21.0 at its peak at 63 % (curve -18.2), +17.4 at 50 % (curve 12),
 * and the hip changes by at most -4.4 deg, the knee by -0.8..+1.7. On the clean walker with feet
 * (scripts/eval-feet-analysis.ts) every heel strike and toe off of the six walks, backward included,
 * is then found within one frame at 30 fps by both detectors (before: no ankle-proxy toe off).
 * Walking backward the trailing foot now leaves the floor by its heel, toe up 25 deg (the reverse of a
 * forward heel strike); before it rested on its forefoot, toe down, with the ankle 40 deg off its curve.
 * The corrections are the truth (the walker's truth is what its keypoints show).
 */
import type { Side, Walking } from '../core/format/report';
import type { BodyDimensions } from './anthropometry';
import { footDepth, legPose, type LegAngles, type Point2 } from './legKinematics';

const SIDES: readonly Side[] = ['left', 'right'];
const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');
const JOINTS = ['hip', 'knee', 'ankle'] as const;
type Joint = (typeof JOINTS)[number];

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
  /** Walking backward the leading foot is the one on its toes in double support. */
  walking: Walking;
  dims: BodyDimensions;
}

/** Smoothstep: 0 below 0, 1 above 1, an S-curve with level ends between (ramps in and out). */
export const smooth = (x: number): number => {
  const s = Math.min(1, Math.max(0, x));
  return s * s * (3 - 2 * s);
};

/** Weight of mid-stance flattening over the forward-curve phase. */
function flatWeight(q: number): number {
  return smooth((q - 0.05) / 0.04) * (1 - smooth((q - 0.3) / 0.12));
}

const foot = (a: LegAngles) => a.hip - a.knee + a.ankle;

/**
 * Knee and ankle that put the leg's forefoot contact point at `target` (hip frame), the thigh kept:
 * two-link inverse kinematics from the knee (shank, then ankle -> forefoot point), the solution
 * nearer the leg's current ankle. Out of reach: the nearest reachable pose.
 */
function reachWithKneeAndAnkle(a: LegAngles, target: Point2, dims: BodyDimensions): LegAngles {
  const pose = legPose(a, dims);
  const knee = pose.knee;
  const sole = { f: dims.toeFront, u: -dims.ankleHeight };
  const ls = dims.shank;
  const lf = Math.hypot(sole.f, sole.u);
  const dx = target.forward - knee.forward;
  const dy = target.up - knee.up;
  const d = Math.min(ls + lf - 1e-9, Math.max(Math.abs(ls - lf) + 1e-9, Math.hypot(dx, dy)));
  // Ankle on the circle of radius ls round the knee and lf round the target.
  const along = (ls * ls - lf * lf + d * d) / (2 * d);
  const across = Math.sqrt(Math.max(0, ls * ls - along * along));
  const ux = dx / Math.hypot(dx, dy);
  const uy = dy / Math.hypot(dx, dy);
  const candidates = [1, -1].map((sign) => ({
    forward: knee.forward + along * ux - sign * across * uy,
    up: knee.up + along * uy + sign * across * ux,
  }));
  const dist = (p: Point2) => Math.hypot(p.forward - pose.ankle.forward, p.up - pose.ankle.up);
  const ankle = dist(candidates[0]) <= dist(candidates[1]) ? candidates[0] : candidates[1];
  const shankDeg = (Math.atan2(ankle.forward - knee.forward, knee.up - ankle.up) * 180) / Math.PI;
  const toTarget = Math.atan2(target.up - ankle.up, target.forward - ankle.forward);
  const footDeg = ((toTarget - Math.atan2(sole.u, sole.f)) * 180) / Math.PI;
  const wrap = (x: number) => ((((x + 180) % 360) + 360) % 360) - 180;
  return { hip: a.hip, knee: a.hip - shankDeg, ankle: wrap(footDeg - shankDeg) };
}

/**
 * Weights of hip, knee and ankle changes from their curves (squared degrees) for nearestReach.
 * Plantarflexion beyond the ankle's curve costs ten times more: the curve is what the calf muscles
 * give (the limited push-off knob lowers it), so the contact does not make the walker push off harder
 * than that; its toes, hip and knee take up the rest. (With equal weights the ankle went 2 deg beyond
 * its curve at toe off, and the knob's 22-24 deg took only 13-14 deg off the push-off excursion.)
 */
export const REACH_WEIGHTS = { hip: 1, knee: 1, ankle: 1, plantarflexionBeyondCurve: 10 } as const;

/**
 * How far past its curve the contact may take the thigh back (deg). The healthy walker needs 4.7,
 * which brings its thigh at toe off to the real walks' mean; a limited-hip-extension knob keeps its
 * limit (without this bound the solver undid the knob's 14 deg and overstretched the knee by 29 deg
 * to keep the toes down).
 */
export const HIP_EXTENSION_ALLOWANCE_DEG = 6;

/** Golden-section minimum of f on [lo, hi], after a scan in `steps` steps when steps > 0 (one evaluation per iteration). */
function minimize(f: (x: number) => number, lo: number, hi: number, steps: number): number {
  let a = lo;
  let b = hi;
  if (steps > 0) {
    const dx = (hi - lo) / steps;
    let best = lo;
    let bestValue = f(lo);
    for (let i = 1; i <= steps; i++) {
      const v = f(lo + i * dx);
      if (v < bestValue) [best, bestValue] = [lo + i * dx, v];
    }
    a = Math.max(lo, best - dx);
    b = Math.min(hi, best + dx);
  }
  const g = (Math.sqrt(5) - 1) / 2;
  let m1 = b - g * (b - a);
  let m2 = a + g * (b - a);
  let f1 = f(m1);
  let f2 = f(m2);
  for (let i = 0; i < 24; i++) {
    if (f1 < f2) {
      b = m2;
      m2 = m1;
      f2 = f1;
      m1 = b - g * (b - a);
      f1 = f(m1);
    } else {
      a = m1;
      m1 = m2;
      f1 = f2;
      m2 = a + g * (b - a);
      f2 = f(m2);
    }
  }
  return (a + b) / 2;
}

/** Where to look for a solution: near the previous sample's (hip change, toe bend), or everywhere. */
interface Guess {
  dh: number;
  bend: number;
}
/** Half-widths of the search round a guess (degrees; the solution moves far less between samples). */
const NEAR = { dh: 3, bend: 4 } as const;

/**
 * The pose nearest the leg's curves (weighted squared changes, REACH_WEIGHTS) that puts its
 * forefoot point at `target`: for each thigh change, knee and ankle from reachWithKneeAndAnkle.
 */
function nearestReach(a: LegAngles, target: Point2, dims: BodyDimensions, guess: Guess | null): { pose: LegAngles; cost: number; dh: number } {
  const at = (dh: number) => reachWithKneeAndAnkle({ ...a, hip: a.hip + dh }, target, dims);
  const cost = (dh: number) => {
    const s = at(dh);
    // The heel may not go through the floor: a foot on its forefoot is heel-up or flat.
    const through = Math.max(0, foot(s));
    // Joints stay within what the leg can do: no knee hyperextension, and the thigh no further back
    // than HIP_EXTENSION_ALLOWANCE_DEG past its curve.
    const hyperextended = Math.max(0, -s.knee);
    const pastHip = Math.max(0, -dh - HIP_EXTENSION_ALLOWANCE_DEG);
    return (
      REACH_WEIGHTS.hip * dh ** 2 +
      REACH_WEIGHTS.knee * (s.knee - a.knee) ** 2 +
      (s.ankle < a.ankle ? REACH_WEIGHTS.plantarflexionBeyondCurve : REACH_WEIGHTS.ankle) * (s.ankle - a.ankle) ** 2 +
      1e4 * (through ** 2 + hyperextended ** 2 + pastHip ** 2)
    );
  };
  const dh = guess ? minimize(cost, guess.dh - NEAR.dh, guess.dh + NEAR.dh, 0) : minimize(cost, -30, 15, 15);
  return { pose: at(dh), cost: cost(dh), dh };
}

/** Cost of bending the toes (per squared degree), against REACH_WEIGHTS: the toes bend only where the leg needs the reach. */
export const TOE_BEND_WEIGHT = 0.05;
/** Most the toes bend at the forefoot point (metatarsophalangeal dorsiflexion at push-off reaches about 50-60 deg). */
const MAX_TOE_BEND_DEG = 70;

/**
 * The leg on its toes: the tip of the toes stays at `tip` (on the floor) and the forefoot
 * point sits on the circle of the toes' length round it, the toes bent up by an angle chosen with
 * the leg's pose (nearest its curves, bending itself weighted by TOE_BEND_WEIGHT).
 */
function nearestReachOnToes(a: LegAngles, tip: Point2, dims: BodyDimensions, guess: Guess | null): { pose: LegAngles; guess: Guess } {
  const L = dims.toeLength;
  const DEG = Math.PI / 180;
  const forefoot = (bend: number) => ({ forward: tip.forward - L * Math.cos(bend * DEG), up: tip.up + L * Math.sin(bend * DEG) });
  const inner = (bend: number) => nearestReach(a, forefoot(bend), dims, guess);
  const cost = (bend: number) => inner(bend).cost + TOE_BEND_WEIGHT * bend ** 2;
  const bend = guess
    ? minimize(cost, Math.max(0, guess.bend - NEAR.bend), Math.min(MAX_TOE_BEND_DEG, guess.bend + NEAR.bend), 0)
    : minimize(cost, 0, MAX_TOE_BEND_DEG, 14);
  const best = inner(bend);
  return { pose: best.pose, guess: { dh: best.dh, bend } };
}

export interface ContactCorrection {
  /** Degrees to add to the knee flexion curve per leg and stride sample. */
  knee: Record<Side, Float64Array>;
  /** Degrees to add to the hip (thigh) curve. */
  hip: Record<Side, Float64Array>;
  /** Degrees to add to the ankle curve. */
  ankle: Record<Side, Float64Array>;
}

/** Hip, knee and ankle corrections per leg and stride sample. */
export function footContactCorrection(inputs: ContactInputs): ContactCorrection {
  const { samples: n, dims } = inputs;
  const out: ContactCorrection = {
    knee: { left: new Float64Array(n), right: new Float64Array(n) },
    hip: { left: new Float64Array(n), right: new Float64Array(n) },
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

  // 2. Double support: the foot on its toes solved round the tip of its toes (see the header).
  // Per joint and leg: the change from the curve at each double-support sample, NaN outside them.
  const unsolved = () => ({ left: new Float64Array(n).fill(NaN), right: new Float64Array(n).fill(NaN) });
  const solved: Record<Joint, Record<Side, Float64Array>> = { hip: unsolved(), knee: unsolved(), ankle: unsolved() };
  // Which foot is on its toes: walking forward the trailing one (pushing off), walking backward the
  // leading one (landed on its forefoot; backward walking is forward walking reversed in time). The
  // other foot rests on its heel (or, a forefoot or flat landing, the sole point it met the floor
  // with) and follows its curves; it carries the hip along.
  const onToes = (lead: Side): Side => (inputs.walking === 'forward' ? other(lead) : lead);
  // Where the tip of the toes and the other foot's resting point were, relative to the hip, when
  // double support began: both stay put on the floor, so their hip-relative positions move alike.
  const anchor = { tip: 0, rest: 0, restOnHeel: true };
  // The previous sample's solution: the next is searched near it.
  let previous: Guess | null = null;
  const isDouble = (k: number) => inStance('left', k) && inStance('right', k);
  // Start the scan just after single support, so every double-support run is seen from its start.
  let start = 0;
  while (start < n && isDouble(start)) start++;
  for (let j = 1; j <= n; j++) {
    const k = (start + j) % n;
    if (!isDouble(k)) continue;
    const lead: Side = inputs.phase('left', k) < inputs.phase('right', k) ? 'left' : 'right';
    const toes = onToes(lead);
    const restPose = legPose(base[other(toes)][k], dims);
    const floorDepth = footDepth(restPose);
    const a = base[toes][k];
    if (!isDouble((k - 1 + n) % n)) {
      // First sample of the run: the toes lie flat ahead of the forefoot point (walking backward
      // the foot lands with them level with it, strideModel.ts).
      previous = null;
      anchor.tip = legPose(a, dims).toe.forward + dims.toeLength;
      anchor.restOnHeel = restPose.heel.up <= restPose.toe.up;
      anchor.rest = (anchor.restOnHeel ? restPose.heel : restPose.toe).forward;
    }
    const restPoint = (anchor.restOnHeel ? restPose.heel : restPose.toe).forward;
    const tip = { forward: anchor.tip + restPoint - anchor.rest, up: -floorDepth };
    const reached = nearestReachOnToes(a, tip, dims, previous);
    previous = reached.guess;
    for (const joint of JOINTS) solved[joint][toes][k] = reached.pose[joint] - a[joint];
  }

  // 3. Ramps into and out of each double-support run of the leg on its toes.
  const rampIn = Math.round(0.08 * n);
  const rampOut = Math.round(0.1 * n);
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
    const hip = ramped(solved.hip[side]);
    const knee = ramped(solved.knee[side]);
    const ankle = ramped(solved.ankle[side]);
    for (let k = 0; k < n; k++) {
      out.hip[side][k] = hip[k];
      out.knee[side][k] = knee[k];
      // The ankle's correction also carries the mid-stance flattening (step 1).
      out.ankle[side][k] = base[side][k].ankle - inputs.angles(side, k).ankle + ankle[k];
    }
  }
  return out;
}
