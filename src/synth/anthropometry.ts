/**
 * Segment lengths as fractions of body height H, after Winter's anthropometric model
 * (D. A. Winter, Biomechanics and Motor Control of Human Movement, 4th ed., Wiley 2009,
 * Fig. 4.1): thigh 0.245 H, shank 0.246 H, foot length 0.152 H, ankle height 0.039 H,
 * greater trochanter 0.530 H, acromion 0.818 H, upper arm 0.186 H, forearm 0.146 H,
 * chin 0.870 H, eyes 0.936 H, hip width 0.191 H, shoulder width 0.259 H.
 */

export interface BodyDimensions {
  thigh: number;
  shank: number;
  /** Ankle joint above the sole. */
  ankleHeight: number;
  /** Heel contact point behind the ankle joint (along the sole). */
  heelBack: number;
  /**
   * Forefoot contact point ahead of the ankle joint. The foot rolls over the metatarsal heads and
   * the toes bend at push-off; a rigid foot modelled by heel and a forefoot point a little ahead
   * of the metatarsal heads keeps the stance foot's roll-over realistic.
   */
  toeFront: number;
  /** Forefoot contact point (about the metatarsal heads) to the tip of the toes (the foot index). */
  toeLength: number;
  /**
   * Where a pose model's "heel" keypoint sits on the shoe relative to the heel contact point:
   * this far further back along the sole, and this far up from it (the back of the heel).
   */
  heelKeypointBack: number;
  heelKeypointUp: number;
  /** Hip joint centre to shoulder centre (0.818 H - 0.530 H). */
  trunk: number;
  upperArm: number;
  forearm: number;
  /** Shoulder centre to ear level, along the head axis (about 0.930 H - 0.818 H). */
  neckToEar: number;
  /** Ear to eye, forward and up, along the head axes. */
  earToEyeForward: number;
  earToEyeUp: number;
  /** Ear to nose tip, forward and up (negative: the nose sits below the eyes). */
  earToNoseForward: number;
  earToNoseUp: number;
  /** Half the distance between left and right landmarks (used only when the body turns). */
  halfHipWidth: number;
  halfShoulderWidth: number;
  halfEyeDistance: number;
  halfHeadWidth: number;
}

/** Dimensions for body height `h` (any unit; the synthesiser uses pixels). */
export function bodyDimensions(h: number): BodyDimensions {
  const footLength = 0.152 * h;
  return {
    thigh: 0.245 * h,
    shank: 0.246 * h,
    ankleHeight: 0.039 * h,
    // Winter's foot: the ankle sits about a quarter of the foot length in front of the heel.
    heelBack: 0.25 * footLength,
    // Contact point at ~80 % of the foot length from the heel (ball of the foot plus part of the toes).
    toeFront: 0.55 * footLength,
    // The rest of Winter's foot length: the toes, which bend at the metatarsal heads.
    toeLength: 0.2 * footLength,
    heelKeypointBack: 0.01 * h,
    heelKeypointUp: 0.012 * h,
    trunk: 0.288 * h,
    upperArm: 0.186 * h,
    forearm: 0.146 * h,
    neckToEar: 0.112 * h,
    earToEyeForward: 0.055 * h,
    earToEyeUp: 0.008 * h,
    earToNoseForward: 0.075 * h,
    earToNoseUp: -0.018 * h,
    // Hip joint centres sit well inside the pelvis width (0.191 H): about 0.1 H apart.
    halfHipWidth: 0.05 * h,
    halfShoulderWidth: 0.1295 * h,
    halfEyeDistance: 0.018 * h,
    halfHeadWidth: 0.045 * h,
  };
}

/** Leg length (hip joint to floor, standing) as a fraction of body height: thigh + shank + ankle. */
export const LEG_LENGTH_FRACTION = 0.245 + 0.246 + 0.039;
