/**
 * The history's pure parts against reports of synthetic walks with known truth: the key numbers
 * kept with a session, the running share of backward walking, the comparison rows and flags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeWalk } from '../src/synth';
import { analyzeTrack } from '../src/core/analyze';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { keyNumber } from '../src/core/metrics/keyNumbers';
import {
  backwardShare,
  compareFlags,
  compareRows,
  formatDifference,
  formatDuration,
  keyNumbers,
  SESSION_ANKLE_NUMBERS,
  SUGGESTED_BACKWARD_PERCENT_OF_FORWARD,
  type SessionKeyNumbers,
} from '../src/ui/history/sessionSummary';

const healthyWalk = synthesizeWalk({ cadence: 110 });
const healthy = analyzeTrack(healthyWalk.track);
const backwardWalk = synthesizeWalk({ walking: 'backward', cadence: 100 });
const backward = analyzeTrack(backwardWalk.track);
const stiff = analyzeTrack(synthesizeWalk({ setting: 'treadmill', pathology: { stiffKnee: true } }).track);

describe('keyNumbers', () => {
  it('takes cadence, stride time, stance and key angles from the report, near the walker truth', () => {
    const k = keyNumbers(healthy);
    const truth = healthyWalk.truth;
    expect(k.cadence).not.toBeNull();
    expect(Math.abs(k.cadence! - truth.cadence)).toBeLessThan(2);
    expect(Math.abs(k.strideTime! - truth.strideTime)).toBeLessThan(0.03);
    for (const side of ['left', 'right'] as const) {
      expect(Math.abs(k.stancePercent[side]! - truth.stancePercent)).toBeLessThan(3);
      expect(k.peakHipExtension[side]).toBe(healthy.summary.keyValues[side].peakHipExtension);
      // Healthy walking: the hip extends past neutral (negative) and the knee flexes ~60 deg in swing.
      expect(k.peakHipExtension[side]!).toBeLessThan(0);
      expect(k.peakSwingKneeFlexion[side]!).toBeGreaterThan(50);
    }
    expect(k.flagsCount).toBe(healthy.flags.length);
    expect(k.walking).toBe('forward');
  });

  it('counts the seconds of walking by direction from the passes', () => {
    const f = keyNumbers(healthy);
    const expected = healthy.passes.reduce((s, p) => s + p.end - p.start, 0);
    expect(f.backwardSeconds).toBe(0);
    expect(f.forwardSeconds).toBeCloseTo(expected, 2);
    expect(f.forwardSeconds).toBeGreaterThan(2);

    const b = keyNumbers(backward);
    expect(b.walking).toBe('backward');
    expect(b.forwardSeconds).toBe(0);
    expect(b.backwardSeconds).toBeGreaterThan(2);
  });

  it('counts the flags of a pathological walk', () => {
    const k = keyNumbers(stiff);
    expect(k.flagsCount).toBeGreaterThan(0);
    expect(stiff.flags.map((f) => f.id)).toContain('stiff-knee-swing');
    expect(k.peakSwingKneeFlexion.left!).toBeLessThan(45);
  });
});

describe('backwardShare', () => {
  it('is backward time as a share of forward time, judged against 10-25 %', () => {
    expect(SUGGESTED_BACKWARD_PERCENT_OF_FORWARD).toEqual({ low: 10, high: 25 });
    expect(backwardShare([])).toEqual({ forwardSeconds: 0, backwardSeconds: 0, percentOfForward: null, status: 'none' });
    expect(backwardShare([{ forwardSeconds: 100, backwardSeconds: 5 }]).status).toBe('below');
    const within = backwardShare([
      { forwardSeconds: 60, backwardSeconds: 0 },
      { forwardSeconds: 40, backwardSeconds: 15 },
    ]);
    expect(within).toEqual({ forwardSeconds: 100, backwardSeconds: 15, percentOfForward: 15, status: 'within' });
    expect(backwardShare([{ forwardSeconds: 10, backwardSeconds: 3 }]).status).toBe('above');
    expect(backwardShare([{ forwardSeconds: 0, backwardSeconds: 3 }])).toMatchObject({ percentOfForward: null, status: 'above' });
  });

  it('adds up real sessions: a forward and a backward walk', () => {
    const f = keyNumbers(healthy);
    const b = keyNumbers(backward);
    const share = backwardShare([f, b]);
    expect(share.forwardSeconds).toBeCloseTo(f.forwardSeconds, 2);
    expect(share.backwardSeconds).toBeCloseTo(b.backwardSeconds, 2);
    expect(share.percentOfForward).toBeCloseTo((100 * b.backwardSeconds) / f.forwardSeconds, 1);
  });
});

describe('compareRows and compareFlags', () => {
  it('lines up the key numbers with B minus A', () => {
    const a = keyNumbers(healthy);
    const b = keyNumbers(stiff);
    const rows = compareRows(a, b);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(Object.keys(byKey)).toEqual(
      expect.arrayContaining(['cadence', 'strideTime', 'stancePercent.left', 'peakHipExtension.right', 'peakSwingKneeFlexion.left', 'flagsCount']),
    );
    const knee = byKey['peakSwingKneeFlexion.left'];
    expect(knee.a).toBe(a.peakSwingKneeFlexion.left);
    expect(knee.b).toBe(b.peakSwingKneeFlexion.left);
    // A stiff knee swings ~25 deg less than a healthy one.
    expect(knee.difference!).toBeLessThan(-15);
    expect(byKey.flagsCount.difference).toBe(b.flagsCount - a.flagsCount);
    // A session compared with itself differs by nothing.
    for (const row of compareRows(a, a)) expect(row.difference === null || row.difference === 0).toBe(true);
  });

  it('says whether each change exceeds what measurement noise explains (minimal detectable change)', () => {
    // The same healthy walker on two days, each with MoveNet-like noise: no real change anywhere.
    const noise = (seed: number) => ({ jitterFrac: 0.01, swapFraction: 0.05, dropoutFraction: 0.03, seed });
    const day1 = keyNumbers(analyzeTrack(synthesizeWalk({ setting: 'treadmill', seed: 1, noise: noise(1) }).track));
    const day2 = keyNumbers(analyzeTrack(synthesizeWalk({ setting: 'treadmill', seed: 2, noise: noise(2) }).track));
    const same = compareRows(day1, day2).filter((r) => r.mdc !== null);
    expect(same.length).toBeGreaterThanOrEqual(7);
    for (const r of same) expect(r.verdict, r.key).toBe('within-noise');
    // The same walker with 14 deg less hip extension on the right: a real change on that side only.
    const worse = keyNumbers(analyzeTrack(synthesizeWalk({ setting: 'treadmill', seed: 2, noise: noise(2), pathology: { side: 'right', hipExtensionDeficitDeg: 14 } }).track));
    const rows = Object.fromEntries(compareRows(day1, worse).map((r) => [r.key, r]));
    expect(rows['peakHipExtension.right'].verdict).toBe('increase');
    expect(rows['peakHipExtension.right'].difference!).toBeGreaterThan(rows['peakHipExtension.right'].mdc!);
    expect(rows['peakHipExtension.left'].verdict).toBe('within-noise');
    // Sessions saved before reports had uncertainties cannot be judged, and say so.
    const { uncertainty: _dropped, ...old } = day1;
    expect(compareRows(old, day2).every((r) => r.verdict === 'unknown' || r.mdc === null)).toBe(true);
  });

  it('gives a missing difference where a number is missing', () => {
    const a = keyNumbers(healthy);
    const rows = compareRows({ ...a, cadence: null }, a);
    expect(rows.find((r) => r.key === 'cadence')!.difference).toBeNull();
  });

  it('marks flags as new, gone or in both', () => {
    const toStiff = compareFlags(healthy, stiff);
    const stiffRow = toStiff.find((r) => r.id === 'stiff-knee-swing');
    expect(stiffRow).toMatchObject({ change: 'new', a: null });
    expect(stiffRow!.b).not.toBeNull();
    expect(compareFlags(stiff, healthy).find((r) => r.id === 'stiff-knee-swing')).toMatchObject({ change: 'gone', b: null });
    expect(compareFlags(stiff, stiff).every((r) => r.change === 'both')).toBe(true);
    expect(compareFlags(stiff, stiff).length).toBe(stiff.flags.length);
  });
});

/** A real report with ankle key numbers: a BlazePose track of a rendered walk with feet. */
const blazePose = (name: string) =>
  analyzeTrack(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'tracks', `${name}.track.json`), 'utf8')) as GaitPoseTrack);
