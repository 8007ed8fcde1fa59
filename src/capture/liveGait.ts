/**
 * A causal, approximate running estimate of cadence and each leg's phase (stance or swing) from
 * live keypoints, for the camera view while filming. The full analysis of the recording (src/core)
 * is what counts; this only tells the person filming that walking is being picked up.
 *
 * Pure (no DOM, no tfjs). Feed frames in time order with push(); each call uses only the past.
 *
 * Cadence: in a side view the fore-aft separation of the ankles (left x - right x) swings from
 * one sign to the other once per step, as one foot passes the other (the same signal as the
 * "feet distance" event methods, e.g. Zeni et al. 2008 use ankle positions relative to the
 * pelvis). Sign changes are confirmed with a hysteresis band of 0.1 leg lengths, so keypoint
 * jitter cannot count steps, and a new sign must hold for two frames, so a leg-label swap cannot
 * either; cadence = 60 / mean interval between the last few steps (see cadence()).
 *
 * Phase: relative to the pelvis, a stance foot moves backwards at walking speed (it stays on the
 * ground while the body passes over it; on a treadmill the belt carries it) and a swing foot
 * moves forwards. So a leg is called 'swing' while its ankle moves forwards relative to the
 * pelvis, 'stance' otherwise; this is the same in overground, treadmill and backward walking once
 * the direction of travel is known. Velocities are backward differences over ~0.1 s, so the phase
 * lags the truth by a few hundredths of a second and is unsure around heel strike and toe-off
 * (on the synthetic walker: 80-97 % of frames right, depending on noise and frame rate).
 */
import { KP, type Keypoint, type PoseFrame } from '../core/format/poseTrack';

export type LegPhase = 'stance' | 'swing';
export type LiveSide = 'left' | 'right';

export interface LiveGaitState {
  /** Time of the latest frame, seconds. */
  t: number;
  /** Steps per minute; null until a few steps have been seen, or after walking stopped. */
  cadence: number | null;
  /** Steps counted since the estimator started (or was reset). */
  steps: number;
  /** Current phase of each leg; null when the leg is not seen or no walking is detected. */
  phase: Record<LiveSide, LegPhase | null>;
  /** Direction of travel in the image: +1 = towards the right edge; null when unknown. */
  travel: 1 | -1 | null;
}

export interface LiveGaitOptions {
  /** Seconds of history kept (default 8). */
  windowS?: number;
  /** MoveNet score under which a keypoint is ignored (default 0.3). */
  minScore?: number;
}

interface Sample {
  t: number;
  pelvisX: number;
  /** Ankle x relative to the pelvis, left and right (NaN when not seen). */
  ankleRel: [number, number];
  /** Thigh + shank of the better-seen leg, pixels (NaN when not seen). */
  legLength: number;
}

/** Sign changes confirmed beyond this many leg lengths either side of zero. */
const HYSTERESIS_LEG_LENGTHS = 0.1;
/** Cadence from the median of this many most recent step intervals (at least MIN_INTERVALS). */
const MAX_INTERVALS = 8;
const MIN_INTERVALS = 3;
/** Steps closer than this are not real (over 240 steps/min): keypoint swaps, not feet. */
const MIN_STEP_S = 0.25;
/**
 * A new sign of the separation counts once this many frames in a row show it: MoveNet swaps the
 * left and right leg labels for a frame or two at a time (mostly at mid-swing), which would
 * otherwise count two extra steps.
 */
const CONFIRM_FRAMES = 2;
/**
 * A walk is continuous while frames come at most this far apart and the pelvis jumps less than
 * BREAK_JUMP_LEG_LENGTHS between them; intervals are only measured between steps of one
 * continuous stretch (not across someone leaving and re-entering the picture).
 */
const BREAK_GAP_S = 0.6;
const BREAK_JUMP_LEG_LENGTHS = 1;
/** Cadence is dropped when no step came for this many median step times (walking stopped). */
const STALE_STEPS = 2.5;
/** Backward-difference span for velocities, seconds. */
const VELOCITY_SPAN_S = 0.1;
/** Overground when the pelvis moves faster than this (leg lengths per second) over the last second. */
const MIN_OVERGROUND_SPEED = 0.25;
/** Forget everything after this long without the legs in view. */
const LOST_AFTER_S = 1.5;

