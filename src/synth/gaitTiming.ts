/**
 * Timing of the two legs within a stride. Stride time is measured in strides (u = t / strideTime
 * + start offset); each leg has its own cycle phase p (0 = its initial contact).
 *
 * Symmetric gait: the right leg runs half a stride behind the left. With a step-time asymmetry the
 * right heel strike moves to `rightOffset` of the stride and each leg's phase is smoothly warped
 * so that the opposite leg's heel strike still falls at 50 % of the leg's own curves (the
 * double-support geometry stays consistent): p(x) = x + A (1 - cos 2 pi x), x = stride fraction
 * since that leg's heel strike, A chosen so that p = 0.5 where the opposite heel strike falls.
 */
import type { Side } from '../core/format/report';

export interface StepTiming {
  /** Right heel strike as a fraction of the stride after the left heel strike (0.5 if symmetric). */
  rightOffset: number;
  /** Warp amplitude per leg (0 if symmetric). */
  warp: Record<Side, number>;
}

export function stepTiming(asymmetry: number, longerSide: Side | 'both'): StepTiming {
  if (asymmetry <= 0 || longerSide === 'both') return { rightOffset: 0.5, warp: { left: 0, right: 0 } };
  // Longer step = (1 + a) x shorter step; the two steps make one stride.
  const longer = (1 + asymmetry) / (2 + asymmetry);
  const shorter = 1 / (2 + asymmetry);
  // The right step runs from left heel strike to right heel strike.
  const rightOffset = longerSide === 'right' ? longer : shorter;
  const leftWarp = (0.5 - rightOffset) / (1 - Math.cos(2 * Math.PI * rightOffset));
  return { rightOffset, warp: { left: leftWarp, right: -leftWarp } };
}

/** Stride fraction at which this leg's heel strikes (left 0). */
export function legOffset(timing: StepTiming, side: Side): number {
  return side === 'left' ? 0 : timing.rightOffset;
}

/** The leg's cycle phase (unwrapped: integer part counts cycles) at stride time u. */
export function cyclePhase(timing: StepTiming, side: Side, u: number): number {
  const x = u - legOffset(timing, side);
  const whole = Math.floor(x);
  const frac = x - whole;
  return whole + frac + timing.warp[side] * (1 - Math.cos(2 * Math.PI * frac));
}

/** Inverse of `cyclePhase`: the stride time at which the leg reaches (unwrapped) phase p. */
export function strideTimeAtPhase(timing: StepTiming, side: Side, p: number): number {
  const whole = Math.floor(p);
  const target = p - whole;
  const a = timing.warp[side];
  let x = target;
  if (a !== 0) {
    // Monotone warp (|2 pi A| < 1): Newton from the identity guess, bisection as a guard.
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const f = x + a * (1 - Math.cos(2 * Math.PI * x)) - target;
      if (Math.abs(f) < 1e-13) break;
      if (f > 0) hi = x;
      else lo = x;
      const df = 1 + 2 * Math.PI * a * Math.sin(2 * Math.PI * x);
      let next = x - f / df;
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      x = next;
    }
  }
  return whole + x + legOffset(timing, side);
}
