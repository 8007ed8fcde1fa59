/**
 * The recorded-video smoothing path for series (keypoint coordinates, angles) with frame times and
 * missing samples: split at gaps, low-pass each piece with the zero-lag Butterworth at a true
 * constant rate (resampling variable-frame-rate pieces to a uniform grid and back), reassemble.
 * Fill short gaps first (fillGaps) if they should be bridged: filtering never bridges a gap.
 */

import type { Quality } from '../format/report';
import {
  DEFAULT_CUTOFF_HZ,
  ZERO_LAG_EFFECTIVE_ORDER,
  type ZeroLagDesign,
  type PreparedFilter,
  designZeroLagLowPass,
  filtfiltPrepared,
  prepareFilter,
  zeroLagPadLength,
} from './butterworth';
import { DEFAULT_MAX_GAP_S } from './gaps';
import { VARIABLE_FRAME_RATE_TOLERANCE, frameIntervalStats, isVariableFrameRate, medianFrameRate, uniformTimes } from './resample';

/**
 * Pieces with fewer samples than this are returned as they are. Shorter than three samples there is
 * no curve to smooth; from three on, the filter runs with its padding shortened to fit the piece.
 */
export const MIN_SAMPLES_TO_FILTER = 3;

export interface FilterSeriesOptions {
  /**
   * Frame intervals longer than this (seconds) split a series like a missing sample does, so a
   * pause in the timestamps is never bridged by interpolation. Default: DEFAULT_MAX_GAP_S (0.15 s),
   * the same limit as gap filling.
   */
  maxIntervalS?: number;
}

/** A filter for any number of series sharing one set of frame times. */
export interface SeriesFilter {
  /** Values with NaN for missing samples; returns a new array, NaN where the input was missing. */
  filterFloat64(values: Float64Array): Float64Array;
  /** Values with null (or undefined / NaN) for missing samples; returns a new array with nulls. */
  filter(values: ArrayLike<number | null | undefined>): (number | null)[];
}

/** How one contiguous piece is filtered; shared by every series with a piece at the same place. */
interface PiecePlan {
  design: ZeroLagDesign;
  filter: PreparedFilter;
  padLength: number;
  /** Present for uneven pieces: linear interpolation onto the grid and back. */
  toGrid?: InterpolationPlan;
  fromGrid?: InterpolationPlan;
}

/** out[j] = v[index[j]] + weight[j] * (v[index[j] + 1] - v[index[j]]). */
interface InterpolationPlan {
  index: Int32Array;
  weight: Float64Array;
}

/**
 * Zero-lag low-pass for series on frame times `t` (strictly increasing, possibly uneven).
 *
 * Each contiguous piece (no missing sample, no interval above maxIntervalS) is filtered on its own.
 * A piece with uneven intervals (isVariableFrameRate) is linearly resampled to a uniform grid at its
 * median rate, filtered there and interpolated back; an even piece is filtered at its own rate.
 * Pieces shorter than the filter's usual padding ("fewer than ~3 x the padding", scipy's limit) are
 * still filtered, with the padding shortened to the piece: measured on a noisy knee-like curve
 * (3 deg noise, 60 fps) that beats both leaving them raw and a mild [1 2 1] / 4 average from 3
 * samples on (RMSE for 12 samples: raw 3.0, [1 2 1] 2.1, filtered 1.8 deg; for 30 samples:
 * 3.0 / 2.0 / 1.6 deg). At 30 fps the two smoothers tie within 0.02 deg; at 240 fps the average
 * is slightly better below ~20 samples (0.05 s); both always beat raw.
 *
 * The frame-time work (interval statistics, grids, interpolation weights) is done once per piece
 * and reused for every series with a piece at the same place: the 34 coordinates of a track
 * mostly share their gaps.
 */
export function createSeriesFilter(
  t: ArrayLike<number>,
  cutoffHz: number = DEFAULT_CUTOFF_HZ,
  options: FilterSeriesOptions = {},
): SeriesFilter {
  const n = t.length;
  const maxIntervalS = options.maxIntervalS ?? DEFAULT_MAX_GAP_S;
  const times = Float64Array.from(t);
  // breakBefore[i]: the interval ending at frame i is too long to bridge.
  const breakBefore = new Uint8Array(n);
  for (let i = 1; i < n; i++) if (times[i] - times[i - 1] > maxIntervalS) breakBefore[i] = 1;
  const plans = new Map<number, PiecePlan>();
  const filters = new Map<number, FilterForRate>();
  const filterForRate = (rateHz: number): FilterForRate => {
    let entry = filters.get(rateHz);
    if (!entry) {
      const design = designZeroLagLowPass(rateHz, cutoffHz);
      entry = { design, filter: prepareFilter(design.b, design.a), padLength: zeroLagPadLength(rateHz, design.cutoffHz) };
      filters.set(rateHz, entry);
    }
    return entry;
  };

  const planFor = (from: number, to: number): PiecePlan => {
    const key = from * (n + 1) + to;
    let plan = plans.get(key);
    if (!plan) {
      plan = makePiecePlan(times, from, to, filterForRate);
      plans.set(key, plan);
    }
    return plan;
  };

  const filterFloat64 = (values: Float64Array): Float64Array => {
    if (values.length !== n) throw new RangeError(`t has ${n} samples but values has ${values.length}`);
    const out = new Float64Array(n);
    let i = 0;
    while (i < n) {
      const v = values[i];
      if (v !== v) {
        out[i] = NaN;
        i++;
        continue;
      }
      let end = i + 1; // exclusive
      while (end < n) {
        const w = values[end];
        if (w !== w || breakBefore[end] === 1) break;
        end++;
      }
      if (end - i < MIN_SAMPLES_TO_FILTER) {
        for (let k = i; k < end; k++) out[k] = values[k];
      } else {
        applyPlan(planFor(i, end), values.subarray(i, end), out, i);
      }
      i = end;
    }
    return out;
  };

  const filter = (values: ArrayLike<number | null | undefined>): (number | null)[] => {
    const input = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      input[i] = v === null || v === undefined ? NaN : v;
    }
    const filtered = filterFloat64(input);
    const out: (number | null)[] = new Array(filtered.length);
    for (let i = 0; i < filtered.length; i++) {
      const v = filtered[i];
      out[i] = v !== v ? null : v;
    }
    return out;
  };

  return { filterFloat64, filter };
}

