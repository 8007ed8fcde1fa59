import { SIDES, type Side, type Stat, type Summary } from '../format/report';
import type { CycleTiming } from '../cycles/cycles';
import { mean, round, roundOrNull, sd } from '../util/stats';

export function stat(values: number[]): Stat | null {
  if (values.length === 0) return null;
  const m = mean(values);
  const s = sd(values);
  return { mean: round(m, 3), sd: round(s, 3), cv: round((100 * s) / m, 1), n: values.length };
}

/** Robinson et al. (1987) symmetry index, %: 0 = symmetric. */
export function symmetryIndex(left: number | null | undefined, right: number | null | undefined): number | null {
  if (left == null || right == null || !Number.isFinite(left) || !Number.isFinite(right)) return null;
  const avg = (Math.abs(left) + Math.abs(right)) / 2;
  return avg === 0 ? 0 : round((100 * Math.abs(left - right)) / avg, 1);
}

/** Step time of `side`: from the other foot's heel strike to this foot's next one, same pass. */
export function stepTimes(side: Side, heelStrikes: Record<Side, number[][]>): number[] {
  const other: Side = side === 'left' ? 'right' : 'left';
  const out: number[] = [];
  heelStrikes[side].forEach((own, pass) => {
    const opp = heelStrikes[other][pass] ?? [];
    for (const hs of own) {
      let prev = -Infinity;
      for (const o of opp) if (o < hs && o > prev) prev = o;
      const d = hs - prev;
      // A step is about half a stride; longer gaps mean a missed event, not a step.
      if (d > 0.2 && d < 1.5) out.push(d);
    }
  });
  return out;
}

export interface SpatiotemporalInputs {
  cycles: Record<Side, CycleTiming[]>;
  heelStrikesPerPass: Record<Side, number[][]>;
  /** Pelvis travel over each cycle in metres, when a scale is known. */
  strideLengthsM: number[] | null;
  strideLengthMethod: 'treadmill-speed' | 'body-height' | null;
  backwardPercent: number;
}

export function spatiotemporalSummary(inputs: SpatiotemporalInputs): Omit<Summary, 'keyValues' | 'symmetry'> & {
  symmetry: Pick<Summary['symmetry'], 'stepTime' | 'stanceTime'>;
} {
  const all = [...inputs.cycles.left, ...inputs.cycles.right];
  const strides = all.map((c) => c.end - c.start);
  const strideTime = stat(strides);
  const stepTime = {
    left: stat(stepTimes('left', inputs.heelStrikesPerPass)),
    right: stat(stepTimes('right', inputs.heelStrikesPerPass)),
  };
  const stancePercent = {} as Record<Side, number | null>;
  const swingPercent = {} as Record<Side, number | null>;
  const stanceTime = {} as Record<Side, number>;
  for (const side of SIDES) {
    const cs = inputs.cycles[side];
    const p = mean(cs.map((c) => (100 * (c.toeOff - c.start)) / (c.end - c.start)));
    stancePercent[side] = roundOrNull(p, 1);
    swingPercent[side] = roundOrNull(100 - p, 1);
    stanceTime[side] = mean(cs.map((c) => c.toeOff - c.start));
  }
  // Double support: loading (heel strike -> other foot's toe off) + pre-swing (other heel strike -> toe off).
  const doubleSupport = mean(
    all
      .filter((c) => Number.isFinite(c.oppositeToeOff))
      .map((c) => (100 * (c.oppositeToeOff - c.start + (c.toeOff - c.oppositeHeelStrike))) / (c.end - c.start)),
  );
  const meanStride = mean(strides);
  const strideLengthM = inputs.strideLengthsM && inputs.strideLengthsM.length ? mean(inputs.strideLengthsM) : NaN;
  const cvs = SIDES.map((s) => inputs.cycles[s].map((c) => c.end - c.start))
    .filter((list) => list.length >= 2)
    .map((list) => (100 * sd(list)) / mean(list));
  return {
    cadence: roundOrNull(120 / meanStride, 1),
    strideTime,
    stepTime,
    stancePercent,
    swingPercent,
    doubleSupportPercent: roundOrNull(doubleSupport, 1),
    symmetry: {
      stepTime: symmetryIndex(stepTime.left?.mean, stepTime.right?.mean),
      stanceTime: symmetryIndex(stanceTime.left, stanceTime.right),
    },
    strideTimeCv: roundOrNull(mean(cvs), 1),
    strideLength:
      Number.isFinite(strideLengthM) && inputs.strideLengthMethod
        ? { meters: round(strideLengthM, 3), method: inputs.strideLengthMethod }
        : null,
    speedMps: Number.isFinite(strideLengthM) ? round(strideLengthM / meanStride, 3) : null,
    backwardPercent: round(inputs.backwardPercent, 1),
  };
}
