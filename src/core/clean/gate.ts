import { BODY_POINTS } from '../format/bodyPoints';
import type { TrackColumns } from './columns';

/**
 * Keypoints under this MoveNet confidence are treated as missing. 0.2 keeps the far-side limbs of
 * a side view (typically 0.3-0.6) while dropping guesses (MoveNet's own demos draw keypoints from 0.3;
 * the gap filler and the low-pass filter absorb the extra noise of 0.2-0.3 points).
 */
export const MIN_KEYPOINT_SCORE = 0.2;

/** Blanks low-confidence keypoints in place; returns how many present samples were dropped. */
export function gateByConfidence(c: TrackColumns, minScore = MIN_KEYPOINT_SCORE): number {
  let dropped = 0;
  const n = c.t.length;
  for (let k = 0; k < BODY_POINTS.length; k++) {
    const xs = c.x[k];
    const ys = c.y[k];
    const ss = c.score[k];
    for (let i = 0; i < n; i++) {
      if (ss[i] < minScore && !Number.isNaN(xs[i])) {
        xs[i] = NaN;
        ys[i] = NaN;
        dropped++;
      }
    }
  }
  return dropped;
}
