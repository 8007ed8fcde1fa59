/**
 * How much a scouted person looks like someone walking, from their keypoints at ~4 Hz.
 *
 * A walker either travels (overground: the hip centre moves steadily sideways across the frame)
 * or, on a treadmill, stays put while the ankles alternate fore-aft (the left ankle ahead, then the
 * right, about twice a second at 100-120 steps/min; Perry & Burnfield, Gait Analysis, 2010), with
 * the trunk upright and the hands low. Someone doing jumping jacks also stays put, but their hips
 * bounce up and down by a large part of their height, their arms go above the shoulders, and their
 * feet spread sideways without ever swapping order. A standing person, a photo or a reflection
 * that does not move scores near zero.
 *
 *   walkingScore = max(travel, rhythm) × upright × (1 − armsUp) × calm × presence   (0..1)
 *
 * travel   |net sideways hip travel| / 1 body height, capped at 1 (a linear fit of hip x over time)
 * rhythm   ankle order swaps (≥ 3, at 0.6-3.5 per second) / 4, capped at 1; halved if irregular
 * upright  fraction of samples with the trunk within 30° of vertical
 * armsUp   fraction of samples with a wrist above the shoulders
 * calm     1 while the hips' vertical range (detrended, 10th-90th percentile) stays under 8 % of the
 *          body height (walking: 3-5 %; Perry & Burnfield), falling to 0 at 18 %
 * presence 0.5 + 0.5 × the fraction of the scouted time this person was in view
 * Pure: no DOM, no tfjs, no Node.
 */
import { KP, type Keypoint } from '../core/format/poseTrack';
import type { PersonSample } from '../contracts';

const SCORE = 0.3;
/** Ankle separations under this (body heights) are feet side by side: their order means nothing. */
const MIN_ANKLE_SEPARATION = 0.06;
const MIN_ALTERNATIONS = 3;
const ALTERNATION_RATE = { min: 0.6, max: 3.5 };
const UPRIGHT_DEG = 30;
const CALM_BOUNCE = 0.08;
const WILD_BOUNCE = 0.18;
/** Net sideways travel (body heights) that counts as clearly walking across. */
const FULL_TRAVEL = 1.0;

export type Activity = 'walks-across' | 'walks-in-place' | 'jumps' | 'still' | 'moves';

export interface WalkingMotion {
  score: number;
  activity: Activity;
  /** Signed net hip travel in body heights over the time in view (+ = to the image's right). */
  travelHeights: number;
  travel: number;
  rhythm: number;
  alternations: number;
  upright: number;
  armsUp: number;
  /** Detrended vertical hip range in body heights. */
  bounce: number;
  presence: number;
  bodyHeightPx: number;
}

export function walkingMotion(samples: readonly PersonSample[], scoutedSpanS: number): WalkingMotion {
  const inViewS = samples.length > 1 ? samples[samples.length - 1].t - samples[0].t : 0;
  const bodyHeightPx = median(samples.map(bodyHeight)) || 1;

  const hips = samples.map((s) => ({ t: s.t, p: midpoint(s.keypoints, KP.leftHip, KP.rightHip) ?? boxMid(s) }));
  const slopeX = linearFit(hips.map((h) => h.t), hips.map((h) => h.p[0])).slope;
  const travelHeights = (slopeX * inViewS) / bodyHeightPx;
  const travel = Math.min(1, Math.abs(travelHeights) / FULL_TRAVEL);

  const { alternations, intervalsCv } = ankleAlternations(samples, bodyHeightPx);
  const rate = inViewS > 0 ? alternations / inViewS : 0;
  const rhythmic = alternations >= MIN_ALTERNATIONS && rate >= ALTERNATION_RATE.min && rate <= ALTERNATION_RATE.max;
  const rhythm = rhythmic ? Math.min(1, alternations / 4) * (intervalsCv < 0.6 ? 1 : 0.5) : 0;

  const upright = fraction(samples, (s) => {
    const shoulders = midpoint(s.keypoints, KP.leftShoulder, KP.rightShoulder);
    const hip = midpoint(s.keypoints, KP.leftHip, KP.rightHip);
    if (!shoulders || !hip) return null;
    const lean = (Math.atan2(Math.abs(hip[0] - shoulders[0]), hip[1] - shoulders[1]) * 180) / Math.PI;
    return lean <= UPRIGHT_DEG;
  });
  const armsUp = fraction(samples, (s) => {
    const shoulders = midpoint(s.keypoints, KP.leftShoulder, KP.rightShoulder);
    if (!shoulders) return null;
    return [KP.leftWrist, KP.rightWrist].some((w) => confident(s.keypoints[w]) && s.keypoints[w][1]! < shoulders[1]);
  });

  const hipYs = hips.map((h) => h.p[1]);
  const fitY = linearFit(hips.map((h) => h.t), hipYs);
  const residuals = hips.map((h, i) => hipYs[i] - (fitY.intercept + fitY.slope * h.t));
  const bounce = samples.length >= 3 ? (quantile(residuals, 0.9) - quantile(residuals, 0.1)) / bodyHeightPx : 0;
  const calm = clamp01(1 - (bounce - CALM_BOUNCE) / (WILD_BOUNCE - CALM_BOUNCE));

  const presence = 0.5 + 0.5 * (scoutedSpanS > 0 ? clamp01(inViewS / scoutedSpanS) : 1);
  const score = samples.length < 3 ? 0 : Math.max(travel, rhythm) * (upright ?? 1) * (1 - (armsUp ?? 0)) * calm * presence;

  let activity: Activity;
  if (travel >= 0.5 && travel >= rhythm && score > 0.2) activity = 'walks-across';
  else if (rhythm >= 0.5 && score > 0.2) activity = 'walks-in-place';
  else if (bounce > CALM_BOUNCE || (armsUp ?? 0) > 0.3) activity = 'jumps';
  else if (travel < 0.15 && alternations === 0) activity = 'still';
  else activity = 'moves';

  return {
    score,
    activity,
    travelHeights,
    travel,
    rhythm,
    alternations,
    upright: upright ?? 1,
    armsUp: armsUp ?? 0,
    bounce,
    presence,
    bodyHeightPx,
  };
}

