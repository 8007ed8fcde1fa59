import { SIDE_POINTS } from '../format/bodyPoints';
import type { TrackColumns } from '../clean/columns';
import { median } from '../util/stats';

/**
 * Leg length in pixels: median over frames of thigh + shank length (hip->knee + knee->ankle).
 * Segment lengths do not change with joint angles in a side view, so this is a steady scale for
 * thresholds; it is 0.491 of body height (Winter 2009, segment lengths 0.245 H + 0.246 H).
 */
export function legLengthPx(c: TrackColumns): number {
  const lengths: number[] = [];
  const legs = [SIDE_POINTS.left, SIDE_POINTS.right];
  for (let i = 0; i < c.t.length; i++) {
    for (const { hip: h, knee: k, ankle: a } of legs) {
      const thigh = Math.hypot(c.x[k][i] - c.x[h][i], c.y[k][i] - c.y[h][i]);
      const shank = Math.hypot(c.x[a][i] - c.x[k][i], c.y[a][i] - c.y[k][i]);
      const sum = thigh + shank;
      if (Number.isFinite(sum) && sum > 0) lengths.push(sum);
    }
  }
  return median(lengths);
}

export const LEG_LENGTH_PER_BODY_HEIGHT = 0.491;

/** Mean of two keypoints per frame (either one where the other is missing). */
export function midpoint(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const va = a[i];
    const vb = b[i];
    out[i] = Number.isNaN(va) ? vb : Number.isNaN(vb) ? va : (va + vb) / 2;
  }
  return out;
}
