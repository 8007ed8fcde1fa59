/**
 * Foot-strike pattern knob: which part of the foot meets the floor first in forward walking.
 *
 * - 'heel' (the healthy curves unchanged): the foot lands toe-up, about 25 deg to the floor, and
 *   the heel rocker lowers it flat by ~7 % of the cycle (Perry & Burnfield 2010, ch. 4).
 * - 'flat' (mid-foot): the foot is held about flat to the floor from terminal swing into early
 *   stance, so heel and forefoot meet the floor together.
 * - 'forefoot': the foot lands toe-down (8 deg to the floor); the heel then comes down under load
 *   (the ankle dorsiflexes eccentrically), as in forefoot-striking gait (Lieberman et al. 2010
 *   report 5-10 deg toe-down foot angles at contact in forefoot-striking runners).
 *
 * Implemented as a smooth change of the ankle curve only: over the window from terminal swing
 * (~85 %) to early stance (~9 %) the ankle is moved so that the foot's angle to the floor
 * (shank angle + ankle) follows the pattern's target; hip and knee stay as they are. The foot then
 * meets the floor where the geometry says, which is why the walker's contact truth comes from the
 * foot itself (synthesizeWalk's foot truth), not from the curves' 0 %.
 */
import type { JointCurves } from './gaitCurves';
import { wrapPhase, type PeriodicCurve } from './periodicSpline';

export type StrikePattern = 'heel' | 'flat' | 'forefoot';
export const STRIKE_PATTERNS: readonly StrikePattern[] = ['heel', 'flat', 'forefoot'];

/** Foot angle to the floor at contact for a forefoot strike, degrees (+ toe up). */
export const FOREFOOT_STRIKE_FOOT_ANGLE_DEG = -8;

/** Phase (signed, -0.5..0.5 around contact) -> weight of the pattern's target: 1 from 95 % to 2 %. */
function strikeWindow(phase: number): number {
  let p = wrapPhase(phase);
  if (p > 0.5) p -= 1;
  const ramp = (x: number, a: number, b: number) => {
    const s = Math.min(1, Math.max(0, (x - a) / (b - a)));
    return 0.5 - 0.5 * Math.cos(Math.PI * s);
  };
  if (p < 0) return ramp(p, -0.15, -0.05);
  return 1 - ramp(p, 0.02, 0.09);
}

/** Foot angle to the floor the pattern aims for at this phase (degrees, + toe up). */
function targetFootAngle(pattern: Exclude<StrikePattern, 'heel'>): number {
  return pattern === 'flat' ? 0 : FOREFOOT_STRIKE_FOOT_ANGLE_DEG;
}

/** The curves with the strike pattern applied (forward-walking curves, 0 = contact). */
export function applyStrikePattern(curves: JointCurves, pattern: StrikePattern): JointCurves {
  if (pattern === 'heel') return curves;
  const target = targetFootAngle(pattern);
  const ankle: PeriodicCurve = (p) => {
    const base = curves.ankle(p);
    const w = strikeWindow(p);
    if (w === 0) return base;
    const footAngle = curves.hip(p) - curves.knee(p) + base;
    // Only ever lower the toes (a flat or forefoot strike never lands more toe-up than the heel strike).
    return base + w * Math.min(0, target - footAngle);
  };
  return { ...curves, ankle };
}
