/**
 * Sagittal ankle angle from 2D keypoints: knee, ankle, heel and foot index (tip of the toes).
 *
 * Definition (Winter, The Biomechanics and Motor Control of Human Gait, 1991; Perry & Burnfield,
 * Gait Analysis, 2010): the angle between the shank (knee -> ankle) and the foot, minus 90 deg;
 * dorsiflexion + (toes towards the shin), plantarflexion -; 0 when the foot is at right angles to
 * the shank. Healthy walking: about 0 at initial contact, -5 in loading response, +10 in terminal
 * stance, -15 to -20 at toe off, back to about 0 in swing (Perry & Burnfield, fig. 4-5; Winter 1991).
 *
 * The foot's neutral offset. A gait lab's foot segment is defined so that the foot's long axis is
 * parallel to the floor when the subject stands (Plug-in Gait / Davis et al. 1991 with the "foot
 * flat" option: the static trial's foot is taken as flat, its measured tilt becomes the offset). A
 * pose model's heel keypoint sits on the back of the heel, above the sole, and its foot index at
 * the tip of the toes, on the floor: the line heel -> foot index slopes down towards the toes by a
 * few degrees when the sole is flat. That slope is the offset removed here:
 *
 *   ankle = foot line against the horizontal (+ toe up) + footOffsetDeg - shank against the vertical
 *         (+ ankle ahead of the knee)  =  90 deg - angle(shank, foot) + footOffsetDeg
 *
 * A walking video has no static trial; `footFlatOffset` takes its place with the walking
 * equivalent of the foot-flat assumption: in mid-stance both heel and toes rest on the floor, so the
 * foot line's slope against the floor in those frames is the offset. The floor's direction in the
 * image comes from the same frames (the line the flat feet move along: footprints overground, the
 * belt on a treadmill), so a camera that is not level does not bias it.
 *
 * The foot index is the toe TIP: at push-off the toes bend at the metatarsal heads and stay on the
 * floor, so the line heel -> foot index plantarflexes less than the rear foot does. Lab models put
 * the toe marker on the metatarsal heads and do not see this; a keypoint model cannot avoid it.
 *
 * Measured (scripts/eval-feet.ts, synthetic walker with feet, 30 fps): with the true offset the
 * median error is 1.0-1.6 deg clean (0.0 in mid-stance; the toes, held 10 deg up in swing, read
 * 1.9 deg more dorsiflexion there; max 8.5-12.4 deg at push-off, where they bend), 1.5-2.1 deg with
 * 0.5 % body-height jitter, 2.6-3.5 deg with 1 % jitter and drop-outs; footFlatOffset, given the
 * true stances, finds the offset within 0.2 deg clean, overground, backward and on the treadmill,
 * within 0.7 deg with 0.5 % jitter, 1.3 with 1 % and drop-outs (one floor level for the pass: 0.4,
 * 1.1, 1.2).
 *
 * In the whole analysis (`footAngleColumns`, analyze.ts; scripts/eval-feet-analysis.ts), per-frame
 * median error: clean 1.6-1.8 deg (backward 1.1), with 1 % jitter and drop-outs 2.6-3.2; BlazePose
 * full through the app (fixtures/tracks) 4.0-6.4 deg, lite 10.5-22.1, most of it a bias (full +1.2
 * to +4.1). BlazePose does not read the foot line the same way in every phase: flat on the floor
 * it reads it more toe-down than in swing, so even the exact foot-flat offset leaves a bias, and
 * its far foot, hidden behind the swinging near leg in its own mid-stance, is read 10-30 deg off
 * there (its heel and toe scores drop from ~0.9 to 0.4-0.6). The offset is the weak part on a
 * pose model. The key numbers against the rigid-foot truth, clean forward walks: at initial
 * contact 2.1-2.7 deg more dorsiflexion (the toes held up), peak dorsiflexion in stance -0.8..+1.3,
 * range -7.2..-1.5, and push-off 7.9-9.6 deg LESS plantarflexion (the toe tip above); backward
 * walking reads 11-12 deg more dorsiflexion at its toe-first contact.
 */
import { lowerBound, median, quantile } from '../util/stats';
import type { SideEvents } from '../events/detector';
import type { TrackColumns } from '../clean/columns';
import { SIDE_POINTS } from '../format/bodyPoints';
import { SIDES, type Side } from '../format/report';
import type { PassSpan } from '../view/view';

export interface Point2 {
  x: number;
  y: number;
}

const RAD = 180 / Math.PI;

