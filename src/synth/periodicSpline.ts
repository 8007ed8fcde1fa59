/**
 * Periodic cubic spline through key points on the unit interval (period 1): a smooth (C2),
 * periodic curve that passes exactly through every key point. Used for the joint-angle curves
 * over the gait cycle, where the value at 100 % must join the value at 0 % smoothly.
 */

export interface KeyPoint {
  /** Position in the cycle, 0-1 (0 inclusive, 1 exclusive). */
  at: number;
  value: number;
}

export type PeriodicCurve = (phase: number) => number;

/** Wraps a phase into [0, 1). */
export function wrapPhase(phase: number): number {
  const wrapped = phase - Math.floor(phase);
  return wrapped >= 1 ? 0 : wrapped;
}

/**
 * Builds the periodic spline. Key points must be at distinct positions in [0, 1); their order
 * does not matter. Solves the cyclic system for the knots' second derivatives directly (the
 * system is tiny: one row per key point).
 */
export function periodicSpline(keys: readonly KeyPoint[]): PeriodicCurve {
  const sorted = [...keys].map((k) => ({ at: wrapPhase(k.at), value: k.value })).sort((a, b) => a.at - b.at);
  const n = sorted.length;
  if (n < 3) throw new Error('periodicSpline needs at least 3 key points');
  const x = sorted.map((k) => k.at);
  const y = sorted.map((k) => k.value);
  for (let i = 1; i < n; i++) {
    if (x[i] - x[i - 1] < 1e-9) throw new Error(`periodicSpline: duplicate key point at ${x[i]}`);
  }
  const h = x.map((xi, i) => (i + 1 < n ? x[i + 1] : x[0] + 1) - xi);

  // Cyclic system: h[i-1] M[i-1] + 2 (h[i-1] + h[i]) M[i] + h[i] M[i+1] = rhs[i].
  const a: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rhs = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const prev = (i - 1 + n) % n;
    const next = (i + 1) % n;
    a[i][prev] += h[prev];
    a[i][i] += 2 * (h[prev] + h[i]);
    a[i][next] += h[i];
    rhs[i] = 6 * ((y[next] - y[i]) / h[i] - (y[i] - y[prev]) / h[prev]);
  }
  const m = solveDense(a, rhs);

  return (phase: number) => {
    const p = wrapPhase(phase);
    // Interval i holds [x[i], x[i+1]); phases before x[0] belong to the last (wrapping) interval.
    let i = n - 1;
    let lo = 0;
    let hi = n - 1;
    if (p >= x[0]) {
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (x[mid] <= p) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
    }
    const next = (i + 1) % n;
    const hi_ = h[i];
    let d = p - x[i];
    if (d < 0) d += 1;
    const t = hi_ - d;
    return (
      (m[i] * t * t * t + m[next] * d * d * d) / (6 * hi_) +
      (y[i] / hi_ - (m[i] * hi_) / 6) * t +
      (y[next] / hi_ - (m[next] * hi_) / 6) * d
    );
  };
}

/** Gaussian elimination with partial pivoting (small dense systems only). */
function solveDense(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row) => [...row]);
  const b = [...vector];
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    [b[col], b[pivot]] = [b[pivot], b[col]];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / a[col][col];
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let c = r + 1; c < n; c++) s -= a[r][c] * out[c];
    out[r] = s / a[r][r];
  }
  return out;
}

/**
 * Periodic raised-cosine window: 1 at `center`, falling smoothly to 0 at `halfWidth` either side
 * (distances measured round the cycle). Pathology knobs use it to bend a curve locally.
 */
export function cycleWindow(phase: number, center: number, halfWidth: number): number {
  let d = Math.abs(wrapPhase(phase) - wrapPhase(center));
  if (d > 0.5) d = 1 - d;
  if (d >= halfWidth) return 0;
  return 0.5 * (1 + Math.cos((Math.PI * d) / halfWidth));
}
