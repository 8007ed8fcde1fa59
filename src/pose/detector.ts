/**
 * MoveNet through @tensorflow-models/pose-detection, reduced to what the gait pipeline needs:
 * 17 keypoints `[x, y, score]` in image pixels, in MoveNet (COCO) order, per frame.
 *
 * Environment-neutral: the caller chooses the backend (backend.ts) and says where the model is
 * (a URL on the app's origin in the browser, an fs-backed IOHandler in Node); see browser.ts and
 * node/index.ts for the two ready-made set-ups.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { io } from '@tensorflow/tfjs-core';
import {
  createDetector,
  movenet,
  SupportedModels,
  type Pose,
  type PoseDetector,
  type PoseDetectorInput,
} from '@tensorflow-models/pose-detection';
import { KEYPOINT_COUNT, type Keypoint } from '../core/format/poseTrack';
import type { PoseInput, RawImage } from '../contracts';

export type MoveNetModelName = 'lightning' | 'thunder' | 'multipose';

interface MoveNetModelInfo {
  /** The graph model's JSON file in models/ (its weights file sits beside it). */
  file: string;
  /** pose-detection's model type. */
  modelType: string;
  /** Recorded as GaitPoseTrack.source.model. */
  id: string;
}

export const MOVENET_MODELS: Record<MoveNetModelName, MoveNetModelInfo> = {
  lightning: { file: 'movenet-lightning.json', modelType: movenet.modelType.SINGLEPOSE_LIGHTNING, id: 'movenet-lightning' },
  thunder: { file: 'movenet-thunder.json', modelType: movenet.modelType.SINGLEPOSE_THUNDER, id: 'movenet-thunder' },
  multipose: { file: 'movenet-multipose.json', modelType: movenet.modelType.MULTIPOSE_LIGHTNING, id: 'movenet-multipose-lightning' },
};

export interface DetectedPose {
  /** 17 keypoints in MoveNet order; a keypoint is never null here, its score says how sure. */
  keypoints: [x: number, y: number, score: number][];
  /** Mean of the keypoint scores above 0.2 (single-pose) or the model's person score (multipose). */
  score: number;
  /** MultiPose only: a track id that follows one person across frames (bounding-box tracker). */
  id?: number;
}

export interface PoseEstimatorOptions {
  /** Default 'lightning'. */
  model?: MoveNetModelName;
  /** The model's JSON: a URL (on the app's own origin) or an IOHandler (Node: node/modelLoader.ts). */
  modelUrl: string | io.IOHandler;
  /**
   * pose-detection's One-Euro keypoint filter. Off by default: the analysis filters the whole
   * track itself (zero-lag), and a causal filter's lag would shift heel-strike and toe-off times.
   */
  smoothing?: boolean;
  /** MultiPose input size (longer side, multiple of 32; pose-detection's default 256). */
  multiPoseMaxDimension?: number;
}

export interface PoseEstimator {
  readonly model: MoveNetModelName;
  /** For GaitPoseTrack.source.model, e.g. 'movenet-lightning'. */
  readonly modelId: string;
  /**
   * The most confident person's 17 keypoints as gait-pose-track keypoints (pixels, y down).
   * A frame where nobody is found gives 17 × [null, null, 0].
   * Feed frames in order: single-pose MoveNet crops each frame around the previous frame's person.
   * @param timestampMs the frame's media time; used by MultiPose tracking (and smoothing). Without
   *   it, a video element's currentTime is used, else frames are taken as 1/30 s apart.
   */
  estimate(frame: PoseInput, timestampMs?: number): Promise<Keypoint[]>;
  /** Every person found (one at most for the single-pose models), most confident first. */
  estimateAll(frame: PoseInput, timestampMs?: number): Promise<DetectedPose[]>;
  /** Forget the previous frames (crop region, tracks): call on a new clip or after seeking. */
  reset(): void;
  /** Free the model's weights. */
  dispose(): void;
}

/**
 * pose-detection drops poses scoring under minPoseScore, and treats 0 as "use the default 0.25"
 * (a falsy check), so a tiny positive value is the way to get every frame's keypoints.
 */
const KEEP_EVERY_POSE = 1e-6;
const FALLBACK_FRAME_INTERVAL_MS = 1000 / 30;

