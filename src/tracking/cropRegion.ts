/**
 * Where to crop each frame for the single-pose model, so it sees the chosen person and nobody else.
 *
 * Like MoveNet's own crop logic, the region follows the previous frame's confident keypoints (a
 * square around them, a bit larger than the body); unlike it, the region is checked against the
 * scouted person at that time (their boxes from scouting, interpolated): when the previous
 * keypoints are lost, or have drifted onto someone else, the scouted box is used instead.
 * Pure: no DOM, no tfjs, no Node.
 */
import type { Keypoint } from '../core/format/poseTrack';
import type { Box, PersonSample } from '../contracts';
import { boxCentre, boxFromKeypoints, containsPoint, grow, lerpBox, squareAround } from './geometry';

/**
 * The crop square's side, as a multiple of the padded keypoint box's longer side. MoveNet's own
 * crop is about 1.3 body heights for a standing person (pose-detection's determineCropRegion:
 * 1.9 × the torso range, 1.2 × the body range around the hips); the padded box is already
 * ~1.2 body heights tall, so 1.15 gives the same and leaves room for the next frame's motion.
 */
export const CROP_SCALE = 1.15;
/**
 * The keypoint-derived square snaps to this grid (pixels; its centre and side). MoveNet's
 * keypoints move by a pixel or two with any shift of its crop, so an unsnapped crop that follows
 * them never settles: two runs that start a few frames apart (the spans of a multi-worker job,
 * src/pose/spans.ts) stayed 1-2 px apart, sometimes 20, for the rest of the fixture walk. Snapped,
 * both runs pick the same square within a few frames and are identical from then on (at 8 px
 * and at 4 px: test/spans.test.ts). 4 px (1-2 % of a typical crop side of ~200-400 px) because
 * with 8 px one Thunder toe off of the treadmill fixture moved from 1.3 to 2.2 frames off the truth
 * (1.6 at 4 px).
 */
export const CROP_GRID_PX = 4;
// Only spans snap (see trackSpan): a single pass over the video keeps the unsnapped crop, whose
// Thunder events on the fixture walks all sit within 2 frames of their truth; snapped at 4 px, one
// toe off of healthy-rtl moved to 2.2 frames off and one heel strike of limited-pushoff was lost.
/** Scouted boxes are held this long before the first and after the last scouted sample. */
export const SCOUT_HOLD_S = 0.3;
/** Previous keypoints this much out of the scouted box (fraction of its size, each side) have drifted. */
const DRIFT_MARGIN = 0.25;
/** Previous keypoints make a usable region only with this many confident points... */
const MIN_CONFIDENT_KEYPOINTS = 6;
const KEYPOINT_SCORE = 0.3;

export type RegionOrigin = 'keypoints' | 'scouted';

export interface CropRegion {
  region: Box;
  from: RegionOrigin;
}

/**
 * The scouted box of this person at time t: linear between the samples around t, held for
 * SCOUT_HOLD_S before the first and after the last sample, and over gaps no longer than
 * `maxGapS`; null elsewhere (the person was not in view).
 */
export function scoutedBoxAt(samples: readonly PersonSample[], t: number, maxGapS = 1.0): Box | null {
  if (samples.length === 0) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (t <= first.t) return first.t - t <= SCOUT_HOLD_S ? first.box : null;
  if (t >= last.t) return t - last.t <= SCOUT_HOLD_S ? last.box : null;
  let lo = 0;
  let hi = samples.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (samples[mid].t <= t) lo = mid;
    else hi = mid;
  }
  const a = samples[lo];
  const b = samples[hi];
  const gap = b.t - a.t;
  if (gap > maxGapS) {
    if (t - a.t <= SCOUT_HOLD_S) return a.box;
    if (b.t - t <= SCOUT_HOLD_S) return b.box;
    return null;
  }
  return lerpBox(a.box, b.box, gap > 0 ? (t - a.t) / gap : 0);
}

/**
 * An empty stretch at the start or end of a video longer than this is left out of the track. The
 * analysis refuses a track whose legs are seen in under 20 % of its frames (src/core/analyze.ts);
 * with no more than 3 s of nobody kept at each end, the shortest walk it takes (2 s) stays at 25 %.
 * Shorter stretches keep their frames (with no keypoints), as before.
 */
export const EMPTY_STRETCH_S = 3;

/**
 * The stretch of a video of `durationS` seconds in which to track a person scouted in `samples`:
 * from `marginS` before the first look that saw them to `marginS` after the last (between two looks
 * they may come into view, or stay in it, for up to one scouting interval), where what lies outside
 * is longer than EMPTY_STRETCH_S; null when that is the whole video. Outside it no look saw them, and
 * tracking, which starts from a scouted box, would find nothing: long empty stretches before and
 * after a walk are then neither decoded nor tracked, and the analysis sees the walk, not minutes of
 * nobody.
 */
export function inViewRange(samples: readonly PersonSample[], durationS: number, marginS: number): { fromS: number; toS: number } | null {
  if (samples.length === 0) return null;
  const fromS = samples[0].t - marginS;
  const toS = samples[samples.length - 1].t + marginS;
  const range = { fromS: fromS > EMPTY_STRETCH_S ? fromS : 0, toS: durationS - toS > EMPTY_STRETCH_S ? toS : durationS };
  return range.fromS > 0 || range.toS < durationS ? range : null;
}

/** The padded box around confident keypoints, or null when too few are confident to trust. */
export function keypointBox(keypoints: readonly Keypoint[] | null): Box | null {
  if (!keypoints) return null;
  const confident = keypoints.filter(([x, y, s]) => x !== null && y !== null && s >= KEYPOINT_SCORE).length;
  if (confident < MIN_CONFIDENT_KEYPOINTS) return null;
  return boxFromKeypoints(keypoints, KEYPOINT_SCORE);
}

/**
 * The region to crop for the next frame.
 * @param previous the previous frame's keypoints (full-frame pixels), null if none
 * @param scouted the scouted person's box at this frame's time, null if not known
 * @returns null when neither says where the person is
 */
export function chooseCropRegion(previous: readonly Keypoint[] | null, scouted: Box | null, gridPx = 0): CropRegion | null {
  const fromKeypoints = keypointBox(previous);
  if (fromKeypoints && (!scouted || agrees(fromKeypoints, scouted))) {
    const square = squareAround(fromKeypoints, CROP_SCALE);
    return { region: gridPx > 0 ? snapSquare(square, gridPx) : square, from: 'keypoints' };
  }
  if (scouted) return { region: squareAround(scouted, CROP_SCALE), from: 'scouted' };
  return null;
}

/** The square with its centre and side rounded to multiples of `grid` pixels. */
export function snapSquare(square: Box, grid: number): Box {
  const side = Math.max(grid, Math.round(square.width / grid) * grid);
  const cx = Math.round((square.x + square.width / 2) / grid) * grid;
  const cy = Math.round((square.y + square.height / 2) / grid) * grid;
  return { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
}

/** The keypoints' box is the scouted person: its centre inside the (grown) scouted box, a similar size. */
function agrees(fromKeypoints: Box, scouted: Box): boolean {
  const [cx, cy] = boxCentre(fromKeypoints);
  const ratio = fromKeypoints.height / scouted.height;
  return containsPoint(grow(scouted, DRIFT_MARGIN), cx, cy) && ratio > 0.5 && ratio < 2;
}
