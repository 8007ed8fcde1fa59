/**
 * Zero-lag low-pass Butterworth filtering, the standard smoothing for kinematic data from video
 * (Winter 2009, Biomechanics and Motor Control of Human Movement, 4th ed., ch. 3).
 *
 * A 2nd-order Butterworth low-pass is designed with the bilinear transform (with frequency
 * pre-warping, so the digital cut-off lands exactly where asked) and run forward and backward
 * (`filtfilt`): the phase shifts cancel, so peaks stay where they are, and the magnitude response is
 * squared, i.e. an effective 4th-order filter. Running twice also lowers the -3 dB point, which is
 * why the single-pass cut-off is raised by Winter's correction factor (see `WINTER_CORRECTION`).
 */

/** Order of one pass. */
export const BUTTERWORTH_ORDER_PER_PASS = 2;
/** Forward + backward doubles the order of the magnitude response ("4th-order zero-lag"). */
export const ZERO_LAG_EFFECTIVE_ORDER = 2 * BUTTERWORTH_ORDER_PER_PASS;
/** The usual cut-off for walking kinematics from video (Winter 2009 ch. 3; Sports2D uses 6 Hz too). */
export const DEFAULT_CUTOFF_HZ = 6;
/** Cut-offs are clamped to this fraction of the sample rate (Nyquist is 0.5). */
export const MAX_CUTOFF_FRACTION_OF_FS = 0.45;

/**
 * Winter's correction for a filter of order n run in P passes: C = (2^(1/P) - 1)^(1/(2n)).
 * For n = 2, P = 2: C = (sqrt(2) - 1)^(1/4) = 0.802. Passing a signal twice through a Butterworth
 * whose -3 dB point is at W leaves it at -6 dB there; the combined -3 dB point falls to C * W.
 * So the single pass is designed for W = W_wanted / C. We apply it to the pre-warped (analogue)
 * frequency tan(pi fc / fs), where the Butterworth magnitude |H|^2 = 1 / (1 + (w/W)^(2n)) holds
 * exactly; the result is an exact -3 dB point at fc for the double pass at every sample rate
 * (applying it to fc in Hz before pre-warping is the same to first order, but drifts near Nyquist).
 */
export const WINTER_CORRECTION = Math.pow(Math.SQRT2 - 1, 1 / (2 * BUTTERWORTH_ORDER_PER_PASS));

export interface FilterCoefficients {
  /** Numerator (feed-forward) coefficients. */
  b: Float64Array;
  /** Denominator (feedback) coefficients, a[0] = 1. */
  a: Float64Array;
}

export interface ZeroLagDesign extends FilterCoefficients {
  sampleRateHz: number;
  /** The -3 dB point of the forward-backward pass, after clamping. */
  cutoffHz: number;
  /** What was asked for. */
  requestedCutoffHz: number;
  /** True when the requested cut-off was above MAX_CUTOFF_FRACTION_OF_FS * fs and was lowered. */
  clamped: boolean;
  /** Cut-off (-3 dB) of each single pass, after Winter's correction. */
  singlePassCutoffHz: number;
}

function checkSampleRate(sampleRateHz: number): void {
  if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) {
    throw new RangeError(`sample rate must be a positive number of Hz, got ${sampleRateHz}`);
  }
}

/**
 * 2nd-order Butterworth low-pass from the pre-warped analogue frequency `warped` = tan(pi fc / fs):
 * H(s) = 1 / (s^2 + sqrt(2) s + 1) with s -> (1/warped) (1 - z^-1) / (1 + z^-1).
 */
function biquadFromWarped(warped: number): FilterCoefficients {
  const k2 = warped * warped;
  const norm = 1 / (1 + Math.SQRT2 * warped + k2);
  const b0 = k2 * norm;
  return {
    b: Float64Array.of(b0, 2 * b0, b0),
    a: Float64Array.of(1, 2 * (k2 - 1) * norm, (1 - Math.SQRT2 * warped + k2) * norm),
  };
}

/**
 * Plain single-pass 2nd-order Butterworth low-pass with its -3 dB point at `cutoffHz`; the same
 * coefficients as scipy.signal.butter(2, cutoffHz / (fs / 2)). No correction, no clamping:
 * the cut-off must lie strictly between 0 and fs / 2.
 */