export class LiveGaitEstimator {
  private readonly windowS: number;
  private readonly minScore: number;
  private samples: Sample[] = [];
  /** Step intervals within continuous stretches of walking, most recent last. */
  private intervals: number[] = [];
  /** The last step's time; NaN after a break in the walk. */
  private lastStepT = NaN;
  /** The last step's time, across breaks (to tell when walking stopped). */
  private latestStepT = NaN;
  private steps = 0;
  /** Sign of the ankle separation last confirmed beyond the hysteresis band (0: none yet). */
  private confirmedSign = 0;
  /** A sign seen beyond the band but not yet for CONFIRM_FRAMES frames, with its zero crossing. */
  private pending = { sign: 0, frames: 0, zeroT: NaN };
  /** Where the separation last crossed zero (a candidate step time). */
  private lastZeroT = NaN;
  private lastSeparation = NaN;
  private lastSeenT = -Infinity;

  constructor(options: LiveGaitOptions = {}) {
    this.windowS = options.windowS ?? 8;
    this.minScore = options.minScore ?? 0.3;
  }

  reset(): void {
    this.samples = [];
    this.intervals = [];
    this.lastStepT = NaN;
    this.latestStepT = NaN;
    this.steps = 0;
    this.breakWalk();
    this.lastSeenT = -Infinity;
  }

  /** Someone left and came back, or the picture jumped: keep the intervals, start a new stretch. */
  private breakWalk(): void {
    this.samples = [];
    this.lastStepT = NaN;
    this.confirmedSign = 0;
    this.pending = { sign: 0, frames: 0, zeroT: NaN };
    this.lastZeroT = NaN;
    this.lastSeparation = NaN;
  }

  push(frame: PoseFrame): LiveGaitState {
    const sample = this.sampleOf(frame);
    const previous = this.samples[this.samples.length - 1];
    if (previous && frame.t <= previous.t) return this.state(frame.t); // out of order: ignore
    if (!sample) {
      // A frame or two without legs (a missed detection) keeps the cadence; a longer gap forgets all.
      if (frame.t - this.lastSeenT > LOST_AFTER_S) this.reset();
      const kept = this.samples.length ? this.state(frame.t) : null;
      return { t: frame.t, cadence: kept?.cadence ?? null, steps: this.steps, phase: { left: null, right: null }, travel: kept?.travel ?? null };
    }
    this.lastSeenT = frame.t;
    if (previous) {
      const jump = Math.abs(sample.pelvisX - previous.pelvisX);
      if (sample.t - previous.t > BREAK_GAP_S || jump > BREAK_JUMP_LEG_LENGTHS * this.legLength()) this.breakWalk();
    }
    this.samples.push(sample);
    while (this.samples.length && this.samples[0].t < frame.t - this.windowS) this.samples.shift();
    this.countStep(sample);
    return this.state(frame.t);
  }

  private sampleOf(frame: PoseFrame): Sample | null {
    const x = (index: number): number => {
      const k: Keypoint | undefined = frame.keypoints[index];
      return k && k[0] !== null && k[1] !== null && k[2] >= this.minScore ? k[0] : NaN;
    };
    const hips = [x(KP.leftHip), x(KP.rightHip)].filter(Number.isFinite);
    if (!hips.length) return null;
    const pelvisX = hips.reduce((a, b) => a + b, 0) / hips.length;
    const ankleRel: [number, number] = [x(KP.leftAnkle) - pelvisX, x(KP.rightAnkle) - pelvisX];
    if (!Number.isFinite(ankleRel[0]) && !Number.isFinite(ankleRel[1])) return null;
    return { t: frame.t, pelvisX, ankleRel, legLength: this.legLengthOf(frame.keypoints) };
  }

  private legLengthOf(keypoints: readonly Keypoint[]): number {
    let best = NaN;
    for (const [h, k, a] of [
      [KP.leftHip, KP.leftKnee, KP.leftAnkle],
      [KP.rightHip, KP.rightKnee, KP.rightAnkle],
    ]) {
      const p = [keypoints[h], keypoints[k], keypoints[a]];
      if (p.some((q) => !q || q[0] === null || q[1] === null || q[2] < this.minScore)) continue;
      const [hx, hy] = p[0] as [number, number, number];
      const [kx, ky] = p[1] as [number, number, number];
      const [ax, ay] = p[2] as [number, number, number];
      const length = Math.hypot(kx - hx, ky - hy) + Math.hypot(ax - kx, ay - ky);
      if (!(length <= best)) best = length;
    }
    return best;
  }

  /** Leg length in pixels: median over the window (steady, unlike one frame's). */
  private legLength(): number {
    return median(this.samples.map((s) => s.legLength));
  }

