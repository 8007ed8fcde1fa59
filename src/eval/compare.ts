/**
 * Comparing an analysis with known truth (synthetic walks, motion capture): event matching and
 * angle errors. Pure; used by the tests, the benchmark and scripts/eval-mocap.ts.
 */

export interface EventMatch {
  /** Signed errors (detected - truth) in seconds of the matched truth events. */
  errors: number[];
  /** Truth events with no detection within the tolerance. */
  missed: number[];
  /** Detections with no truth event within the tolerance. */
  extra: number[];
}

/** Greedy nearest matching, each truth and each detection used at most once. */
export function matchEvents(detected: number[], truth: number[], toleranceS: number): EventMatch {
  const used = new Set<number>();
  const errors: number[] = [];
  const missed: number[] = [];
  for (const t of truth) {
    let best = -1;
    for (let i = 0; i < detected.length; i++) {
      if (used.has(i)) continue;
      if (Math.abs(detected[i] - t) <= toleranceS && (best < 0 || Math.abs(detected[i] - t) < Math.abs(detected[best] - t))) best = i;
    }
    if (best < 0) missed.push(t);
    else {
      used.add(best);
      errors.push(detected[best] - t);
    }
  }
  const extra = detected.filter((_, i) => !used.has(i));
  return { errors, missed, extra };
}

export interface AngleError {
  rmse: number;
  mae: number;
  median: number;
  max: number;
  bias: number;
  n: number;
}

/** Errors over frames where both series are known (and `include(i)` says so, when given). */
export function angleError(
  estimate: ArrayLike<number | null>,
  truth: ArrayLike<number | null>,
  include: (i: number) => boolean = () => true,
): AngleError {
  const diffs: number[] = [];
  for (let i = 0; i < Math.min(estimate.length, truth.length); i++) {
    const e = estimate[i];
    const t = truth[i];
    if (e === null || t === null || !Number.isFinite(e) || !Number.isFinite(t) || !include(i)) continue;
    diffs.push(e - t);
  }
  const n = diffs.length;
  if (n === 0) return { rmse: NaN, mae: NaN, median: NaN, max: NaN, bias: NaN, n: 0 };
  const abs = diffs.map(Math.abs).sort((a, b) => a - b);
  return {
    rmse: Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / n),
    mae: abs.reduce((s, d) => s + d, 0) / n,
    median: abs[n >> 1],
    max: abs[n - 1],
    bias: diffs.reduce((s, d) => s + d, 0) / n,
    n,
  };
}
