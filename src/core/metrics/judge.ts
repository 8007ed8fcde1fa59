/**
 * Judging a measured value against a healthy limit with its uncertainty: out of range (or a flag)
 * only when the value clears the limit by more than its uncertainty; beyond the limit by less than
 * that it is "borderline" (the measurement cannot tell). An honest borderline beats a false alarm.
 */
import type { ReferenceRange } from '../reference';

export type Judgement = 'ok' | 'low' | 'high' | 'borderline-low' | 'borderline-high' | 'none';

export type LimitCall = 'beyond' | 'borderline' | null;

/**
 * @param direction 'above' when values above the limit are the problem, 'below' otherwise
 * @returns 'beyond' when the value clears the limit by more than `u`, 'borderline' when it is past
 *   the limit by `u` or less, null when it is on the healthy side
 */
export function callLimit(value: number, u: number, limit: number, direction: 'above' | 'below'): LimitCall {
  if (!Number.isFinite(value)) return null;
  const margin = direction === 'above' ? value - limit : limit - value;
  const tolerance = Number.isFinite(u) ? Math.max(0, u) : 0;
  if (margin > tolerance) return 'beyond';
  if (margin > 0) return 'borderline';
  return null;
}

export function judge(value: number | null | undefined, u: number | null | undefined, reference: ReferenceRange | null): Judgement {
  if (value === null || value === undefined || !Number.isFinite(value) || !reference) return 'none';
  const uu = u ?? NaN;
  if (reference.high !== null) {
    const c = callLimit(value, uu, reference.high, 'above');
    if (c === 'beyond') return 'high';
    if (c === 'borderline') return 'borderline-high';
  }
  if (reference.low !== null) {
    const c = callLimit(value, uu, reference.low, 'below');
    if (c === 'beyond') return 'low';
    if (c === 'borderline') return 'borderline-low';
  }
  return 'ok';
}
