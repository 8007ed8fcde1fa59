/**
 * Frame-rate checks and linear resampling between non-uniform frame times and a uniform grid.
 *
 * Phones record with a variable frame rate, but a digital filter assumes equal steps. So a series
 * with uneven times is interpolated onto a uniform grid, filtered there at a true constant rate and
 * interpolated back to its own times (filterSeries does this). Missing samples are NaN in the
 * Float64Array functions and null in the public series functions; interpolation never bridges one:
 * a point that falls between a good and a missing sample is missing.
 */

/** Frame intervals that differ by more than this fraction of the median make a track variable-rate. */
export const VARIABLE_FRAME_RATE_TOLERANCE = 0.05;

/** Tolerance, as a fraction of a step, for times that sit exactly on a sample (float noise). */
const ON_SAMPLE_EPSILON = 1e-9;

/** k-th smallest value (0-based) of a scratch array, which it reorders (Hoare's quickselect). */
function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

export interface FrameIntervalStats {
  /** Seconds. NaN for fewer than two frames. */
  min: number;
  max: number;
  median: number;
  /** (max - min) / median; 0 for fewer than two frames. */
  spread: number;
}

/**
 * Shortest, longest and median frame interval of t[from..to) in linear time. The median is only
 * computed (by quickselect) when the intervals are not already within `tolerance` of each other
 * relative to the shortest one; then the mean interval stands in for it (it differs from the median
 * by less than the tolerance), which keeps the common evenly-timed case to a single pass.
 */