/**
 * Ankle angle in degrees (dorsiflexion +), or null when a point is missing. Image coordinates
 * (y down); `facingSign` +1 for a person facing right in the image, -1 facing left (the angle is
 * the same either way: no mirrored signs). `footOffsetDeg`: the keypoint foot line's slope against
 * the sole (+ heel keypoint higher than the toe tip), from `footFlatOffset` or a known layout.
 */
export function ankleAngle(
  knee: Point2 | null,
  ankle: Point2 | null,
  heel: Point2 | null,
  toe: Point2 | null,
  facingSign: 1 | -1,
  footOffsetDeg = 0,
): number | null {
  if (!knee || !ankle || !heel || !toe) return null;
  const values = [knee.x, knee.y, ankle.x, ankle.y, heel.x, heel.y, toe.x, toe.y];
  if (!values.every(Number.isFinite)) return null;
  // Shank against the downward vertical, + when the ankle is ahead of the knee (angles.ts's convention).
  const shank = Math.atan2(facingSign * (ankle.x - knee.x), ankle.y - knee.y) * RAD;
  return footAngleToFloor(heel, toe, facingSign) + footOffsetDeg - shank;
}

/**
 * The foot line's angle against a floor direction, degrees, + toe up, for a person facing
 * `facingSign` (+1 right in the image, -1 left). `floorAngleDeg`: the floor's slope in the image
 * (0 = level; + when the floor rises towards +x in the image, i.e. y decreases).
 */
export function footAngleToFloor(heel: Point2, toe: Point2, facingSign: 1 | -1, floorAngleDeg = 0): number {
  // Rotate into floor coordinates (x along the floor, up = -y), then measure toe-up in the facing direction.
  const a = floorAngleDeg / RAD;
  const dx = toe.x - heel.x;
  const dUp = -(toe.y - heel.y);
  const along = dx * Math.cos(a) + dUp * Math.sin(a);
  const up = -dx * Math.sin(a) + dUp * Math.cos(a);
  return Math.atan2(up, facingSign * along) * RAD;
}

export interface FootSeries {
  heelX: ArrayLike<number>;
  heelY: ArrayLike<number>;
  toeX: ArrayLike<number>;
  toeY: ArrayLike<number>;
  /**
   * This foot's stances from the gait events, as inclusive index ranges into the series, where
   * known: each stance then has its own floor level (see footFlatOffset).
   */
  stances?: ReadonlyArray<readonly [number, number]>;
}

export interface FootFlatOffset {
  /** Offset to pass to ankleAngle, degrees (+ heel keypoint higher than the toe tip on a flat foot). */
  footOffsetDeg: number;
  /** Floor slope in the image, degrees (see footAngleToFloor), from the feet's lowest points; 0 if it could not be measured. */
  floorAngleDeg: number;
  /** Per foot given, the frames taken as foot flat. */
  frames: number[][];
}

/**
 * Both points within this share of the foot length of their floor level count as foot flat (wide
 * enough for a pose model's few pixels of jitter; the median over the frames then picks the flat
 * foot out of the few heel-rocker and heel-rise frames let in).
 */
const FLAT_TOLERANCE = 0.1;
/** Without stances, a point's floor level over the whole pass: this quantile of its height (robust to a few frames placed too low). */
const FLOOR_QUANTILE = 0.1;
/** Fewer foot-flat frames than this: no estimate. */
const MIN_FLAT_FRAMES = 5;

/**
 * The feet's neutral offset from the foot-flat frames of a walk: one foot or both (the same pose
 * model puts heel and foot index the same way on either foot, so pooling both feet's frames
 * steadies the estimate; NaN marks a missing sample). Foot flat: heel and foot index both within
 * FLAT_TOLERANCE x foot length of their own floor level, measured from the floor line. The offset
 * is the median slope over those frames. Null with too few such frames.
 *
 * The floor level is each stance's own (the lowest height of heel and of toe in that stance) where
 * the foot's stances are given, else FLOOR_QUANTILE of the whole pass. Per stance because the
 * footprints of a real walk do not lie on one straight image line: on sports2d-demo.mp4 (BlazePose
 * full) the left heel's lowest point in its third stance is 16 px below the first two (the foot
 * length is about 60 px, the tolerance 6 px), so a pass-wide level admitted only that stance's
 * frames, heel rise included, and read the offset as 16.3 deg: her ankle then read 8 deg of
 * dorsiflexion at heel strike and +5/+8 at push-off. Per stance it reads 7.2 (heel strike -1/-2,
 * push-off -4/-1). On the rendered fixture walks the estimate comes nearer the median slope of the
 * truly flat, well-seen frames: mean |difference| over 5 BlazePose runs x 4 walks 1.7 deg, was
 * 2.4; BlazePose full in Chromium within 0.4 deg on every walk (was 0.4-1.6). On the clean
 * synthetic walker, given its true stances: within 0.2 deg (0.4 with one floor level for the pass).
 */
