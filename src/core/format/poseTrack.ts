/**
 * gait-pose-track v1: what pose estimation produces and the analysis consumes.
 * Documented in docs/formats.md and docs/schema/gait-pose-track-v1.schema.json.
 */

/** The 17 COCO keypoints in MoveNet's order. */
export const KEYPOINT_NAMES = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** Index of each keypoint in a frame's `keypoints` array. */
export const KP = {
  nose: 0,
  leftEye: 1,
  rightEye: 2,
  leftEar: 3,
  rightEar: 4,
  leftShoulder: 5,
  rightShoulder: 6,
  leftElbow: 7,
  rightElbow: 8,
  leftWrist: 9,
  rightWrist: 10,
  leftHip: 11,
  rightHip: 12,
  leftKnee: 13,
  rightKnee: 14,
  leftAnkle: 15,
  rightAnkle: 16,
} as const;

export const KEYPOINT_COUNT = KEYPOINT_NAMES.length;

/** Each side's limb keypoints: the one table every stage uses to walk a leg. */
export const SIDE_KEYPOINTS = {
  left: { hip: KP.leftHip, knee: KP.leftKnee, ankle: KP.leftAnkle, shoulder: KP.leftShoulder },
  right: { hip: KP.rightHip, knee: KP.rightKnee, ankle: KP.rightAnkle, shoulder: KP.rightShoulder },
} as const;

/** Hips, knees and ankles: what a gait analysis cannot do without. */
export const LEG_KEYPOINTS: readonly number[] = [KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle];

/** [x, y, score]: pixels (y down) and confidence 0-1; a missing keypoint is [null, null, 0]. */
export type Keypoint = [number | null, number | null, number];

export interface PoseFrame {
  /** Presentation time in seconds; strictly increasing. */
  t: number;
  keypoints: Keypoint[];
}

export interface PoseTrackSource {
  kind: 'video' | 'webcam' | 'synthetic' | 'mocap' | 'import';
  name?: string;
  model?: string;
  /** Anything else the producer wants to record (backend, person id, ...). */
  [extra: string]: unknown;
}

export interface GaitPoseTrack {
  format: 'gait-pose-track';
  /**
   * 1: the 17 COCO keypoints in MoveNet's order (every MoveNet track). 2: any named layout that
   * includes both hips, knees and ankles (e.g. BlazePose's 33 landmarks with heels and toes); the
   * analysis looks points up by name (src/core/format/bodyPoints.ts).
   */
  version: 1 | 2;
  /** Nominal frame rate; the frames' `t` values are authoritative. */
  fps: number;
  width: number;
  height: number;
  source?: PoseTrackSource;
  keypointNames: string[];
  frames: PoseFrame[];
}

export const POSE_TRACK_FORMAT = 'gait-pose-track';
/** The version written for COCO-17 (MoveNet) tracks. */
export const POSE_TRACK_VERSION = 1;
/** The version for any other named layout. */
export const POSE_TRACK_VERSION_NAMED = 2;

/** The version a track with these keypoint names is written as: v1 for COCO-17 in order, else v2. */
export function poseTrackVersionFor(keypointNames: readonly string[]): 1 | 2 {
  const coco17 = keypointNames.length === KEYPOINT_NAMES.length && keypointNames.every((name, k) => name === KEYPOINT_NAMES[k]);
  return coco17 ? POSE_TRACK_VERSION : POSE_TRACK_VERSION_NAMED;
}
