import type { Side } from '../format/report';
import type { TrackColumns } from '../clean/columns';
import { KP } from '../format/poseTrack';
import { alternatingExtrema } from './extrema';
import type { PassSpan } from '../view/view';

/**
 * Heel strike and toe off from the coordinate method of Zeni, Richards & Higginson (2008,
 * Gait & Posture 27:710-714): heel strike = the foot furthest ahead of the pelvis along the direction
 * of travel, toe off = furthest behind. MoveNet has no heel or toe, so the ankle stands in for both.
 * Working along the direction of TRAVEL (not facing) mirrors the method for backward walking, where
 * first contact is the foot reaching furthest back in the body's own frame.
 */
export interface SideEvents {
  heelStrikes: number[];
  toeOffs: number[];
}

const ANKLE: Record<Side, number> = { left: KP.leftAnkle, right: KP.rightAnkle };

/** Ankle ahead of the pelvis along the travel direction, in pixels (NaN outside the pass). */
export function zeniSignal(c: TrackColumns, pelvisX: Float64Array, side: Side, pass: PassSpan): Float64Array {
  const out = new Float64Array(c.t.length).fill(NaN);
  const ax = c.x[ANKLE[side]];
  for (let i = pass.i0; i <= pass.i1; i++) out[i] = pass.travel * (ax[i] - pelvisX[i]);
  return out;
}

function timeAt(t: Float64Array, index: number): number {
  const i = Math.floor(index);
  const frac = index - i;
  return frac === 0 || i + 1 >= t.length ? t[i] : t[i] + frac * (t[i + 1] - t[i]);
}

export function detectEvents(c: TrackColumns, pelvisX: Float64Array, side: Side, pass: PassSpan): SideEvents {
  const signal = zeniSignal(c, pelvisX, side, pass);
  const extrema = alternatingExtrema(signal, pass.i0, pass.i1);
  return {
    heelStrikes: extrema.filter((e) => e.kind === 'max').map((e) => timeAt(c.t, e.index)),
    toeOffs: extrema.filter((e) => e.kind === 'min').map((e) => timeAt(c.t, e.index)),
  };
}