export function frameIntervalStats(
  t: ArrayLike<number>,
  from = 0,
  to: number = t.length,
  tolerance: number = VARIABLE_FRAME_RATE_TOLERANCE,
): FrameIntervalStats {
  const count = to - from;
  if (count < 2) return { min: NaN, max: NaN, median: NaN, spread: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (let i = from + 1; i < to; i++) {
    const dt = t[i] - t[i - 1];
    if (dt < min) min = dt;
    if (dt > max) max = dt;
  }
  let median: number;
  if (max - min <= tolerance * min) {
    median = (t[to - 1] - t[from]) / (count - 1);
  } else {
    const scratch = new Float64Array(count - 1);
    for (let i = from + 1; i < to; i++) scratch[i - from - 1] = t[i] - t[i - 1];
    const mid = (count - 1) >> 1;
    const upper = selectKth(scratch, mid);
    // For an even number of intervals, the lower middle is the largest value left of `mid`.
    if ((count - 1) % 2 === 1) {
      median = upper;
    } else {
      let lower = -Infinity;
      for (let i = 0; i < mid; i++) if (scratch[i] > lower) lower = scratch[i];
      median = (lower + upper) / 2;
    }
  }
  return { min, max, median, spread: (max - min) / median };
}

/** Median frame interval in seconds; NaN for fewer than two frames. */
export function medianFrameInterval(t: ArrayLike<number>): number {
  return frameIntervalStats(t).median;
}

/** 1 / median frame interval, in Hz; NaN for fewer than two frames. Robust to a few dropped frames. */
export function medianFrameRate(t: ArrayLike<number>): number {
  return 1 / medianFrameInterval(t);
}

/** (longest interval - shortest interval) / median interval; 0 for fewer than two frames. */
export function frameIntervalSpread(t: ArrayLike<number>): number {
  return frameIntervalStats(t).spread;
}

/**
 * True when the frame intervals spread by more than `tolerance` (5 %) of the median interval.
 * Max minus min, not a percentile range, on purpose: a single dropped frame already breaks the
 * equal-step assumption of a digital filter, and resampling is the cure for that too.
 */
export function isVariableFrameRate(
  t: ArrayLike<number>,
  tolerance: number = VARIABLE_FRAME_RATE_TOLERANCE,
): boolean {
  return frameIntervalStats(t, 0, t.length, tolerance).spread > tolerance;
}

/**
 * Uniform times from tStart to tEnd inclusive, as close to `rateHz` as fits a whole number of steps
 * (the step is (tEnd - tStart) / (n - 1)): the grid covers every original time, so mapping back
 * needs no extrapolation. At least two points.
 */
export function uniformTimes(tStart: number, tEnd: number, rateHz: number): Float64Array {
  if (!(tEnd > tStart)) return Float64Array.of(tStart);
  if (!(rateHz > 0)) throw new RangeError(`rate must be positive, got ${rateHz}`);
  const steps = Math.max(1, Math.round((tEnd - tStart) * rateHz));
  const grid = new Float64Array(steps + 1);
  const step = (tEnd - tStart) / steps;
  for (let i = 0; i < steps; i++) grid[i] = tStart + i * step;
  grid[steps] = tEnd;
  return grid;
}

/**
 * Linear interpolation of (srcT, srcV) at the times dstT. Both time arrays strictly increasing.
 * NaN in srcV is a missing sample: a destination time between a good and a missing sample, or
 * outside [srcT[0], srcT[last]], gets NaN. A destination time on a sample (within float noise) takes
 * that sample's value. Linear time: one walk over both arrays.
 */
export function interpolateLinear(
  srcT: ArrayLike<number>,
  srcV: ArrayLike<number>,
  dstT: ArrayLike<number>,
  out: Float64Array = new Float64Array(dstT.length),
): Float64Array {
  const n = srcT.length;
  const m = dstT.length;
  if (srcV.length !== n) throw new RangeError(`srcT has ${n} samples but srcV has ${srcV.length}`);
  if (n === 0) return out.fill(NaN);
  const span = n > 1 ? srcT[n - 1] - srcT[0] : 0;
  const slack = (n > 1 ? span / (n - 1) : 1) * ON_SAMPLE_EPSILON;
  let k = 0; // srcT[k] <= tau < srcT[k + 1] (after advancing)
  for (let j = 0; j < m; j++) {
    const tau = dstT[j];
    if (tau < srcT[0] - slack || tau > srcT[n - 1] + slack) {
      out[j] = NaN;
      continue;
    }
    while (k + 1 < n && srcT[k + 1] <= tau + slack) k++;
    if (Math.abs(tau - srcT[k]) <= slack || k + 1 >= n) {
      out[j] = srcV[k];
      continue;
    }
    const t0 = srcT[k];
    const t1 = srcT[k + 1];
    const v0 = srcV[k];
    const v1 = srcV[k + 1];
    // NaN propagates: a missing neighbour makes the point missing.
    out[j] = v0 + ((tau - t0) / (t1 - t0)) * (v1 - v0);
  }
  return out;
}

export interface UniformSeries {
  /** Grid times (seconds), uniform from the first to the last original time. */
  t: Float64Array;
  /** Values on the grid; null where a grid point falls next to a missing sample. */
  values: (number | null)[];
  /** The grid's actual rate, 1 / step. */
  rateHz: number;
}

function toNaN(values: ArrayLike<number | null | undefined>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? NaN : v;
  }
  return out;
}

function toNull(values: Float64Array): (number | null)[] {
  const out: (number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]) ? null : values[i];
  return out;
}

/** Resample a series with any frame times onto a uniform grid (default rate: the median rate). */
export function resampleToUniform(
  t: ArrayLike<number>,
  values: ArrayLike<number | null | undefined>,
  rateHz: number = medianFrameRate(t),
): UniformSeries {
  if (t.length !== values.length) throw new RangeError(`t has ${t.length} samples but values has ${values.length}`);
  if (t.length === 0) return { t: new Float64Array(0), values: [], rateHz };
  const grid = uniformTimes(t[0], t[t.length - 1], rateHz);
  const actualRate = grid.length > 1 ? (grid.length - 1) / (grid[grid.length - 1] - grid[0]) : rateHz;
  return { t: grid, values: toNull(interpolateLinear(t, toNaN(values), grid)), rateHz: actualRate };
}

/** Interpolate a (uniform or not) series back at other times, e.g. the original frame times. */
export function resampleAtTimes(
  series: { t: ArrayLike<number>; values: ArrayLike<number | null | undefined> },
  times: ArrayLike<number>,
): (number | null)[] {
  return toNull(interpolateLinear(series.t, toNaN(series.values), times));
}
