/**
 * Stage tests for gait events and cycles against known truth: extrema at the edges of a pass and
 * around standing (no invented events, the first and last real steps kept), the ankle-proxy shift,
 * the plausibility of strides, terminal swing for a shank that never reaches vertical, and a short
 * walk with one cycle per side.
 */
import { describe, expect, it } from 'vitest';
import { alternatingExtrema, dropShallowWaves, MIN_SWING_SHARE, type Extremum } from '../src/core/events/extrema';
import { ANKLE_PROXY_SHIFT, correctAnkleProxyBias } from '../src/core/events/zeni';
import { buildCycles, shankVerticalTime } from '../src/core/cycles/cycles';
import { analyzeTrack } from '../src/core/analyze';
import { synthesizeWalk } from '../src/synth';
import { mulberry32, gaussianSource } from '../src/synth/random';

const FPS = 30;

/** Standing (small wobbles), walking (a cosine of amplitude 100 with `strides` periods), standing. */
function walkBetweenStands(strides: number, standS: number, wobble: number, seed = 1) {
  const period = 1.1;
  const gauss = gaussianSource(mulberry32(seed));
  const n = Math.round((2 * standS + strides * period) * FPS);
  const signal = new Float64Array(n);
  const truthMax: number[] = [];
  const truthMin: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / FPS;
    const w = t - standS;
    const walking = w >= 0 && w <= strides * period;
    // Standing: the feet side by side (signal near 0) with a slow weight-shift wobble and jitter.
    signal[i] = walking ? 100 * Math.sin((2 * Math.PI * w) / period) : wobble * Math.sin(2 * Math.PI * 1.7 * t) + 1.5 * gauss();
  }
  for (let k = 0; k < strides; k++) {
    truthMax.push(standS + (k + 0.25) * period);
    truthMin.push(standS + (k + 0.75) * period);
  }
  return { signal, truthMax, truthMin };
}

const times = (list: Extremum[], kind: 'max' | 'min') => list.filter((e) => e.kind === kind).map((e) => e.index / FPS);

describe('extrema at the edges of a pass and around standing', () => {
  it('finds every real step, the first and last included, and nothing while standing', () => {
    // Wobbles up to 25 stay inside the hysteresis band; 33-36 cross it and only the swing rule drops them.
    for (const wobble of [5, 25, 33, 36]) {
      const { signal, truthMax, truthMin } = walkBetweenStands(4, 1.0, wobble);
      const found = alternatingExtrema(signal, 0, signal.length - 1);
      const max = times(found, 'max');
      const min = times(found, 'min');
      expect(max.length, `wobble ${wobble}: maxima ${max.map((t) => t.toFixed(2))}`).toBe(truthMax.length);
      expect(min.length, `wobble ${wobble}: minima ${min.map((t) => t.toFixed(2))}`).toBe(truthMin.length);
      max.forEach((t, k) => expect(Math.abs(t - truthMax[k])).toBeLessThan(1 / FPS));
      min.forEach((t, k) => expect(Math.abs(t - truthMin[k])).toBeLessThan(1 / FPS));
    }
  });

  it('drops shallow waves in pairs so maxima and minima keep alternating', () => {
    const e = (index: number, value: number, kind: 'max' | 'min'): Extremum => ({ index, value, kind });
    const list = [e(0, 100, 'max'), e(10, -100, 'min'), e(12, -80, 'max'), e(14, -95, 'min'), e(20, 100, 'max'), e(30, -100, 'min')];
    const kept = dropShallowWaves(list);
    expect(kept.map((x) => x.index)).toEqual([0, 10, 20, 30]);
    for (let k = 1; k < kept.length; k++) expect(kept[k].kind).not.toBe(kept[k - 1].kind);
    // A swing of more than MIN_SWING_SHARE of the typical one is a step and stays.
    const deep = (1 - MIN_SWING_SHARE) * 100 + 25;
    const real = [e(0, 100, 'max'), e(10, -100, 'min'), e(20, -100 + deep, 'max'), e(30, -100, 'min'), e(40, 100, 'max')];
    expect(dropShallowWaves(real)).toHaveLength(5);
  });

  it('a gap that swallows one extremum loses that one only: the two of a kind on either side of it are no shallow wave', () => {
    const { signal, truthMax, truthMin } = walkBetweenStands(5, 0.5, 5);
    // A 5-frame gap over the third minimum (a leg not seen for 0.17 s).
    const lost = Math.round(truthMin[2] * FPS);
    for (let i = lost - 2; i <= lost + 2; i++) signal[i] = NaN;
    const found = alternatingExtrema(signal, 0, signal.length - 1);
    expect(times(found, 'max').length).toBe(truthMax.length);
    expect(times(found, 'min').length).toBe(truthMin.length - 1);
    for (const t of times(found, 'min')) expect(Math.min(...truthMin.map((x) => Math.abs(x - t)))).toBeLessThan(1 / FPS);
  });
});

