/**
 * Mapping between the video clock and the report: frame at a time, the gait cycle a time falls in,
 * and the time at a given percentage of a cycle (chart clicks seek the video through this).
 */
import type { GaitCycle, GaitReport, PhaseName, Side } from '../../core/format/report';

/** Index of the last frame whose time is <= t (0 before the first frame). */
export function frameIndexAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || t <= times[0]) return 0;
  if (t >= times[hi]) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid;
  }
  // The nearer of the two neighbours: a video frame shown at t is the one presented closest to it.
  return t - times[lo] <= times[hi] - t ? lo : hi;
}

export function cycleAt(report: GaitReport, side: Side, t: number): GaitCycle | null {
  return report.sides[side].cycles.find((c) => t >= c.start && t < c.end) ?? null;
}

/** Where t falls in its cycle, 0-100 %, or null outside every cycle of that side. */
export function percentInCycle(report: GaitReport, side: Side, t: number): number | null {
  const c = cycleAt(report, side, t);
  return c ? (100 * (t - c.start)) / (c.end - c.start) : null;
}

/**
 * Time at `percent` of the cycle of `side` that contains `currentTime`, or of the nearest cycle
 * when the current time is outside all of them (so a click on a chart always lands somewhere).
 */
export function timeAtPercent(report: GaitReport, side: Side, percent: number, currentTime: number): number | null {
  const cycles = report.sides[side].cycles;
  if (cycles.length === 0) return null;
  const distance = (c: GaitCycle) => (currentTime < c.start ? c.start - currentTime : currentTime >= c.end ? currentTime - c.end : 0);
  const cycle = cycles.reduce((best, c) => (distance(c) < distance(best) ? c : best), cycles[0]);
  const p = Math.min(100, Math.max(0, percent));
  return cycle.start + (p / 100) * (cycle.end - cycle.start);
}

/** Start of `phase` in the cycle of `side` nearest to the current time. */
export function phaseStartNear(report: GaitReport, side: Side, phase: PhaseName, currentTime: number): number | null {
  const start = timeAtPercent(report, side, 0, currentTime);
  if (start === null) return null;
  const cycle = report.sides[side].cycles.find((c) => c.start === start);
  return cycle ? cycle.phases[phase][0] : null;
}

/** Every heel strike and toe off of both legs, in time order (seconds). */
export function eventTimes(report: GaitReport): number[] {
  return (['left', 'right'] as const).flatMap((s) => [...report.sides[s].heelStrikes, ...report.sides[s].toeOffs]).sort((a, b) => a - b);
}

/** The first event after t (dir 1) or the last before it (dir -1), ignoring events within 1 ms of t. */
export function adjacentEvent(events: readonly number[], t: number, dir: 1 | -1): number | undefined {
  const eps = 1e-3;
  return dir === 1 ? events.find((e) => e > t + eps) : [...events].reverse().find((e) => e < t - eps);
}

export interface SeekDetail {
  time: number;
}

/** Fired (bubbling, composed) by any part of the results that wants the video at another time. */
export function seekEvent(time: number): CustomEvent<SeekDetail> {
  return new CustomEvent<SeekDetail>('gait-seek', { detail: { time }, bubbles: true, composed: true });
}
