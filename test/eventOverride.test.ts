/**
 * Hand-corrected events (issue 12 item 3): `options.events` replaces the detected events per leg,
 * in one place, and cycles, phases and metrics follow the edited events.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { applyEventOverrides, reportEvents } from '../src/core/events/override';
import { synthesizeWalk } from '../src/synth';

describe('applyEventOverrides', () => {
  const detected = {
    left: [{ heelStrikes: [1, 2], toeOffs: [1.6] }, { heelStrikes: [6, 7], toeOffs: [6.6] }],
    right: [{ heelStrikes: [1.5], toeOffs: [1.1] }, { heelStrikes: [6.5], toeOffs: [6.1] }],
  };
  const spans = [[0.5, 3], [5.5, 8]] as const;

  it('splits a leg’s edited events into the passes, sorted, dropping events outside every pass', () => {
    const out = applyEventOverrides(detected, { left: { heelStrikes: [7.2, 1.1, 4, 2.05, 6], toeOffs: [1.7, 6.7] } }, spans);
    expect(out.left).toEqual([
      { heelStrikes: [1.1, 2.05], toeOffs: [1.7] },
      { heelStrikes: [6, 7.2], toeOffs: [6.7] },
    ]);
    expect(out.right).toBe(detected.right);
  });

  it('leaves everything as detected without overrides', () => {
    expect(applyEventOverrides(detected, undefined, spans)).toBe(detected);
  });
});

describe('analyzeTrack with edited events', () => {
  const { track } = synthesizeWalk({ setting: 'treadmill', cadence: 105, seed: 11, durationS: 12 });
  const detected = analyzeTrack(track);
  const events = (['left', 'right'] as const).map((side) => ({ side, heelStrikes: detected.sides[side].heelStrikes, toeOffs: detected.sides[side].toeOffs }));

  it('the detected events given back as edits give the same analysis', () => {
    const same = analyzeTrack(track, { events: { left: events[0], right: events[1] } });
    // The report rounds event times (to the millisecond), so equal within that rounding.
    for (const side of ['left', 'right'] as const) {
      expect(same.sides[side].heelStrikes).toEqual(detected.sides[side].heelStrikes);
      expect(same.sides[side].toeOffs).toEqual(detected.sides[side].toeOffs);
      expect(same.sides[side].cycles.map((c) => [c.start, c.end])).toEqual(detected.sides[side].cycles.map((c) => [c.start, c.end]));
      expect(same.summary.keyValues[side].peakSwingKneeFlexion!).toBeCloseTo(detected.summary.keyValues[side].peakSwingKneeFlexion!, 1);
    }
    expect(same.summary.cadence!).toBeCloseTo(detected.summary.cadence!, 1);
    expect(same.options.events?.left?.heelStrikes).toEqual(detected.sides.left.heelStrikes);
  });

  it('a moved heel strike moves the cycle boundaries and stride times with it', () => {
    const hs = detected.sides.left.heelStrikes;
    const k = 2;
    const moved = [...hs];
    // Rounded as the report rounds times (0.1 ms): 3.1293 + 0.1 is 3.2293000000000003 in floating point.
    moved[k] = Math.round((moved[k] + 0.1) * 1e4) / 1e4;
    const edited = analyzeTrack(track, { events: { left: { heelStrikes: moved, toeOffs: detected.sides.left.toeOffs } } });
    expect(edited.sides.left.heelStrikes).toEqual(moved);
    const before = edited.sides.left.cycles.find((c) => Math.abs(c.end - moved[k]) < 1e-9);
    const after = edited.sides.left.cycles.find((c) => Math.abs(c.start - moved[k]) < 1e-9);
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    const was = (start: number) => detected.sides.left.cycles.find((c) => Math.abs(c.start - start) < 1e-9)!;
    expect(before!.end - before!.start).toBeCloseTo(was(before!.start).end - was(before!.start).start + 0.1, 6);
    expect(after!.end - after!.start).toBeCloseTo(was(hs[k]).end - was(hs[k]).start - 0.1, 6);
    // The right leg was not edited.
    expect(edited.sides.right.heelStrikes).toEqual(detected.sides.right.heelStrikes);
  });

  it('a deleted heel strike merges its two cycles away (no cycle spans the gap)', () => {
    const hs = detected.sides.left.heelStrikes;
    const without = hs.filter((_, i) => i !== 3);
    const edited = analyzeTrack(track, { events: { left: { heelStrikes: without, toeOffs: detected.sides.left.toeOffs } } });
    expect(edited.sides.left.heelStrikes).toEqual(without);
    expect(edited.sides.left.cycles.length).toBeLessThan(detected.sides.left.cycles.length);
    expect(edited.sides.left.cycles.some((c) => c.start <= hs[3] && c.end >= hs[3])).toBe(false);
  });
});

describe('edits over a walk with a turn (two passes)', () => {
  it('the report\'s events of every pass, given back, give the same cycles in both passes', () => {
    const { track } = synthesizeWalk({ turn: true, seed: 13 });
    const detected = analyzeTrack(track);
    expect(detected.passes.length).toBe(2);
    const events = reportEvents(detected);
    const same = analyzeTrack(track, { events });
    for (const side of ['left', 'right'] as const) {
      expect(same.sides[side].cycles.map((c) => [c.pass, c.start, c.end])).toEqual(detected.sides[side].cycles.map((c) => [c.pass, c.start, c.end]));
      expect(new Set(same.sides[side].cycles.map((c) => c.pass))).toEqual(new Set([0, 1]));
    }
  });
});
