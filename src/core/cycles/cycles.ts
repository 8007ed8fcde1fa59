import type { PhaseName, Side } from '../format/report';
import { lowerBound, median } from '../util/stats';
import type { SideEvents } from '../events/detector';

/** Event timing of one gait cycle (heel strike to the next heel strike of the same foot), seconds. */
export interface CycleTiming {
  side: Side;
  pass: number;
  start: number;
  end: number;
  oppositeToeOff: number;
  oppositeHeelStrike: number;
  toeOff: number;
  shankVertical: number;
}

/** Plausible stride times for walking, forwards or backwards, slow or brisk (cadence ~50-200). */
const MIN_STRIDE_S = 0.6;
const MAX_STRIDE_S = 2.5;
/**
 * A stride this far from the typical stride is a missed or spurious event, not a stride. Healthy
 * stride times vary by 2-3 % (CV; Hausdorff 2005) and the first or last stride of a pass by up to
 * ~15 % (the 12 healthy motion-capture walks, gait initiation and stopping included, stay within
 * 14 %); an invented event made a 0.66 s "stride" among 1.1 s ones (-40 %) on real video, which the
 * old 40 % limit let in.
 */
const STRIDE_TOLERANCE = 0.25;

function between(times: number[], a: number, b: number): number[] {
  return times.filter((x) => x > a && x < b);
}

/**
 * When the shank passes the vertical after toe off (start of terminal swing, Perry): the first sign
 * change of the shank angle after toe off, interpolated linearly. A shank that never reaches the
 * vertical in swing (crouch gait: the knee stays bent 70-100 deg and the foot trails the knee all
 * through swing) starts terminal swing where it comes closest, at its most forward inclination.
 * NaN where the shank is not seen.
 */
export function shankVerticalTime(t: Float64Array, shank: Float64Array, toeOff: number, end: number): number {
  let i = lowerBound(t, toeOff);
  while (i < t.length && t[i] < end && !Number.isFinite(shank[i])) i++;
  if (i >= t.length || t[i] >= end) return NaN;
  const startSign = Math.sign(shank[i]);
  let closest = i;
  for (let j = i + 1; j < t.length && t[j] <= end; j++) {
    const v = shank[j];
    const u = shank[j - 1];
    if (!Number.isFinite(v) || !Number.isFinite(u)) continue;
    if (Math.sign(v) !== startSign && v !== 0) {
      return t[j - 1] + ((t[j] - t[j - 1]) * u) / (u - v);
    }
    if (Math.abs(v) < Math.abs(shank[closest])) closest = j;
  }
  // No crossing: the turning point of the shank's swing, unless it is still turning at the end.
  return closest > i && t[closest] < end ? t[closest] : NaN;
}

export interface CycleBuildResult {
  cycles: CycleTiming[];
  /** Heel-strike pairs that did not make a usable cycle, with the reason. */
  rejected: { side: Side; start: number; end: number; reason: string }[];
}

/**
 * Cycles of one side within one pass: consecutive heel strikes with exactly one toe off of the same
 * foot and one heel strike of the other foot before it (the phases of Perry).
 */
export function buildCycles(
  side: Side,
  pass: number,
  own: SideEvents,
  opposite: SideEvents,
  t: Float64Array,
  shank: Float64Array,
  typicalStride: number,
): CycleBuildResult {
  const cycles: CycleTiming[] = [];
  const rejected: CycleBuildResult['rejected'] = [];
  const hs = own.heelStrikes;
  for (let k = 0; k + 1 < hs.length; k++) {
    const start = hs[k];
    const end = hs[k + 1];
    const reject = (reason: string) => rejected.push({ side, start, end, reason });
    const duration = end - start;
    if (duration < MIN_STRIDE_S || duration > MAX_STRIDE_S) {
      reject(`stride of ${duration.toFixed(2)} s is outside ${MIN_STRIDE_S}-${MAX_STRIDE_S} s`);
      continue;
    }
    if (Number.isFinite(typicalStride) && Math.abs(duration - typicalStride) > STRIDE_TOLERANCE * typicalStride) {
      reject(`stride of ${duration.toFixed(2)} s differs from the typical ${typicalStride.toFixed(2)} s (missed or extra event)`);
      continue;
    }
    const toeOffs = between(own.toeOffs, start, end);
    if (toeOffs.length !== 1) {
      reject(`${toeOffs.length} toe offs between the heel strikes`);
      continue;
    }
    const toeOff = toeOffs[0];
    const oppositeStrikes = between(opposite.heelStrikes, start, toeOff);
    if (oppositeStrikes.length !== 1) {
      reject(`${oppositeStrikes.length} heel strikes of the other foot during stance`);
      continue;
    }
    const oppositeHeelStrike = oppositeStrikes[0];
    const oppositeToeOffs = between(opposite.toeOffs, start, oppositeHeelStrike);
    const shankVertical = shankVerticalTime(t, shank, toeOff, end);
    if (!Number.isFinite(shankVertical)) {
      reject('the shank was not seen passing the vertical in swing');
      continue;
    }
    cycles.push({
      side,
      pass,
      start,
      end,
      oppositeToeOff: oppositeToeOffs.length === 1 ? oppositeToeOffs[0] : NaN,
      oppositeHeelStrike,
      toeOff,
      shankVertical,
    });
  }
  return { cycles, rejected };
}

/** Median time between consecutive heel strikes of the same foot, pooled over sides and passes. */
export function typicalStrideTime(heelStrikeLists: number[][]): number {
  const strides: number[] = [];
  for (const list of heelStrikeLists) {
    for (let k = 0; k + 1 < list.length; k++) {
      const d = list[k + 1] - list[k];
      if (d >= MIN_STRIDE_S && d <= MAX_STRIDE_S) strides.push(d);
    }
  }
  return median(strides);
}

export function phaseSpans(c: CycleTiming): Record<PhaseName, [number, number]> {
  return {
    stance: [c.start, c.oppositeHeelStrike],
    preSwing: [c.oppositeHeelStrike, c.toeOff],
    swing: [c.toeOff, c.shankVertical],
    terminalSwing: [c.shankVertical, c.end],
  };
}