export function footFlatOffset(feet: readonly FootSeries[], facingSign: 1 | -1): FootFlatOffset | null {
  const finiteFrames = feet.map((foot) => {
    const idx: number[] = [];
    for (let i = 0; i < foot.heelX.length; i++) {
      if (Number.isFinite(foot.heelX[i]) && Number.isFinite(foot.heelY[i]) && Number.isFinite(foot.toeX[i]) && Number.isFinite(foot.toeY[i])) idx.push(i);
    }
    return idx;
  });
  const lengths = feet.flatMap((foot, f) => finiteFrames[f].map((i) => Math.hypot(foot.toeX[i] - foot.heelX[i], foot.toeY[i] - foot.heelY[i])));
  if (lengths.length < MIN_FLAT_FRAMES) return null;
  const length = median(lengths);
  if (!(length > 0)) return null;

  // The floor's direction first (a tilted camera), then heights measured from it.
  const toes = feet.flatMap((foot, f) => finiteFrames[f].map((i) => ({ x: foot.toeX[i], y: foot.toeY[i] })));
  const floorAngleDeg = floorSlope(toes, length);
  const a = floorAngleDeg / RAD;
  // Height above a line through the origin with slope a (image y down, floor up = -y).
  const height = (x: number, y: number) => -x * Math.sin(a) - y * Math.cos(a);
  const tol = FLAT_TOLERANCE * length;
  const slopes: number[] = [];
  const frames = feet.map((foot, f) => {
    const finite = finiteFrames[f];
    const perStance = foot.stances !== undefined && foot.stances.length > 0;
    const groups = perStance ? foot.stances!.map(([from, to]) => finite.filter((i) => i >= from && i <= to)) : [finite];
    const flat: number[] = [];
    for (const idx of groups) {
      if (idx.length === 0) continue;
      const heelH = idx.map((i) => height(foot.heelX[i], foot.heelY[i]));
      const toeH = idx.map((i) => height(foot.toeX[i], foot.toeY[i]));
      const heelFloor = perStance ? Math.min(...heelH) : quantile(heelH, FLOOR_QUANTILE);
      const toeFloor = perStance ? Math.min(...toeH) : quantile(toeH, FLOOR_QUANTILE);
      idx.forEach((i, k) => {
        if (Math.abs(heelH[k] - heelFloor) <= tol && Math.abs(toeH[k] - toeFloor) <= tol) {
          flat.push(i);
          slopes.push(-footAngleToFloor({ x: foot.heelX[i], y: foot.heelY[i] }, { x: foot.toeX[i], y: foot.toeY[i] }, facingSign, floorAngleDeg));
        }
      });
    }
    return flat;
  });
  if (slopes.length < MIN_FLAT_FRAMES) return null;
  return { footOffsetDeg: median(slopes), floorAngleDeg, frames };
}

/** Toe samples within this share of the foot length of a strip's lowest one, at least MIN_REST_SAMPLES of them: the toes rested there. */
const REST_BAND = 0.1;
const MIN_REST_SAMPLES = 3;

/**
 * The floor's slope in the image from where the toe tips rest: the lowest toe sample of each
 * foot-length-wide strip of x across the clip where the toes rested (the footprints), and the line
 * through two of them that has no point below it and the most points on it (within 5 % of the foot
 * length): the floor as the lower envelope. 0 when the toes span less
 * than two foot lengths in x or no line has three points on it.
 */
