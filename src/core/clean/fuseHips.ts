import { P } from '../format/bodyPoints';
import type { TrackColumns } from './columns';
import { median } from '../util/stats';

/**
 * In a side view the two hip joint centres move as one (the pelvis is a rigid body seen edge-on),
 * so each hip keypoint's jitter can be halved by taking the pelvis from the mean of both and
 * keeping each hip at its median offset from that mean. Applied only when the hips nearly coincide
 * (median gap under `maxGapLegLengths`): seen from an angle they move apart and together with pelvic
 * rotation, and then each keeps its own track. Returns whether it was applied.
 */
export function fuseHips(c: TrackColumns, legLength: number, maxGapLegLengths = 0.15): boolean {
  const lx = c.x[P.leftHip];
  const ly = c.y[P.leftHip];
  const rx = c.x[P.rightHip];
  const ry = c.y[P.rightHip];
  const n = c.t.length;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dx[i] = lx[i] - rx[i];
    dy[i] = ly[i] - ry[i];
  }
  const mx = median(dx);
  const my = median(dy);
  if (!(Math.hypot(mx, my) < maxGapLegLengths * legLength) || !(median(dx.map(Math.abs)) < maxGapLegLengths * legLength)) return false;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(dx[i]) || Number.isNaN(dy[i])) continue;
    const cx = (lx[i] + rx[i]) / 2;
    const cy = (ly[i] + ry[i]) / 2;
    lx[i] = cx + mx / 2;
    ly[i] = cy + my / 2;
    rx[i] = cx - mx / 2;
    ry[i] = cy - my / 2;
  }
  return true;
}
