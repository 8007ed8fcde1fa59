/**
 * Foot-strike pattern per step from the foot's angle to the floor at initial contact, after the
 * kinematic method of Altman & Davis (2012, Gait & Posture 35:298-300): the foot-strike angle
 * (sagittal foot angle at initial contact minus its angle standing, i.e. relative to a flat foot)
 * classifies the step as
 *
 *   rearfoot (heel) strike   FSA >  8.0 deg
 *   midfoot (flat)           -1.6 deg <= FSA <= 8.0 deg
 *   forefoot strike          FSA < -1.6 deg
 *
 * (their thresholds, validated against the strike index from a pressure plate). The foot angle here
 * is the keypoint foot line (heel -> foot index) against the floor with the foot's neutral offset
 * removed (ankle.ts), so 0 is a flat foot as in their "minus standing" definition.
 *
 * Backward walking lands on the forefoot by nature (the foot reaches back toe first): such steps are
 * classified like any other but marked `expected`, so they are described, never flagged.
 *
 * Measured on the synthetic walker with feet (scripts/eval-feet.ts): every step of heel, flat,
 * forefoot and backward walks classified right when clean, foot angle at contact within 0-1.5 deg
 * (backward 12 deg: the bent toes of a steep landing); with 1 % body-height jitter 1 flat step in 7
 * read as forefoot (the flat band is narrow: -1.6 to 8 deg).
 */
import { footAngleToFloor, type Point2 } from '../angles/ankle';

export type StrikeKind = 'heel' | 'flat' | 'forefoot';

/** Altman & Davis 2012 thresholds on the foot-strike angle, degrees. */
export const STRIKE_THRESHOLDS = { heelAbove: 8.0, forefootBelow: -1.6 } as const;

export function classifyStrike(footStrikeAngleDeg: number): StrikeKind {
  if (footStrikeAngleDeg > STRIKE_THRESHOLDS.heelAbove) return 'heel';
  if (footStrikeAngleDeg < STRIKE_THRESHOLDS.forefootBelow) return 'forefoot';
  return 'flat';
}

export interface StrikeInput {
  t: ArrayLike<number>;
  heelX: ArrayLike<number>;
  heelY: ArrayLike<number>;
  toeX: ArrayLike<number>;
  toeY: ArrayLike<number>;
  /** +1 facing right in the image, -1 facing left. */
  facing: 1 | -1;
  walking: 'forward' | 'backward';
  /** The keypoint foot line's neutral offset (ankle.ts footFlatOffset), degrees. */
  footOffsetDeg: number;
  /** Floor slope in the image, degrees (ankle.ts footAngleToFloor). */
  floorAngleDeg?: number;
}

export interface Strike {
  /** Initial contact, seconds. */
  t: number;
  /** Foot-strike angle, degrees (+ toe up); null when the foot was not seen around contact. */
  footAngleDeg: number | null;
  pattern: StrikeKind | null;
  /** True for a forefoot landing in backward walking (the normal way to land there). */
  expected: boolean;
}

/** Classifies each initial contact (seconds); the foot angle is interpolated between frames. */
export function strikePatterns(input: StrikeInput, initialContacts: readonly number[]): Strike[] {
  const { t } = input;
  const angleAt = (i: number): number => {
    const heel: Point2 = { x: input.heelX[i], y: input.heelY[i] };
    const toe: Point2 = { x: input.toeX[i], y: input.toeY[i] };
    if (![heel.x, heel.y, toe.x, toe.y].every(Number.isFinite)) return NaN;
    return footAngleToFloor(heel, toe, input.facing, input.floorAngleDeg ?? 0) + input.footOffsetDeg;
  };
  return initialContacts.map((tc) => {
    let i = 0;
    while (i + 1 < t.length && t[i + 1] <= tc) i++;
    const j = Math.min(i + 1, t.length - 1);
    const f = j > i ? (tc - t[i]) / (t[j] - t[i]) : 0;
    const a = angleAt(i) * (1 - f) + angleAt(j) * f;
    const footAngleDeg = Number.isFinite(a) ? a : null;
    const pattern = footAngleDeg === null ? null : classifyStrike(footAngleDeg);
    return { t: tc, footAngleDeg, pattern, expected: input.walking === 'backward' && pattern === 'forefoot' };
  });
}
