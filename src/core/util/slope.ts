/** Least-squares slope of y against t over the pairs where y is finite; NaN with fewer than 3 or no spread in t. */
export function leastSquaresSlope(t: readonly number[], y: readonly number[]): number {
  let count = 0;
  let sumT = 0;
  let sumY = 0;
  let sumTT = 0;
  let sumTY = 0;
  t.forEach((ti, i) => {
    if (!Number.isFinite(y[i])) return;
    count++;
    sumT += ti;
    sumY += y[i];
    sumTT += ti * ti;
    sumTY += ti * y[i];
  });
  const denominator = count * sumTT - sumT * sumT;
  return count >= 3 && denominator > 0 ? (count * sumTY - sumT * sumY) / denominator : NaN;
}
