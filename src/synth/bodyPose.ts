/**
 * The whole body in body coordinates at one instant: `forward` along the facing direction, `up`
 * vertical (floor at up = 0), `lateral` towards the person's right. The model is sagittal: every
 * segment moves in its own vertical plane parallel to the direction of travel; `lateral` only
 * places left and right landmarks apart, which the image shows when the body turns.
 */
import { KEYPOINT_COUNT, KP } from '../core/format/poseTrack';
import type { Side } from '../core/format/report';
import type { BodyDimensions } from './anthropometry';
import { alongSegment, footDepth, legPose, toeTipAbove, type LegAngles, type Point2 } from './legKinematics';

export interface BodyPoint {
  forward: number;
  up: number;
  lateral: number;
}

export interface BodyPose {
  /** The 17 keypoints in MoveNet order. */
  keypoints: BodyPoint[];
  /**
   * Per foot: the heel and forefoot sole points (contact points of the rigid foot), the back of the
   * heel (a pose model's "heel" keypoint) and the tip of the toes (its "foot_index"). The toes bend
   * at the forefoot point where the rigid foot would push them through the floor (push-off, a
   * forefoot landing), so the toe tip never goes below the floor.
   */
  feet: Record<Side, { heel: BodyPoint; toe: BodyPoint; heelKeypoint: BodyPoint; toeTip: BodyPoint }>;
  /** Hip joint centre height above the floor. */
  hipHeight: number;
}

export interface BodyAngles {
  legs: Record<Side, LegAngles>;
  /** Trunk (hip centre -> shoulder centre) against the vertical, + forward. */
  trunkLean: number;
}

const DEG = Math.PI / 180;

/**
 * Arm swing opposite to the same-side leg (the arm is forward when that thigh is back), about
 * +-15 deg at the shoulder with the elbow bending more as the arm swings forward
 * (Murray et al. 1967 report ~30-40 deg shoulder and elbow excursions at free speed).
 */
export function armAngles(hipAngle: number): { upperArm: number; forearm: number } {
  const upperArm = -4 - 0.65 * (hipAngle - 8);
  const elbowFlexion = Math.min(50, Math.max(5, 18 + 0.6 * (upperArm + 4)));
  return { upperArm, forearm: upperArm + elbowFlexion };
}

export function bodyPose(angles: BodyAngles, dims: BodyDimensions): BodyPose {
  const legs = { left: legPose(angles.legs.left, dims), right: legPose(angles.legs.right, dims) };
  // The lowest sole point of either foot rests on the floor.
  const hipHeight = Math.max(footDepth(legs.left), footDepth(legs.right));
  const lateralOf = (side: Side, half: number) => (side === 'right' ? half : -half);
  const lift = (p: Point2, lateral: number): BodyPoint => ({ forward: p.forward, up: p.up + hipHeight, lateral });

  const hip = { forward: 0, up: 0 };
  const lean = angles.trunkLean * DEG;
  const shoulder = { forward: dims.trunk * Math.sin(lean), up: dims.trunk * Math.cos(lean) };
  // The head follows the trunk half-way (people keep their gaze level).
  const headTilt = 0.5 * angles.trunkLean * DEG;
  const headForward = { forward: Math.cos(headTilt), up: -Math.sin(headTilt) };
  const headUp = { forward: Math.sin(headTilt), up: Math.cos(headTilt) };
  const ear = {
    forward: shoulder.forward + dims.neckToEar * headUp.forward,
    up: shoulder.up + dims.neckToEar * headUp.up,
  };
  const onHead = (forward: number, up: number): Point2 => ({
    forward: ear.forward + forward * headForward.forward + up * headUp.forward,
    up: ear.up + forward * headForward.up + up * headUp.up,
  });
  const eye = onHead(dims.earToEyeForward, dims.earToEyeUp);
  const nose = onHead(dims.earToNoseForward, dims.earToNoseUp);

  const keypoints: BodyPoint[] = new Array(KEYPOINT_COUNT);
  keypoints[KP.nose] = lift(nose, 0);
  keypoints[KP.leftEye] = lift(eye, -dims.halfEyeDistance);
  keypoints[KP.rightEye] = lift(eye, dims.halfEyeDistance);
  keypoints[KP.leftEar] = lift(ear, -dims.halfHeadWidth);
  keypoints[KP.rightEar] = lift(ear, dims.halfHeadWidth);
  const feet = {} as BodyPose['feet'];
  for (const side of ['left', 'right'] as const) {
    const isLeft = side === 'left';
    const arm = armAngles(angles.legs[side].hip);
    const elbow = alongSegment(shoulder, dims.upperArm, arm.upperArm);
    const wrist = alongSegment(elbow, dims.forearm, arm.forearm);
    const shoulderLateral = lateralOf(side, dims.halfShoulderWidth);
    keypoints[isLeft ? KP.leftShoulder : KP.rightShoulder] = lift(shoulder, shoulderLateral);
    keypoints[isLeft ? KP.leftElbow : KP.rightElbow] = lift(elbow, shoulderLateral);
    keypoints[isLeft ? KP.leftWrist : KP.rightWrist] = lift(wrist, shoulderLateral);
    // Legs parallel: hip, knee, ankle and foot share one lateral offset.
    const legLateral = lateralOf(side, dims.halfHipWidth);
    const leg = legs[side];
    keypoints[isLeft ? KP.leftHip : KP.rightHip] = lift(hip, legLateral);
    keypoints[isLeft ? KP.leftKnee : KP.rightKnee] = lift(leg.knee, legLateral);
    keypoints[isLeft ? KP.leftAnkle : KP.rightAnkle] = lift(leg.ankle, legLateral);
    const toe = lift(leg.toe, legLateral);
    feet[side] = { heel: lift(leg.heel, legLateral), toe, heelKeypoint: lift(leg.heelKeypoint, legLateral), toeTip: toeTip(toe, leg.footDirection, dims.toeLength, leg.toeBend) };
  }
  return { keypoints, feet, hipHeight };
}

/** Tip of the toes (legKinematics.ts toeTipAbove), at the forefoot point's lateral offset. */
function toeTip(forefoot: BodyPoint, direction: Point2, length: number, bendDeg: number): BodyPoint {
  return { ...toeTipAbove(forefoot, direction, length, bendDeg), lateral: forefoot.lateral };
}
