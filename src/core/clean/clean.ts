import { BODY_POINTS } from '../format/bodyPoints';
import type { Quality } from '../format/report';
import { cloneColumns, type TrackColumns } from './columns';
import { gateByConfidence } from './gate';
import { detectLegSwaps, repairLegSwaps } from './legSwaps';
import { removeLegSpikes } from './spikes';
import { legLengthPx } from '../view/bodyScale';
import { fuseHips } from './fuseHips';
import { DEFAULT_MAX_GAP_S, fillGapsFloat64 } from '../signal/gaps';
import { createSeriesFilter, zeroLagFilterInfo } from '../signal/filterSeries';
import { DEFAULT_CUTOFF_HZ } from '../signal/butterworth';

export interface CleanResult {
  /** Gated, swap-repaired, gap-filled and low-passed keypoints. */
  columns: TrackColumns;
  /** Gated and swap-repaired keypoints, before gap filling and filtering (angles start here). */
  repaired: TrackColumns;
  legLength: number;
  swapped: Uint8Array;
  legSwapsRepaired: number;
  /** Ankle, heel and toe points dropped as one-frame spikes (./spikes.ts), then bridged like gaps. */
  spikesRemoved: number;
  gapsFilled: number;
  gapsLeft: number;
  lowConfidenceDropped: number;
  filter: Omit<Quality['filter'], 'angleCutoffHz'>;
}

/**
 * Cleaning, in this order (docs/design.md, section 4): confidence gating, leg-swap repair (before anything
 * smooths a swapped frame into its neighbours), one-frame spikes of the feet removed, gap filling up to 0.15 s, and a zero-lag Butterworth
 * low-pass at the track's real frame rate.
 */
export function cleanTrack(raw: TrackColumns, cutoffHz = DEFAULT_CUTOFF_HZ): CleanResult {
  const c = cloneColumns(raw);
  const lowConfidenceDropped = gateByConfidence(c);
  const legLength = legLengthPx(c);
  const swapped = detectLegSwaps(c, legLength);
  const legSwapsRepaired = repairLegSwaps(c, swapped);
  const spikesRemoved = removeLegSpikes(c, legLength);
  fuseHips(c, legLength);
  const repaired = cloneColumns(c);
  const smooth = createSeriesFilter(c.t, cutoffHz);
  let gapsFilled = 0;
  let gapsLeft = 0;
  for (let k = 0; k < BODY_POINTS.length; k++) {
    // A keypoint never seen (e.g. the head in a legs-only clip) is simply absent, not a gap.
    if (!c.x[k].some((v) => !Number.isNaN(v))) continue;
    const fx = fillGapsFloat64(c.t, c.x[k], DEFAULT_MAX_GAP_S);
    const fy = fillGapsFloat64(c.t, c.y[k], DEFAULT_MAX_GAP_S);
    gapsFilled += fx.filled;
    gapsLeft += fx.left;
    c.x[k] = smooth.filterFloat64(fx.values);
    c.y[k] = smooth.filterFloat64(fy.values);
  }
  return {
    columns: c,
    repaired,
    legLength,
    swapped,
    legSwapsRepaired,
    spikesRemoved,
    gapsFilled,
    gapsLeft,
    lowConfidenceDropped,
    filter: zeroLagFilterInfo(c.t, cutoffHz),
  };
}
