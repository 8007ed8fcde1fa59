/** People and trends in the history (issue 12 item 5): pure series from saved sessions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { keyNumber } from '../src/core/metrics/keyNumbers';
import { REFERENCE } from '../src/core/reference';
import { keyNumbers } from '../src/ui/history/sessionSummary';
import { backwardTrend, DEFAULT_PERSON, peopleOf, personOf, trendSeries } from '../src/ui/history/trends';
import { synthesizeWalk } from '../src/synth';

const walk = (cadence: number, seed: number, walking: 'forward' | 'backward' = 'forward') =>
  keyNumbers(analyzeTrack(synthesizeWalk({ setting: 'treadmill', cadence, seed, walking, durationS: 10 }).track));

describe('trends', () => {
  const day = 86_400_000;
  const sessions = [
    { createdAt: 3 * day, person: 'Ana', keyNumbers: walk(112, 3) },
    { createdAt: 1 * day, person: 'Ana', keyNumbers: walk(100, 1) },
    { createdAt: 2 * day, keyNumbers: walk(106, 2) },
  ];

  it('people: a name, or "me" when none was given, in order of first session', () => {
    expect(personOf({})).toBe(DEFAULT_PERSON);
    expect(personOf({ person: '  ' })).toBe('me');
    expect(peopleOf(sessions)).toEqual(['Ana', 'me']);
  });

  it('each key number over one person’s sessions, oldest first, with uncertainty and the healthy band', () => {
    const ana = sessions.filter((s) => personOf(s) === 'Ana');
    const series = trendSeries(ana);
    const cadence = series.find((s) => s.key === 'cadence')!;
    expect(cadence.points.map((p) => p.t)).toEqual([day, 3 * day]);
    expect(cadence.points[0].value).toBeCloseTo(100, 0);
    expect(cadence.points[1].value).toBeCloseTo(112, 0);
    expect(cadence.band).toEqual({ low: REFERENCE.cadence.low, high: REFERENCE.cadence.high });
    // Reports carry uncertainties: they come along (a noise-free treadmill walk keeps a perfectly even cadence: 0).
    expect(cadence.points.every((p) => p.uncertainty !== null && p.uncertainty >= 0)).toBe(true);
    const knee = series.find((s) => s.key === 'peakSwingKneeFlexion.left')!;
    expect(knee.points.every((p) => p.uncertainty !== null && p.uncertainty > 0)).toBe(true);
    // Stride time's band follows from the cadence band (120 / cadence).
    const stride = series.find((s) => s.key === 'strideTime')!;
    expect(stride.band!.low).toBeCloseTo(120 / REFERENCE.cadence.high!, 6);
    expect(stride.points[0].value).toBeCloseTo(120 / cadence.points[0].value, 1);
    expect(series.map((s) => s.key)).toContain('peakSwingKneeFlexion.left');
  });

  it('backward walking as a running share of forward time, against 10-25 %', () => {
    const fwd = walk(108, 5);
    const back = walk(100, 6, 'backward');
    const trend = backwardTrend([
      { createdAt: 1, keyNumbers: fwd },
      { createdAt: 2, keyNumbers: back },
    ]);
    expect(trend.band).toEqual({ low: 10, high: 25 });
    expect(trend.points).toHaveLength(2);
    expect(trend.points[0].value).toBe(0);
    expect(trend.points[1].value).toBeCloseTo((100 * back.backwardSeconds) / fwd.forwardSeconds, 0);
  });

  it('the ankle numbers over the sessions that have them (BlazePose), with their uncertainty and the healthy band from KEY_NUMBERS', () => {
    const feet = keyNumbers(analyzeTrack(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'tracks', 'healthy-feet.blazepose-full.track.json'), 'utf8')) as GaitPoseTrack));
    const moveNet = walk(104, 7);
    const series = trendSeries([
      { createdAt: 1 * day, keyNumbers: moveNet },
      { createdAt: 2 * day, keyNumbers: feet },
    ]);
    const pushOff = series.find((s) => s.key === 'peakPushOffPlantarflexion.left')!;
    const spec = keyNumber('peakPushOffPlantarflexion');
    expect(pushOff).toMatchObject({ label: `${spec.label}, left`, unit: spec.unit, decimals: spec.decimals, band: { low: REFERENCE.peakPushOffPlantarflexion.low, high: REFERENCE.peakPushOffPlantarflexion.high } });
    // Only the session with feet has a point; the MoveNet one is left out, not drawn as zero.
    expect(pushOff.points).toEqual([{ t: 2 * day, value: feet.peakPushOffPlantarflexion!.left, uncertainty: feet.uncertainty!['peakPushOffPlantarflexion.left'] }]);
    expect(series.find((s) => s.key === 'ankleRange.right')!.points).toHaveLength(1);
    // The other series keep both sessions.
    expect(series.find((s) => s.key === 'cadence')!.points).toHaveLength(2);
    // Without any session with feet the ankle series are empty (the history draws only series with points).
    const none = trendSeries([{ createdAt: day, keyNumbers: moveNet }]);
    expect(none.filter((s) => /ankle|PushOff/i.test(s.key)).every((s) => s.points.length === 0)).toBe(true);
    expect(none.filter((s) => s.points.length > 0).map((s) => s.key)).toEqual(['cadence', 'strideTime', 'stancePercent.left', 'stancePercent.right', 'peakHipExtension.left', 'peakHipExtension.right', 'peakSwingKneeFlexion.left', 'peakSwingKneeFlexion.right']);
  });
});
