import { KEYPOINT_COUNT } from '../format/poseTrack';
import type { Quality } from '../format/report';
import { cloneColumns, type TrackColumns } from './columns';
import { gateByConfidence } from './gate';
import { detectLegSwaps, repairLegSwaps } from './legSwaps';
import { legLengthPx } from '../view/bodyScale';
import { DEFAULT_MAX_GAP_S, fillGaps } from '../signal/gaps';
import { filterSeries, zeroLagFilterInfo } from '../signal/filterSeries';
import { DEFAULT_CUTOFF_HZ } from '../signal/butterworth';

export interface CleanResult {
  /** Gated, swap-repaired, gap-filled and low-passed keypoints. */
  columns: TrackColumns;
  legLength: number;
  swapped: Uint8Array;
  legSwapsRepaired: number;
  gapsFilled: number;
  gapsLeft: number;
  lowConfidenceDropped: number;
  filter: Quality['filter'];
}

function toFloat(values: (number | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] ?? NaN;
  return out;
}

/**
 * Cleaning, in this order (DESIGN.md section 4): confidence gating, leg-swap repair (before anything
 * smooths a swapped frame into its neighbours), gap filling up to 0.15 s, and a zero-lag Butterworth
 * low-pass at the track's real frame rate.
 */
export function cleanTrack(raw: TrackColumns, cutoffHz = DEFAULT_CUTOFF_HZ): CleanResult {
  const c = cloneColumns(raw);
  const lowConfidenceDropped = gateByConfidence(c);
  const legLength = legLengthPx(c);
  const swapped = detectLegSwaps(c, legLength);
  const legSwapsRepaired = repairLegSwaps(c, swapped);
  let gapsFilled = 0;
  let gapsLeft = 0;
  for (let k = 0; k < KEYPOINT_COUNT; k++) {
    // A keypoint never seen (e.g. the head in a legs-only clip) is simply absent, not a gap.
    if (!c.x[k].some((v) => !Number.isNaN(v))) continue;
    const fx = fillGaps(c.t, c.x[k], DEFAULT_MAX_GAP_S);
    const fy = fillGaps(c.t, c.y[k], DEFAULT_MAX_GAP_S);
    gapsFilled += fx.filled;
    gapsLeft += fx.left;
    c.x[k] = toFloat(filterSeries(c.t, fx.values, cutoffHz));
    c.y[k] = toFloat(filterSeries(c.t, fy.values, cutoffHz));
  }
  return {
    columns: c,
    legLength,
    swapped,
    legSwapsRepaired,
    gapsFilled,
    gapsLeft,
    lowConfidenceDropped,
    filter: zeroLagFilterInfo(c.t, cutoffHz),
  };
}
