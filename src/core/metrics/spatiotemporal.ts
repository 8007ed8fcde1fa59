import { SIDES, type Side, type Stat, type Summary, type SummaryUncertainty } from '../format/report';
import { meanUncertainty, type PoseModelError } from './uncertainty';
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

export function spatiotemporalSummary(inputs: SpatiotemporalInputs): Omit<Summary, 'keyValues' | 'symmetry' | 'keyValueUncertainty' | 'uncertainty'> & {
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

/** Healthy cycle-to-cycle SDs for a single cycle's stand-in (stride CV ~2-3 %, Hausdorff 2005). */
const TYPICAL_SD = { strideS: 0.03, stepS: 0.02, percent: 1.5 } as const;

const symmetryU = (a: number, b: number, ua: number, ub: number) =>
  Number.isFinite(a) && Number.isFinite(b) && a + b > 0 ? round((200 * Math.hypot(ua, ub)) / (a + b), 1) : null;

/**
 * Standard uncertainties of the spatiotemporal numbers. A common timing bias cancels in stride
 * times (both ends are heel strikes); stance, swing and double support mix heel strikes and toe offs,
 * whose biases differ, so the detector's event error enters there; step times join the two feet,
 * whose events the camera sees differently (near and far leg).
 */
export function spatiotemporalUncertainty(
  cycles: Record<Side, CycleTiming[]>,
  heelStrikesPerPass: Record<Side, number[][]>,
  model: PoseModelError,
): Omit<SummaryUncertainty, 'symmetry' | 'poseModel'> & { symmetry: Pick<SummaryUncertainty['symmetry'], 'stepTime' | 'stanceTime'> } {
  const all = [...cycles.left, ...cycles.right];
  const strides = all.map((c) => c.end - c.start);
  const meanStride = mean(strides);
  const uStride = meanUncertainty(strides, 0, TYPICAL_SD.strideS);
  const eventPercent = (100 * Math.SQRT2 * model.eventS) / meanStride;
  const stance = {} as Record<Side, number | null>;
  const step = {} as Record<Side, number | null>;
  const stanceTimeU = {} as Record<Side, number>;
  const stanceTimes = {} as Record<Side, number>;
  const stepMeans = {} as Record<Side, number>;
  for (const side of SIDES) {
    const cs = cycles[side];
    stance[side] = roundOrNull(meanUncertainty(cs.map((c) => (100 * (c.toeOff - c.start)) / (c.end - c.start)), eventPercent, TYPICAL_SD.percent), 1);
    const st = cs.map((c) => c.toeOff - c.start);
    stanceTimes[side] = mean(st);
    stanceTimeU[side] = meanUncertainty(st, model.eventS / 2, TYPICAL_SD.stepS);
    const steps = stepTimes(side, heelStrikesPerPass);
    stepMeans[side] = mean(steps);
    // A bias common to both feet cancels in a step time (both ends are heel strikes); what differs
    // between the near and the far foot is taken as half the detector's event error.
    step[side] = roundOrNull(meanUncertainty(steps, model.eventS / 2, TYPICAL_SD.stepS), 3);
  }
  const doubleSupport = all.filter((c) => Number.isFinite(c.oppositeToeOff)).map((c) => (100 * (c.oppositeToeOff - c.start + (c.toeOff - c.oppositeHeelStrike))) / (c.end - c.start));
  return {
    cadence: roundOrNull((120 * uStride) / (meanStride * meanStride), 1),
    strideTime: roundOrNull(uStride, 3),
    stepTime: step,
    stancePercent: stance,
    swingPercent: { ...stance },
    doubleSupportPercent: roundOrNull(meanUncertainty(doubleSupport, 2 * eventPercent, TYPICAL_SD.percent), 1),
    symmetry: {
      stepTime: symmetryU(stepMeans.left, stepMeans.right, step.left ?? NaN, step.right ?? NaN),
      stanceTime: symmetryU(stanceTimes.left, stanceTimes.right, stanceTimeU.left, stanceTimeU.right),
    },
  };
}
