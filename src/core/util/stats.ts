/** Small numeric helpers shared by the analysis stages. NaN means "unknown" throughout. */

export function finiteValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return out;
}

/** Finite values, sorted ascending (typed-array sort: numeric and fast). */
function sortedFinite(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(finiteValues(values)).sort();
}

export function median(values: ArrayLike<number>): number {
  const v = sortedFinite(values);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function quantile(values: ArrayLike<number>, q: number): number {
  const v = sortedFinite(values);
  if (v.length === 0) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      sum += values[i];
      n++;
    }
  }
  return n ? sum / n : NaN;
}

/** Sample standard deviation (n - 1). */
export function sd(values: ArrayLike<number>): number {
  const v = finiteValues(values);
  if (v.length < 2) return v.length === 1 ? 0 : NaN;
  const m = mean(v);
  let s = 0;
  for (const x of v) s += (x - m) * (x - m);
  return Math.sqrt(s / (v.length - 1));
}

/** Linear interpolation of a sampled series at time `at`; NaN when a neighbour is unknown. */
export function valueAt(t: ArrayLike<number>, values: ArrayLike<number>, at: number): number {
  const n = t.length;
  if (n === 0 || at < t[0] || at > t[n - 1]) return NaN;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= at) lo = mid;
    else hi = mid;
  }
  if (t[lo] === at) return values[lo];
  if (t[hi] === at) return values[hi];
  const a = values[lo];
  const b = values[hi];
  return a + ((b - a) * (at - t[lo])) / (t[hi] - t[lo]);
}

/** Index of the first sample with t >= at (binary search). */
export function lowerBound(t: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function roundOrNull(v: number, digits = 2): number | null {
  return Number.isFinite(v) ? round(v, digits) : null;
}

/** Times in seconds are kept to 0.1 ms. */
export function roundTime(v: number): number {
  return round(v, 4);
}
