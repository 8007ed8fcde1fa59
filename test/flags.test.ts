/**
 * Flag rules at their own level (src/core/flags/rules.ts), on key numbers with known uncertainties:
 * a value past its limit by more than its uncertainty is flagged, by less it is a borderline with
 * what would settle it, inside it is nothing; asymmetry allows for the camera's near/far-leg
 * difference with the models that show it.
 */
import { describe, expect, it } from 'vitest';
import { ASYMMETRY_HIP_DEG, ASYMMETRY_KNEE_DEG, evaluateFlags, NEAR_FAR_ALLOWANCE, type FlagInputs } from '../src/core/flags/rules';
import type { CycleKeyValues, Side } from '../src/core/format/report';
import { KEY_NUMBERS, type KeyNumberId } from '../src/core/metrics/keyNumbers';
import { POSE_MODEL_ERRORS } from '../src/core/metrics/uncertainty';

/** A healthy walker's key numbers (inside every healthy range). */
function healthy(): CycleKeyValues {
  return {
    hipAtInitialContact: 25,
    peakHipExtension: -15,
    peakHipExtensionAtPercent: 52,
    peakHipFlexion: 28,
    kneeAtInitialContact: 5,
    loadingResponseKneePeak: 18,
    kneeAtToeOff: 42,
    peakSwingKneeFlexion: 64,
    peakSwingKneeFlexionAtPercent: 72,
    terminalSwingKneeMin: 3,
    peakSwingKneeExtensionVelocity: 350,
    lateSwingKneeExtension: 22,
    minStanceKneeFlexion: 5,
    hipRange: 43,
    kneeRange: 60,
    meanTrunkLean: 1,
    stepReachLegLengths: 0.38,
  };
}

const uAll = (u: number) => Object.fromEntries(KEY_NUMBERS.map((k) => [k.id, k.id === 'stepReachLegLengths' ? 0.03 : u])) as Record<KeyNumberId, number>;

function inputs(left: Partial<CycleKeyValues>, right: Partial<CycleKeyValues> = {}, o: Partial<FlagInputs> = {}): FlagInputs {
  const kv = { left: { ...healthy(), ...left }, right: { ...healthy(), ...right } };
  const cyclesOf = (side: Side) => [kv[side], kv[side], kv[side], kv[side]];
  return {
    keyValues: kv,
    uncertainty: { left: uAll(3), right: uAll(3) },
    cycleValues: { left: cyclesOf('left'), right: cyclesOf('right') },
    cycles: { left: 4, right: 4 },
    summary: { cadence: 110, symmetry: { stepTime: 2, stanceTime: 2, hipRange: 3, peakSwingKneeFlexion: 3 }, stepTime: { left: null, right: null }, strideTime: { mean: 1.09, sd: 0.02, cv: 2, n: 8 } },
    summaryUncertainty: {
      cadence: 1,
      strideTime: 0.01,
      stepTime: { left: 0.01, right: 0.01 },
      stancePercent: { left: 2, right: 2 },
      swingPercent: { left: 2, right: 2 },
      doubleSupportPercent: 3,
      symmetry: { stepTime: 3, stanceTime: 3, hipRange: 5, peakSwingKneeFlexion: 5 },
      poseModel: { id: 'mocap', source: 'test' },
    },
    trunkVisible: true,
    model: POSE_MODEL_ERRORS.mocap,
    ...o,
  };
}

const ids = (r: ReturnType<typeof evaluateFlags>) => r.flags.map((f) => `${f.id}:${f.side}`);
const borders = (r: ReturnType<typeof evaluateFlags>) => r.borderline.map((b) => `${b.id}:${b.side}`);

