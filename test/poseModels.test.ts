/** The pose-model catalogue and the rule that picks the default model from measurements. */
import { describe, expect, it } from 'vitest';
import { resolveLayout } from '../src/core/format/bodyPoints';
import { DEFAULT_MODEL, isTrackingModel, POSE_MODELS, poseModel, SCOUT_MODEL, TRACKING_MODELS } from '../src/pose/models';
import { chooseDefaultModel, defaultReason, liveModelFor, type ModelMeasurement, type ModelMeasurements } from '../src/pose/models/defaultModel';

const measured = (hipDeg: number, kneeDeg: number, msPerFrame: number): ModelMeasurement => ({
  hipDeg,
  kneeDeg,
  ankleDeg: null,
  eventsWithin1Frame: 0.8,
  extraEventsPerWalk: 0,
  msPerFrame,
  relativeTime: msPerFrame / 30,
  realTime: 30 / msPerFrame,
});

describe('the pose-model catalogue', () => {
  it('has one entry per key and id, each with weight files and a layout the analysis can read', () => {
    expect(new Set(POSE_MODELS.map((m) => m.key)).size).toBe(POSE_MODELS.length);
    expect(new Set(POSE_MODELS.map((m) => m.id)).size).toBe(POSE_MODELS.length);
    for (const m of POSE_MODELS) {
      expect(m.files.length).toBeGreaterThan(0);
      expect(resolveLayout(m.keypointNames).missing, m.key).toEqual([]);
    }
  });

  it('BlazePose models name heels and toes; MoveNet models do not', () => {
    for (const m of TRACKING_MODELS) {
      expect(resolveLayout(m.keypointNames).hasFeet, m.key).toBe(m.family === 'blazepose');
    }
  });

  it('the scout finds everyone; the default and every user choice follow one person', () => {
    expect(poseModel(SCOUT_MODEL).multiPerson).toBe(true);
    expect(isTrackingModel(DEFAULT_MODEL)).toBe(true);
    expect(isTrackingModel(SCOUT_MODEL)).toBe(false);
    expect(isTrackingModel('posenet')).toBe(false);
    expect(() => poseModel('posenet')).toThrow(/use one of lightning, thunder, multipose, blazepose-lite/);
    expect(poseModel('movenet-thunder').key).toBe('thunder');
  });
});

describe('chooseDefaultModel', () => {
  const m = (models: Record<string, ModelMeasurement>): ModelMeasurements => ({ measured: 'test', caption: 'test', models });

  it('takes the most accurate of the models nearly as fast as the fastest', () => {
    expect(chooseDefaultModel(m({ fast: measured(2, 4.5, 30), accurate: measured(1.5, 3, 100) }))).toBe('fast');
    // Within 25 % of the fastest's time and more accurate: that one.
    expect(chooseDefaultModel(m({ fast: measured(2, 4.5, 30), close: measured(1.5, 3, 37) }))).toBe('close');
    expect(chooseDefaultModel(m({ fast: measured(2, 4.5, 30), close: measured(1.5, 3, 38) }))).toBe('fast');
    expect(chooseDefaultModel(m({}))).toBeNull();
  });

  it('says why in plain words, with the measured errors and how much longer the others take', () => {
    const text = defaultReason(m({ fast: measured(2, 4.5, 30), slow: measured(1.5, 3, 90) }), 'fast');
    expect(text).toContain('it is the fastest (the others take up to 3.0 times');
    expect(text).toContain('2.0° and 4.5°');
    const close = defaultReason(m({ fast: measured(2, 4.5, 33), quicker: measured(3, 6, 30), slow: measured(1.5, 3, 99) }), 'fast');
    expect(close).toContain('one of the 2 quickest models (the others take up to 3.0 times as long per frame) and the most accurate of them');
  });
});

describe('liveModelFor', () => {
  it('films live with the chosen model when it is at most 2.5 times the fastest, else with the default', () => {
    const m: ModelMeasurements = { measured: 'test', caption: 'test', models: { fast: measured(2, 4, 30), full: measured(2, 3, 60), heavy: measured(2, 3, 300) } };
    expect(liveModelFor(m, 'full', 'fast')).toBe('full');
    expect(liveModelFor(m, 'heavy', 'fast')).toBe('fast');
    expect(liveModelFor(m, 'unmeasured', 'fast')).toBe('fast');
  });
});
