/**
 * The contract every gait-event detector meets (src/core/events/detector.ts), as one check used by
 * test/eventDetectors.test.ts (the registered detectors) and test/feet.test.ts (the heel/toe ones on
 * walks with feet): the synthetic walk cleaned and viewed as the analysis does, then one event list
 * per pass and side, >= 95 % of the true events inside the passes within 2 frames, none invented,
 * each list increasing.
 */
import { expect } from 'vitest';
import { cleanTrack } from '../../src/core/clean/clean';
import { toColumns } from '../../src/core/clean/columns';
import type { EventDetector } from '../../src/core/events/detector';
import { detectView } from '../../src/core/view/view';
import { matchEvents } from '../../src/eval/compare';
import { synthesizeWalk, type WalkerOptions } from '../../src/synth';

/** A detector that needs heels or toes runs on the walker with feet. */
export function runDetector(detector: EventDetector, o: WalkerOptions) {
  const walk = synthesizeWalk({ fps: 30, feet: detector.needs.some((p) => p !== 'ankle'), ...o });
  const clean = cleanTrack(toColumns(walk.track));
  const view = detectView(clean.columns, clean.legLength);
  const events = detector.detect({ columns: clean.columns, pelvisX: view.pelvisX, passes: view.passes });
  return { walk, view, events };
}

export function expectDetectorContract(detector: EventDetector, o: WalkerOptions): void {
  const { walk, view, events } = runDetector(detector, o);
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
}
