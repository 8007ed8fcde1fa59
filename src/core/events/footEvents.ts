/**
 * Gait events from heel and toe keypoints (a pose model that sees the feet, e.g. BlazePose's heel
 * and foot index), two published methods with plain inputs so either can be wrapped as an event
 * detector:
 *
 * - `zeniFootEvents`: the coordinate method of Zeni, Richards & Higginson (2008, Gait & Posture
 *   27:710-714) as published: initial contact = the HEEL furthest ahead of the pelvis along the
 *   direction of travel, final contact = the TOE furthest behind it. Backward walking mirrors it:
 *   the forefoot touches down first and the heel leaves last, so initial contact = the toe furthest
 *   along the travel direction (behind the body), final contact = the heel furthest against it.
 *
 * - `footVelocityEvents`: the foot velocity algorithm of O'Connor, Thorpe, O'Malley & Vaughan (2007,
 *   Gait & Posture 25:469-474): the foot centre (midpoint of heel and toe) is followed vertically;
 *   initial contact = the minimum of its vertical velocity (its fastest descent) as the foot comes
 *   down onto the floor, final contact = the maximum of its vertical velocity (its fastest rise) as
 *   it leaves. As in the paper, each minimum is looked for only where the foot centre is near the
 *   floor (its height below 35 % of its range, their position threshold) and the events are
 *   alternated (timing constraint). Deviation: the paper's thresholds are in mm and mm/s of a lab;
 *   here they are fractions of the clip's own foot-centre range, and the extremum is timed to a
 *   fraction of a frame with a parabola (as extrema.ts does for Zeni).
 *
 * Inputs are image pixels (y down) per frame with NaN where a point is missing, already cleaned and
 * low-pass filtered as the analysis does (6 Hz zero-lag Butterworth); times in seconds.
 *
 * Measured on the synthetic walker with feet at 30 fps against the contact truth from its rigid
 * foot (scripts/eval-feet.ts; 6 walks: both directions, backward, flat and forefoot strikers,
 * treadmill; the walker pushing off over its toes, src/synth/footContact.ts). Zeni: every event
 * found, none extra, all within 1 frame; forward initial contact 21-30 ms early (the heel is
 * furthest ahead just before it lands), final contact within 6 ms (the toe tip is furthest back as
 * it lifts); backward initial contact within 5 ms, final contact 30 ms late; with 1 % body-height
 * jitter the same biases, max 57 ms. O'Connor: initial contact of heel strikers 40-48 ms late, none
 * found for flat and forefoot landings (no clear descent peak) and final contact 65-84 ms early (the
 * foot centre rises fastest at heel rise, not at toe off). So Zeni is the better of the two.
 *
 * On a real walk with heel and forefoot markers and force plates (scripts/eval-foot-markers.ts,
 * OpenSim JAM overground_17; 3 heel strikes, 2-3 toe offs): Zeni on the heel marker 14-20 ms
 * early, on the 5th metatarsal head 1-9 ms late (200 Hz; at 30 fps after the 6 Hz low-pass -11..-18
 * and -0..+7 ms); the ankle proxy (zeni.ts) +1..+6 and -2..+7 ms. One walk: no shift is fitted on it.
 *
 * Against the ankle-proxy detector (zeni.ts: Zeni on the ankle, shifted by 1.6 % / 3.1 % of the
 * stride as calibrated on 12 real motion-capture walks), both run by the whole analysis on the same
 * tracks (scripts/eval-feet-analysis.ts), median |error| initial / final contact:
 *
 *   synthetic walker, clean (6 walks)     heel/toe 21-30 / 0-6 ms (backward 5 / 30)     ankle proxy 6-10 / 1-14 ms (backward 7 / 13)
 *   BlazePose full / lite through the app (Chromium, 384 px crops; fixtures/tracks/)
 *     healthy-feet                        heel/toe 32 / 11, lite 28 / 18 ms             ankle proxy 15 / 6, lite 11 / 6 ms
 *     flatfoot-feet                       heel/toe 25 / 15, lite 31 / 18 ms             ankle proxy 7 / 11, lite 8 / 11 ms
 *     forefoot-feet                       heel/toe 33 / 9, lite 24 / 12 ms              ankle proxy 18 / 3, lite 25 / 17 ms
 *     backward-feet                       heel/toe 16 / 33, lite 18 / 36 ms             ankle proxy 6 / 9, lite 3 / 14 ms
 *
 * (The walker with feet that pushes off over its toes without sliding, footContact.ts, its shoe
 * drawn with a heel counter, collar and toe box; before, its ankle led toe off by 6.7 % of the stride as the proxy saw it and
 * every proxy toe off came about 40 ms early.) On the synthetic walker heel/toe is the closer at final
 * contact, the proxy at initial contact; on the BlazePose tracks, the layout that has feet, the proxy
 * is closer in 14 of the 16 comparisons (heel/toe on forefoot-feet lite's initial and final
 * contacts), median over all contacts 10 / 10 ms against heel/toe's 26 / 17. test/feetBlazePose.test.ts
 * holds the registry to whichever measures better on those tracks. So by measurement the registry
 * keeps the ankle proxy for tracks with feet too: this detector ranks below it (rank 0.5 against 1).
 * Its bias, the heel reaching furthest forward just before it lands, is the method's own (real
 * heel marker: 14-20 ms); a calibrated shift would need more than the one real walk with foot
 * markers at hand.
 */
