import { describe, expect, it } from 'vitest';
import {
  WINTER_CORRECTION,
  ZERO_LAG_EFFECTIVE_ORDER,
  butterworthLowPass2,
  designZeroLagLowPass,
  filtfilt,
  lfilterZi,
  lowPassZeroLag,
  zeroLagPadLength,
} from '../src/core/signal/butterworth';
import { DEFAULT_MAX_GAP_S, fillGaps, fillGapsFloat64 } from '../src/core/signal/gaps';
import {
  frameIntervalSpread,
  interpolateLinear,
  isVariableFrameRate,
  medianFrameInterval,
  medianFrameRate,
  resampleAtTimes,
  resampleToUniform,
  uniformTimes,
} from '../src/core/signal/resample';
import { createSeriesFilter, filterSeries, filterSeriesFloat64, zeroLagFilterInfo } from '../src/core/signal/filterSeries';
// Deterministic noise, so every run sees the same samples.
import { gaussianSource as gaussian, mulberry32 as rng } from '../src/synth/random';


function sine(n: number, fs: number, hz: number, phase = 0, amplitude = 1): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / fs + phase);
  return x;
}

function maxAbs(x: ArrayLike<number>, from = 0, to = x.length): number {
  let m = 0;
  for (let i = from; i < to; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

function rmse(a: ArrayLike<number | null>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < b.length; i++) sum += ((a[i] as number) - b[i]) ** 2;
  return Math.sqrt(sum / b.length);
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(tolerance);
}

describe('Butterworth design', () => {
  // Reference values from scipy 1.17.1: scipy.signal.butter(2, fc / (fs / 2)).
  it.each([
    [30, 6, [0.206572083826, 0.413144167652, 0.206572083826], [1, -0.369527377351, 0.195815712656]],
    [60, 6, [0.067455273889, 0.134910547778, 0.067455273889], [1, -1.14298050254, 0.412801598096]],
    [120, 6, [0.020083365564, 0.040166731128, 0.020083365564], [1, -1.561018075801, 0.641351538058]],
    [240, 6, [0.00554271721, 0.011085434421, 0.00554271721], [1, -1.778631777825, 0.800802646666]],
  ])('single pass at %d Hz, %d Hz cut-off matches scipy.signal.butter', (fs, fc, b, a) => {
    const coefficients = butterworthLowPass2(fs, fc);
    expectClose(coefficients.b, b, 1e-11);
    expectClose(coefficients.a, a, 1e-11);
  });

  it("Winter's correction factor for a 2nd-order filter run twice is 0.802", () => {
    expect(WINTER_CORRECTION).toBeCloseTo(0.802, 3);
    expect(ZERO_LAG_EFFECTIVE_ORDER).toBe(4);
  });

  // Reference: the single-pass cut-off is (fs / pi) atan(tan(pi fc / fs) / 0.80224), and
  // scipy.signal.butter(2, that, fs=fs) gives these coefficients.
  it.each([
    [30, 6, 7.027534322483351, [0.26449377, 0.52898755, 0.26449377], [1, -0.11597653, 0.17395162]],
    [60, 6, 7.349544364576593, [0.094446743885, 0.18889348777, 0.094446743885], [1, -0.962641308844, 0.340428284384]],
    [240, 6, 7.470540066248438, [0.00838065, 0.0167613, 0.00838065], [1, -1.72485092, 0.75837352]],
  ])('zero-lag design at %d Hz, %d Hz: single pass at %f Hz, as scipy designs it', (fs, fc, single, b, a) => {
    const design = designZeroLagLowPass(fs, fc);
    expect(design.singlePassCutoffHz).toBeCloseTo(single, 9);
    expect(design.cutoffHz).toBe(fc);
    expect(design.clamped).toBe(false);
    expectClose(design.b, b, 1e-8);
    expectClose(design.a, a, 1e-8);
  });

  it('clamps a cut-off at or above Nyquist to 0.45 fs and says so', () => {
    const design = designZeroLagLowPass(24, 15);
    expect(design.clamped).toBe(true);
    expect(design.cutoffHz).toBeCloseTo(10.8, 12);
    expect(design.requestedCutoffHz).toBe(15);
    expect(() => designZeroLagLowPass(60, 0)).toThrow(RangeError);
    expect(() => designZeroLagLowPass(0, 6)).toThrow(RangeError);
    expect(() => butterworthLowPass2(60, 30)).toThrow(RangeError);
  });

  it('lfilterZi matches scipy.signal.lfilter_zi', () => {
    const { b, a } = butterworthLowPass2(60, 6);
    expectClose(lfilterZi(b, a), [0.932544726111, -0.345346324207], 1e-11);
  });
});

describe('filtfilt', () => {
  const x = [0, 1.2, 0.7, 2.5, 3.1, 2.2, 4, 5.5, 4.9, 6.1, 7, 6.2, 8.4, 8, 9.3, 10.1, 9.6, 11.2, 12, 11.5, 13.1, 12.7];
  const { b, a } = butterworthLowPass2(60, 6);

  // scipy.signal.filtfilt(b, a, x, padlen=9) and padlen=15 (scipy 1.17.1).
  it('matches scipy.signal.filtfilt with odd padding of 9 samples', () => {
    expectClose(filtfilt(b, a, x, 9), [
      3.054161610147e-3, 6.829755126209e-1, 1.351786459897, 2.006417311199, 2.65024511861, 3.304104205353,
      3.984594256476, 4.669969907772, 5.327544679178, 5.951118560049, 6.554677439357, 7.161490830747,
      7.790409496555, 8.439774194675, 9.093484539152, 9.735758125535, 10.35958381826, 10.95547535506,
      11.49818538001, 11.96619053798, 12.36140928361, 12.71247090024,
    ], 1e-9);
  });

  it('matches scipy.signal.filtfilt with padlen 15', () => {
    expectClose(filtfilt(b, a, x, 15), [
      -2.173253771383e-4, 6.789956205884e-1, 1.348591064352, 2.004412748881, 2.64927888322, 3.303831928905,
      3.984680485723, 4.670165704994, 5.327694366284, 5.951138914972, 6.55453863531, 7.16121547653,
      7.790095122926, 8.43963321651, 9.093880968512, 9.737200335815, 10.36260979881, 10.9603509159,
      11.50434703749, 11.97143532956, 12.36100233397, 12.69863795902,
    ], 1e-9);
  });

  it('shortens the padding for a series shorter than it instead of failing', () => {
    const y = filtfilt(b, a, [1, 2, 3, 4], 9);
    expect(y.length).toBe(4);
    for (const v of y) expect(Number.isFinite(v)).toBe(true);
    expect(Array.from(filtfilt(b, a, [5]))).toEqual([5]);
    expect(filtfilt(b, a, []).length).toBe(0);
  });
});

describe('lowPassZeroLag', () => {
  /** Least-squares phase (radians) of a sinusoid of `hz` in x[from..to). */
  function phaseOf(x: ArrayLike<number>, fs: number, hz: number, from: number, to: number): number {
    let ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
    for (let i = from; i < to; i++) {
      const s = Math.sin((2 * Math.PI * hz * i) / fs);
      const c = Math.cos((2 * Math.PI * hz * i) / fs);
      ss += s * s; sc += s * c; cc += c * c; xs += x[i] * s; xc += x[i] * c;
    }
    const det = ss * cc - sc * sc;
    const a = (xs * cc - xc * sc) / det; // x = a sin + b cos = A sin(. + phase)
    const b = (xc * ss - xs * sc) / det;
    return Math.atan2(b, a);
  }

  it.each([30, 60, 120, 240])('passes a 1 Hz sine at %d Hz with under 1 percent amplitude error and no phase lag', (fs) => {
    const n = 4 * fs;
    for (const phase of [0, 0.7, 2]) {
      const x = sine(n, fs, 1, phase);
      const y = lowPassZeroLag(x, fs, 6);
      const error = new Float64Array(n).map((_, i) => y[i] - x[i]);
      expect(maxAbs(error)).toBeLessThan(0.01); // everywhere, ends included
      // Zero lag: the fitted phase is unchanged (1e-4 rad at 1 Hz is 16 microseconds).
      expect(Math.abs(phaseOf(y, fs, 1, fs, 3 * fs) - phaseOf(x, fs, 1, fs, 3 * fs))).toBeLessThan(1e-4);
      // and so is every peak, located to a fraction of a sample by a parabola through its neighbours.
      for (let cycle = 1; cycle < 3; cycle++) {
        let peak = cycle * fs;
        for (let i = cycle * fs; i < (cycle + 1) * fs; i++) if (x[i] > x[peak]) peak = i;
        const vertex = (v: Float64Array) => peak + (0.5 * (v[peak - 1] - v[peak + 1])) / (v[peak - 1] - 2 * v[peak] + v[peak + 1]);
        expect(Math.abs(vertex(y) - vertex(x))).toBeLessThan(0.01);
      }
    }
  });

  // Theory: |H|^2 of the double pass at 15 Hz is 1 / (1 + (tan(pi/4) / (tan(pi/10) / 0.802))^4)
  // = 0.026 (-31.7 dB); measured 0.0262 in the middle of the series.
  it('attenuates a 15 Hz sine at 60 Hz to about 2.6 % (-32 dB)', () => {
    const fs = 60;
    const x = sine(10 * fs, fs, 15, 0.3);
    const y = lowPassZeroLag(x, fs, 6);
    const middle = maxAbs(y, 2 * fs, 8 * fs);
    expect(middle).toBeGreaterThan(0.02);
    expect(middle).toBeLessThan(0.03);
  });

  it.each([24, 30, 60, 240])('keeps a constant exactly constant, ends included, at %d Hz', (fs) => {
    const y = lowPassZeroLag(new Float64Array(3 * fs).fill(42.5), fs, 6);
    for (const v of y) expect(Math.abs(v - 42.5)).toBeLessThan(1e-9);
  });

  it.each([
    [30, 6],
    [60, 6],
    [120, 6],
    [240, 6],
    [100, 10],
  ])('puts the -3 dB point of the double pass at the cut-off (%d Hz, %d Hz)', (fs, fc) => {
    const x = sine(20 * fs, fs, fc, 0.1);
    const gain = maxAbs(lowPassZeroLag(x, fs, fc), 5 * fs, 15 * fs) / maxAbs(x, 5 * fs, 15 * fs);
    expect(Math.abs(gain - Math.SQRT1_2) / Math.SQRT1_2).toBeLessThan(0.02);
    // Without Winter's correction the double pass would be at -6 dB (0.5) there.
    const { b, a } = butterworthLowPass2(fs, fc);
    const uncorrected = maxAbs(filtfilt(b, a, x), 5 * fs, 15 * fs) / maxAbs(x, 5 * fs, 15 * fs);
    expect(uncorrected).toBeLessThan(0.52);
  });

  it('pads by at least one cut-off period', () => {
    expect(zeroLagPadLength(30, 6)).toBe(9);
    expect(zeroLagPadLength(60, 6)).toBe(10);
    expect(zeroLagPadLength(240, 6)).toBe(40);
  });
});

describe('fillGaps', () => {
  const fs = 60;
  const times = (n: number): number[] => Array.from({ length: n }, (_, i) => i / fs);

  it('fills a gap of exactly 0.15 s and leaves a longer one, and the ends, empty', () => {
    const t = times(60);
    const values: (number | null)[] = t.map((ti) => 10 + 3 * ti);
    values[0] = values[1] = null; // leading run
    for (let i = 10; i <= 17; i++) values[i] = null; // 8 missing: 9 / 60 = 0.15 s between good samples
    for (let i = 30; i <= 38; i++) values[i] = null; // 9 missing: 10 / 60 = 0.167 s
    values[59] = null; // trailing
    const result = fillGaps(t, values);
    expect(result.filled).toBe(8);
    expect(result.left).toBe(2 + 9 + 1);
    expect(result.values[0]).toBeNull();
    expect(result.values[59]).toBeNull();
    for (let i = 30; i <= 38; i++) expect(result.values[i]).toBeNull();
    // A straight line is filled exactly.
    for (let i = 10; i <= 17; i++) expect(result.values[i]).toBeCloseTo(10 + (3 * i) / fs, 10);
    expect(values[12]).toBeNull(); // input untouched
  });

  it('judges gaps by time, not by sample count, on uneven frame times', () => {
    const t = [0, 0.03, 0.06, 0.09, 0.3, 0.33, 0.36, 0.39, 0.42];
    const values = [1, 2, 3, 4, null, 6, 7, 8, 9]; // one missing sample but 0.27 s between neighbours
    expect(fillGaps(t, values).values[4]).toBeNull();
    const result = fillGaps(t, values, 0.3);
    expect(result.filled).toBe(1);
    expect(result.values[4]).not.toBeNull();
  });

  it('treats NaN and undefined as missing', () => {
    const t = times(10);
    const result = fillGaps(t, [0, 1, 2, NaN, 4, undefined, 6, 7, 8, 9]);
    expect(result.filled).toBe(2);
    expect(result.values[3]).toBeCloseTo(3, 10);
    expect(result.values[5]).toBeCloseTo(5, 10);
    const asFloat = fillGapsFloat64(t, Float64Array.of(0, 1, 2, NaN, 4, NaN, 6, 7, 8, NaN));
    expect(Array.from(asFloat.values.subarray(0, 9))).toEqual(result.values.slice(0, 9));
    expect(Number.isNaN(asFloat.values[9])).toBe(true);
    expect([asFloat.filled, asFloat.left]).toEqual([2, 1]);
  });

  // A 1 Hz sine with its peak in the middle of a 0.133 s gap: a straight chord (and PCHIP, which
  // puts zero slopes at both ends here) stays at cos(2 pi 4 / 60) = 0.914, 8.6 % short of the peak.
  // The Hermite fill with fitted end slopes gets to 0.948 (5.2 % short); for a slower 0.5 Hz swing
  // it is 1.6 % short where the chord is 2.2 % short.
  it('carries a peak through a gap instead of cutting the corner', () => {
    const t = times(240);
    for (const [hz, bound] of [[1, 0.06], [0.5, 0.02]]) {
      const truth = t.map((ti) => Math.sin(2 * Math.PI * hz * (ti - 0.5) + Math.PI / 2)); // peak at t = 0.5 s, i = 30
      const values: (number | null)[] = truth.slice();
      for (let i = 26; i <= 34; i++) values[i] = null; // good samples 25 and 35: 10 / 60 s, too long
      expect(fillGaps(t, values).filled).toBe(0);
      values[26] = truth[26];
      values[34] = truth[34]; // good samples 26 and 34: 8 / 60 = 0.133 s
      const filled = fillGaps(t, values).values;
      const chordShortfall = 1 - (truth[26] + truth[34]) / 2;
      const fillShortfall = Math.abs((filled[30] as number) - 1);
      expect(fillShortfall).toBeLessThan(bound);
      expect(fillShortfall).toBeLessThan(0.75 * chordShortfall);
    }
  });

  it('keeps noise next to a gap from flinging the fill far away', () => {
    const random = rng(3);
    const noise = gaussian(random);
    const t = times(600);
    let worst = 0;
    for (let trial = 0; trial < 50; trial++) {
      const values: (number | null)[] = t.map((ti) => 20 * Math.sin(2 * Math.PI * 0.9 * ti) + noise());
      const start = 20 + Math.floor(random() * 550);
      for (let i = start; i < start + 8; i++) values[i] = null;
      const filled = fillGaps(t, values).values;
      for (let i = start; i < start + 8; i++) {
        worst = Math.max(worst, Math.abs((filled[i] as number) - 20 * Math.sin(2 * Math.PI * 0.9 * t[i])));
      }
    }
    expect(worst).toBeLessThan(5); // 1-unit noise on a +-20 signal; measured about 3
  });

  it('uses the default limit of 0.15 s', () => {
    expect(DEFAULT_MAX_GAP_S).toBe(0.15);
  });
});

describe('frame rate and resampling', () => {
  it('finds the median rate and ignores a dropped frame', () => {
    const t = Array.from({ length: 100 }, (_, i) => i / 30);
    expect(medianFrameRate(t)).toBeCloseTo(30, 9);
    t.splice(50, 1);
    expect(medianFrameRate(t)).toBeCloseTo(30, 9);
    expect(isVariableFrameRate(t)).toBe(true); // one interval doubled
  });

  it('computes the median like a sort would, for odd and even counts', () => {
    const random = rng(11);
    for (const n of [2, 3, 4, 9, 10, 101, 1000]) {
      const t = [0];
      for (let i = 1; i < n; i++) t.push(t[i - 1] + 0.01 + 0.02 * random());
      const sorted = t.slice(1).map((v, i) => v - t[i]).sort((a, b) => a - b);
      const m = sorted.length;
      const expected = m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
      expect(medianFrameInterval(t)).toBeCloseTo(expected, 12);
    }
  });

  it('tells constant from variable frame rates', () => {
    const even = Array.from({ length: 300 }, (_, i) => i / 60);
    expect(isVariableFrameRate(even)).toBe(false);
    // Millisecond-rounded 30 fps timestamps (33/34 ms): spread 3 %, still constant.
    const rounded = even.map((_, i) => Math.round((i * 1000) / 30) / 1000);
    expect(frameIntervalSpread(rounded)).toBeLessThan(0.05);
    expect(isVariableFrameRate(rounded)).toBe(false);
    const random = rng(5);
    const jittered = even.map((ti, i) => (i === 0 ? 0 : ti + (random() - 0.5) * 0.004));
    expect(isVariableFrameRate(jittered)).toBe(true);
  });

  it('makes a uniform grid that spans the original times exactly', () => {
    const grid = uniformTimes(0.5, 2.5, 30);
    expect(grid.length).toBe(61);
    expect(grid[0]).toBe(0.5);
    expect(grid[60]).toBe(2.5);
    expect(grid[1] - grid[0]).toBeCloseTo(1 / 30, 12);
  });

  it('resamples a line exactly onto the grid and back', () => {
    const random = rng(9);
    const t = [0];
    for (let i = 1; i < 200; i++) t.push(t[i - 1] + (1 + (random() - 0.5) * 0.4) / 60);
    const values = t.map((ti) => 3 - 2 * ti);
    const uniform = resampleToUniform(t, values);
    expect(uniform.rateHz).toBeGreaterThan(57);
    expect(uniform.rateHz).toBeLessThan(63);
    uniform.values.forEach((v, i) => expect(v as number).toBeCloseTo(3 - 2 * uniform.t[i], 10));
    const back = resampleAtTimes(uniform, t);
    back.forEach((v, i) => expect(v as number).toBeCloseTo(values[i], 10));
  });

  it('never interpolates across a missing sample', () => {
    const t = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
    const values = [0, 1, null, 3, 4, 5];
    const uniform = resampleToUniform(t, values, 20); // grid every 0.05 s
    const byTime = (time: number) => uniform.values[Math.round(time / 0.05)];
    expect(byTime(0.05)).toBeCloseTo(0.5, 12);
    expect(byTime(0.1)).toBeCloseTo(1, 12); // on a good sample next to the gap
    expect(byTime(0.15)).toBeNull();
    expect(byTime(0.2)).toBeNull();
    expect(byTime(0.25)).toBeNull();
    expect(byTime(0.3)).toBeCloseTo(3, 12);
    expect(Array.from(interpolateLinear([0, 1], [0, 1], [-0.5, 1.5])).every(Number.isNaN)).toBe(true);
  });
});

describe('filterSeries', () => {
  // Knee-like curve: 0.9 Hz stride with two harmonics, degrees.
  const truthAt = (ti: number) =>
    30 + 25 * Math.sin(2 * Math.PI * 0.9 * ti) + 12 * Math.sin(2 * Math.PI * 1.8 * ti + 1) + 5 * Math.sin(2 * Math.PI * 2.7 * ti + 2);

  // Phone-like variable frame rate: intervals 1/60 s +-30 %, noise 2 deg.
  // Measured: RMSE raw 1.98 deg, filtered 0.90 deg (filtering as if evenly timed: 0.95 deg).
  it('brings a jittered, noisy variable-frame-rate series closer to the truth (RMSE 1.98 -> 0.90 deg)', () => {
    const random = rng(21);
    const noise = gaussian(random);
    const t = [0];
    for (let i = 1; i < 600; i++) t.push(t[i - 1] + (1 + (random() - 0.5) * 0.6) / 60);
    expect(isVariableFrameRate(t)).toBe(true);
    const truth = t.map(truthAt);
    const raw = truth.map((v) => v + 2 * noise());
    const filtered = filterSeries(t, raw, 6);
    const before = rmse(raw, truth);
    const after = rmse(filtered, truth);
    expect(before).toBeGreaterThan(1.8);
    expect(after).toBeLessThan(0.5 * before);
    // Treating the uneven samples as if they were even is worse than resampling.
    const naive = lowPassZeroLag(raw, medianFrameRate(t), 6);
    expect(rmse(naive, truth)).toBeGreaterThan(after);
  });

  it('matches the plain filter on an evenly timed series without gaps', () => {
    const t = Array.from({ length: 300 }, (_, i) => i / 60);
    const x = sine(300, 60, 1.3, 0.4, 10);
    const viaSeries = filterSeries(t, Array.from(x), 6);
    const direct = lowPassZeroLag(x, 60, 6);
    viaSeries.forEach((v, i) => expect(v as number).toBeCloseTo(direct[i], 10));
  });

  it('keeps gaps empty and lets nothing bleed across them', () => {
    const t = Array.from({ length: 200 }, (_, i) => i / 60);
    const values: (number | null)[] = t.map((_, i) => (i < 100 ? 0 : 10));
    for (let i = 95; i < 105; i++) values[i] = null;
    const filtered = filterSeries(t, values, 6);
    for (let i = 0; i < 200; i++) {
      if (i >= 95 && i < 105) expect(filtered[i]).toBeNull();
      else expect(filtered[i] as number).toBeCloseTo(i < 100 ? 0 : 10, 9);
    }
  });

  it('splits at a pause in the timestamps longer than 0.15 s', () => {
    const t = Array.from({ length: 120 }, (_, i) => (i < 60 ? i / 60 : 2 + i / 60));
    const values = t.map((_, i) => (i < 60 ? -5 : 5));
    filterSeries(t, values, 6).forEach((v, i) => expect(v as number).toBeCloseTo(i < 60 ? -5 : 5, 9));
  });

  it('returns pieces of one or two samples as they are, and smooths short pieces', () => {
    const t = Array.from({ length: 40 }, (_, i) => i / 60);
    const values: (number | null)[] = t.map(() => null);
    values[3] = 7;
    values[6] = 1;
    values[7] = 2;
    const random = rng(8);
    const noise = gaussian(random);
    let rawError = 0;
    let filteredError = 0;
    for (let trial = 0; trial < 200; trial++) {
      for (let i = 20; i < 32; i++) values[i] = truthAt(t[i]) + 3 * noise(); // 12-sample piece
      const filtered = filterSeries(t, values, 6);
      expect(filtered[3]).toBe(7);
      expect(filtered[6]).toBe(1);
      expect(filtered[7]).toBe(2);
      for (let i = 20; i < 32; i++) {
        rawError += ((values[i] as number) - truthAt(t[i])) ** 2;
        filteredError += ((filtered[i] as number) - truthAt(t[i])) ** 2;
      }
    }
    expect(Math.sqrt(filteredError / 2400)).toBeLessThan(0.75 * Math.sqrt(rawError / 2400));
  });

  it('gives the same result through the Float64Array path and a shared filter', () => {
    const random = rng(2);
    const t = [0];
    for (let i = 1; i < 400; i++) t.push(t[i - 1] + (1 + (random() - 0.5) * 0.3) / 30);
    const values = t.map((ti, i) => (i % 97 < 3 ? null : truthAt(ti) + random()));
    const asFloat = Float64Array.from(values, (v) => (v === null ? NaN : v));
    const viaNull = filterSeries(t, values, 6);
    const viaFloat = filterSeriesFloat64(t, asFloat, 6);
    const shared = createSeriesFilter(t, 6);
    shared.filter(values); // a second series through the same filter reuses its plans
    const again = shared.filterFloat64(asFloat);
    viaNull.forEach((v, i) => {
      if (v === null) {
        expect(Number.isNaN(viaFloat[i])).toBe(true);
        expect(Number.isNaN(again[i])).toBe(true);
      } else {
        expect(viaFloat[i]).toBe(v);
        expect(again[i]).toBe(v);
      }
    });
  });

  it('describes the filter for the report', () => {
    const t = Array.from({ length: 100 }, (_, i) => i / 50);
    expect(zeroLagFilterInfo(t, 6)).toEqual({
      type: 'butterworth-zero-lag',
      order: 4,
      cutoffHz: 6,
      sampleRateHz: expect.closeTo(50, 9),
      variableFrameRate: false,
    });
    expect(zeroLagFilterInfo(t, 40).cutoffHz).toBeCloseTo(22.5, 9); // clamped to 0.45 fs
  });
});