export function butterworthLowPass2(sampleRateHz: number, cutoffHz: number): FilterCoefficients {
  checkSampleRate(sampleRateHz);
  if (!(cutoffHz > 0 && cutoffHz < sampleRateHz / 2)) {
    throw new RangeError(`cut-off ${cutoffHz} Hz must lie between 0 and Nyquist (${sampleRateHz / 2} Hz)`);
  }
  return biquadFromWarped(Math.tan((Math.PI * cutoffHz) / sampleRateHz));
}

/**
 * Design the single-pass filter for a zero-lag (forward-backward) low-pass whose combined -3 dB point
 * is `cutoffHz`. Cut-offs above 0.45 fs are clamped there (a cut-off at or above Nyquist is not a
 * low-pass at all; `clamped` says when it happened).
 */
export function designZeroLagLowPass(sampleRateHz: number, cutoffHz: number = DEFAULT_CUTOFF_HZ): ZeroLagDesign {
  checkSampleRate(sampleRateHz);
  if (!(cutoffHz > 0) || !Number.isFinite(cutoffHz)) {
    throw new RangeError(`cut-off must be a positive number of Hz, got ${cutoffHz}`);
  }
  const maxCutoff = MAX_CUTOFF_FRACTION_OF_FS * sampleRateHz;
  const clamped = cutoffHz > maxCutoff;
  const effectiveCutoff = clamped ? maxCutoff : cutoffHz;
  const warped = Math.tan((Math.PI * effectiveCutoff) / sampleRateHz) / WINTER_CORRECTION;
  return {
    ...biquadFromWarped(warped),
    sampleRateHz,
    cutoffHz: effectiveCutoff,
    requestedCutoffHz: cutoffHz,
    clamped,
    singlePassCutoffHz: (sampleRateHz / Math.PI) * Math.atan(warped),
  };
}

function normalised(b: ArrayLike<number>, a: ArrayLike<number>): FilterCoefficients {
  const order = Math.max(a.length, b.length);
  const a0 = a[0];
  if (!a0) throw new RangeError('a[0] must be non-zero');
  const bn = new Float64Array(order);
  const an = new Float64Array(order);
  for (let i = 0; i < b.length; i++) bn[i] = b[i] / a0;
  for (let i = 0; i < a.length; i++) an[i] = a[i] / a0;
  return { b: bn, a: an };
}

/**
 * Steady-state initial conditions of the transposed direct form II for a unit step input, like
 * scipy.signal.lfilter_zi: starting the filter with zi * x[0] makes a constant input pass without
 * a start-up transient. With x = 1 and y = G = sum(b) / sum(a) in steady state, the state
 * equations z[k] = b[k+1] x - a[k+1] y + z[k+1] are solved from the last state backwards.
 */
export function lfilterZi(b: ArrayLike<number>, a: ArrayLike<number>): Float64Array {
  const { b: bn, a: an } = normalised(b, a);
  const n = bn.length - 1;
  const zi = new Float64Array(Math.max(n, 0));
  let sumB = 0;
  let sumA = 0;
  for (let i = 0; i <= n; i++) {
    sumB += bn[i];
    sumA += an[i];
  }
  const gain = sumB / sumA;
  let next = 0;
  for (let k = n - 1; k >= 0; k--) {
    next = bn[k + 1] - an[k + 1] * gain + next;
    zi[k] = next;
  }
  return zi;
}

/**
 * One pass of an IIR filter (transposed direct form II) over x[from..to) in the given direction,
 * writing into out at the same indices. State starts at zi * x[first sample]. b and a must be
 * normalised and of equal length.
 */
function lfilterInPlace(
  b: Float64Array,
  a: Float64Array,
  zi: Float64Array,
  x: Float64Array,
  out: Float64Array,
  reverse: boolean,
): void {
  const n = x.length;
  if (n === 0) return;
  const order = b.length - 1;
  const start = reverse ? n - 1 : 0;
  const step = reverse ? -1 : 1;
  const x0 = x[start];
  if (order === 2) {
    // The biquad, unrolled: this is the hot loop (36,000 samples x 34 series x 2 passes).
    const b0 = b[0], b1 = b[1], b2 = b[2], a1 = a[1], a2 = a[2];
    let z0 = zi[0] * x0;
    let z1 = zi[1] * x0;
    for (let i = start, c = 0; c < n; c++, i += step) {
      const xi = x[i];
      const yi = b0 * xi + z0;
      z0 = b1 * xi - a1 * yi + z1;
      z1 = b2 * xi - a2 * yi;
      out[i] = yi;
    }
    return;
  }
  const z = new Float64Array(order);
  for (let k = 0; k < order; k++) z[k] = zi[k] * x0;
  for (let i = start, c = 0; c < n; c++, i += step) {
    const xi = x[i];
    const yi = b[0] * xi + (order > 0 ? z[0] : 0);
    for (let k = 0; k < order - 1; k++) z[k] = b[k + 1] * xi - a[k + 1] * yi + z[k + 1];
    if (order > 0) z[order - 1] = b[order] * xi - a[order] * yi;
    out[i] = yi;
  }
}