import type { TrackColumns } from '../clean/columns';
import { SIDE_POINTS } from '../format/bodyPoints';
import { SIDES, type Side } from '../format/report';
import type { PassSpan } from '../view/view';
import type { EventDetector, SideEvents } from './detector';
import { alternatingExtrema } from './extrema';

export interface FootEventInput {
  /** Frame times, seconds. */
  t: ArrayLike<number>;
  heelX: ArrayLike<number>;
  heelY: ArrayLike<number>;
  toeX: ArrayLike<number>;
  toeY: ArrayLike<number>;
  /** Pelvis (hip centre) x per frame, pixels (Zeni only). */
  pelvisX: ArrayLike<number>;
  /** +1 when the person travels towards +x in the image, -1 towards -x. */
  travel: 1 | -1;
  walking: 'forward' | 'backward';
  /** Frame span to analyse, inclusive (default: all). */
  i0?: number;
  i1?: number;
}

function timeAt(t: ArrayLike<number>, index: number): number {
  const i = Math.floor(index);
  const frac = index - i;
  return frac === 0 || i + 1 >= t.length ? t[i] : t[i] + frac * (t[i + 1] - t[i]);
}

function span(input: FootEventInput): [number, number] {
  return [input.i0 ?? 0, input.i1 ?? input.t.length - 1];
}

/** Zeni et al. 2008 on heel and toe; `heelStrikes` are initial contacts, `toeOffs` final contacts. */
export function zeniFootEvents(input: FootEventInput): SideEvents {
  const [i0, i1] = span(input);
  const n = input.t.length;
  const forward = input.walking === 'forward';
  // Forward: heel lands, toe leaves. Backward: toe lands, heel leaves.
  const [firstX, lastX] = forward ? [input.heelX, input.toeX] : [input.toeX, input.heelX];
  const along = (x: ArrayLike<number>) => {
    const out = new Float64Array(n).fill(NaN);
    for (let i = i0; i <= i1; i++) out[i] = input.travel * (x[i] - input.pelvisX[i]);
    return out;
  };
  const contact = alternatingExtrema(along(firstX), i0, i1);
  const release = alternatingExtrema(along(lastX), i0, i1);
  return {
    heelStrikes: contact.filter((e) => e.kind === 'max').map((e) => timeAt(input.t, e.index)),
    toeOffs: release.filter((e) => e.kind === 'min').map((e) => timeAt(input.t, e.index)),
  };
}

/** O'Connor et al. 2007's position threshold: the foot centre below this share of its height range is "near the floor". */
export const FVA_HEIGHT_THRESHOLD = 0.35;

