import { LEG_PAIRS, P } from '../format/bodyPoints';
import type { TrackColumns } from './columns';

/**
 * Detects and repairs left/right leg label swaps.
 *
 * MoveNet often exchanges the left and right knee/ankle labels for a few frames around mid-swing,
 * when the legs pass each other in a side view. A swapped frame would corrupt both the angles and
 * the events, so every frame gets a hidden state "labels as given" or "labels swapped", and the most
 * likely state sequence is found with the Viterbi algorithm over a second-order motion model: under
 * the right labelling each knee and ankle continues its own constant-velocity path, under the wrong
 * one it jumps to the other leg. Swapping costs a constant per frame, which breaks the global
 * left/right symmetry in favour of MoveNet's own labels (right most of the time).
 */

const LEG_JOINTS: readonly [number, number][] = [
  [P.leftKnee, P.rightKnee],
  [P.leftAnkle, P.rightAnkle],
];

/** Cost of one swapped frame, in leg lengths of motion-prediction error. */
const SWAP_PRIOR_COST = 0.12;
/** Cost of a tracked joint going missing under a labelling: about a typical swap's error. */
const MISSING_COST = 0.3;
/** A single joint's prediction error is capped (in leg lengths) so one outlier cannot force a swap. */
const ERROR_CAP = 0.6;

function jointPos(c: TrackColumns, joint: number, i: number, swapped: number, side: 0 | 1): [number, number] {
  const pair = LEG_JOINTS[joint];
  const k = pair[swapped ? 1 - side : side];
  return [c.x[k][i], c.y[k][i]];
}

/**
 * Motion cost of the labelling (a at i-2, b at i-1, s at i); i-2 < 0 or missing points fall back to
 * first-order continuity or nothing.
 */
function motionCost(c: TrackColumns, i: number, a: number, b: number, s: number, legLength: number): number {
  let cost = 0;
  const t = c.t;
  for (let joint = 0; joint < LEG_JOINTS.length; joint++) {
    for (const side of [0, 1] as const) {
      const [ox, oy] = jointPos(c, joint, i, s, side);
      const [px, py] = jointPos(c, joint, i - 1, b, side);
      if (Number.isNaN(px)) continue;
      if (Number.isNaN(ox)) {
        // Losing a point that was being tracked is not free, or relabelling a half-detected frame
        // (one leg dropped) would "save" the other leg's motion error.
        cost += MISSING_COST;
        continue;
      }
      let ex = px;
      let ey = py;
      if (i >= 2) {
        const [qx, qy] = jointPos(c, joint, i - 2, a, side);
        if (!Number.isNaN(qx)) {
          const ratio = (t[i] - t[i - 1]) / (t[i - 1] - t[i - 2]);
          ex = px + (px - qx) * ratio;
          ey = py + (py - qy) * ratio;
        }
      }
      const err = Math.hypot(ox - ex, oy - ey) / legLength;
      cost += Math.min(err, ERROR_CAP);
    }
  }
  return cost;
}

/**
 * Returns, per frame, whether the knee/ankle labels should be exchanged.
 * `legLength` (pixels) scales the motion errors.
 */
export function detectLegSwaps(c: TrackColumns, legLength: number): Uint8Array {
  const n = c.t.length;
  const swapped = new Uint8Array(n);
  if (n < 2 || !(legLength > 0)) return swapped;
  // State index = 2 * previous + current (each 0 = as given, 1 = swapped).
  const cost = new Float64Array(4);
  const back = new Uint8Array(n * 4);
  for (let a = 0; a < 2; a++) {
    for (let b = 0; b < 2; b++) {
      cost[2 * a + b] = (a + b) * SWAP_PRIOR_COST + motionCost(c, 1, 0, a, b, legLength);
    }
  }
  const next = new Float64Array(4);
  for (let i = 2; i < n; i++) {
    for (let b = 0; b < 2; b++) {
      for (let s = 0; s < 2; s++) {
        let best = Infinity;
        let bestPrev = 0;
        for (let a = 0; a < 2; a++) {
          const v = cost[2 * a + b] + motionCost(c, i, a, b, s, legLength);
          if (v < best) {
            best = v;
            bestPrev = a;
          }
        }
        next[2 * b + s] = best + s * SWAP_PRIOR_COST;
        back[i * 4 + 2 * b + s] = bestPrev;
      }
    }
    cost.set(next);
  }
  let bestState = 0;
  for (let k = 1; k < 4; k++) if (cost[k] < cost[bestState]) bestState = k;
  let b = bestState >> 1;
  let s = bestState & 1;
  swapped[n - 1] = s;
  swapped[n - 2] = b;
  for (let i = n - 1; i >= 2; i--) {
    const a = back[i * 4 + 2 * b + s];
    swapped[i - 2] = a;
    s = b;
    b = a;
  }
  return swapped;
}

/** Exchanges the left/right knee and ankle of the flagged frames in place; returns how many. */
export function repairLegSwaps(c: TrackColumns, swapped: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < swapped.length; i++) {
    if (!swapped[i]) continue;
    if (LEG_JOINTS.some(([l, r]) => !Number.isNaN(c.x[l][i]) || !Number.isNaN(c.x[r][i]))) count++;
    // The feet (where the layout has them) change sides with the knees and ankles.
    for (const [l, r] of LEG_PAIRS) {
      for (const arr of [c.x, c.y, c.score]) {
        const tmp = arr[l][i];
        arr[l][i] = arr[r][i];
        arr[r][i] = tmp;
      }
    }
  }
  return count;
}
