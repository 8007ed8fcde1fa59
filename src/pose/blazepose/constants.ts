/**
 * BlazePose (MediaPipe Pose, GHUM 3D landmark models) as pose-detection's tfjs runtime runs it:
 * the weight files in models/, the 33 landmark names, and the input sizes.
 * Pure constants (no tfjs import), shared by the loaders and tests.
 */
import { FOOT_KEYPOINT_NAMES } from '../../core/format/footKeypoints';
import { KEYPOINT_NAMES } from '../../core/format/poseTrack';

export type BlazePoseModelName = 'lite' | 'full' | 'heavy';
export const BLAZEPOSE_MODEL_NAMES: readonly BlazePoseModelName[] = ['lite', 'full', 'heavy'];

/** Graph-model JSON files in models/ (each with its .bin beside it; fetched by scripts/fetch-models.mjs). */
export const BLAZEPOSE_DETECTOR_FILE = 'blazepose-detector.json';
export const BLAZEPOSE_LANDMARK_FILES: Record<BlazePoseModelName, string> = {
  lite: 'blazepose-lite.json',
  full: 'blazepose-full.json',
  heavy: 'blazepose-heavy.json',
};

/** Recorded as GaitPoseTrack.source.model. */
export const blazePoseModelId = (model: BlazePoseModelName) => `blazepose-${model}`;

/**
 * Input sizes of the two networks (measured on the human-models files; pose-detection's
 * constants agree): the person detector looks at the whole frame letterboxed to 224 x 224, the
 * landmark model at a 256 x 256 crop around the person (the region of interest, rotated upright,
 * 1.25 x the body's extent), which it then follows from frame to frame by itself.
 */
export const BLAZEPOSE_DETECTOR_INPUT = 224;
export const BLAZEPOSE_LANDMARK_INPUT = 256;

/** The 33 landmarks in BlazePose's order (pose-detection's keypoint names). */
export const BLAZEPOSE_KEYPOINT_NAMES = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

/** What a gait track from BlazePose keeps until the analysis takes all 33: the 17 MoveNet keypoints, then heels and foot indices. */
export const BLAZEPOSE_GAIT_KEYPOINT_NAMES: readonly string[] = [...KEYPOINT_NAMES, ...FOOT_KEYPOINT_NAMES];
