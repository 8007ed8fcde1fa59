import { createSeriesFilter } from './filterSeries';
import { medianFrameRate } from './resample';

/**
 * Cut-off frequency from Winter's residual analysis (Winter 2009, Biomechanics and Motor Control of
 * Human Movement, section 3.4.4.3): the RMS residual between a signal and its low-passed version
 * falls with the cut-off until only noise is left, where it becomes a straight line; extending that
 * line to 0 Hz estimates the noise RMS, and the cut-off is where the residual curve meets it. Clean
 * tracks get a high cut-off (little smoothing, sharp peaks kept), jittery MoveNet tracks a lower one.
 */
export interface ResidualCutoff {
  cutoffHz: number;
  /** Estimated noise RMS (units of the signals). */
  noiseRms: number;
}

export const RESIDUAL_CUTOFF_LIMITS = { minHz: 3, maxHz: 8 } as const;
/** The analysis looks at most this much of the track (from its middle): a minute holds ~50 strides. */
const MAX_WINDOW_S = 60;

/** The middle `MAX_WINDOW_S` of the track (all of a shorter one). */
function middleWindow(t: Float64Array, series: Float64Array[]): { t: Float64Array; series: Float64Array[] } {
  const n = t.length;
  if (n === 0 || t[n - 1] - t[0] <= MAX_WINDOW_S) return { t, series };
  const mid = (t[0] + t[n - 1]) / 2;
  let a = 0;
  while (t[a] < mid - MAX_WINDOW_S / 2) a++;
  let b = a;
  while (b < n && t[b] <= mid + MAX_WINDOW_S / 2) b++;
  return { t: t.subarray(a, b), series: series.map((s) => s.subarray(a, b)) };
}

function residualRms(series: Float64Array[], filtered: Float64Array[]): number {
  let sum = 0;
  let n = 0;
  for (let s = 0; s < series.length; s++) {
    const x = series[s];
    const y = filtered[s];
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - y[i];
      if (d === d) {
        sum += d * d;
        n++;
      }
    }
  }
  return n ? Math.sqrt(sum / n) : NaN;
}

export function residualCutoff(fullT: Float64Array, fullSeries: Float64Array[], fallbackHz: number): ResidualCutoff {
  const { t, series } = middleWindow(fullT, fullSeries);
  const fs = medianFrameRate(t);
  if (!Number.isFinite(fs) || series.length === 0) return { cutoffHz: fallbackHz, noiseRms: NaN };
  const nyquist = fs / 2;
  const top = Math.min(0.9 * nyquist, 30);
  const fitFrom = Math.max(RESIDUAL_CUTOFF_LIMITS.maxHz + 1, 0.5 * top);
  const grid: number[] = [];
  // Fine steps where the cut-off is chosen, coarse ones where only the noise line is fitted.
  for (let f = RESIDUAL_CUTOFF_LIMITS.minHz; f <= top + 1e-9; f += f < RESIDUAL_CUTOFF_LIMITS.maxHz ? 0.5 : 1) grid.push(f);
  const residuals = grid.map((f) => {
    const filter = createSeriesFilter(t, f);
    return residualRms(series, series.map((x) => filter.filterFloat64(x)));
  });
  // Least-squares line through the noise-only part of the residual curve.
  const xs: number[] = [];
  const ys: number[] = [];
  grid.forEach((f, i) => {
    if (f >= fitFrom && Number.isFinite(residuals[i])) {
      xs.push(f);
      ys.push(residuals[i]);
    }
  });
  if (xs.length < 3) return { cutoffHz: fallbackHz, noiseRms: NaN };
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
  }
  const intercept = my - (sxx > 0 ? sxy / sxx : 0) * mx;
  const noiseRms = Math.max(0, intercept);
  let cutoffHz: number = RESIDUAL_CUTOFF_LIMITS.maxHz;
  for (let i = 0; i < grid.length; i++) {
    if (residuals[i] <= noiseRms) {
      cutoffHz = grid[i];
      break;
    }
  }
  cutoffHz = Math.min(RESIDUAL_CUTOFF_LIMITS.maxHz, Math.max(RESIDUAL_CUTOFF_LIMITS.minHz, cutoffHz));
  return { cutoffHz, noiseRms };
}