/** Swaps of the ankles' fore-aft (image x) order, ignoring samples with the feet side by side. */
function ankleAlternations(samples: readonly PersonSample[], bodyHeightPx: number): { alternations: number; intervalsCv: number } {
  let lastSign = 0;
  const swapTimes: number[] = [];
  for (const s of samples) {
    const l = s.keypoints[KP.leftAnkle];
    const r = s.keypoints[KP.rightAnkle];
    if (!confident(l) || !confident(r)) continue;
    const separation = (l[0]! - r[0]!) / bodyHeightPx;
    if (Math.abs(separation) < MIN_ANKLE_SEPARATION) continue;
    const sign = Math.sign(separation);
    if (lastSign !== 0 && sign !== lastSign) swapTimes.push(s.t);
    lastSign = sign;
  }
  const intervals = swapTimes.slice(1).map((t, i) => t - swapTimes[i]);
  const mean = intervals.reduce((a, b) => a + b, 0) / (intervals.length || 1);
  const sd = Math.sqrt(intervals.reduce((a, b) => a + (b - mean) ** 2, 0) / (intervals.length || 1));
  return { alternations: swapTimes.length, intervalsCv: intervals.length ? sd / mean : 0 };
}

/** Top of the head-ish (nose, eyes, shoulders) to the lower ankle; the box height when those are missing. */
function bodyHeight(s: PersonSample): number {
  const tops = [KP.nose, KP.leftEye, KP.rightEye, KP.leftShoulder, KP.rightShoulder].filter((i) => confident(s.keypoints[i]));
  const feet = [KP.leftAnkle, KP.rightAnkle].filter((i) => confident(s.keypoints[i]));
  if (tops.length && feet.length) {
    const top = Math.min(...tops.map((i) => s.keypoints[i][1]!));
    const bottom = Math.max(...feet.map((i) => s.keypoints[i][1]!));
    // Eyes/nose sit ~6 % of stature below the top of the head (Winter's anthropometric table).
    if (bottom > top) return (bottom - top) * 1.06;
  }
  return s.box.height / 1.2;
}

function confident(k: Keypoint | undefined): boolean {
  return !!k && k[0] !== null && k[1] !== null && k[2] >= SCORE;
}

function midpoint(keypoints: readonly Keypoint[], a: number, b: number): [number, number] | null {
  const ka = keypoints[a];
  const kb = keypoints[b];
  if (confident(ka) && confident(kb)) return [(ka[0]! + kb[0]!) / 2, (ka[1]! + kb[1]!) / 2];
  if (confident(ka)) return [ka[0]!, ka[1]!];
  if (confident(kb)) return [kb[0]!, kb[1]!];
  return null;
}

function boxMid(s: PersonSample): [number, number] {
  return [s.box.x + s.box.width / 2, s.box.y + s.box.height * 0.55];
}

/** Fraction of samples where `test` is true, over those where it can be told (null: none could). */
function fraction(samples: readonly PersonSample[], test: (s: PersonSample) => boolean | null): number | null {
  let yes = 0;
  let known = 0;
  for (const s of samples) {
    const r = test(s);
    if (r === null) continue;
    known++;
    if (r) yes++;
  }
  return known ? yes / known : null;
}

function linearFit(xs: number[], ys: number[]): { slope: number; intercept: number } {
  const n = xs.length;
  if (n === 0) return { slope: 0, intercept: 0 };
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function median(values: number[]): number {
  return values.length ? quantile(values, 0.5) : 0;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
