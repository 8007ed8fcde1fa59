import { LEG_POINTS, P, SIDE_POINTS } from '../format/bodyPoints';
import type { Direction, Setting, Side, Walking } from '../format/report';
import type { TrackColumns } from '../clean/columns';
import { midpoint } from './bodyScale';
import { median, quantile, valueAt } from '../util/stats';

/** A straight stretch of walking, frames i0..i1 inclusive. Signs: +1 = towards +x (image right). */
export interface PassSpan {
  i0: number;
  i1: number;
  travel: 1 | -1;
  facing: 1 | -1;
  direction: Direction;
  walking: Walking;
}

export interface SideViewCheck {
  ok: boolean;
  /** So far from a side view (a frontal or back view) that sagittal angles mean nothing. */
  frontal: boolean;
  /** 0 (surely frontal) .. 1 (clean side view). */
  score: number;
  /** Median horizontal gap between the hips, in leg lengths (about 0 in a side view). */
  hipGap: number;
  /** Fore-aft range of the ankles relative to the pelvis, in leg lengths (about 0.8-1.2 in a side view). */
  ankleExcursion: number;
  message: string;
}

export interface ViewResult {
  setting: Setting;
  passes: PassSpan[];
  sideView: SideViewCheck;
  trunkVisible: boolean;
  pelvisX: Float64Array;
  pelvisY: Float64Array;
}

/** Hip travel (5-95 % range) under this many leg lengths means the walker stays in place: treadmill. */
const TREADMILL_MAX_TRAVEL_LEG_LENGTHS = 1.0;
/** Window for the pelvis speed (one stride, so the within-stride speed wave averages out). */
const SPEED_WINDOW_S = 1.0;
/** Slower than this (leg lengths per second) counts as standing or turning. Slow walking is ~0.6. */
const MIN_WALKING_SPEED = 0.25;
/** Pass ends slower than this share of the pass's median speed are turning on the spot or standing. */
const PASS_END_SPEED_FRACTION = 0.75;
/** A pass must last at least this long (about one stride) to be analysed. */
const MIN_PASS_S = 0.8;
/** Runs of the same direction separated by less than this are one pass (a stumble, a dropout). */
const MERGE_GAP_S = 0.3;
/**
 * Side-view limits: in a side view the two hip keypoints nearly coincide (hip joint centres are
 * about 0.2 leg lengths apart across the body, so a gap above 0.15 means the camera sees the
 * pelvis obliquely or from the front) and the ankles swing about one leg length fore and aft of the
 * pelvis (a frontal view shows almost none of that).
 */
const SIDE_VIEW_MAX_HIP_GAP = 0.15;
const SIDE_VIEW_MIN_ANKLE_EXCURSION = 0.35;

/**
 * The leg farther from the camera in a side view, from the way the walker faces: facing +x (image
 * right), the walker's right side is towards the camera and the left leg is the far one, partly
 * hidden behind the near leg (as on the rendered fixture walks, whose left leg is drawn behind when
 * they face right, and on sports2d-demo.mp4, where the woman faces left and her right knee's
 * visibility drops in swing). The pose model's labels follow the same rule in a mirrored video.
 */
export function farLeg(facing: 1 | -1): Side {
  return facing === 1 ? 'left' : 'right';
}

/** Whether a leg was the far one in most of its cycles (its `cameraFarShare`), so what reads worse there is said of it. */
export function mostlyFarLeg(farShare: number | undefined): boolean {
  return (farShare ?? 0) >= 0.5;
}

function sign(v: number): 1 | -1 {
  return v >= 0 ? 1 : -1;
}

/**
 * Facing direction from the knee: a flexed knee points the way the person faces, so the sign of
 * thigh x shank (image coordinates, y down) is + for a walker facing +x. Weighted by the flexion
 * (sine of the knee angle), so the swing phase decides. The head (nose ahead of the ears) breaks ties.
 */
export function facingSign(c: TrackColumns, i0: number, i1: number): 1 | -1 {
  let knee = 0;
  let count = 0;
  for (let i = i0; i <= i1; i++) {
    for (const { hip: h, knee: k, ankle: a } of [SIDE_POINTS.left, SIDE_POINTS.right]) {
      const ux = c.x[k][i] - c.x[h][i];
      const uy = c.y[k][i] - c.y[h][i];
      const vx = c.x[a][i] - c.x[k][i];
      const vy = c.y[a][i] - c.y[k][i];
      const s = (ux * vy - uy * vx) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
      if (Number.isFinite(s)) {
        knee += s;
        count++;
      }
    }
  }
  const kneeMean = count ? knee / count : 0;
  if (Math.abs(kneeMean) >= 0.05) return sign(kneeMean);
  let head = 0;
  const ears = midpoint(c.x[P.leftEar].subarray(i0, i1 + 1), c.x[P.rightEar].subarray(i0, i1 + 1));
  for (let i = i0; i <= i1; i++) {
    const d = c.x[P.nose][i] - ears[i - i0];
    if (Number.isFinite(d)) head += d;
  }
  return head !== 0 ? sign(head) : sign(kneeMean);
}

