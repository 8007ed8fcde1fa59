import type { GaitPoseTrack } from '../format/poseTrack';
import { BODY_POINTS, resolveLayout } from '../format/bodyPoints';

/**
 * The track as columns: one Float64Array per canonical body point (src/core/format/bodyPoints.ts,
 * looked up by name in the track's layout) and coordinate, NaN where missing or where the layout has
 * no such point. Every cleaning and analysis step works on this shape (fast, no per-frame objects).
 */
export interface TrackColumns {
  t: Float64Array;
  x: Float64Array[];
  y: Float64Array[];
  score: Float64Array[];
}

export function toColumns(track: GaitPoseTrack): TrackColumns {
  const n = track.frames.length;
  const t = new Float64Array(n);
  const x: Float64Array[] = [];
  const y: Float64Array[] = [];
  const score: Float64Array[] = [];
  const { index } = resolveLayout(track.keypointNames);
  for (let k = 0; k < BODY_POINTS.length; k++) {
    x.push(new Float64Array(n).fill(NaN));
    y.push(new Float64Array(n).fill(NaN));
    score.push(new Float64Array(n));
  }
  for (let i = 0; i < n; i++) {
    const frame = track.frames[i];
    t[i] = frame.t;
    for (let k = 0; k < BODY_POINTS.length; k++) {
      if (index[k] < 0) continue;
      const [kx, ky, ks] = frame.keypoints[index[k]];
      const present = kx !== null && ky !== null && ks > 0;
      x[k][i] = present ? kx : NaN;
      y[k][i] = present ? ky : NaN;
      score[k][i] = ks;
    }
  }
  return { t, x, y, score };
}

export function cloneColumns(c: TrackColumns): TrackColumns {
  return {
    t: c.t.slice(),
    x: c.x.map((a) => a.slice()),
    y: c.y.map((a) => a.slice()),
    score: c.score.map((a) => a.slice()),
  };
}

