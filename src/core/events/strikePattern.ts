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
 *
 * In the whole analysis, at the detected initial contacts (scripts/eval-feet-analysis.ts): clean, all
 * 64 steps of six walks right; with 1 % jitter and drop-outs 8 of 10 flat and 9 of 10 forefoot steps
 * right, the rest all; BlazePose full / lite through the app on the rendered walks (fixtures/tracks,
 * the offset found per stance): heel strikes 6 of 6 / 6 of 6, backward 8 of 8 / 7 of 11, but flat
 * 5 of 7 / 0 of 7 and forefoot 4 of 7 / 1 of 11 (read as flat or heel: BlazePose full reads the
 * foot at flat and forefoot contacts 4-10 deg too toe-up on these figures, as it reads a swinging
 * foot). So the summary gives the angle with its uncertainty and says when the mean is within it
 * of a limit.
 */
import { footAngleToFloor, type FootFlatOffset, type Point2 } from '../angles/ankle';
import type { TrackColumns } from '../clean/columns';
import { SIDE_POINTS } from '../format/bodyPoints';
import { STRIKE_KINDS, type FootStrike, type Side, type StrikeKind, type StrikeSummary, type Walking } from '../format/report';
import { ANKLE_SPEED_AT_CONTACT } from '../metrics/keyNumbers';
import { meanUncertainty, type PoseModelError } from '../metrics/uncertainty';
import { roundOrNull, roundTime } from '../util/stats';
import type { PassSpan } from '../view/view';

export type { StrikeKind };

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

/** Each initial contact of one side in one pass, classified on the low-passed heel and toe (null offset: not classified). */
export function passStrikes(columns: TrackColumns, side: Side, pass: PassSpan, offset: FootFlatOffset | null, initialContacts: readonly number[]): FootStrike[] {
  if (!offset) return initialContacts.map((t) => ({ t: roundTime(t), footAngle: null, pattern: null }));
  const p = SIDE_POINTS[side];
  const input: StrikeInput = {
    t: columns.t,
    heelX: columns.x[p.heel],
    heelY: columns.y[p.heel],
    toeX: columns.x[p.toe],
    toeY: columns.y[p.toe],
    facing: pass.facing,
    walking: pass.walking,
    footOffsetDeg: offset.footOffsetDeg,
    floorAngleDeg: offset.floorAngleDeg,
  };
  return strikePatterns(input, initialContacts).map((s) => ({ t: roundTime(s.t), footAngle: roundOrNull(s.footAngleDeg ?? NaN), pattern: s.pattern }));
}

/** The two limits of the flat band, for saying when the mean angle is too close to one to tell. */
const NEAR_LIMITS = [
  { at: STRIKE_THRESHOLDS.heelAbove, between: 'heel and flat strike' },
  { at: STRIKE_THRESHOLDS.forefootBelow, between: 'flat and forefoot strike' },
] as const;

const STRIKE_WORDS: Record<StrikeKind, string> = { heel: 'Heel strike', flat: 'Flat (mid-foot) strike', forefoot: 'Forefoot strike' };

/**
 * One side's steps summed up: how many land each way, the typical pattern, the mean foot-strike
 * angle with its standard uncertainty (spread over steps and the pose model's error, the foot
 * turning at ~150 deg/s around contact: keyNumbers.ts), whether that tells the pattern for sure
 * (`certain`), in plain words. A pattern is stated as found only when the mean angle clears the
 * limits of its band by more than its uncertainty; otherwise it is "not certain", with the pattern
 * most steps read as. On the BlazePose tracks of the rendered walks (fixtures/tracks), whose flat
 * and forefoot strikes BlazePose reads several degrees too toe-up, that turns every wrong pattern
 * into "not certain" and keeps the right ones (test/feetBlazePose.test.ts). Backward walking that lands
 * on the forefoot is described as the normal way to walk backwards, never as a finding.
 */
export function summarizeStrikes(strikes: readonly FootStrike[], walking: Walking, model: PoseModelError): StrikeSummary {
  const counts: Record<StrikeKind, number> = { heel: 0, flat: 0, forefoot: 0 };
  for (const s of strikes) if (s.pattern) counts[s.pattern]++;
  const classified = counts.heel + counts.flat + counts.forefoot;
  const typical = classified ? STRIKE_KINDS.reduce((a, b) => (counts[b] > counts[a] ? b : a)) : null;
  const angles = strikes.map((s) => s.footAngle).filter((v): v is number => v !== null);
  const footAngle = angles.length ? roundOrNull(angles.reduce((a, b) => a + b, 0) / angles.length) : null;
  const footAngleUncertainty = angles.length ? roundOrNull(meanUncertainty(angles, Math.hypot(model.ankleDeg, ANKLE_SPEED_AT_CONTACT * model.eventS), STRIKE_ANGLE_TYPICAL_SD)) : null;
  const expected = walking === 'backward' && typical === 'forefoot';
  const near = footAngle === null || footAngleUncertainty === null ? [] : NEAR_LIMITS.filter((l) => Math.abs(footAngle - l.at) < footAngleUncertainty);
  // Told for sure only when the mean angle lies in the typical pattern's band and clears its limits by more than its uncertainty.
  const certain = typical !== null && footAngle !== null && footAngleUncertainty !== null && near.length === 0 && classifyStrike(footAngle) === typical;
  let description = 'The foot was not seen clearly enough at initial contact to tell how it lands.';
  if (typical) {
    const angle = footAngle === null ? '' : ` (foot ${Math.abs(Math.round(footAngle))}° ${footAngle >= 0 ? 'toes up' : 'toes down'} at contact${footAngleUncertainty !== null ? `, ± ${Math.round(footAngleUncertainty)}°` : ''})`;
    const steps = `${counts[typical]} of ${classified} step${classified === 1 ? '' : 's'}`;
    if (expected) description = `Lands on the forefoot (${steps})${angle}, as backward walking does by nature: the foot reaches back toes first.`;
    else if (certain) description = `${STRIKE_WORDS[typical]}: ${steps}${angle}.`;
    else description = `Not certain: ${steps} read as ${STRIKE_WORDS[typical].toLowerCase()}${angle}.`;
    if (near.length === 1 && !expected) description += ` The mean angle is within its uncertainty of the limit between ${near[0].between} (${near[0].at}°): it may be either.`;
    if (near.length === 2 && !expected) description += ' The mean angle is within its uncertainty of both limits (8° and −1.6°): the pattern cannot be told for sure.';
    if (near.length === 0 && !certain && !expected && footAngle !== null) description += ` The mean angle reads as ${STRIKE_WORDS[classifyStrike(footAngle)].toLowerCase()}: the steps disagree.`;
    // Steps not read (the foot unseen, or landing at the edge of the picture) are counted apart.
    const unseen = strikes.length - classified;
    if (unseen) description += ` ${unseen} more step${unseen === 1 ? ' was' : 's were'} not seen clearly enough to read.`;
  }
  return { counts, typical, footAngle, footAngleUncertainty, certain, expected, description };
}

/** Step-to-step SD of the foot-strike angle in healthy walking (deg; Altman & Davis 2012 report SDs of 2-4 deg within a runner). */
const STRIKE_ANGLE_TYPICAL_SD = 3;
