/**
 * A check that the event detector's left and right are really two legs: each leg's strides must
 * last about two steps. The step time is read from a signal that does not depend on which leg is
 * called left: the horizontal spread between the ankles, |x_left - x_right|, which opens and closes
 * once per step (widest in each double support), so its autocorrelation peaks at the step time
 * whatever the labels. (Any label-free signal repeats per step, not per stride: the legs are
 * alike.) When a pose model keeps exchanging the legs' labels for a few frames at every step (seen
 * with BlazePose lite on the rendered forefoot walk: 4-5 frames after each right heel strike, knees
 * and feet together, which the leg-swap repair cannot undo because the swaps line up with the
 * crossings), each "leg" gets an event at every step: its strides then last one step, and every
 * angle and flag built on those cycles mixes the two legs (that walk: a 41 deg left-right
 * difference in peak swing knee flexion and a "stiff knee" on a healthy walker).
 *
 * Deviation from the usual cadence checks (a fixed plausible range, e.g. 60-140 steps/min): those
 * cannot see the confusion, since the doubled events still look like a brisk walk.
 *
 * Rule: confused when at least CONFUSED_SHARE of a leg's heel-strike intervals in a pass (3 or more)
 * are shorter than CONFUSED_BELOW step times, halfway between a step and a stride, or when two or
 * more of them are short without an extra event to explain them (unexplainedShortIntervals). One
 * extra event splits one stride into two short intervals and is left to the cycle checks (cycles.ts).
 *
 * Measured (median stride / step time): the synthetic walker clean and with MoveNet-like noise,
 * forward, backward, treadmill, 80-130 steps/min: 1.97-2.01; the 14 motion-capture walks (crouch
 * gait and a child included): 1.87-2.02; MoveNet Lightning / Thunder and BlazePose on the 9
 * rendered fixture walks: intervals of 2.0 steps with at most an extra event or two, except
 * BlazePose lite on the forefoot walk (every left interval 0.8-1.2 steps, right 0.4-1.6) and on the
 * healthy left-to-right walk (left 0.6-1.4): those two, and no other, are found confused.
 * On the renders made after the walker with feet stopped sliding its feet (footContact.ts) BlazePose
 * lite swaps at some steps only: forefoot walk left 0.9, 3.0, 1.0 steps; flat-foot walk right 1.05,
 * 1.93, 1.03, 1.98 (an asymmetry flag on a healthy walker before the unexplained-interval rule);
 * with the shoe drawn shoe-shaped (render/sideWalker.ts) on the forefoot and backward walks. Those
 * are found confused, and no BlazePose full, MoveNet or motion-capture track is.
 */
import type { TrackColumns } from '../clean/columns';
import { SIDE_POINTS } from '../format/bodyPoints';
import { SIDES, type Side } from '../format/report';
import { median } from '../util/stats';
import type { PassSpan } from '../view/view';
import type { SideEvents } from './detector';
import { parabolicOffset } from './extrema';

/** A heel-strike interval shorter than this many step times is a step, not a stride. */
export const CONFUSED_BELOW = 1.5;
/** At least this share of a leg's intervals that short (and at least MIN_INTERVALS of them). */
export const CONFUSED_SHARE = 0.75;
const MIN_INTERVALS = 3;
/** Short intervals (in steps) a leg may have that no extra event explains, before it counts as confused. */
const MAX_UNEXPLAINED_SHORT = 2;
/** Step times looked for, seconds (cadence 40-240 steps/min). */
const STEP_S = { min: 0.25, max: 1.5 } as const;

export interface LegLabelCheck {
  /** Step time from the ankle spread, seconds; null where the pass is too short or has no clear rhythm. */
  stepS: number | null;
  /** Each leg's median stride (heel strike to heel strike), seconds; null with fewer than 3 heel strikes. */
  strideS: Record<Side, number | null>;
  /** Each leg's heel-strike intervals in step times. */
  intervalsInSteps: Record<Side, number[]>;
  /** A leg whose strides last less than CONFUSED_BELOW steps. */
  confused: boolean;
}