describe('the ankle-proxy shift', () => {
  it('moves forward events later by the calibrated share of the stride and mirrors it backwards', () => {
    const events = { heelStrikes: [1], toeOffs: [2] };
    const fwd = correctAnkleProxyBias(events, 'forward', 1.2);
    expect(fwd.heelStrikes[0]).toBeCloseTo(1 + ANKLE_PROXY_SHIFT.heelStrike * 1.2, 12);
    expect(fwd.toeOffs[0]).toBeCloseTo(2 + ANKLE_PROXY_SHIFT.toeOff * 1.2, 12);
    const bwd = correctAnkleProxyBias(events, 'backward', 1.2);
    expect(bwd.heelStrikes[0]).toBeCloseTo(1 - ANKLE_PROXY_SHIFT.toeOff * 1.2, 12);
    expect(bwd.toeOffs[0]).toBeCloseTo(2 - ANKLE_PROXY_SHIFT.heelStrike * 1.2, 12);
    expect(correctAnkleProxyBias(events, 'forward', NaN)).toEqual(events);
  });
});

describe('cycles', () => {
  const t = Float64Array.from({ length: 200 }, (_, i) => i / FPS);
  // A shank that swings through vertical 0.8 s into every stride.
  const shank = Float64Array.from(t, (x) => 30 * Math.sin((2 * Math.PI * (x - 0.8)) / 1.1 + Math.PI / 2 - Math.PI / 2));

  it('leaves out a stride whose timing does not fit its neighbours (an invented event)', () => {
    const own = { heelStrikes: [0.1, 1.2, 2.3, 2.96, 3.4, 4.5], toeOffs: [0.75, 1.85, 2.95, 4.05] };
    const opposite = { heelStrikes: [0.65, 1.75, 2.85, 3.95], toeOffs: [0.2, 1.3, 2.4, 3.5] };
    const built = buildCycles('left', 0, own, opposite, t, shank, 1.1);
    const starts = built.cycles.map((c) => c.start);
    expect(starts).not.toContain(2.3);
    expect(starts).not.toContain(2.96);
    expect(built.rejected.some((r) => /0\.66 s differs from the typical 1\.10 s/.test(r.reason))).toBe(true);
    expect(starts).toContain(0.1);
    expect(starts).toContain(1.2);
  });

  it('starts terminal swing where the shank crosses vertical, or where it comes closest when it never does (crouch)', () => {
    const tt = Float64Array.from({ length: 31 }, (_, i) => i / FPS);
    const crossing = Float64Array.from(tt, (x) => -20 + 40 * x);
    expect(shankVerticalTime(tt, crossing, 0, 1)).toBeCloseTo(0.5, 9);
    // Crouch: the shank leans back all through swing and comes closest to vertical (-12 deg) at 0.6 s.
    const crouch = Float64Array.from(tt, (x) => -12 - 40 * (x - 0.6) ** 2);
    expect(shankVerticalTime(tt, crouch, 0.1, 1)).toBeCloseTo(0.6, 9);
    // Still rising at the end: no turning point seen.
    expect(shankVerticalTime(tt, Float64Array.from(tt, (x) => -30 + 10 * x), 0.1, 1)).toBeNaN();
  });
});

describe('a short walk', () => {
  it('with one full cycle per side gives a report for those cycles with a warning, not an error', () => {
    const walk = synthesizeWalk({ setting: 'treadmill', cadence: 100, durationS: 3.3, seed: 4 });
    const r = analyzeTrack(walk.track);
    expect(r.quality.usableCycles.left).toBeGreaterThanOrEqual(1);
    expect(r.quality.usableCycles.right).toBeGreaterThanOrEqual(1);
    expect(Math.min(r.quality.usableCycles.left, r.quality.usableCycles.right)).toBe(1);
    expect(r.quality.warnings.join(' ')).toMatch(/Only 1 usable/);
    // One cycle: the spread is unknown, so the uncertainty falls back to a typical healthy spread.
    const side = r.quality.usableCycles.left === 1 ? 'left' : 'right';
    expect(r.summary.keyValueUncertainty[side].peakSwingKneeFlexion).toBeGreaterThan(2);
    expect(r.flags).toEqual([]);
  });
});
