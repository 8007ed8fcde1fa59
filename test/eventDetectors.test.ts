/**
 * The contract every registered gait-event detector meets (src/core/events/registry.ts), run on
 * synthetic walks with known events: clean, with MoveNet-like noise, backward and on a treadmill.
 * A new detector passes this test as it stands. (The synthetic figure's foot puts its ankle-based
 * events ~25 ms before its truth, under one frame at 30 fps: see test/helpers/synthetic.ts.)
 */
import { describe, expect, it } from 'vitest';
import { EVENT_DETECTORS, chooseEventDetector } from '../src/core/events/registry';
import type { EventDetector } from '../src/core/events/detector';
import { toColumns } from '../src/core/clean/columns';
import { cleanTrack } from '../src/core/clean/clean';
import { detectView } from '../src/core/view/view';
import { matchEvents } from '../src/eval/compare';
import { synthesizeWalk, MOVENET_LIKE_NOISE, type WalkerOptions } from '../src/synth';

const CASES: [string, WalkerOptions][] = [
  ['clean overground', {}],
  ['noisy overground', { noise: { ...MOVENET_LIKE_NOISE, seed: 5 }, seed: 5 }],
  ['backward', { walking: 'backward', direction: 'right-to-left' }],
  ['noisy treadmill', { setting: 'treadmill', noise: { ...MOVENET_LIKE_NOISE, seed: 6 }, seed: 6 }],
];

function run(detector: EventDetector, o: WalkerOptions) {
  const walk = synthesizeWalk({ fps: 30, ...o });
  const clean = cleanTrack(toColumns(walk.track));
  const view = detectView(clean.columns, clean.legLength);
  const events = detector.detect({ columns: clean.columns, pelvisX: view.pelvisX, passes: view.passes });
  return { walk, view, events };
}

describe.each(EVENT_DETECTORS.map((d) => [d.id, d] as const))('event detector %s', (_id, detector) => {
  it('declares its paper, the points it needs and a rank', () => {
    expect(detector.reference).toMatch(/\d{4}/);
    expect(detector.needs.length).toBeGreaterThan(0);
    expect(Number.isFinite(detector.rank)).toBe(true);
  });
  for (const [name, o] of CASES) {
    it(`${name}: one list per pass and side, >= 95 % of the true events within 2 frames, none invented`, () => {
      const { walk, view, events } = run(detector, o);
      const frame = 1 / walk.track.fps;
      let matched = 0;
      let total = 0;
      for (const side of ['left', 'right'] as const) {
        expect(events[side]).toHaveLength(view.passes.length);
        for (const kind of ['heelStrikes', 'toeOffs'] as const) {
          const found = events[side].flatMap((e) => e[kind]);
          // Truth events inside the passes the detector was given (edges cut off by a pass are not required).
          const isInside = (t: number) => view.passes.some((p) => t > walk.track.frames[p.i0].t + 0.25 && t < walk.track.frames[p.i1].t - 0.25);
          const m = matchEvents(found, walk.truth.events[side][kind], 2 * frame + 1e-9);
          const missedInside = m.missed.filter(isInside);
          total += walk.truth.events[side][kind].filter(isInside).length;
          matched += walk.truth.events[side][kind].filter(isInside).length - missedInside.length;
          expect(m.extra, `${side} ${kind} not near a true one`).toEqual([]);
          for (let k = 1; k < found.length; k++) expect(found[k]).toBeGreaterThan(found[k - 1]);
        }
      }
      expect(total).toBeGreaterThan(8);
      expect(matched / total).toBeGreaterThanOrEqual(0.95);
    });
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