/** The step time of one pass from the autocorrelation of the ankle spread; null without a clear peak. */
export function stepTimeFromAnkleSpread(c: TrackColumns, pass: PassSpan): number | null {
  const xl = c.x[SIDE_POINTS.left.ankle];
  const xr = c.x[SIDE_POINTS.right.ankle];
  const spread: number[] = [];
  for (let i = pass.i0; i <= pass.i1; i++) spread.push(Math.abs(xl[i] - xr[i]));
  const n = spread.length;
  const duration = c.t[pass.i1] - c.t[pass.i0];
  if (n < 8 || !(duration > 0)) return null;
  const dt = duration / (n - 1);
  const seen = spread.filter(Number.isFinite);
  if (seen.length < n / 2) return null;
  const mean = seen.reduce((s, v) => s + v, 0) / seen.length;
  const centred = spread.map((v) => v - mean);
  const lagOf = (s: number) => Math.round(s / dt);
  const r = (lag: number): number => {
    let num = 0;
    let a = 0;
    let b = 0;
    for (let i = 0; i + lag < n; i++) {
      const u = centred[i];
      const v = centred[i + lag];
      if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
      num += u * v;
      a += u * u;
      b += v * v;
    }
    return a > 0 && b > 0 ? num / Math.sqrt(a * b) : NaN;
  };
  const maxLag = Math.min(lagOf(STEP_S.max), Math.floor(n / 2));
  const values: number[] = [];
  for (let lag = 0; lag <= maxLag + 1; lag++) values.push(r(lag));
  // The first clear local maximum past the minimum step time.
  let best = -1;
  for (let lag = Math.max(1, lagOf(STEP_S.min)); lag <= maxLag; lag++) {
    if (values[lag] > 0.3 && values[lag] >= values[lag - 1] && values[lag] >= values[lag + 1]) {
      best = lag;
      break;
    }
  }
  if (best < 0) return null;
  // Sub-frame peak by a parabola through the three values.
  return (best + parabolicOffset(values[best - 1], values[best], values[best + 1])) * dt;
}

/** Per pass: the step time, each leg's stride, and whether a leg's strides are as short as steps. */
export function checkLegLabels(c: TrackColumns, passes: readonly PassSpan[], eventsPerPass: Record<Side, readonly SideEvents[]>): LegLabelCheck[] {
  return passes.map((pass, p) => {
    const stepS = stepTimeFromAnkleSpread(c, pass);
    const strideS = {} as Record<Side, number | null>;
    const intervalsInSteps = {} as Record<Side, number[]>;
    for (const side of SIDES) {
      const hs = [...(eventsPerPass[side][p]?.heelStrikes ?? [])].sort((a, b) => a - b);
      const intervals = hs.slice(1).map((t, i) => t - hs[i]);
      strideS[side] = intervals.length >= 2 ? median(intervals) : null;
      intervalsInSteps[side] = stepS ? intervals.map((x) => x / stepS) : [];
    }
    // Confused: nearly all of a leg's intervals are single steps (a leg whose labels swap at every
    // step has no stride left), or two or more short intervals that extra events cannot explain
    // (labels swapped at some steps only).
    const confused = SIDES.some((side) => {
      const x = intervalsInSteps[side];
      if (x.length >= MIN_INTERVALS && x.filter((v) => v < CONFUSED_BELOW).length >= CONFUSED_SHARE * x.length) return true;
      return unexplainedShortIntervals(x) >= MAX_UNEXPLAINED_SHORT;
    });
    return { stepS, strideS, intervalsInSteps, confused };
  });
}

/**
 * Short intervals (under CONFUSED_BELOW steps) that an extra event does not explain. An extra event
 * splits one stride into two short intervals side by side that add up to about a stride (1.5-2.5
 * steps); a short interval without such a neighbour means a heel strike of the other leg took this
 * leg's label (BlazePose lite on the rendered flat-foot walk: right intervals 1.05, 1.93, 1.03, 1.98
 * steps, two of its left heel strikes read as right, and the mixed cycles raised an asymmetry flag on
 * a healthy walker).
 */
export function unexplainedShortIntervals(intervalsInSteps: readonly number[]): number {
  const x = intervalsInSteps;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] >= CONFUSED_BELOW) continue;
    const pair = i + 1 < x.length ? x[i] + x[i + 1] : NaN;
    if (x[i + 1] < CONFUSED_BELOW && pair >= CONFUSED_BELOW && pair <= CONFUSED_BELOW + 1) {
      i++; // one extra event: both halves explained
      continue;
    }
    count++;
  }
  return count;
}
