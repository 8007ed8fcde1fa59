/**
 * Planar leg chain in body coordinates: `forward` along the direction the person faces, `up`
 * vertical, hip joint centre at the origin. Angles in degrees, measured from the downward vertical,
 * + towards the front (a counter-clockwise rotation in the forward-up plane).
 */
import type { BodyDimensions } from './anthropometry';

export interface Point2 {
  forward: number;
  up: number;
}

export interface LegPose {
  knee: Point2;
  ankle: Point2;
  heel: Point2;
  toe: Point2;
  /** The back of the heel, where pose models put their "heel" keypoint (rigid with the foot). */
  heelKeypoint: Point2;
  /** Unit vector along the sole, heel -> toe. */
  footDirection: Point2;
  /** The toes' own bend (LegAngles.toeBend). */
  toeBend: number;
}

export interface LegAngles {
  /** Thigh against the vertical (= hipFlexion). */
  hip: number;
  /** Knee flexion; the shank angle is hip - knee. */
  knee: number;
  /** Ankle dorsiflexion; the foot's rotation from flat is shank angle + ankle. */
  ankle: number;
  /**
   * Toes bent up at the forefoot point (metatarsophalangeal dorsiflexion), degrees; 0 if not given.
   * They bend further wherever the floor would otherwise push them through it.
   */
  toeBend?: number;
}

const DEG = Math.PI / 180;

/** Point at `length` from `origin` along a segment at `angleDeg` from the downward vertical. */
export function alongSegment(origin: Point2, length: number, angleDeg: number): Point2 {
  const a = angleDeg * DEG;
  return { forward: origin.forward + length * Math.sin(a), up: origin.up - length * Math.cos(a) };
}

export function legPose(angles: LegAngles, dims: BodyDimensions): LegPose {
  const hip = { forward: 0, up: 0 };
  const knee = alongSegment(hip, dims.thigh, angles.hip);
  const shankAngle = angles.hip - angles.knee;
  const ankle = alongSegment(knee, dims.shank, shankAngle);
  const footRotation = (shankAngle + angles.ankle) * DEG;
  const c = Math.cos(footRotation);
  const s = Math.sin(footRotation);
  // Rotate the sole points (given for a flat foot) counter-clockwise by the foot rotation.
  const rotate = (f: number, u: number): Point2 => ({
    forward: ankle.forward + f * c - u * s,
    up: ankle.up + f * s + u * c,
  });
  return {
    knee,
    ankle,
    heel: rotate(-dims.heelBack, -dims.ankleHeight),
    toe: rotate(dims.toeFront, -dims.ankleHeight),
    heelKeypoint: rotate(-dims.heelBack - dims.heelKeypointBack, -dims.ankleHeight + dims.heelKeypointUp),
    footDirection: { forward: c, up: s },
    toeBend: angles.toeBend ?? 0,
  };
}

/** Height of the lowest sole point below the hip (positive number). */
export function footDepth(pose: LegPose): number {
  return -Math.min(pose.heel.up, pose.toe.up);
}

/**
 * Tip of the toes, `length` ahead of the forefoot point along the foot turned up by `bendDeg`
 * (`forefoot.up` is its height above the floor), bent up further at the forefoot point where that
 * is needed to stay on or above the floor.
 */
export function toeTipAbove(forefoot: Point2, direction: Point2, length: number, bendDeg = 0): Point2 {
  const b = bendDeg * DEG;
  const dir = { forward: direction.forward * Math.cos(b) - direction.up * Math.sin(b), up: direction.forward * Math.sin(b) + direction.up * Math.cos(b) };
  const rigidUp = forefoot.up + length * dir.up;
  if (rigidUp >= 0) return { forward: forefoot.forward + length * dir.forward, up: rigidUp };
  const h = Math.min(length, Math.max(0, forefoot.up));
  const reach = Math.sqrt(length * length - h * h);
  return { forward: forefoot.forward + Math.sign(direction.forward || 1) * reach, up: 0 };
}