/**
 * Travel direction on a treadmill (or any clip where the pelvis stays put): the stance foot moves
 * backwards relative to the pelvis for ~60 % of the cycle and the swing foot forwards fast for ~40 %,
 * in forward and backward walking alike, so the median ankle velocity relative to the pelvis points
 * against the travel direction.
 */
function travelFromAnkles(c: TrackColumns, pelvisX: Float64Array, i0: number, i1: number): 1 | -1 {
  const v: number[] = [];
  for (const a of [P.leftAnkle, P.rightAnkle]) {
    for (let i = i0 + 1; i <= i1; i++) {
      const d = (c.x[a][i] - pelvisX[i] - (c.x[a][i - 1] - pelvisX[i - 1])) / (c.t[i] - c.t[i - 1]);
      if (Number.isFinite(d)) v.push(d);
    }
  }
  return sign(-median(v));
}

/**
 * Pelvis speed over a one-stride window, leg lengths per second (NaN where unknown). Where the
 * pelvis is not seen on one side of the window (the walker comes into view or leaves it), the window
 * shrinks to the samples seen, down to half a stride: a full window there made the speed unknown
 * for half a stride after the walker appeared and before they left, and the pass lost a step at
 * each end (sports2d-demo.mp4: seen 1.73-6.63 s, pass 2.23-6.13 s, 2 strides a leg; now 1.73-6.63
 * s and 3 strides a leg with Thunder, 3 right and 2 left with BlazePose full, whose last left
 * stride reaches the edge of the picture: cycles/frameEdge.ts).
 */
function pelvisVelocity(t: Float64Array, pelvisX: Float64Array, legLength: number): Float64Array {
  const n = t.length;
  const v = new Float64Array(n).fill(NaN);
  const half = SPEED_WINDOW_S / 2;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(pelvisX[i])) continue;
    // The window shrinks to the pelvis samples known without a break around i.
    let lo = i;
    while (lo > 0 && t[lo - 1] >= t[i] - half && Number.isFinite(pelvisX[lo - 1])) lo--;
    let hi = i;
    while (hi < n - 1 && t[hi + 1] <= t[i] + half && Number.isFinite(pelvisX[hi + 1])) hi++;
    if (t[hi] - t[lo] >= half) v[i] = (pelvisX[hi] - pelvisX[lo]) / (t[hi] - t[lo]) / legLength;
  }
  return v;
}

function hipGapAt(c: TrackColumns, i: number, legLength: number): number {
  return Math.abs(c.x[P.leftHip][i] - c.x[P.rightHip][i]) / legLength;
}

function legsVisible(c: TrackColumns, i: number): boolean {
  for (const k of LEG_POINTS) {
    if (!Number.isNaN(c.x[k][i])) return true;
  }
  return false;
}

interface Run {
  i0: number;
  i1: number;
  travel: 1 | -1;
}

function overgroundRuns(c: TrackColumns, pelvisX: Float64Array, legLength: number): Run[] {
  const t = c.t;
  const v = pelvisVelocity(t, pelvisX, legLength);
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < t.length; i++) {
    const frontal = hipGapAt(c, i, legLength) > 2 * SIDE_VIEW_MAX_HIP_GAP;
    const state = !Number.isFinite(v[i]) || frontal || Math.abs(v[i]) < MIN_WALKING_SPEED ? 0 : sign(v[i]);
    if (state !== 0 && current && current.travel === state && t[i] - t[current.i1] <= MERGE_GAP_S) {
      current.i1 = i;
    } else if (state !== 0) {
      current = { i0: i, i1: i, travel: state };
      runs.push(current);
    }
  }
  // Trim the ends of a pass where the walker has slowed (into a turn or a stop). On the calibration
  // walks the first and last labelled contacts come at 85-103 % of the pass's median speed (one-
  // second window), so 75 % keeps them with some room (the old limit was 80 %); the synthetic turn (the walker stepping round on the spot) needs at least 75 % to keep its turning
  // steps out. Real walks that start from standing in view were not in the calibration set: the
  // detector's own defences cover them (extrema.ts drops stand and stop wobbles; cycles.ts keeps
  // strides that do not fit their neighbours out of the statistics).
  for (const r of runs) {
    const speeds: number[] = [];
    for (let i = r.i0; i <= r.i1; i++) speeds.push(Math.abs(v[i]));
    const moving = PASS_END_SPEED_FRACTION * median(speeds);
    while (r.i0 < r.i1 && !(Math.abs(v[r.i0]) >= moving)) r.i0++;
    while (r.i1 > r.i0 && !(Math.abs(v[r.i1]) >= moving)) r.i1--;
  }
  return runs.filter((r) => t[r.i1] - t[r.i0] >= MIN_PASS_S);
}

