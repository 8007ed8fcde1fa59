/**
 * The uncertainty maths (src/core/metrics/uncertainty.ts), the judging of a value against a limit
 * (judge.ts) and the change rule between sessions (change.ts), each against hand-computed truth.
 */
import { describe, expect, it } from 'vitest';
import { combined, meanUncertainty, poseModelError, POSE_MODEL_ERRORS } from '../src/core/metrics/uncertainty';
import { callLimit, judge } from '../src/core/metrics/judge';
import { changeBetween, changeWords, minimalDetectableChange } from '../src/core/metrics/change';
import { KEY_NUMBERS } from '../src/core/metrics/keyNumbers';
import { REFERENCE } from '../src/core/reference';
import { keyValueUncertainty } from '../src/core/metrics/aggregate';
import { farLeg } from '../src/core/view/view';
import type { CycleKeyValues } from '../src/core/format/report';

describe('meanUncertainty', () => {
  it('is the SD over cycles / sqrt(n) combined in quadrature with the model error', () => {
    // values 10, 12, 14, 16: mean 13, SD sqrt(20/3) = 2.582; / sqrt(4) = 1.291; with model 3: sqrt(1.667 + 9) = 3.266
    expect(meanUncertainty([10, 12, 14, 16], 3, 1)).toBeCloseTo(Math.sqrt(20 / 3 / 4 + 9), 6);
  });
  it('shrinks with more cycles, down to the model error and no further', () => {
    const few = meanUncertainty([10, 14], 2, 2);
    const many = meanUncertainty(Array.from({ length: 40 }, (_, i) => (i % 2 ? 10 : 14)), 2, 2);
    expect(many).toBeLessThan(few);
    expect(many).toBeGreaterThan(2);
    expect(many).toBeLessThan(2.2);
  });
  it('uses the typical SD for a single cycle, and never trusts a tiny spread from 2-3 cycles', () => {
    expect(meanUncertainty([20], 0, 3)).toBeCloseTo(3, 9);
    // Two identical cycles: the spread 0 is not believed; half the typical SD / sqrt(2) stands in.
    expect(meanUncertainty([20, 20], 0, 3)).toBeCloseTo(1.5 / Math.SQRT2, 9);
    expect(meanUncertainty([], 1, 1)).toBeNaN();
  });
  it('combines independent parts in quadrature', () => {
    expect(combined(3, 4)).toBeCloseTo(5, 12);
  });
  it('takes the error of the model that made the track', () => {
    expect(poseModelError({ kind: 'video', model: 'movenet-thunder' })).toBe(POSE_MODEL_ERRORS['movenet-thunder']);
    expect(poseModelError({ kind: 'video', model: 'movenet-lightning' }).kneeDeg).toBeGreaterThan(POSE_MODEL_ERRORS['movenet-thunder'].kneeDeg);
    expect(poseModelError({ kind: 'import', model: 'openpose' })).toBe(POSE_MODEL_ERRORS['video-2d']);
    expect(poseModelError({ kind: 'mocap' })).toBe(POSE_MODEL_ERRORS.mocap);
    expect(poseModelError({ kind: 'video', model: 'blazepose-lite' }).kneeDeg).toBeGreaterThan(POSE_MODEL_ERRORS['blazepose-full'].kneeDeg);
    expect(poseModelError({ kind: 'video', model: 'blazepose-full' }).ankleDeg).toBeGreaterThan(0);
  });
  it('every key number has a model error and a typical SD (the ankle ones with a model that sees the feet)', () => {
    for (const k of KEY_NUMBERS) {
      expect(k.modelError(POSE_MODEL_ERRORS[k.feet ? 'blazepose-full' : 'movenet-lightning']), k.id).toBeGreaterThan(0);
      expect(k.typicalSd, k.id).toBeGreaterThan(0);
    }
  });
});

