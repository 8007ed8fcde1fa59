/**
 * The per-cycle key numbers (src/core/metrics/cycleMetrics.ts) on hand-made angle curves whose
 * values at the events, extremes and timing are known exactly.
 */
import { describe, expect, it } from 'vitest';
import { cycleMetrics } from '../src/core/metrics/cycleMetrics';
import { meanKeyValues } from '../src/core/metrics/aggregate';
import type { AngleColumns, SideAngleColumns } from '../src/core/angles/angles';
import type { CycleTiming } from '../src/core/cycles/cycles';

const FPS = 100;
const t = Float64Array.from({ length: 201 }, (_, i) => i / FPS);
// One cycle from 0.5 s to 1.5 s; phase p in 0..1.
const phase = (x: number) => x - 0.5;
const hip = Float64Array.from(t, (x) => 10 + 20 * Math.cos(2 * Math.PI * phase(x))); // 30 at contact, -10 at 50 %
const knee = Float64Array.from(t, (x) => {
  const p = phase(x);
  if (p < 0 || p > 1) return 5;
  // 5 deg through stance, a 60-deg swing peak at 72 %, extending to 0 deg at 96 %.
  if (p <= 0.6) return 5;
  if (p <= 0.72) return 5 + 55 * ((p - 0.6) / 0.12);
  if (p <= 0.96) return 60 - 60 * ((p - 0.72) / 0.24);
  return 0 + 5 * ((p - 0.96) / 0.04);
});
const side: SideAngleColumns = { hipFlexion: hip, hipFlexionTrunk: hip.map((v) => v + 3), kneeFlexion: knee, shank: new Float64Array(t.length) };
const angles: AngleColumns = { left: side, right: side, trunkLean: new Float64Array(t.length).fill(3) };
const reach = Float64Array.from(t, (x) => 100 * Math.cos(2 * Math.PI * phase(x)));
const timing: CycleTiming = { side: 'left', pass: 0, start: 0.5, end: 1.5, oppositeToeOff: 0.6, oppositeHeelStrike: 1.0, toeOff: 1.1, shankVertical: 1.3 };

describe('cycle key numbers', () => {
  const c = cycleMetrics(timing, { t, angles, reach, legLength: 250 });
  const kv = c.keyValues;
  it('reads angles at the events and the extremes with their timing', () => {
    expect(kv.hipAtInitialContact).toBeCloseTo(30, 1);
    expect(kv.peakHipExtension).toBeCloseTo(-10, 1);
    expect(kv.peakHipExtensionAtPercent).toBe(50);
    expect(kv.peakHipFlexion).toBeCloseTo(30, 1);
    expect(kv.kneeAtInitialContact).toBeCloseTo(5, 1);
    expect(kv.kneeAtToeOff).toBeCloseTo(5, 1);
    expect(kv.peakSwingKneeFlexion).toBeCloseTo(60, 1);
    expect(kv.peakSwingKneeFlexionAtPercent).toBe(72);
    expect(kv.terminalSwingKneeMin).toBeCloseTo(0, 1);
    expect(kv.minStanceKneeFlexion).toBeCloseTo(5, 1);
    expect(kv.hipRange).toBeCloseTo(40, 1);
    expect(kv.kneeRange).toBeCloseTo(60, 1);
    expect(kv.meanTrunkLean).toBeCloseTo(3, 6);
    expect(kv.stepReachLegLengths).toBeCloseTo(0.4, 3);
  });
  it('measures the late-swing extension from 88 % and the fastest extension in swing', () => {
    // At 88 % the knee is 60 - 60 * (0.16 / 0.24) = 20 deg; the straightest after 80 % is 0.
    expect(kv.lateSwingKneeExtension).toBeCloseTo(20, 0);
    // 60 deg over 0.24 s: 250 deg/s.
    expect(kv.peakSwingKneeExtensionVelocity).toBeCloseTo(250, -1);
  });
  it('gives the stance share and phases from the events', () => {
    expect(c.stancePercent).toBeCloseTo(60, 6);
    expect(c.phases.preSwing).toEqual([1.0, 1.1]);
    expect(c.phases.terminalSwing).toEqual([1.3, 1.5]);
  });
  it('leaves an extreme unmeasured where the angle has a gap in its window (the peak may lie inside it)', () => {
    // The knee not seen from 65 to 80 % of the cycle (0.15 s, a gap the gap filler leaves): its
    // swing peak (60 deg at 72 %) is hidden; 38 deg at 80 % is all the frames show.
    const gappyKnee = knee.map((v, i) => (phase(t[i]) > 0.65 && phase(t[i]) < 0.8 ? NaN : v));
    const gappy: SideAngleColumns = { ...side, kneeFlexion: gappyKnee };
    const g = cycleMetrics(timing, { t, angles: { ...angles, left: gappy }, reach, legLength: 250 }).keyValues;
    expect(g.peakSwingKneeFlexion).toBeNull();
    expect(g.peakSwingKneeFlexionAtPercent).toBeNull();
    expect(g.kneeRange).toBeNull();
    expect(g.peakSwingKneeExtensionVelocity).toBeNull();
    // Windows clear of the gap are measured as before.
    expect(g.minStanceKneeFlexion).toBeCloseTo(5, 1);
    expect(g.terminalSwingKneeMin).toBeCloseTo(0, 1);
    expect(g.peakHipExtension).toBeCloseTo(-10, 1);
  });
  it('averages key numbers over cycles, ignoring unknowns', () => {
    const m = meanKeyValues([kv, { ...kv, peakHipExtension: -20 }, { ...kv, peakHipExtension: null }]);
    expect(m.peakHipExtension).toBeCloseTo(-15, 6);
  });
});
