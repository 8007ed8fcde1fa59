/**
 * MoveNet through @tensorflow-models/pose-detection, reduced to what the gait pipeline needs:
 * 17 keypoints `[x, y, score]` in image pixels, in MoveNet (COCO) order, per frame.
 * Environment-neutral: the caller chooses the backend (../../backend.ts) and says where the
 * weights are (../../browser.ts, ../../node/index.ts).
 */
import { createDetector, movenet, SupportedModels, type Pose, type PoseDetector, type PoseDetectorInput } from '@tensorflow-models/pose-detection';
import type { Keypoint } from '../../../core/format/poseTrack';
import type { PoseInput } from '../../../contracts';
import { withModelInput } from '../rawImage';
import type { DetectedPose, EstimatorOptions, ModelFileLocator, PoseEstimator, PoseModelInfo } from '../types';

/** pose-detection's model type for each catalogue key of this family. */
const MODEL_TYPES: Record<string, string> = {
  lightning: movenet.modelType.SINGLEPOSE_LIGHTNING,
  thunder: movenet.modelType.SINGLEPOSE_THUNDER,
  multipose: movenet.modelType.MULTIPOSE_LIGHTNING,
};

/**
 * pose-detection drops poses scoring under minPoseScore, and treats 0 as "use the default 0.25"
 * (a falsy check), so a tiny positive value is the way to get every frame's keypoints.
 */
const KEEP_EVERY_POSE = 1e-6;
const FALLBACK_FRAME_INTERVAL_MS = 1000 / 30;

export async function createEstimator(info: PoseModelInfo, locate: ModelFileLocator, options: EstimatorOptions): Promise<PoseEstimator> {
  const modelType = MODEL_TYPES[info.key];
  if (!modelType) throw new Error(`"${info.key}" is not a MoveNet model.`);
  const modelUrl = locate(info.files[0]);
  let detector: PoseDetector;
  try {
    detector = await createDetector(SupportedModels.MoveNet, {
      modelType,
      modelUrl,
      enableSmoothing: options.smoothing ?? false,
      minPoseScore: KEEP_EVERY_POSE,
      multiPoseMaxDimension: options.multiPoseMaxDimension,
      enableTracking: info.multiPerson,
    });
  } catch (error) {
    const where = typeof modelUrl === 'string' ? modelUrl : info.files[0];
    throw new Error(
      `Could not load the ${info.label} model from ${where}: ${error instanceof Error ? error.message : error}. ` +
        'The weights are fetched by `npm install` (or `npm run fetch-models`) into models/.',
    );
  }
  return new MoveNetEstimator(info, detector);
}

class MoveNetEstimator implements PoseEstimator {
  readonly model: string;
  readonly modelId: string;
  readonly keypointNames: readonly string[];
  readonly cropSize: number;
  readonly followsAcrossCrops = false;
  private syntheticClockMs = 0;

  constructor(
    private readonly info: PoseModelInfo,
    private readonly detector: PoseDetector,
  ) {
    this.model = info.key;
    this.modelId = info.id;
    this.keypointNames = info.keypointNames;
    this.cropSize = info.cropSize;
  }

  async estimate(frame: PoseInput, timestampMs?: number): Promise<Keypoint[]> {
    const [best] = await this.estimateAll(frame, timestampMs);
    if (!best) return this.keypointNames.map((): Keypoint => [null, null, 0]);
    return best.keypoints;
  }

  estimateAll(frame: PoseInput, timestampMs?: number): Promise<DetectedPose[]> {
    const timestamp = this.timestampFor(frame, timestampMs);
    return withModelInput(frame, async (input) => {
      const poses = await this.detector.estimatePoses(input as PoseDetectorInput, undefined, timestamp);
      return poses.map(toDetectedPose).sort((a, b) => b.score - a.score);
    });
  }

  reset(): void {
    if (this.info.multiPerson) {
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

function toDetectedPose(pose: Pose): DetectedPose {
  const detected: DetectedPose = {
    keypoints: pose.keypoints.map((keypoint) => [keypoint.x, keypoint.y, keypoint.score ?? 0]),
    score: pose.score ?? 0,
  };
  if (pose.id !== undefined) detected.id = pose.id;
  return detected;
}
