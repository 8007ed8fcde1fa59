/**
 * MoveNet-like corruption of a clean track: Gaussian jitter, short left/right leg swaps where the
 * knees pass each other, and short drop-outs of leg keypoints. Seeded, so a noisy track is
 * reproducible.
 */
import { KP, type Keypoint, type PoseFrame } from '../core/format/poseTrack';
import type { Side } from '../core/format/report';
import { gaussianSource, mulberry32 } from './random';

export interface NoiseOptions {
  /** Gaussian jitter SD on every keypoint coordinate, as a fraction of body height. */
  jitterFrac?: number;
  /** Fraction of frames whose knee and ankle labels are swapped left/right (runs of 1-4 frames). */
  swapFraction?: number;
  /** Fraction of frames that lose leg keypoints (runs of 1-3 frames). */
  dropoutFraction?: number;
  /** PRNG seed (default: derived from the walk's seed). */
  seed?: number;
}

export interface ResolvedNoise {
  jitterFrac: number;
  swapFraction: number;
  dropoutFraction: number;
  seed: number;
}

/**
 * "MoveNet-like" noise: jitter 1 % of body height, 5 % of frames with swapped legs, 3 % with
 * drop-outs, in line with what MoveNet does on a side-view walker (see docs/toolchain.md: knee angle
 * error median 3-5 deg per frame and occasional mid-swing leg swaps).
 */
export const MOVENET_LIKE_NOISE: Readonly<Required<Omit<NoiseOptions, 'seed'>>> = Object.freeze({
  jitterFrac: 0.01,
  swapFraction: 0.05,
  dropoutFraction: 0.03,
});

export function resolveNoise(options: NoiseOptions, fallbackSeed: number): ResolvedNoise {
  const fraction = (value: number | undefined, name: string, max: number) => {
    const v = value ?? 0;
    if (!Number.isFinite(v) || v < 0 || v > max) throw new Error(`noise.${name} must be between 0 and ${max}`);
    return v;
  };
  return {
    jitterFrac: fraction(options.jitterFrac, 'jitterFrac', 0.2),
    swapFraction: fraction(options.swapFraction, 'swapFraction', 0.5),
    dropoutFraction: fraction(options.dropoutFraction, 'dropoutFraction', 0.5),
    seed: options.seed ?? fallbackSeed,
  };
}

export interface NoisyTrack {
  frames: PoseFrame[];
  swappedFrames: number[];
  droppedFrames: number[];
}

const LEG_KEYPOINTS: Record<Side, readonly number[]> = {
  left: [KP.leftKnee, KP.leftAnkle],
  right: [KP.rightKnee, KP.rightAnkle],
};

/**
 * @param clean the noise-free frames (not modified)
 * @param nearSide per frame, the side facing the camera (the far leg drops out more often)
 * @param footKeypoints indices of each foot's keypoints (heel, foot index) when the track has
 *   them: they swap with their leg and drop out with its ankle
 */
export function applyNoise(
  clean: readonly PoseFrame[],
  noise: ResolvedNoise,
  bodyHeightPx: number,
  nearSide: readonly Side[],
  footKeypoints?: Record<Side, readonly number[]>,
): NoisyTrack {
  const uniform = mulberry32(noise.seed);
  const gaussian = gaussianSource(uniform);
  const frames: PoseFrame[] = clean.map((f) => ({ t: f.t, keypoints: f.keypoints.map((k) => [...k] as Keypoint) }));
  const n = frames.length;

  const sd = noise.jitterFrac * bodyHeightPx;
  if (sd > 0) {
    for (const frame of frames) {
      for (const k of frame.keypoints) {
        if (k[0] === null || k[1] === null) continue;
        k[0] += sd * gaussian();
        k[1] += sd * gaussian();
      }
    }
  }

  // Swaps: MoveNet confuses the legs mostly when the knees pass each other (mid-swing).
  const swapped = new Uint8Array(n);
  const kneeGap = clean.map((f) => {
    const l = f.keypoints[KP.leftKnee][0];
    const r = f.keypoints[KP.rightKnee][0];
    return l === null || r === null ? null : Math.abs(l - r);
  });
  const swapWeights = kneeGap.map((gap) =>
    gap === null ? 0 : 0.03 + Math.exp(-0.5 * (gap / (0.04 * bodyHeightPx)) ** 2),
  );
  markRuns(swapped, Math.round(noise.swapFraction * n), 4, swapWeights, uniform);
  const swappedFrames: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!swapped[i]) continue;
    swappedFrames.push(i);
    const kp = frames[i].keypoints;
    const feetPairs = footKeypoints ? footKeypoints.left.map((k, j) => [k, footKeypoints.right[j]] as const) : [];
    for (const [a, b] of [
      [KP.leftKnee, KP.rightKnee],
      [KP.leftAnkle, KP.rightAnkle],
      ...feetPairs,
    ] as const) {
      [kp[a], kp[b]] = [kp[b], kp[a]];
      kp[a][2] *= 0.85;
      kp[b][2] *= 0.85;
    }
  }

  // Drop-outs: both legs, the far leg, or just the far ankle.
  const dropped = new Uint8Array(n);
  const runStarts = markRuns(dropped, Math.round(noise.dropoutFraction * n), 3, null, uniform);
  const droppedFrames: number[] = [];
  for (const [start, length] of runStarts) {
    const mode = uniform();
    for (let i = start; i < start + length; i++) {
      const near = nearSide[i];
      const far: Side = near === 'left' ? 'right' : 'left';
      const lost =
        mode < 0.45 ? [...LEG_KEYPOINTS.left, ...LEG_KEYPOINTS.right] : mode < 0.8 ? LEG_KEYPOINTS[far] : [LEG_KEYPOINTS[far][1]];
      const kp = frames[i].keypoints;
      for (const index of [KP.leftHip, KP.rightHip, ...LEG_KEYPOINTS.left, ...LEG_KEYPOINTS.right]) {
        kp[index][2] *= 0.9;
      }
      for (const index of lost) kp[index] = [null, null, 0];
      // A foot goes with its ankle.
      if (footKeypoints) {
        for (const side of ['left', 'right'] as const) {
          if (lost.includes(LEG_KEYPOINTS[side][1])) for (const index of footKeypoints[side]) kp[index] = [null, null, 0];
        }
      }
    }
  }
  for (let i = 0; i < n; i++) if (dropped[i]) droppedFrames.push(i);
  return { frames, swappedFrames, droppedFrames };
}

/**
 * Marks runs of 1..maxRun frames until about `target` frames are marked; runs do not overlap or
 * touch. Run starts are drawn with the given weights (uniform when null). Returns [start, length].
 */
function markRuns(
  marks: Uint8Array,
  target: number,
  maxRun: number,
  weights: readonly number[] | null,
  uniform: () => number,
): Array<[number, number]> {
  const n = marks.length;
  const runs: Array<[number, number]> = [];
  if (target <= 0 || n === 0) return runs;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weights ? weights[i] : 1;
    cumulative[i] = total;
  }
  if (total <= 0) return runs;
  let marked = 0;
  let attempts = 0;
  while (marked < target && attempts < 50 * target + 100) {
    attempts++;
    const r = uniform() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    const length = Math.min(1 + Math.floor(uniform() * maxRun), target - marked, n - lo);
    let free = true;
    for (let i = Math.max(0, lo - 1); i <= Math.min(n - 1, lo + length); i++) if (marks[i]) free = false;
    if (!free) continue;
    for (let i = lo; i < lo + length; i++) marks[i] = 1;
    runs.push([lo, length]);
    marked += length;
  }
  return runs;
}
