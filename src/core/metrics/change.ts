/**
 * Is a change between two sessions real, or within what measurement noise explains? The minimal
 * detectable change at 95 % confidence for the difference of two measurements with standard
 * uncertainties u_a and u_b is MDC95 = 1.96 * sqrt(u_a^2 + u_b^2) (Weir 2005, J Strength Cond Res
 * 19:231, MDC = 1.96 * sqrt(2) * SEM for equal errors; Haley & Fragala-Pinkham 2006). A difference
 * larger than that is called a real change; smaller, "within measurement noise". Pure.
 */
export type ChangeVerdict = 'increase' | 'decrease' | 'within-noise' | 'unknown';

export interface Change {
  difference: number | null;
  /** Minimal detectable change (95 %), same unit; null when an uncertainty is missing. */
  mdc: number | null;
  verdict: ChangeVerdict;
}

const Z95 = 1.96;

export function minimalDetectableChange(ua: number | null | undefined, ub: number | null | undefined): number | null {
  if (typeof ua !== 'number' || typeof ub !== 'number' || !Number.isFinite(ua) || !Number.isFinite(ub)) return null;
  return Z95 * Math.hypot(ua, ub);
}

export function changeBetween(
  a: number | null | undefined,
  ua: number | null | undefined,
  b: number | null | undefined,
  ub: number | null | undefined,
): Change {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) return { difference: null, mdc: null, verdict: 'unknown' };
  const difference = b - a;
  const mdc = minimalDetectableChange(ua, ub);
  if (mdc === null) return { difference, mdc, verdict: 'unknown' };
  if (Math.abs(difference) <= mdc) return { difference, mdc, verdict: 'within-noise' };
  return { difference, mdc, verdict: difference > 0 ? 'increase' : 'decrease' };
}

/** The verdict in words for a table cell or a sentence. */
export function changeWords(change: Change, unit: string, decimals: number): string {
  if (change.verdict === 'unknown' || change.mdc === null || change.difference === null) return 'no uncertainty to judge by';
  const mdc = `${change.mdc.toFixed(decimals)}${unit ? ` ${unit}` : ''}`;
  if (change.verdict === 'within-noise') return `within measurement noise (a real change would exceed ± ${mdc})`;
  return `real ${change.verdict} (beyond the ± ${mdc} that noise explains)`;
}