export async function createPoseEstimator(options: PoseEstimatorOptions): Promise<PoseEstimator> {
  const model = options.model ?? 'lightning';
  const info = MOVENET_MODELS[model];
  let detector: PoseDetector;
  try {
    detector = await createDetector(SupportedModels.MoveNet, {
      modelType: info.modelType,
      modelUrl: options.modelUrl,
      enableSmoothing: options.smoothing ?? false,
      minPoseScore: KEEP_EVERY_POSE,
      multiPoseMaxDimension: options.multiPoseMaxDimension,
      enableTracking: model === 'multipose',
    });
  } catch (error) {
    const where = typeof options.modelUrl === 'string' ? options.modelUrl : info.file;
    throw new Error(
      `Could not load the MoveNet ${model} model from ${where}: ${error instanceof Error ? error.message : error}. ` +
        'The weights are fetched by `npm install` (or `npm run fetch-models`) into models/.',
    );
  }
  return new MoveNetPoseEstimator(model, info.id, detector);
}

class MoveNetPoseEstimator implements PoseEstimator {
  private syntheticClockMs = 0;

  constructor(
    readonly model: MoveNetModelName,
    readonly modelId: string,
    private readonly detector: PoseDetector,
  ) {}

  async estimate(frame: PoseInput, timestampMs?: number): Promise<Keypoint[]> {
    const [best] = await this.estimateAll(frame, timestampMs);
    if (!best) return Array.from({ length: KEYPOINT_COUNT }, (): Keypoint => [null, null, 0]);
    return best.keypoints;
  }

  async estimateAll(frame: PoseInput, timestampMs?: number): Promise<DetectedPose[]> {
    const image = isRawImage(frame) ? rawImageToTensor(frame) : (frame as PoseDetectorInput);
    try {
      const poses = await this.detector.estimatePoses(image, undefined, this.timestampFor(frame, timestampMs));
      return poses.map(toDetectedPose).sort((a, b) => b.score - a.score);
    } finally {
      if (image !== frame) (image as tf.Tensor).dispose();
    }
  }

  reset(): void {
    if (this.model === 'multipose') {
      // pose-detection's reset() assumes the single-pose filters and throws a TypeError for
      // MultiPose; what MultiPose keeps between frames is its tracker (and per-track filters).
      const state = this.detector as unknown as { tracker?: { reset(): void }; keypointFilterMap?: Map<number, unknown> };
      state.tracker?.reset();
      state.keypointFilterMap?.clear();
    } else {
      this.detector.reset();
    }
    this.syntheticClockMs = 0;
  }

  dispose(): void {
    this.detector.dispose();
  }

  private timestampFor(frame: PoseInput, timestampMs: number | undefined): number | undefined {
    if (timestampMs !== undefined) return timestampMs;
    if ((frame as { currentTime?: number }).currentTime !== undefined) return undefined; // pose-detection reads it
    this.syntheticClockMs += FALLBACK_FRAME_INTERVAL_MS;
    return this.syntheticClockMs;
  }
}

/** True for raw pixels (RawImage), which tfjs needs as a tensor (rawImageToTensor). */
export function isRawImage(frame: PoseInput): frame is RawImage {
  const candidate = frame as Partial<RawImage>;
  return (
    !(frame instanceof tf.Tensor) &&
    typeof candidate.channels === 'number' &&
    (candidate.data instanceof Uint8Array || candidate.data instanceof Uint8ClampedArray)
  );
}

/** Raw RGB(A) pixels as the int32 [height, width, 3] tensor pose-detection takes; the caller disposes it. */
export function rawImageToTensor({ data, width, height, channels }: RawImage): tf.Tensor3D {
  if (data.length !== width * height * channels) {
    throw new Error(`RawImage of ${width}x${height}x${channels} needs ${width * height * channels} bytes, got ${data.length}.`);
  }
  // Dropping alpha in a JS loop costs ~2 ms at 640x480; tf.slice on the wasm backend costs ~15.
  const rgb = new Int32Array(width * height * 3);
  for (let from = 0, to = 0; to < rgb.length; from += channels, to += 3) {
    rgb[to] = data[from];
    rgb[to + 1] = data[from + 1];
    rgb[to + 2] = data[from + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}

function toDetectedPose(pose: Pose): DetectedPose {
  const detected: DetectedPose = {
    keypoints: pose.keypoints.map((keypoint) => [keypoint.x, keypoint.y, keypoint.score ?? 0]),
    score: pose.score ?? 0,
  };
  if (pose.id !== undefined) detected.id = pose.id;
  return detected;
}