function floorSlope(toes: ReadonlyArray<{ x: number; y: number }>, length: number): number {
  if (toes.length === 0) return 0;
  const xs = toes.map((p) => p.x);
  const span = Math.max(...xs) - Math.min(...xs);
  if (!(span > 2 * length)) return 0;
  const bins = new Map<number, Array<{ x: number; y: number }>>();
  for (const toe of toes) {
    const b = Math.floor(toe.x / length);
    const list = bins.get(b);
    if (list) list.push(toe);
    else bins.set(b, [toe]);
  }
  const tol = 0.05 * length;
  // A strip's lowest toe sample counts where the toes rested there: MIN_REST_SAMPLES samples within
  // REST_BAND of it (a foot that only swung through a strip leaves one or two higher samples, and a
  // line along those, at a clip's end, read a level floor as tilted by 12 deg on BlazePose).
  const pts = [...bins.values()].flatMap((list) => {
    const lowest = list.reduce((a, b) => (b.y > a.y ? b : a));
    return list.filter((p) => lowest.y - p.y <= REST_BAND * length).length >= MIN_REST_SAMPLES ? [lowest] : [];
  });
  let best = { support: 0, span: 0, m: 0 };
  for (let a = 0; a < pts.length; a++) {
    for (let b = a + 1; b < pts.length; b++) {
      const dx = pts[b].x - pts[a].x;
      if (Math.abs(dx) < length) continue;
      const m = (pts[b].y - pts[a].y) / dx;
      const c = pts[a].y - m * pts[a].x;
      // Image y down: a point below the floor line has a larger y.
      if (pts.some((p) => p.y > m * p.x + c + tol)) continue;
      const on = pts.filter((p) => Math.abs(p.y - (m * p.x + c)) <= tol);
      const onSpan = Math.max(...on.map((p) => p.x)) - Math.min(...on.map((p) => p.x));
      if (on.length > best.support || (on.length === best.support && onSpan > best.span)) best = { support: on.length, span: onSpan, m };
    }
  }
  if (best.support < 3) return 0;
  // Image y down: a floor rising towards +x has negative dy/dx.
  return Math.atan(-best.m) * RAD;
}

/** The ankle angle of a whole track, as the analysis computes it (analyze.ts). */
export interface FootAngleColumns {
  /** Ankle angle per frame and side, degrees, NaN where unknown (outside passes, a pass without an offset, a point missing). */
  ankle: Record<Side, Float64Array>;
  /** Per pass: the feet's neutral offset from its foot-flat frames, null where too few were seen. */
  offsets: (FootFlatOffset | null)[];
}

/**
 * A foot's stances in one pass as index ranges relative to the pass's first frame: each initial
 * contact to the first final contact after it, before the foot's next initial contact.
 */
export function stanceRanges(t: ArrayLike<number>, pass: Pick<PassSpan, 'i0' | 'i1'>, events: SideEvents): Array<[number, number]> {
  const index = (time: number) => Math.min(Math.max(lowerBound(t, time), pass.i0), pass.i1) - pass.i0;
  return events.heelStrikes.flatMap((contact, k) => {
    const next = events.heelStrikes[k + 1] ?? Infinity;
    const off = events.toeOffs.find((time) => time > contact && time < next);
    return off === undefined ? [] : [[index(contact), index(off)] as [number, number]];
  });
}

/**
 * Per pass, the neutral offset from both feet's foot-flat frames of the low-passed keypoints
 * (`filtered`), in the stances the gait events mark, then the ankle angle per frame from the
 * swap-repaired, unfiltered ones (`repaired`), as the hip and knee angles are (angles.ts; smoothed
 * in angle space afterwards).
 */
export function footAngleColumns(
  repaired: TrackColumns,
  filtered: TrackColumns,
  passes: readonly PassSpan[],
  eventsPerPass: Record<Side, readonly SideEvents[]>,
): FootAngleColumns {
  const n = repaired.t.length;
  const ankle = { left: new Float64Array(n).fill(NaN), right: new Float64Array(n).fill(NaN) };
  const offsets = passes.map((pass, passIndex) => {
    const slice = (a: Float64Array) => a.subarray(pass.i0, pass.i1 + 1);
    const feet = SIDES.map((side) => {
      const p = SIDE_POINTS[side];
      return {
        heelX: slice(filtered.x[p.heel]),
        heelY: slice(filtered.y[p.heel]),
        toeX: slice(filtered.x[p.toe]),
        toeY: slice(filtered.y[p.toe]),
        stances: stanceRanges(filtered.t, pass, eventsPerPass[side][passIndex]),
      };
    });
    const offset = footFlatOffset(feet, pass.facing);
    if (!offset) return null;
    for (const side of SIDES) {
      const p = SIDE_POINTS[side];
      const at = (k: number, i: number): Point2 => ({ x: repaired.x[k][i], y: repaired.y[k][i] });
      for (let i = pass.i0; i <= pass.i1; i++) {
        ankle[side][i] = ankleAngle(at(p.knee, i), at(p.ankle, i), at(p.heel, i), at(p.toe, i), pass.facing, offset.footOffsetDeg) ?? NaN;
      }
    }
    return offset;
  });
  return { ankle, offsets };
}
