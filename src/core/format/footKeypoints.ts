/**
 * Foot keypoint names as a track with feet carries them (BlazePose's: the back of the heel and the
 * foot index, the tip of the toes), taken from the body-point table (bodyPoints.ts), which declares
 * every name the analysis looks for. The synthetic walker with `feet: true` and the BlazePose
 * adapter write them after the 17 MoveNet keypoints, in BlazePose's order (landmarks 29-32).
 */
import { POINT_NAMES } from './bodyPoints';
import type { Side } from './report';

export const FOOT_KEYPOINTS: Record<Side, { heel: string; footIndex: string }> = {
  left: { heel: POINT_NAMES.leftHeel[0], footIndex: POINT_NAMES.leftToe[0] },
  right: { heel: POINT_NAMES.rightHeel[0], footIndex: POINT_NAMES.rightToe[0] },
};

export const FOOT_KEYPOINT_NAMES: readonly string[] = [
  FOOT_KEYPOINTS.left.heel,
  FOOT_KEYPOINTS.right.heel,
  FOOT_KEYPOINTS.left.footIndex,
  FOOT_KEYPOINTS.right.footIndex,
];
