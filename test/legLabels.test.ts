/**
 * The left/right check (src/core/events/legLabels.ts): each leg's strides last two steps, the step
 * time read from the ankle spread, which does not care which leg is called left. Held against the
 * walker's truth, against the same walk with one leg given an event at every step, and against the
 * real failure that gives that (BlazePose lite on the rendered forefoot walk, fixtures/tracks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack } from '../src/core/analyze';
import { cleanTrack } from '../src/core/clean/clean';
import { toColumns } from '../src/core/clean/columns';
import { checkLegLabels, stepTimeFromAnkleSpread, unexplainedShortIntervals } from '../src/core/events/legLabels';
import type { GaitPoseTrack } from '../src/core/format/poseTrack';
import { MOVENET_LIKE_NOISE, synthesizeWalk, type SynthOptions } from '../src/synth';

const BASE: SynthOptions = { width: 960, height: 480, fps: 30, bodyHeightPx: 264, durationS: 8, seed: 1 };

describe('left and right are two legs (legLabels.ts)', () => {
  it('reads the step time from the ankle spread: the walker\'s own, at 80, 100 and 130 steps/min', () => {
    for (const cadence of [80, 100, 130]) {
      const { track } = synthesizeWalk({ ...BASE, cadence });
      const c = cleanTrack(toColumns(track)).columns;
      const step = stepTimeFromAnkleSpread(c, { i0: 0, i1: c.t.length - 1 } as never);
      expect(step).toBeCloseTo(60 / cadence, 2);
    }
  });

  it('the walker, clean and with MoveNet-like noise (swaps, drop-outs), forward, backward, treadmill: strides of two steps, never confused', () => {
    for (const options of [{}, { walking: 'backward' }, { setting: 'treadmill' }, { direction: 'right-to-left' }] as SynthOptions[]) {
      for (const noise of [undefined, { ...MOVENET_LIKE_NOISE, seed: 4 }]) {
        const { track } = synthesizeWalk({ ...BASE, ...options, noise });
        const report = analyzeTrack(track);
        expect(report.quality.warnings.join(' ')).not.toMatch(/mixing up the left and right legs/);
        const c = cleanTrack(toColumns(track)).columns;
        const passes = report.passes.map((p) => ({ i0: c.t.findIndex((t) => t >= p.start - 1e-9), i1: c.t.findLastIndex((t) => t <= p.end + 1e-9) }));
        const events = { left: report.passes.map((p) => ({ heelStrikes: report.sides.left.heelStrikes.filter((t) => t >= p.start && t <= p.end), toeOffs: [] })), right: report.passes.map((p) => ({ heelStrikes: report.sides.right.heelStrikes.filter((t) => t >= p.start && t <= p.end), toeOffs: [] })) };
        for (const check of checkLegLabels(c, passes as never, events)) {
          expect(check.confused).toBe(false);
          for (const side of ['left', 'right'] as const) if (check.strideS[side] !== null) expect(check.strideS[side]! / check.stepS!).toBeCloseTo(2, 0);
        }
      }
    }
  });

  it('a leg given a heel strike at every step (both legs\' strikes, as mixed-up labels give): confused, said so, and nothing flagged', () => {
    const { track } = synthesizeWalk({ ...BASE, pathology: { side: 'left', hipExtensionDeficitDeg: 14, preSwingKneeDeficitDeg: 12 } });
    const detected = analyzeTrack(track);
    // The true walk is flagged (limited push-off on the left); with its left leg's events at every step it must not be.
    expect(detected.flags.length).toBeGreaterThan(0);
    const everyStep = [...detected.sides.left.heelStrikes, ...detected.sides.right.heelStrikes].sort((a, b) => a - b);
    const report = analyzeTrack(track, { events: { left: { heelStrikes: everyStep, toeOffs: detected.sides.left.toeOffs } } });
    expect(report.quality.warnings.join(' ')).toMatch(/mixing up the left and right legs/);
    expect(report.flags).toEqual([]);
    expect(report.borderline).toEqual([]);
    // A single extra event splits one stride in two: not a confusion.
    const oneExtra = [...detected.sides.left.heelStrikes, detected.sides.right.heelStrikes[2]].sort((a, b) => a - b);
    expect(analyzeTrack(track, { events: { left: { heelStrikes: oneExtra, toeOffs: detected.sides.left.toeOffs } } }).quality.warnings.join(' ')).not.toMatch(/mixing up/);
  });

  it('short intervals: an extra event explains two side by side that add up to a stride; others do not', () => {
    expect(unexplainedShortIntervals([2, 2, 2])).toBe(0);
    expect(unexplainedShortIntervals([2, 0.9, 1.1, 2])).toBe(0);
    expect(unexplainedShortIntervals([0.8, 1.2, 2, 0.6, 1.4])).toBe(0);
    expect(unexplainedShortIntervals([2, 0.5, 2])).toBe(1);
    expect(unexplainedShortIntervals([1.05, 1.93, 1.03, 1.98])).toBe(2);
    expect(unexplainedShortIntervals([0.9, 3.0, 1.0])).toBe(2);
    // Two short ones side by side that add up to far less than a stride are two label errors.
    expect(unexplainedShortIntervals([2, 0.4, 0.5, 2])).toBe(2);
  });

  // (On the renders before the shoe-shaped foot, lite's flat-foot walk had right intervals of 1.05,
  // 1.93, 1.03 and 1.98 steps, and its mixed cycles raised an asymmetry flag on the healthy walker.)
  it.each([
    ['forefoot', 'it swaps the legs at some steps: left heel strikes 0.6-1.2 s apart between strides'],
    ['backward', 'left heel strikes 0.33 s apart twice'],
  ])("BlazePose lite's rendered %s walk (%s): confused, no flags; BlazePose full's is not", (walk) => {
    const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'tracks', file), 'utf8')) as GaitPoseTrack;
    const lite = analyzeTrack(read(`${walk}-feet.blazepose-lite.track.json`));
    expect(lite.quality.warnings.join(' ')).toMatch(/mixing up the left and right legs/);
    expect(lite.flags).toEqual([]);
    const full = analyzeTrack(read(`${walk}-feet.blazepose-full.track.json`));
    expect(full.quality.warnings.join(' ')).not.toMatch(/mixing up the left and right legs/);
  });
});
