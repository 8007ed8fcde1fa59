/**
 * BlazePose through pose-detection's tfjs runtime, reduced to what the gait pipeline needs: the 33
 * named landmarks `[x, y, score]` in image pixels per frame (./info.ts). Environment-neutral: the
 * caller picks the backend and says where the two weight files are.
 *
 * Inputs: BlazePose takes the image size from `image.width/height`, so a <video> without width and
 * height attributes (0 x 0) or a WebCodecs VideoFrame gives no pose or NaN keypoints; pass a canvas,
 * an ImageBitmap, a tensor or raw pixels (turned into a tensor here).
 * Non-finite coordinates from the runtime (others have seen NaN keypoints from it) are reported as
 * missing ([null, null, 0]), never passed on.
 */
import { createDetector, SupportedModels, type Pose, type PoseDetector, type PoseDetectorInput } from '@tensorflow-models/pose-detection';
import type { Keypoint } from '../../../core/format/poseTrack';
import type { PoseInput } from '../../../contracts';
import { withModelInput } from '../rawImage';
import type { EstimatorOptions, ModelFileLocator, PoseEstimator, PoseModelInfo } from '../types';
import { BLAZEPOSE_KEYPOINT_NAMES, type BlazePoseModelName } from './info';

const FALLBACK_FRAME_INTERVAL_MS = 1000 / 30;

export async function createEstimator(info: PoseModelInfo, locate: ModelFileLocator, options: EstimatorOptions): Promise<PoseEstimator> {
  const modelType = info.key.replace(/^blazepose-/, '') as BlazePoseModelName;
  const [landmarkFile, detectorFile] = info.files;
  let detector: PoseDetector;
  try {
    detector = await createDetector(SupportedModels.BlazePose, {
      runtime: 'tfjs',
      modelType,
      enableSmoothing: options.smoothing ?? false,
      detectorModelUrl: locate(detectorFile),
      landmarkModelUrl: locate(landmarkFile),
    });
  } catch (error) {
    throw new Error(
      `Could not load the ${info.label} model: ${error instanceof Error ? error.message : error}. ` +
        'The weights are fetched by `npm install` (or `npm run fetch-models`) into models/.',
    );
  }
  let clockMs = 0;
  /** The one person BlazePose follows, or undefined. */
  const findPose = (frame: PoseInput, timestampMs?: number): Promise<Pose | undefined> => {
    clockMs = timestampMs ?? clockMs + FALLBACK_FRAME_INTERVAL_MS;
    return withModelInput(frame, async (input) => {
      const [pose] = await detector.estimatePoses(input as PoseDetectorInput, { maxPoses: 1, flipHorizontal: false }, clockMs);
      return pose;
    });
  };
  return {
    model: info.key,
    modelId: info.id,
    keypointNames: info.keypointNames,
    cropSize: info.cropSize,
    followsAcrossCrops: info.followsAcrossCrops,
    async estimate(frame, timestampMs) {
      return namedKeypoints(await findPose(frame, timestampMs));
    },
    async estimateAll(frame, timestampMs) {
      const pose = await findPose(frame, timestampMs);
      if (!pose) return [];
      const keypoints = namedKeypoints(pose).map(([x, y, score]): [number, number, number] => [x ?? 0, y ?? 0, score]);
      return [{ keypoints, score: pose.score ?? 0 }];
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
    if (!k || !Number.isFinite(k.x) || !Number.isFinite(k.y)) return [null, null, 0];
    return [k.x, k.y, Number.isFinite(k.score) ? (k.score as number) : 0];
  });
}