const ANKLE_KEYS = SESSION_ANKLE_NUMBERS.flatMap((id) => [`${id}.left`, `${id}.right`]);

describe('ankle key numbers in the history (reports of tracks with feet)', () => {
  const withFeet = blazePose('healthy-feet.blazepose-full');
  const withFeet2 = blazePose('healthy-feet.blazepose-lite');
  const byKey = (rows: ReturnType<typeof compareRows>) => Object.fromEntries(rows.map((r) => [r.key, r]));

  it('keeps peak push-off plantarflexion and ankle range per side, with their uncertainties, from a report with feet', () => {
    expect(SESSION_ANKLE_NUMBERS).toContain('peakPushOffPlantarflexion');
    const k = keyNumbers(withFeet);
    for (const id of SESSION_ANKLE_NUMBERS) {
      for (const side of ['left', 'right'] as const) {
        expect(k[id]![side], `${id}.${side}`).toBe(withFeet.summary.keyValues[side][id]);
        expect(k.uncertainty![`${id}.${side}`], `${id}.${side}`).toBe(withFeet.summary.keyValueUncertainty[side][id]);
        expect(k.uncertainty![`${id}.${side}`]!).toBeGreaterThan(0);
      }
    }
    // A healthy push-off: the toes point down at toe off (negative) and the ankle moves 15-45 deg.
    expect(k.peakPushOffPlantarflexion!.left!).toBeLessThan(0);
    expect(k.ankleRange!.right!).toBeGreaterThan(10);
    // Stored as JSON in IndexedDB: it survives the round trip.
    expect(JSON.parse(JSON.stringify(k))).toEqual(k);
  });

  it('lines up the ankle rows with B minus A, the minimal detectable change and its verdict', () => {
    const a = keyNumbers(withFeet);
    const b = keyNumbers(withFeet2);
    const rows = byKey(compareRows(a, b));
    for (const key of ANKLE_KEYS) {
      const [id, side] = key.split('.') as [(typeof SESSION_ANKLE_NUMBERS)[number], 'left' | 'right'];
      const r = rows[key];
      expect(r, key).toBeDefined();
      expect(r.label).toBe(`${keyNumber(id).label}, ${side}`);
      expect(r.unit).toBe(keyNumber(id).unit);
      expect(r.a).toBe(a[id]![side]);
      expect(r.b).toBe(b[id]![side]);
      // Rounded to the row's decimals, as shown (a half rounds up: 9.75 -> 9.8).
      expect(Math.abs(r.difference! - (r.b! - r.a!))).toBeLessThanOrEqual(0.5 * 10 ** -r.decimals + 1e-9);
      const mdc = 1.96 * Math.hypot(a.uncertainty![key]!, b.uncertainty![key]!);
      expect(r.mdc).toBeCloseTo(mdc, 1);
      expect(r.verdict).toBe(Math.abs(r.b! - r.a!) <= mdc ? 'within-noise' : r.b! > r.a! ? 'increase' : 'decrease');
    }
    // Less push-off on the left only, by more than the noise: a real change on that side, none on the other;
    // by less than the noise: within it. (BlazePose's ankle error is large: ~28 deg for push-off here.)
    const mdc = byKey(compareRows(a, a))['peakPushOffPlantarflexion.left'].mdc!;
    const pushOff = a.peakPushOffPlantarflexion!;
    const shifted = (by: number): SessionKeyNumbers => ({ ...a, peakPushOffPlantarflexion: { left: pushOff.left! + by, right: pushOff.right } });
    const real = byKey(compareRows(a, shifted(Math.ceil(mdc) + 2)));
    expect(real['peakPushOffPlantarflexion.left']).toMatchObject({ difference: Math.ceil(mdc) + 2, verdict: 'increase' });
    expect(real['peakPushOffPlantarflexion.right']).toMatchObject({ difference: 0, verdict: 'within-noise' });
    expect(byKey(compareRows(shifted(Math.ceil(mdc) + 2), a))['peakPushOffPlantarflexion.left'].verdict).toBe('decrease');
    expect(byKey(compareRows(a, shifted(Math.floor(mdc) - 2)))['peakPushOffPlantarflexion.left'].verdict).toBe('within-noise');
  });

  it('a session without ankle numbers (MoveNet, or saved before) has none and gives no ankle rows', () => {
    const k = keyNumbers(healthy);
    for (const id of SESSION_ANKLE_NUMBERS) expect(k).not.toHaveProperty(id);
    expect(Object.keys(k.uncertainty!).filter((key) => ANKLE_KEYS.includes(key))).toEqual([]);
    const rows = compareRows(k, keyNumbers(stiff));
    expect(rows.filter((r) => ANKLE_KEYS.includes(r.key))).toEqual([]);
    expect(rows.map((r) => r.key)).toContain('peakSwingKneeFlexion.left');
    // A session saved before the ankle was kept: its stored key numbers lack the fields.
    const { peakPushOffPlantarflexion: _p, ankleRange: _r, ...older } = keyNumbers(withFeet);
    expect(compareRows(older, older).filter((r) => ANKLE_KEYS.includes(r.key))).toEqual([]);
  });

  it('one session with ankle numbers and one without: the ankle rows show the missing session as missing', () => {
    const moveNet = keyNumbers(healthy);
    const feet = keyNumbers(withFeet);
    for (const [a, b, missing] of [[moveNet, feet, 'a'], [feet, moveNet, 'b']] as const) {
      const rows = byKey(compareRows(a, b));
      for (const key of ANKLE_KEYS) {
        const [id, side] = key.split('.') as [(typeof SESSION_ANKLE_NUMBERS)[number], 'left' | 'right'];
        expect(rows[key][missing], key).toBeNull();
        expect(rows[key][missing === 'a' ? 'b' : 'a']).toBe(feet[id]![side]);
        expect(rows[key]).toMatchObject({ difference: null, mdc: null, verdict: 'unknown' });
      }
    }
    // A side the report could not measure is missing too, not zero.
    const oneSide: SessionKeyNumbers = { ...feet, ankleRange: { left: feet.ankleRange!.left, right: null } };
    expect(byKey(compareRows(feet, oneSide))['ankleRange.right']).toMatchObject({ b: null, difference: null, verdict: 'unknown' });
  });
});

describe('formatting', () => {
  it('writes signed differences and durations for people', () => {
    expect(formatDifference(2, 1)).toBe('+2.0');
    expect(formatDifference(-1.25, 1)).toMatch(/^−1\.[23]$/);
    expect(formatDifference(0.01, 1)).toBe('0.0');
    expect(formatDifference(null, 1)).toBe('–');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(65)).toBe('1 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });
});

describe('comparing like with like', () => {
  it('judges no change between a forward and a backward session', () => {
    const rows = compareRows(keyNumbers(healthy), keyNumbers(backward));
    expect(rows.every((r) => r.verdict === 'unknown')).toBe(true);
  });
});
