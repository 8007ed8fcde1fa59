import type { AngleColumns, SideAngleColumns } from './angles';
import { DEFAULT_MAX_GAP_S, fillGapsFloat64 } from '../signal/gaps';
import { createSeriesFilter } from '../signal/filterSeries';

/**
 * Gap filling and zero-lag low-pass in ANGLE space. Angles are computed per frame from the
 * swap-repaired keypoints first and smoothed afterwards: across a drop-out at mid-swing the knee
 * angle follows a smooth peak, while the ankle traces a tight curve that interpolation of its
 * coordinates cuts short (measured on the synthetic walker: a 0.1 s drop-out at peak swing cost
 * 30 deg of knee flexion when coordinates were filled, a few degrees when the angle was).
 */
export function smoothAngles(t: Float64Array, raw: AngleColumns, cutoffHz: number): AngleColumns {
  const filter = createSeriesFilter(t, cutoffHz);
  const smooth = (values: Float64Array) => filter.filterFloat64(fillGapsFloat64(t, values, DEFAULT_MAX_GAP_S).values);
  const side = (s: SideAngleColumns): SideAngleColumns => ({
    hipFlexion: smooth(s.hipFlexion),
    hipFlexionTrunk: smooth(s.hipFlexionTrunk),
    kneeFlexion: smooth(s.kneeFlexion),
    shank: smooth(s.shank),
    ...(s.ankleFlexion ? { ankleFlexion: smooth(s.ankleFlexion) } : {}),
  });
  return { left: side(raw.left), right: side(raw.right), trunkLean: smooth(raw.trunkLean) };
}