describe('flag rules with uncertainty', () => {
  it('a healthy walker raises nothing and no borderline', () => {
    const r = evaluateFlags(inputs({}));
    expect(r.flags).toEqual([]);
    expect(r.borderline).toEqual([]);
  });

  for (const [name, id, limitDirection, limit, key] of [
    ['crouch', 'crouch', 'above', 20, 'minStanceKneeFlexion'],
    ['flicking swing', 'flicking-swing', 'above', 38, 'lateSwingKneeExtension'],
    ['stiff knee', 'stiff-knee-swing', 'below', 40, 'peakSwingKneeFlexion'],
    ['limited push-off (hip)', 'limited-push-off', 'above', -5, 'peakHipExtension'],
  ] as const) {
    it(`${name}: flagged beyond the limit by more than u, borderline within u, nothing inside`, () => {
      const sign = limitDirection === 'above' ? 1 : -1;
      const clear = evaluateFlags(inputs({ [key]: limit + sign * 5 }));
      expect(ids(clear)).toContain(`${id}:left`);
      const close = evaluateFlags(inputs({ [key]: limit + sign * 2 }));
      expect(ids(close)).not.toContain(`${id}:left`);
      expect(borders(close)).toContain(`${id}:left`);
      expect(close.borderline.find((b) => b.id === id)!.message).toMatch(/To settle it/);
      const inside = evaluateFlags(inputs({ [key]: limit - sign * 1 }));
      expect(ids(inside)).not.toContain(`${id}:left`);
      expect(borders(inside)).not.toContain(`${id}:left`);
    });
  }

  it('the evidence carries the value with its uncertainty and its healthy range with the source', () => {
    const f = evaluateFlags(inputs({ minStanceKneeFlexion: 40 })).flags.find((x) => x.id === 'crouch')!;
    expect(f.evidence[0]).toMatchObject({ value: 40, uncertainty: 3, reference: { high: 20 } });
    expect(f.evidence[0].reference.source).toMatch(/calibration set/);
  });

  it('suggests the accurate model and more steps where they would settle a borderline', () => {
    const r = evaluateFlags(inputs({ minStanceKneeFlexion: 22 }, {}, { model: POSE_MODEL_ERRORS['movenet-lightning'], cycles: { left: 2, right: 2 } }));
    expect(r.borderline[0].message).toMatch(/Thunder/);
    expect(r.borderline[0].message).toMatch(/more steps/);
  });

  it('a borderline stiff knee on the leg far from the camera says to film that leg near the camera; on the near leg it does not', () => {
    const far = evaluateFlags(inputs({ peakSwingKneeFlexion: 38 }, {}, { farShare: { left: 1, right: 0 } }));
    expect(borders(far)).toEqual(['stiff-knee-swing:left']);
    expect(far.borderline[0].message).toMatch(/filming the left leg near the camera/);
    const near = evaluateFlags(inputs({ peakSwingKneeFlexion: 38 }, {}, { farShare: { left: 0, right: 1 } }));
    expect(borders(near)).toEqual(['stiff-knee-swing:left']);
    expect(near.borderline[0].message).not.toMatch(/near the camera/);
    // A measure the far leg does not read worse (crouch: the straightest knee in stance) gets no such advice.
    const crouch = evaluateFlags(inputs({ minStanceKneeFlexion: 22 }, {}, { farShare: { left: 1, right: 0 } }));
    expect(crouch.borderline[0].message).not.toMatch(/near the camera/);
  });
});

describe('asymmetry and the near/far leg', () => {
  const allowance = NEAR_FAR_ALLOWANCE['movenet-lightning'];
  const lightning = { model: POSE_MODEL_ERRORS['movenet-lightning'] };

  it('with MoveNet, a difference the camera alone makes (far leg hidden) is not asymmetry', () => {
    const knee = evaluateFlags(inputs({ peakSwingKneeFlexion: 64 - 13 }, {}, lightning));
    expect(ids(knee)).toEqual([]);
    expect(borders(knee)).toEqual([]);
    const hip = evaluateFlags(inputs({ peakHipExtension: -15 + 11 }, {}, lightning));
    expect(ids(hip).filter((x) => x.startsWith('asymmetry'))).toEqual([]);
  });

  it('with MoveNet, a difference beyond the limit plus the camera allowance is asymmetry, and says so', () => {
    const r = evaluateFlags(inputs({ peakSwingKneeFlexion: 64 - (ASYMMETRY_KNEE_DEG + allowance.peakSwingKneeFlexion + 6) }, {}, lightning));
    const f = r.flags.find((x) => x.id === 'asymmetry');
    expect(f).toBeDefined();
    expect(f!.evidence[0].reference.high).toBe(ASYMMETRY_KNEE_DEG + allowance.peakSwingKneeFlexion);
    expect(f!.evidence[0].reference.source).toMatch(/near and the far leg/);
  });

  it('a track without a near/far allowance (motion capture, synthetic) is judged on the plain limits', () => {
    expect(ids(evaluateFlags(inputs({ peakSwingKneeFlexion: 64 - 11.5 })))).not.toContain('asymmetry:both');
    expect(ids(evaluateFlags(inputs({ peakSwingKneeFlexion: 64 - 20 })))).toContain('asymmetry:both');
    expect(ids(evaluateFlags(inputs({ peakHipExtension: -15 + ASYMMETRY_HIP_DEG + 6 })))).toContain('asymmetry:both');
  });

  it('a step-time symmetry index past 10 % by more than its uncertainty is asymmetry, within it a borderline', () => {
    const withSi = (si: number) => inputs({}, {}, { summary: { ...inputs({}).summary, symmetry: { stepTime: si, stanceTime: 2, hipRange: 3, peakSwingKneeFlexion: 3 } } });
    expect(ids(evaluateFlags(withSi(15)))).toContain('asymmetry:both');
    expect(borders(evaluateFlags(withSi(12)))).toContain('asymmetry:both');
    expect(ids(evaluateFlags(withSi(12)))).not.toContain('asymmetry:both');
  });
});

describe('cadence', () => {
  const at = (cadence: number) => evaluateFlags(inputs({}, {}, { summary: { ...inputs({}).summary, cadence } }));
  it('fast walking (up to 142 steps/min on healthy walks) is not flagged; far outside is', () => {
    expect(ids(at(140))).toEqual([]);
    expect(ids(at(160))).toEqual(['cadence-high:both']);
    expect(ids(at(70))).toEqual(['cadence-low:both']);
    expect(borders(at(84.5))).toEqual(['cadence-low:both']);
  });
});
