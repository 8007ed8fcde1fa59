/**
 * Foot keypoints, named as BlazePose (MediaPipe Pose, 33 landmarks) names them: the back of the
 * heel and the foot index (tip of the toes, between the first and second toe). A track carries
 * them after the 17 MoveNet keypoints when the pose model sees feet; the analysis looks them up by
 * name. (The synthetic walker with `feet: true` and the BlazePose adapter both use this list.)
 */
import type { Side } from './report';

export const FOOT_KEYPOINTS: Record<Side, { heel: string; footIndex: string }> = {
  left: { heel: 'left_heel', footIndex: 'left_foot_index' },
  right: { heel: 'right_heel', footIndex: 'right_foot_index' },
};

/** In BlazePose's order (landmarks 29-32). */
export const FOOT_KEYPOINT_NAMES: readonly string[] = [
  FOOT_KEYPOINTS.left.heel,
  FOOT_KEYPOINTS.right.heel,
  FOOT_KEYPOINTS.left.footIndex,
  FOOT_KEYPOINTS.right.footIndex,
];
