/**
 * BlazePose through pose-detection's tfjs runtime, reduced to what the gait pipeline needs: named
 * keypoints `[x, y, score]` in image pixels per frame. Environment-neutral like ../detector.ts: the
 * caller picks the backend and says where the two models are (URLs on the app's origin in the
 * browser, fs-backed IOHandlers in Node: ./node.ts).
 *
 * Inputs: BlazePose takes the image size from `image.width/height`, so a <video> without width and
 * height attributes (0 x 0) or a WebCodecs VideoFrame gives no pose or NaN keypoints; pass a canvas,
 * an ImageBitmap, a tensor or raw pixels (turned into a tensor here).
 * Non-finite coordinates from the runtime are reported as missing ([null, null, 0]), never passed on.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { io } from '@tensorflow/tfjs-core';
import { createDetector, SupportedModels, type Pose, type PoseDetector, type PoseDetectorInput } from '@tensorflow-models/pose-detection';
import type { Keypoint } from '../../core/format/poseTrack';
import { isRawImage, rawImageToTensor } from '../detector';
import type { PoseInput } from '../../contracts';
import { BLAZEPOSE_KEYPOINT_NAMES, blazePoseModelId, type BlazePoseModelName } from './constants';

export interface BlazePoseEstimatorOptions {
  /** Default 'full'. */
  model?: BlazePoseModelName;
  detectorModelUrl: string | io.IOHandler;
  landmarkModelUrl: string | io.IOHandler;
  /** pose-detection's temporal keypoint filter; off by default (the analysis filters with zero lag). */
  smoothing?: boolean;
}

export interface BlazePoseEstimator {
  readonly model: BlazePoseModelName;
  readonly modelId: string;
  /** The 33 landmarks by name (BlazePose's order); every one [null, null, 0] when nobody is found. */
  estimate(frame: PoseInput, timestampMs?: number): Promise<Keypoint[]>;
  reset(): void;
  dispose(): void;
}

const MISSING: Keypoint = [null, null, 0];
const FALLBACK_FRAME_INTERVAL_MS = 1000 / 30;

export async function createBlazePoseEstimator(options: BlazePoseEstimatorOptions): Promise<BlazePoseEstimator> {
  const model = options.model ?? 'full';
  let detector: PoseDetector;
  try {
    detector = await createDetector(SupportedModels.BlazePose, {
      runtime: 'tfjs',
      modelType: model,
      enableSmoothing: options.smoothing ?? false,
      detectorModelUrl: options.detectorModelUrl,
      landmarkModelUrl: options.landmarkModelUrl,
    });
  } catch (error) {
    throw new Error(
      `Could not load the BlazePose ${model} model: ${error instanceof Error ? error.message : error}. ` +
        'The weights are fetched by `npm install` (or `npm run fetch-models`) into models/.',
    );
  }
  let clockMs = 0;
  return {
    model,
    modelId: blazePoseModelId(model),
    async estimate(frame, timestampMs) {
      const image = isRawImage(frame) ? rawImageToTensor(frame) : (frame as PoseDetectorInput);
      try {
        clockMs = timestampMs ?? clockMs + FALLBACK_FRAME_INTERVAL_MS;
        const [pose] = await detector.estimatePoses(image, { maxPoses: 1, flipHorizontal: false }, clockMs);
        return namedKeypoints(pose);
      } finally {
        if (image !== frame) (image as tf.Tensor).dispose();
      }
    },
    reset() {
      detector.reset();
      clockMs = 0;
    },
    dispose() {
      detector.dispose();
    },
  };
}

/** The pose's keypoints in BlazePose's order, looked up by name; non-finite ones as missing. */
export function namedKeypoints(pose: Pose | undefined): Keypoint[] {
  const byName = new Map((pose?.keypoints ?? []).map((k) => [k.name, k]));
  return BLAZEPOSE_KEYPOINT_NAMES.map((name): Keypoint => {
    const k = byName.get(name);
    if (!k || !Number.isFinite(k.x) || !Number.isFinite(k.y)) return [...MISSING];
    return [k.x, k.y, Number.isFinite(k.score) ? (k.score as number) : 0];
  });
}

/** Picks keypoints by name out of BlazePose's 33 (e.g. BLAZEPOSE_GAIT_KEYPOINT_NAMES for a gait track). */
export function selectKeypoints(keypoints: readonly Keypoint[], names: readonly string[]): Keypoint[] {
  return names.map((name) => {
    const k = (BLAZEPOSE_KEYPOINT_NAMES as readonly string[]).indexOf(name);
    if (k < 0) throw new Error(`BlazePose has no keypoint named "${name}"`);
    return [...keypoints[k]] as Keypoint;
  });
}
