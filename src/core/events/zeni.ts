import { SIDES, type Side } from '../format/report';
import type { TrackColumns } from '../clean/columns';
import { SIDE_POINTS } from '../format/bodyPoints';
import { alternatingExtrema } from './extrema';
import type { PassSpan } from '../view/view';
import type { EventDetector, SideEvents } from './detector';
import { typicalStrideTime } from '../cycles/cycles';

/**
 * Heel strike and toe off from the coordinate method of Zeni, Richards & Higginson (2008,
 * Gait & Posture 27:710-714): heel strike = the foot furthest ahead of the pelvis along the direction
 * of travel, toe off = furthest behind. MoveNet has no heel or toe, so the ankle stands in for both.
 * Working along the direction of TRAVEL (not facing) mirrors the method for backward walking, where
 * first contact is the foot reaching furthest back in the body's own frame.
 */
/** Ankle ahead of the pelvis along the travel direction, in pixels (NaN outside the pass). */
export function zeniSignal(c: TrackColumns, pelvisX: Float64Array, side: Side, pass: PassSpan): Float64Array {
  const out = new Float64Array(c.t.length).fill(NaN);
  const ax = c.x[SIDE_POINTS[side].ankle];
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

/**
 * MoveNet's ankle stands in for Zeni's heel and toe markers, and it reaches its extremes early: the
 * foot is still swinging down onto the heel when the ankle is furthest forward, and it rolls over
 * the toes after the ankle is furthest back. So the events are moved later by a share of the stride.
 * Calibrated on real walks, not on the synthetic figure: on the 12 healthy motion-capture walks of
 * the calibration set (force-plate, lab and marker events; 30 fps) the ankle extremes lead initial
 * contact by a mean 1.6 % and toe off by 3.1 % of the stride (per-walk medians: HS -1.4..+2.1 %,
 * TO -0.3..+2.1 % around those). The synthetic walker's rigid 2D foot leads by more (2.75 % / 4.3 %
 * as this detector sees it; 3.6 % / 5.6 % before its terminal swing and pre-swing were brought
 * nearer the real walks, src/synth/gaitCurves.ts), so its events come 1.2 % of a stride (~14 ms)
 * early: that is the figure's foot, not a person's. The earlier shifts (3.5 % / 5.5 %, fitted on the
 * figure) made toe off 26 ms and heel strike 16 ms late on real walks.
 * On the one walk of the set with heel and forefoot markers as well as force plates
 * (scripts/eval-foot-markers.ts, OpenSim JAM overground_17; one of the 12, so not independent):
 * heel strikes +6 / +1 / +2 ms and toe offs +7 / -2 ms from the plates (200 Hz; at 30 fps +9 / +3 /
 * +5 and +7 / -2), against Zeni as published on the heel marker -14..-20 ms and on the 5th
 * metatarsal +1..+9 ms.
 * Backward walking is close to forward walking reversed in time (Thorstensson 1986), so there the
 * shifts swap roles and sign: first contact is the reversed forward toe off, and so on.
 */
export const ANKLE_PROXY_SHIFT = { heelStrike: 0.016, toeOff: 0.031 } as const;

export function correctAnkleProxyBias(events: SideEvents, walking: 'forward' | 'backward', strideS: number): SideEvents {
  if (!Number.isFinite(strideS)) return events;
  const hs = walking === 'forward' ? ANKLE_PROXY_SHIFT.heelStrike : -ANKLE_PROXY_SHIFT.toeOff;
  const to = walking === 'forward' ? ANKLE_PROXY_SHIFT.toeOff : -ANKLE_PROXY_SHIFT.heelStrike;
  return {
    heelStrikes: events.heelStrikes.map((t) => t + hs * strideS),
    toeOffs: events.toeOffs.map((t) => t + to * strideS),
  };
}

/**
 * Zeni et al. 2008 on the ankle (MoveNet has no heel or toe): extrema of the ankle's distance ahead
 * of the pelvis along the travel direction, shallow stand/stop wobbles dropped (extrema.ts), then
 * moved by the ankle-proxy shift calibrated on real walks. Works on every layout.
 */
export const ankleZeniDetector: EventDetector = {
  id: 'zeni-ankle',
  reference: 'Zeni, Richards & Higginson 2008 (Gait & Posture 27:710-714), ankle in place of heel and toe markers, shifted by 1.6 % / 3.1 % of the stride (calibrated on 12 healthy motion-capture walks)',
  needs: ['ankle'],
  rank: 1,
  detect({ columns, pelvisX, passes }) {
    const raw: Record<Side, SideEvents[]> = { left: [], right: [] };
    for (const pass of passes) for (const side of SIDES) raw[side].push(detectEvents(columns, pelvisX, side, pass));
    const typicalStride = typicalStrideTime([...raw.left, ...raw.right].map((e) => e.heelStrikes));
    return {
      left: raw.left.map((e, p) => correctAnkleProxyBias(e, passes[p].walking, typicalStride)),
      right: raw.right.map((e, p) => correctAnkleProxyBias(e, passes[p].walking, typicalStride)),
    };
  },
};