/** O'Connor et al. 2007 foot velocity algorithm; `heelStrikes` are initial contacts, `toeOffs` final contacts. */
export function footVelocityEvents(input: FootEventInput): SideEvents {
  const [i0, i1] = span(input);
  const { t } = input;
  // Foot centre height (up = -y) and its vertical velocity by central differences.
  const height = (i: number) => -(input.heelY[i] + input.toeY[i]) / 2;
  const v = new Float64Array(t.length).fill(NaN);
  for (let i = Math.max(i0, 1); i <= Math.min(i1, t.length - 2); i++) {
    const dv = (height(i + 1) - height(i - 1)) / (t[i + 1] - t[i - 1]);
    if (Number.isFinite(dv)) v[i] = dv;
  }
  const heights: number[] = [];
  for (let i = i0; i <= i1; i++) if (Number.isFinite(height(i))) heights.push(height(i));
  if (heights.length < 5) return { heelStrikes: [], toeOffs: [] };
  heights.sort((a, b) => a - b);
  const low = heights[Math.round(0.05 * (heights.length - 1))];
  const high = heights[Math.round(0.95 * (heights.length - 1))];
  const threshold = low + FVA_HEIGHT_THRESHOLD * (high - low);

  // Alternating half-waves of the velocity: each closed negative wave has one minimum (descent),
  // each positive wave one maximum (rise).
  const extrema = alternatingExtrema(v, i0, i1);
  const heelStrikes: number[] = [];
  const toeOffs: number[] = [];
  for (const e of extrema) {
    if (e.kind === 'min') {
      // The fastest descent counts as a contact only if the foot reaches the floor zone within the
      // wave: the foot centre is below the threshold at or shortly after the minimum.
      if (reachesFloorZone(height, Math.round(e.index), i1, threshold, v)) heelStrikes.push(timeAt(t, e.index));
    } else if (leftFloorZone(height, Math.round(e.index), i0, threshold, v)) {
      toeOffs.push(timeAt(t, e.index));
    }
  }
  return { heelStrikes, toeOffs };
}

/** From `i` on, while the foot is still descending (v < 0) or just stopped: does it get below the threshold? */
function reachesFloorZone(height: (i: number) => number, i: number, i1: number, threshold: number, v: Float64Array): boolean {
  for (let k = i; k <= i1; k++) {
    if (height(k) <= threshold) return true;
    if (v[k] > 0) return false;
  }
  return false;
}

/** Before `i`, back while the foot is rising: was it below the threshold (it rose from the floor)? */
function leftFloorZone(height: (i: number) => number, i: number, i0: number, threshold: number, v: Float64Array): boolean {
  for (let k = i; k >= i0; k--) {
    if (height(k) <= threshold) return true;
    if (v[k] < 0) return false;
  }
  return false;
}

/** The plain inputs of one side and pass, from the analysis' cleaned columns. */
export function footEventInput(columns: TrackColumns, pelvisX: Float64Array, side: Side, pass: PassSpan): FootEventInput {
  const p = SIDE_POINTS[side];
  return {
    t: columns.t,
    heelX: columns.x[p.heel],
    heelY: columns.y[p.heel],
    toeX: columns.x[p.toe],
    toeY: columns.y[p.toe],
    pelvisX,
    travel: pass.travel,
    walking: pass.walking,
    i0: pass.i0,
    i1: pass.i1,
  };
}

function asDetector(detect: (input: FootEventInput) => SideEvents, unit: Omit<EventDetector, 'detect' | 'needs'>): EventDetector {
  return {
    ...unit,
    needs: ['heel', 'toe'],
    detect({ columns, pelvisX, passes }) {
      const out: Record<Side, SideEvents[]> = { left: [], right: [] };
      for (const pass of passes) for (const side of SIDES) out[side].push(detect(footEventInput(columns, pelvisX, side, pass)));
      return out;
    },
  };
}

/**
 * The two methods as event detectors (detector.ts). Zeni on heel and toe is registered
 * (registry.ts) below the ankle proxy, as measured above; the foot-velocity one is not.
 */
export const heelToeZeniDetector: EventDetector = asDetector(zeniFootEvents, {
  id: 'zeni-heel-toe',
  reference: 'Zeni, Richards & Higginson 2008 (Gait & Posture 27:710-714) on heel and toe as published; mirrored for backward walking',
  rank: 0.5,
});

export const footVelocityDetector: EventDetector = asDetector(footVelocityEvents, {
  id: 'foot-velocity',
  reference: "O'Connor, Thorpe, O'Malley & Vaughan 2007 (Gait & Posture 25:469-474), foot-centre vertical velocity; thresholds as fractions of the clip's own range",
  rank: 0,
});
