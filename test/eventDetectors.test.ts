/**
 * The contract every registered gait-event detector meets (src/core/events/registry.ts), run on
 * synthetic walks with known events: clean, with MoveNet-like noise, backward and on a treadmill.
 * A new detector passes this test as it stands. (The synthetic figure's foot puts its ankle-based
 * events ~25 ms before its truth, under one frame at 30 fps: see test/helpers/synthetic.ts.)
 */
import { describe, expect, it } from 'vitest';
import { EVENT_DETECTORS, chooseEventDetector } from '../src/core/events/registry';
import type { EventDetector } from '../src/core/events/detector';
import { MOVENET_LIKE_NOISE, type WalkerOptions } from '../src/synth';
import { expectDetectorContract } from './helpers/detectorContract';

const CASES: [string, WalkerOptions][] = [
  ['clean overground', {}],
  ['noisy overground', { noise: { ...MOVENET_LIKE_NOISE, seed: 5 }, seed: 5 }],
  ['backward', { walking: 'backward', direction: 'right-to-left' }],
  ['noisy treadmill', { setting: 'treadmill', noise: { ...MOVENET_LIKE_NOISE, seed: 6 }, seed: 6 }],
];

describe.each(EVENT_DETECTORS.map((d) => [d.id, d] as const))('event detector %s', (_id, detector) => {
  it('declares its paper, the points it needs and a rank', () => {
    expect(detector.reference).toMatch(/\d{4}/);
    expect(detector.needs.length).toBeGreaterThan(0);
    expect(Number.isFinite(detector.rank)).toBe(true);
  });
  for (const [name, o] of CASES) {
    it(`${name}: one list per pass and side, >= 95 % of the true events within 2 frames, none invented`, () => expectDetectorContract(detector, o));
  }
});

describe('choosing a detector', () => {
  it('takes the highest-ranked detector the track has the points for', () => {
    expect(chooseEventDetector(new Set(['ankle'])).id).toBe('zeni-ankle');
    const footed: EventDetector = { id: 'feet', reference: 'test 2024', needs: ['heel', 'toe'], rank: 5, detect: () => ({ left: [], right: [] }) };
    const all = [...EVENT_DETECTORS, footed];
    expect(chooseEventDetector(new Set(['ankle', 'heel', 'toe']), all).id).toBe('feet');
    expect(chooseEventDetector(new Set(['ankle']), all).id).toBe('zeni-ankle');
    expect(() => chooseEventDetector(new Set(), all)).toThrow(/no event detector/);
  });
});