/** scipy's default pad length for filtfilt: 3 * max(len(a), len(b)). */
export function defaultPadLength(b: ArrayLike<number>, a: ArrayLike<number>): number {
  return 3 * Math.max(a.length, b.length);
}

/**
 * Pad length for the zero-lag low-pass: scipy's 3 * (order + 1) = 9 samples, or one period of the
 * cut-off (fs / fc samples) when that is longer. At high sample rates 9 samples is a small part of
 * the filter's memory: a 1 Hz sine at 240 Hz then comes back with a 1.8 % error at the ends, against
 * 0.6 % with 40 samples (measured while writing this; longer pads gained nothing more).
 */
export function zeroLagPadLength(sampleRateHz: number, cutoffHz: number = DEFAULT_CUTOFF_HZ): number {
  return Math.max(3 * (BUTTERWORTH_ORDER_PER_PASS + 1), Math.ceil(sampleRateHz / cutoffHz));
}

/** Coefficients normalised to a[0] = 1, with their steady-state initial conditions. */
export interface PreparedFilter {
  b: Float64Array;
  a: Float64Array;
  zi: Float64Array;
}

/** Normalise and compute lfilterZi once, for filtering many series with the same filter. */
export function prepareFilter(b: ArrayLike<number>, a: ArrayLike<number>): PreparedFilter {
  const normalisedCoefficients = normalised(b, a);
  return { ...normalisedCoefficients, zi: lfilterZi(normalisedCoefficients.b, normalisedCoefficients.a) };
}

/**
 * Forward-backward filtering with odd (point-reflection) extension at both ends and steady-state
 * initial conditions, like scipy.signal.filtfilt(b, a, x, padtype='odd', padlen=...).
 * The odd extension continues the signal's value and slope through each end, and starting each
 * pass from the steady state keeps the ends from ringing. When x is shorter than padLength + 1 the
 * padding is shortened to x.length - 1 (scipy raises instead). Returns a new array.
 */
export function filtfilt(
  b: ArrayLike<number>,
  a: ArrayLike<number>,
  x: ArrayLike<number>,
  padLength: number = defaultPadLength(b, a),
): Float64Array {
  return filtfiltPrepared(prepareFilter(b, a), x, padLength);
}

/** filtfilt with a filter from prepareFilter. */
export function filtfiltPrepared(filter: PreparedFilter, x: ArrayLike<number>, padLength: number): Float64Array {
  const n = x.length;
  if (n === 0) return new Float64Array(0);
  if (n === 1) return Float64Array.of(x[0]);
  const { b, a, zi } = filter;
  const pad = Math.max(0, Math.min(Math.floor(padLength), n - 1));
  const ext = new Float64Array(n + 2 * pad);
  const first = x[0];
  const last = x[n - 1];
  for (let i = 0; i < pad; i++) ext[i] = 2 * first - x[pad - i];
  if (x instanceof Float64Array) ext.set(x, pad);
  else for (let i = 0; i < n; i++) ext[pad + i] = x[i];
  for (let i = 0; i < pad; i++) ext[pad + n + i] = 2 * last - x[n - 2 - i];
  lfilterInPlace(b, a, zi, ext, ext, false);
  lfilterInPlace(b, a, zi, ext, ext, true);
  return ext.slice(pad, pad + n);
}

/**
 * The convenience path: zero-lag 2nd-order Butterworth low-pass (4th order effective) with its
 * combined -3 dB point at `cutoffHz`, for samples at a constant rate `sampleRateHz`.
 * Values must be finite (split series at gaps first; see filterSeries for series with nulls).
 */
export function lowPassZeroLag(
  values: Float64Array | readonly number[],
  sampleRateHz: number,
  cutoffHz: number = DEFAULT_CUTOFF_HZ,
): Float64Array {
  const design = designZeroLagLowPass(sampleRateHz, cutoffHz);
  return filtfilt(design.b, design.a, values, zeroLagPadLength(sampleRateHz, design.cutoffHz));
}