  private countStep(sample: Sample): void {
    const separation = sample.ankleRel[0] - sample.ankleRel[1];
    if (!Number.isFinite(separation)) return;
    const previous = this.samples.length >= 2 ? this.samples[this.samples.length - 2] : undefined;
    if (previous && Number.isFinite(this.lastSeparation) && Math.sign(separation) !== Math.sign(this.lastSeparation)) {
      // Linear interpolation of the zero crossing between the two frames.
      const f = this.lastSeparation / (this.lastSeparation - separation);
      this.lastZeroT = previous.t + f * (sample.t - previous.t);
    }
    this.lastSeparation = separation;
    const band = HYSTERESIS_LEG_LENGTHS * this.legLength();
    if (!(band > 0) || Math.abs(separation) < band) return;
    const sign = Math.sign(separation);
    if (sign === this.confirmedSign) {
      this.pending = { sign: 0, frames: 0, zeroT: NaN };
      return;
    }
    if (this.confirmedSign === 0) {
      this.confirmedSign = sign; // the first side seen: no step yet
      return;
    }
    if (this.pending.sign !== sign) this.pending = { sign, frames: 0, zeroT: this.lastZeroT };
    if (++this.pending.frames < CONFIRM_FRAMES) return;
    const stepT = this.pending.zeroT;
    this.confirmedSign = sign;
    this.pending = { sign: 0, frames: 0, zeroT: NaN };
    if (!Number.isFinite(stepT) || stepT - this.lastStepT < MIN_STEP_S) return;
    if (Number.isFinite(this.lastStepT)) {
      this.intervals.push(stepT - this.lastStepT);
      if (this.intervals.length > MAX_INTERVALS) this.intervals.shift();
    }
    this.lastStepT = stepT;
    this.latestStepT = stepT;
    this.steps++;
  }

  private cadence(now: number): number | null {
    if (this.intervals.length < MIN_INTERVALS) return null;
    // Mean of the recent intervals near their median: steps missed (an interval of two steps) or
    // counted twice (a leg-label swap that held for a few frames) are left out, and the mean
    // smooths the timing jitter of the remaining ones better than the median alone would.
    const typical = median(this.intervals);
    const inliers = this.intervals.filter((interval) => interval > 0.7 * typical && interval < 1.4 * typical);
    const stepTime = inliers.reduce((a, b) => a + b, 0) / inliers.length;
    if (now - this.latestStepT > STALE_STEPS * stepTime) return null;
    return 60 / stepTime;
  }

  private travel(legLength: number): 1 | -1 | null {
    const last = this.samples[this.samples.length - 1];
    const earlier = this.sampleAtOrBefore(last.t - 1);
    if (earlier && last.t > earlier.t) {
      const speed = (last.pelvisX - earlier.pelvisX) / (last.t - earlier.t);
      if (Math.abs(speed) > MIN_OVERGROUND_SPEED * legLength) return speed > 0 ? 1 : -1;
    }
    // Treadmill (pelvis still): the feet move backwards for ~60 % of the time and forwards for
    // ~40 %, so the median pelvis-relative ankle velocity points against the travel.
    const velocities = this.relativeVelocities();
    if (velocities.length < 5) return null;
    const m = median(velocities);
    return m === 0 || !Number.isFinite(m) ? null : m < 0 ? 1 : -1;
  }

  /** Every pelvis-relative ankle velocity over the window (px/s), both legs. */
  private relativeVelocities(): number[] {
    const out: number[] = [];
    for (let i = 1; i < this.samples.length; i++) {
      const a = this.samples[i - 1];
      const b = this.samples[i];
      for (const side of [0, 1] as const) {
        const v = (b.ankleRel[side] - a.ankleRel[side]) / (b.t - a.t);
        if (Number.isFinite(v)) out.push(v);
      }
    }
    return out;
  }

  private sampleAtOrBefore(t: number): Sample | undefined {
    for (let i = this.samples.length - 1; i >= 0; i--) if (this.samples[i].t <= t) return this.samples[i];
    return undefined;
  }

  private state(now: number): LiveGaitState {
    const cadence = this.cadence(now);
    const legLength = this.legLength();
    const travel = cadence !== null && this.samples.length ? this.travel(legLength) : null;
    const phase: Record<LiveSide, LegPhase | null> = { left: null, right: null };
    if (travel !== null) {
      const last = this.samples[this.samples.length - 1];
      const earlier = this.sampleAtOrBefore(last.t - VELOCITY_SPAN_S + 1e-6) ?? this.samples[this.samples.length - 2];
      (['left', 'right'] as const).forEach((side, index) => {
        if (!earlier) return;
        const forwards = (last.ankleRel[index] - earlier.ankleRel[index]) * travel;
        if (Number.isFinite(forwards)) phase[side] = forwards > 0 ? 'swing' : 'stance';
      });
    }
    return { t: now, cadence, steps: this.steps, phase, travel };
  }
}

function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return NaN;
  const m = finite.length >> 1;
  return finite.length % 2 ? finite[m] : (finite[m - 1] + finite[m]) / 2;
}
