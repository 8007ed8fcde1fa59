/**
 * Stage tests for cleaning and the view, each on its own against known truth: leg-swap detection
 * and repair on a walk whose swapped frames are known, hip fusion, and the view (direction,
 * forward/backward, treadmill/overground, passes around a turn, the side-view check).
 */
import { describe, expect, it } from 'vitest';
import { toColumns, cloneColumns } from '../src/core/clean/columns';
import { detectLegSwaps, repairLegSwaps } from '../src/core/clean/legSwaps';
import { fuseHips } from '../src/core/clean/fuseHips';
import { removeLegSpikes } from '../src/core/clean/spikes';
import { gateByConfidence } from '../src/core/clean/gate';
import { legLengthPx } from '../src/core/view/bodyScale';
import { detectView } from '../src/core/view/view';
import { EDGE_MARGIN_LEG_LENGTHS, legAtFrameEdge } from '../src/core/cycles/frameEdge';
import { P } from '../src/core/format/bodyPoints';
import { synthesizeWalk, type WalkerOptions } from '../src/synth';

const columnsOf = (o: WalkerOptions) => {
  const walk = synthesizeWalk(o);
  const c = toColumns(walk.track);
  gateByConfidence(c);
  return { walk, c, legLength: legLengthPx(c) };
};

describe('leg-swap repair', () => {
  it('finds the frames whose knee and ankle labels were swapped, and puts them back', () => {
    const { walk, c, legLength } = columnsOf({ setting: 'treadmill', seed: 4, noise: { swapFraction: 0.06, seed: 4 } });
    const truthSwapped = new Set(walk.truth.swappedFrames);
    expect(truthSwapped.size).toBeGreaterThan(10);
    const swapped = detectLegSwaps(c, legLength);
    let hit = 0;
    let falseAlarm = 0;
    swapped.forEach((s, i) => {
      if (s && truthSwapped.has(i)) hit++;
      if (s && !truthSwapped.has(i)) falseAlarm++;
    });
    expect(hit / truthSwapped.size).toBeGreaterThan(0.9);
    expect(falseAlarm).toBeLessThan(0.02 * c.t.length);
    // After the repair every frame's left knee is the clean track's left knee.
    const clean = toColumns(synthesizeWalk({ setting: 'treadmill', seed: 4 }).track);
    const repaired = cloneColumns(c);
    repairLegSwaps(repaired, swapped);
    let wrong = 0;
    for (let i = 0; i < c.t.length; i++) {
      if (Math.abs(repaired.x[P.leftKnee][i] - clean.x[P.leftKnee][i]) > 0.05 * legLength) wrong++;
    }
    expect(wrong).toBeLessThan(0.02 * c.t.length);
  });
});