function visibleSpan(c: TrackColumns): [number, number] | null {
  let i0 = -1;
  let i1 = -1;
  for (let i = 0; i < c.t.length; i++) {
    if (legsVisible(c, i)) {
      if (i0 < 0) i0 = i;
      i1 = i;
    }
  }
  return i0 < 0 ? null : [i0, i1];
}

export function checkSideView(c: TrackColumns, passes: PassSpan[], pelvisX: Float64Array, legLength: number): SideViewCheck {
  const gaps: number[] = [];
  const excursions: number[] = [];
  for (const p of passes) {
    for (let i = p.i0; i <= p.i1; i++) gaps.push(hipGapAt(c, i, legLength));
    for (const a of [P.leftAnkle, P.rightAnkle]) {
      const rel: number[] = [];
      for (let i = p.i0; i <= p.i1; i++) rel.push((c.x[a][i] - pelvisX[i]) / legLength);
      const e = quantile(rel, 0.95) - quantile(rel, 0.05);
      if (Number.isFinite(e)) excursions.push(e);
    }
  }
  const hipGap = median(gaps);
  const ankleExcursion = median(excursions);
  const gapScore = Number.isFinite(hipGap) ? Math.max(0, Math.min(1, 1 - hipGap / (2 * SIDE_VIEW_MAX_HIP_GAP))) : 0;
  const excursionScore = Number.isFinite(ankleExcursion)
    ? Math.max(0, Math.min(1, ankleExcursion / (2 * SIDE_VIEW_MIN_ANKLE_EXCURSION)))
    : 0;
  const ok = hipGap <= SIDE_VIEW_MAX_HIP_GAP && ankleExcursion >= SIDE_VIEW_MIN_ANKLE_EXCURSION;
  const message = ok
    ? 'Side view: the camera sees the walker from the side, as the analysis needs.'
    : 'The camera does not see the walk from the side (it looks like a view from the front, the back or at an angle): ' +
      'sagittal angles and events need a side view. Place the camera at hip height, square to the walking line.';
  const frontal = !(hipGap <= 2 * SIDE_VIEW_MAX_HIP_GAP) || !(ankleExcursion >= SIDE_VIEW_MIN_ANKLE_EXCURSION / 2);
  return { ok, frontal, score: Math.min(gapScore, excursionScore), hipGap, ankleExcursion, message };
}

export function detectView(c: TrackColumns, legLength: number, settingOverride?: Setting): ViewResult {
  const pelvisX = midpoint(c.x[P.leftHip], c.x[P.rightHip]);
  const pelvisY = midpoint(c.y[P.leftHip], c.y[P.rightHip]);
  const travelRange = (quantile(pelvisX, 0.95) - quantile(pelvisX, 0.05)) / legLength;
  const setting: Setting =
    settingOverride ?? (travelRange < TREADMILL_MAX_TRAVEL_LEG_LENGTHS ? 'treadmill' : 'overground');

  let runs: Run[] = [];
  if (setting === 'overground') {
    runs = overgroundRuns(c, pelvisX, legLength);
  } else {
    const span = visibleSpan(c);
    if (span) runs = [{ i0: span[0], i1: span[1], travel: travelFromAnkles(c, pelvisX, span[0], span[1]) }];
  }
  const passes: PassSpan[] = runs.map((r) => {
    const facing = facingSign(c, r.i0, r.i1);
    return {
      ...r,
      facing,
      direction: r.travel > 0 ? 'left-to-right' : 'right-to-left',
      walking: facing === r.travel ? 'forward' : 'backward',
    };
  });
  const trunkVisible = [P.leftShoulder, P.rightShoulder].some((k) => c.x[k].some((v) => !Number.isNaN(v)));
  return { setting, passes, sideView: checkSideView(c, passes, pelvisX, legLength), trunkVisible, pelvisX, pelvisY };
}
