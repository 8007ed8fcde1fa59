/**
 * The history's pure parts against reports of synthetic walks with known truth: the key numbers
 * kept with a session, the running share of backward walking, the comparison rows and flags.
 */
import { describe, expect, it } from 'vitest';
import { synthesizeWalk } from '../src/synth';
import { analyzeTrack } from '../src/core/analyze';
import {
  backwardShare,
  compareFlags,
  compareRows,
  formatDifference,
  formatDuration,
  keyNumbers,
  SUGGESTED_BACKWARD_PERCENT_OF_FORWARD,
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
