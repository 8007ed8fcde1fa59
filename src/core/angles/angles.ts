import { P, SIDE_POINTS } from '../format/bodyPoints';
import { midpoint } from '../view/bodyScale';
import type { Side } from '../format/report';
import type { TrackColumns } from '../clean/columns';

/**
 * Sagittal angles per frame (docs/design.md, section 4), degrees, NaN where unknown.
 * `facing` is +1 for a walker facing image-right, -1 for image-left, 0 where no pass is analysed:
 * multiplying horizontal offsets by it keeps flexion positive in both walking directions.
 */
export interface SideAngleColumns {
  /** Thigh (hip->knee) against the downward vertical, + = knee in front of the hip (Stenum et al. 2021). */
  hipFlexion: Float64Array;
  /** Thigh against the same side's trunk line (shoulder->hip), as Sports2D does: hipFlexion + trunk lean. */
  hipFlexionTrunk: Float64Array;
  /** Thigh angle minus shank angle: 0 = straight, + = bent. */
  kneeFlexion: Float64Array;
  /** Shank (knee->ankle) against the downward vertical, + = ankle in front of the knee. */
  shank: Float64Array;
  /** Ankle, dorsiflexion + (ankle.ts): only where the track has heels and toes. */
  ankleFlexion?: Float64Array;
}

export interface AngleColumns {
  left: SideAngleColumns;
  right: SideAngleColumns;
  /** Mid-shoulder to mid-hip line against the vertical, + = leaning forward. */
  trunkLean: Float64Array;
}

const DEG = 180 / Math.PI;

/** Angle of the segment (x0,y0)->(x1,y1) from the downward vertical, + towards the facing side. */
function segmentFromDownward(x0: number, y0: number, x1: number, y1: number, facing: number): number {
  return Math.atan2(facing * (x1 - x0), y1 - y0) * DEG;
}

/** Angle of the segment (x0,y0)->(x1,y1) from the upward vertical, + towards the facing side. */
function segmentFromUpward(x0: number, y0: number, x1: number, y1: number, facing: number): number {
  return Math.atan2(facing * (x1 - x0), y0 - y1) * DEG;
}

function sideAngles(c: TrackColumns, side: Side, facing: Int8Array): SideAngleColumns {
  const n = c.t.length;
  const { hip, knee, ankle, shoulder } = SIDE_POINTS[side];
  const out: SideAngleColumns = {
    hipFlexion: new Float64Array(n).fill(NaN),
    hipFlexionTrunk: new Float64Array(n).fill(NaN),
    kneeFlexion: new Float64Array(n).fill(NaN),
    shank: new Float64Array(n).fill(NaN),
  };
  const [hx, hy, kx, ky, ax, ay, sx, sy] = [c.x[hip], c.y[hip], c.x[knee], c.y[knee], c.x[ankle], c.y[ankle], c.x[shoulder], c.y[shoulder]];
  for (let i = 0; i < n; i++) {
    const f = facing[i];
    if (f === 0) continue;
    const thigh = segmentFromDownward(hx[i], hy[i], kx[i], ky[i], f);
    const shank = segmentFromDownward(kx[i], ky[i], ax[i], ay[i], f);
    const trunk = segmentFromUpward(hx[i], hy[i], sx[i], sy[i], f);
    out.hipFlexion[i] = thigh;
    out.shank[i] = shank;
    out.kneeFlexion[i] = thigh - shank;
    out.hipFlexionTrunk[i] = thigh + trunk;
  }
  return out;
}

function trunkLean(c: TrackColumns, facing: Int8Array): Float64Array {
  const n = c.t.length;
  const out = new Float64Array(n).fill(NaN);
  const hx = midpoint(c.x[P.leftHip], c.x[P.rightHip]);
  const hy = midpoint(c.y[P.leftHip], c.y[P.rightHip]);
  const sx = midpoint(c.x[P.leftShoulder], c.x[P.rightShoulder]);
  const sy = midpoint(c.y[P.leftShoulder], c.y[P.rightShoulder]);
  for (let i = 0; i < n; i++) {
    if (facing[i] !== 0) out[i] = segmentFromUpward(hx[i], hy[i], sx[i], sy[i], facing[i]);
  }
  return out;
}

export function computeAngles(c: TrackColumns, facing: Int8Array): AngleColumns {
  return { left: sideAngles(c, 'left', facing), right: sideAngles(c, 'right', facing), trunkLean: trunkLean(c, facing) };
}