describe('hip fusion', () => {
  it('halves independent hip jitter in a side view and leaves an oblique view alone', () => {
    const n = 300;
    const jitter = (i: number, k: number) => Math.sin(i * 12.9898 + k * 78.233) * 3;
    const make = (gap: number) => {
      const { c } = columnsOf({ setting: 'treadmill', durationS: n / 30 });
      for (let i = 0; i < c.t.length; i++) {
        c.x[P.leftHip][i] = 500 + gap + jitter(i, 1);
        c.x[P.rightHip][i] = 500 + jitter(i, 2);
      }
      return c;
    };
    const side = make(2);
    expect(fuseHips(side, 200)).toBe(true);
    // Both hips now move as one: their gap is constant.
    const gaps = Array.from(side.t, (_, i) => side.x[P.leftHip][i] - side.x[P.rightHip][i]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(1e-9);
    const oblique = make(60);
    expect(fuseHips(oblique, 200)).toBe(false);
  });
});

describe('the view', () => {
  it.each([
    ['left-to-right', 'forward', 'overground'],
    ['right-to-left', 'forward', 'overground'],
    ['right-to-left', 'backward', 'overground'],
    ['left-to-right', 'forward', 'treadmill'],
  ] as const)('tells %s, %s, %s from the data alone', (direction, walking, setting) => {
    const { c, legLength } = columnsOf({ direction, walking, setting });
    const v = detectView(c, legLength);
    expect(v.setting).toBe(setting);
    expect(v.passes).toHaveLength(1);
    expect(v.passes[0].direction).toBe(direction);
    expect(v.passes[0].walking).toBe(walking);
    expect(v.sideView.ok).toBe(true);
    expect(v.trunkVisible).toBe(true);
  });

  it('splits a walk with a turn into two passes that stay out of the turn', () => {
    const { walk, c, legLength } = columnsOf({ turn: true });
    const v = detectView(c, legLength);
    expect(v.passes.map((p) => p.direction)).toEqual(['left-to-right', 'right-to-left']);
    const [turnStart, turnEnd] = [walk.truth.passes[0].end, walk.truth.passes[1].start];
    expect(c.t[v.passes[0].i1]).toBeLessThan(turnStart + 0.3);
    expect(c.t[v.passes[1].i0]).toBeGreaterThan(turnEnd - 0.3);
  });

  it('starts a pass where the walker comes into view and ends it where they leave, not half a stride inside', () => {
    // The walker steps out from behind something at 0.8 s and is hidden again from 4.2 s: no keypoints outside.
    const { c, legLength } = columnsOf({ direction: 'right-to-left', durationS: 5, seed: 3 });
    const [enter, leave] = [0.8, 4.2];
    for (let k = 0; k < c.x.length; k++) {
      for (let i = 0; i < c.t.length; i++) {
        if (c.t[i] < enter || c.t[i] > leave) c.x[k][i] = c.y[k][i] = NaN;
      }
    }
    const [pass] = detectView(c, legLength).passes;
    const frame = 1 / 30;
    expect(c.t[pass.i0]).toBeLessThanOrEqual(enter + frame);
    expect(c.t[pass.i1]).toBeGreaterThanOrEqual(leave - frame);
  });

  it('sees legs-only framing as having no trunk', () => {
    const { c, legLength } = columnsOf({ framing: 'legs-only' });
    expect(detectView(c, legLength).trunkVisible).toBe(false);
  });
});

describe('one-frame spikes of the feet', () => {
  it('drops an ankle point that leaves its path by 0.3 leg lengths, and keeps a heel strike that stops the ankle within 2 frames', () => {
    const { c, legLength } = columnsOf({ setting: 'overground', seed: 5 });
    const spiked = cloneColumns(c);
    const i = 40;
    spiked.x[P.leftAnkle][i] += 0.3 * legLength;
    expect(removeLegSpikes(cloneColumns(c), legLength), 'the clean walker has no spikes').toBe(0);
    expect(removeLegSpikes(spiked, legLength)).toBe(1);
    expect(spiked.x[P.leftAnkle][i]).toBeNaN();
    expect(spiked.x[P.leftAnkle][i - 1]).toBe(c.x[P.leftAnkle][i - 1]);
    expect(spiked.x[P.leftAnkle][i + 1]).toBe(c.x[P.leftAnkle][i + 1]);
    // An ankle that swings at 0.15 leg lengths a frame and stops dead at each heel strike (8 frames
    // of swing, 12 of stance, over and over): real motion, kept.
    const stop = cloneColumns(c);
    for (let i = 0; i < stop.t.length; i++) {
      const stride = Math.floor(i / 20);
      stop.x[P.rightAnkle][i] = 100 + 0.15 * legLength * (8 * stride + Math.min(i % 20, 8));
      stop.y[P.rightAnkle][i] = 400;
    }
    expect(removeLegSpikes(stop, legLength)).toBe(0);
  });

  it('leaves a walk with MoveNet-like noise alone', () => {
    const { c, legLength } = columnsOf({ setting: 'treadmill', seed: 6, noise: { jitterFrac: 0.01, seed: 6 } });
    expect(removeLegSpikes(c, legLength)).toBe(0);
  });
});

describe('a leg at the edge of the picture', () => {
  const { walk, c, legLength } = columnsOf({ direction: 'left-to-right', seed: 2 });
  const frame = { width: walk.track.width, height: walk.track.height };
  const maxX = (k: number) => Math.max(...Array.from(c.x[k]).filter(Number.isFinite));
  it('is not where every point stays inside by more than the margin', () => {
    expect(maxX(P.leftAnkle)).toBeLessThan(frame.width - EDGE_MARGIN_LEG_LENGTHS * legLength);
    expect(legAtFrameEdge(c, 'left', c.t[0], c.t[c.t.length - 1], frame, legLength)).toBe(false);
  });
  it('is where one of its points comes within the margin of the left, right or bottom border, in that stretch of time only', () => {
    const moved = cloneColumns(c);
    const i = 60;
    moved.x[P.rightAnkle][i] = frame.width - 0.5 * EDGE_MARGIN_LEG_LENGTHS * legLength;
    expect(legAtFrameEdge(moved, 'right', c.t[i - 5], c.t[i + 5], frame, legLength)).toBe(true);
    expect(legAtFrameEdge(moved, 'left', c.t[i - 5], c.t[i + 5], frame, legLength)).toBe(false);
    expect(legAtFrameEdge(moved, 'right', c.t[i + 1], c.t[i + 20], frame, legLength)).toBe(false);
    const low = cloneColumns(c);
    low.y[P.leftKnee][i] = frame.height - 2;
    expect(legAtFrameEdge(low, 'left', c.t[0], c.t[c.t.length - 1], frame, legLength)).toBe(true);
    const left = cloneColumns(c);
    left.x[P.leftHip][i] = -3;
    expect(legAtFrameEdge(left, 'left', c.t[0], c.t[c.t.length - 1], frame, legLength)).toBe(true);
  });
  it('takes a missing point as no evidence', () => {
    const gone = cloneColumns(c);
    gone.x[P.leftAnkle].fill(NaN);
    expect(legAtFrameEdge(gone, 'left', c.t[0], c.t[c.t.length - 1], frame, legLength)).toBe(false);
  });
});