/**
 * Zero-lag low-pass of one series with frame times `t` and values where null / undefined / NaN
 * mean missing; returns a new series of the same length, null where the input was missing.
 * See createSeriesFilter (use it directly to filter many series on the same times).
 */
export function filterSeries(
  t: ArrayLike<number>,
  values: ArrayLike<number | null | undefined>,
  cutoffHz: number = DEFAULT_CUTOFF_HZ,
  options: FilterSeriesOptions = {},
): (number | null)[] {
  if (t.length !== values.length) throw new RangeError(`t has ${t.length} samples but values has ${values.length}`);
  return createSeriesFilter(t, cutoffHz, options).filter(values);
}

/** filterSeries on a Float64Array where NaN marks a missing sample; returns a new Float64Array. */
export function filterSeriesFloat64(
  t: ArrayLike<number>,
  values: Float64Array,
  cutoffHz: number = DEFAULT_CUTOFF_HZ,
  options: FilterSeriesOptions = {},
): Float64Array {
  return createSeriesFilter(t, cutoffHz, options).filterFloat64(values);
}

interface FilterForRate {
  design: ZeroLagDesign;
  filter: PreparedFilter;
  padLength: number;
}

function makePiecePlan(
  times: Float64Array,
  from: number,
  to: number,
  filterForRate: (rateHz: number) => FilterForRate,
): PiecePlan {
  const intervals = frameIntervalStats(times, from, to);
  const pieceTimes = times.subarray(from, to);
  if (intervals.spread <= VARIABLE_FRAME_RATE_TOLERANCE) return filterForRate(1 / intervals.median);
  const grid = uniformTimes(pieceTimes[0], pieceTimes[pieceTimes.length - 1], 1 / intervals.median);
  const rate = (grid.length - 1) / (grid[grid.length - 1] - grid[0]);
  return {
    ...filterForRate(rate),
    toGrid: interpolationPlan(pieceTimes, grid),
    fromGrid: interpolationPlan(grid, pieceTimes),
  };
}

/** Weights for linear interpolation from src times to dst times, both spanning the same interval. */
function interpolationPlan(src: Float64Array, dst: Float64Array): InterpolationPlan {
  const index = new Int32Array(dst.length);
  const weight = new Float64Array(dst.length);
  const last = src.length - 1;
  let k = 0;
  for (let j = 0; j < dst.length; j++) {
    const tau = dst[j];
    while (k + 1 < last && src[k + 1] <= tau) k++;
    const w = (tau - src[k]) / (src[k + 1] - src[k]);
    index[j] = k;
    weight[j] = w < 0 ? 0 : w > 1 ? 1 : w; // the ends agree up to float noise
  }
  return { index, weight };
}

function interpolate(plan: InterpolationPlan, v: Float64Array): Float64Array {
  const { index, weight } = plan;
  const out = new Float64Array(index.length);
  for (let j = 0; j < index.length; j++) {
    const k = index[j];
    const v0 = v[k];
    out[j] = v0 + weight[j] * (v[k + 1] - v0);
  }
  return out;
}

function applyPlan(plan: PiecePlan, piece: Float64Array, out: Float64Array, offset: number): void {
  if (plan.toGrid && plan.fromGrid) {
    const onGrid = filtfiltPrepared(plan.filter, interpolate(plan.toGrid, piece), plan.padLength);
    out.set(interpolate(plan.fromGrid, onGrid), offset);
  } else {
    out.set(filtfiltPrepared(plan.filter, piece, plan.padLength), offset);
  }
}

/** What the report's quality.filter records for a track with frame times `t`. */
export function zeroLagFilterInfo(t: ArrayLike<number>, cutoffHz: number = DEFAULT_CUTOFF_HZ): Omit<Quality['filter'], 'angleCutoffHz'> {
  const sampleRateHz = medianFrameRate(t);
  const design = Number.isFinite(sampleRateHz) ? designZeroLagLowPass(sampleRateHz, cutoffHz) : null;
  return {
    type: 'butterworth-zero-lag',
    order: ZERO_LAG_EFFECTIVE_ORDER,
    cutoffHz: design ? design.cutoffHz : cutoffHz,
    sampleRateHz,
    variableFrameRate: isVariableFrameRate(t),
  };
}
