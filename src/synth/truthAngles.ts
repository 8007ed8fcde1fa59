/**
 * The docs/design.md angle definitions (section 4), computed from (clean) keypoints of one frame. The synthetic
 * walker reports these as its truth, so the truth is exactly what a perfect analysis of the
 * clean track must find.
 *
 * - hipFlexion: thigh (hip -> knee) against the downward vertical, + when the knee is in front of
 *   the hip in the facing direction (Stenum et al. 2021).
 * - kneeFlexion: thigh angle minus shank (knee -> ankle) angle.
 * - trunkLean: hip centre -> shoulder centre against the upward vertical, + forward.
 * - hipFlexionTrunk: thigh against the trunk line = hipFlexion + trunkLean.
 */
import { KP, type Keypoint } from '../core/format/poseTrack';
import type { Side } from '../core/format/report';

const RAD = 180 / Math.PI;

export interface FrameAngles {
  left: { hipFlexion: number | null; hipFlexionTrunk: number | null; kneeFlexion: number | null };
  right: { hipFlexion: number | null; hipFlexionTrunk: number | null; kneeFlexion: number | null };
  trunkLean: number | null;
}

/** Angle of the segment a -> b from the downward vertical, + towards the facing direction (deg). */
function fromDownward(a: Keypoint, b: Keypoint, facingSign: number): number | null {
  if (a[0] === null || a[1] === null || b[0] === null || b[1] === null) return null;
  return Math.atan2(facingSign * (b[0] - a[0]), b[1] - a[1]) * RAD;
}

function midpoint(a: Keypoint, b: Keypoint): Keypoint {
  if (a[0] === null || a[1] === null || b[0] === null || b[1] === null) return [null, null, 0];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, Math.min(a[2], b[2])];
}

/**
 * @param facingSign +1 when the person faces +x (right in the image), -1 when facing left
 * @param withTrunk false for legs-only framing (no trunk angles)
 */
export function frameAngles(keypoints: readonly Keypoint[], facingSign: number, withTrunk: boolean): FrameAngles {
  let trunkLean: number | null = null;
  if (withTrunk) {
    const hip = midpoint(keypoints[KP.leftHip], keypoints[KP.rightHip]);
    const shoulder = midpoint(keypoints[KP.leftShoulder], keypoints[KP.rightShoulder]);
    const down = fromDownward(shoulder, hip, facingSign);
    // shoulder -> hip points down and backwards when leaning forward: lean = -(its angle).
    trunkLean = down === null ? null : -down;
  }
  const side = (s: Side) => {
    const hip = keypoints[s === 'left' ? KP.leftHip : KP.rightHip];
    const knee = keypoints[s === 'left' ? KP.leftKnee : KP.rightKnee];
    const ankle = keypoints[s === 'left' ? KP.leftAnkle : KP.rightAnkle];
    const thigh = fromDownward(hip, knee, facingSign);
    const shank = fromDownward(knee, ankle, facingSign);
    return {
      hipFlexion: thigh,
      hipFlexionTrunk: thigh === null || trunkLean === null ? null : thigh + trunkLean,
      kneeFlexion: thigh === null || shank === null ? null : thigh - shank,
    };
  };
  return { left: side('left'), right: side('right'), trunkLean };
}