describe('the leg farther from the camera', () => {
  const cycles = [58, 62, 60].map((peak) => ({ peakSwingKneeFlexion: peak, minStanceKneeFlexion: 5 }) as unknown as CycleKeyValues);
  const model = POSE_MODEL_ERRORS['blazepose-full'];
  it("its peak swing knee flexion takes the model's far-leg error in the cycles where it was the far leg; numbers it does not read worse keep the model's error", () => {
    const at = (farShare: number) => keyValueUncertainty(cycles, model, false, farShare);
    // Spread: SD 2 over 3 cycles, never below half the typical 2.5 -> 2 / sqrt(3).
    const spread = 2 / Math.sqrt(3);
    expect(at(0).peakSwingKneeFlexion).toBeCloseTo(Math.hypot(spread, model.kneeDeg), 2);
    expect(at(1).peakSwingKneeFlexion).toBeCloseTo(Math.hypot(spread, model.farLegSwingKneeDeg), 2);
    // Half the cycles far: the systematic errors mix linearly in the mean.
    expect(at(0.5).peakSwingKneeFlexion).toBeCloseTo(Math.hypot(spread, (model.kneeDeg + model.farLegSwingKneeDeg) / 2), 2);
    expect(at(1).minStanceKneeFlexion).toBe(at(0).minStanceKneeFlexion);
  });
  it('every 2D pose model reads it worse than its per-frame knee error; projected motion capture does not', () => {
    for (const id of ['movenet-lightning', 'movenet-thunder', 'blazepose-lite', 'blazepose-full', 'blazepose-heavy', 'video-2d']) {
      expect(POSE_MODEL_ERRORS[id].farLegSwingKneeDeg, id).toBeGreaterThan(POSE_MODEL_ERRORS[id].kneeDeg);
    }
    expect(POSE_MODEL_ERRORS.mocap.farLegSwingKneeDeg).toBe(POSE_MODEL_ERRORS.mocap.kneeDeg);
  });
  it('is the left leg for a walker facing image right, the right leg facing left', () => {
    expect(farLeg(1)).toBe('left');
    expect(farLeg(-1)).toBe('right');
  });
});

describe('judging a value against a limit with its uncertainty', () => {
  it('flags only beyond the limit by more than u; closer is borderline; inside is nothing', () => {
    expect(callLimit(26, 5, 20, 'above')).toBe('beyond');
    expect(callLimit(24, 5, 20, 'above')).toBe('borderline');
    expect(callLimit(20, 5, 20, 'above')).toBeNull();
    expect(callLimit(16, 5, 20, 'above')).toBeNull();
    expect(callLimit(30, 5, 40, 'below')).toBe('beyond');
    expect(callLimit(37, 5, 40, 'below')).toBe('borderline');
    // Unknown uncertainty: the limit alone decides.
    expect(callLimit(20.1, NaN, 20, 'above')).toBe('beyond');
  });
  it('marks a healthy-range row high, borderline or in range', () => {
    const range = REFERENCE.kneeAtInitialContact; // -10 to 20
    expect(judge(27, 4, range)).toBe('high');
    expect(judge(22, 4, range)).toBe('borderline-high');
    expect(judge(5, 4, range)).toBe('ok');
    expect(judge(-13, 4, range)).toBe('borderline-low');
    expect(judge(-15, 4, range)).toBe('low');
    expect(judge(null, 4, range)).toBe('none');
    expect(judge(5, 4, null)).toBe('none');
  });
});

describe('real change between two sessions', () => {
  it('the minimal detectable change is 1.96 sqrt(ua^2 + ub^2)', () => {
    expect(minimalDetectableChange(3, 4)).toBeCloseTo(9.8, 9);
    expect(minimalDetectableChange(null, 4)).toBeNull();
  });
  it('a difference beyond it is a real change, within it is noise', () => {
    expect(changeBetween(-8, 2, -16, 2).verdict).toBe('decrease'); // 8 > 1.96 * 2.83 = 5.54
    expect(changeBetween(-8, 2, -12, 2).verdict).toBe('within-noise'); // 4 < 5.54
    expect(changeBetween(100, 1, 106, 1).verdict).toBe('increase');
    expect(changeBetween(100, null, 106, 1).verdict).toBe('unknown');
    expect(changeBetween(null, 1, 106, 1).verdict).toBe('unknown');
  });
  it('says it in words with the noise band', () => {
    expect(changeWords(changeBetween(-8, 2, -12, 2), 'deg', 1)).toMatch(/within measurement noise .* 5\.5 deg/);
    expect(changeWords(changeBetween(-8, 2, -16, 2), 'deg', 1)).toMatch(/real decrease/);
  });
});
