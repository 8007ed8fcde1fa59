/**
 * Healthy sagittal joint-angle curves over one gait cycle (0 = heel strike of that leg,
 * 1 = its next heel strike), after Perry & Burnfield (Gait Analysis: Normal and Pathological
 * Function, 2nd ed., 2010) and Winter (The Biomechanics and Motor Control of Human Gait, 1991).
 *
 * - hip: thigh against the downward vertical (+ = knee in front of the hip, Stenum et al. 2021):
 *   +23 at contact, about +3 at 30 %, peak extension -14 near 50 %, about 0 at toe off, peak flexion
 *   +29 near 88 %. (Thigh against the vertical rather than against the pelvis: there are no pelvis
 *   keypoints.)
 * - knee: flexion, 0 = straight: ~5 at contact, loading peak ~18 at 13 %, ~4 at 40 %, ~39 at toe
 *   off, peak 63 at 72 %, back to ~5.
 * - ankle: + dorsiflexion: -5 at 7 %, +10..12 at 44-51 %, -18 at toe off, about 0 in swing.
 *
 * Textbook curves were the starting point; the key values were then nudged (a few degrees at
 * most, by a least-squares fit kept close to the textbook anchors) until the rigid 2D model is
 * physically consistent: at heel strike the heel reaches the floor (0.8 % of body height) while
 * the trailing forefoot is still on it, the forefoot leaves the floor at toe off, the swing foot
 * clears the floor by more than 1 % of body height and, at constant speed, the stance foot would
 * slide only about 1 % of body height per step (strideModel.ts removes even that with a small
 * within-stride speed variation). A 2D chain without pelvic rotation cannot match every textbook value at
 * once; these curves are the compromise (hip at contact 23 rather than 25 deg).
 *
 * Event timing against real walks. Three keys were then moved towards the real walks' mean joint
 * angles, so that the walker's feet reach their extremes when a person's do (the event detectors
 * time heel strike and toe off from those extremes, and are calibrated on real walks):
 *   hip at 93 %  28.6 -> 27.5 (real 25.9 +- 3.9: the thigh barely retracts before contact)
 *   knee at 97 %  5.1 ->  7.0 (real  7.4 +- 7.9: the knee is still extending at contact)
 *   hip at 62 %  -1.6 -> -2.5 (real -6.1 +- 7.4 at 62 %, -5.6 at toe off)
 * Real: the 12 healthy motion-capture walks of the calibration set (52 cycles, thigh against the
 * vertical and knee flexion from the projected joint centres, at these shares of each cycle). On
 * them the ankle is furthest forward 1.6 % of the stride before initial contact and furthest back
 * 3.1 % before toe off (zeni.ts); on the one walk with heel and forefoot markers and force plates
 * (scripts/eval-foot-markers.ts) the heel is furthest ahead about 17 ms (1.7 %) before contact and
 * the 5th metatarsal furthest back about 5 ms after toe off. The walker (240 fps, cadence 90-130,
 * raw keypoints) before -> after: ankle 3.6 / 5.4 % -> 2.5 / 3.6 %; with feet, ankle 3.3 / 6.1 % ->
 * 2.0 / 4.5 %, heel 3.2 -> 1.7 %. (The walker with feet then still slid its trailing foot forward in
 * late double support; footContact.ts now rolls it over its toes instead, which takes its thigh to
 * -6.9 deg at toe off, near the real -5.9, without moving these keys: its ankle leads toe off by 3.4 %
 * as the detector sees it, real 3.1 %.) Moving the hip at 62 % further (towards -5) with the earlier
 * contact lifted the forefoot off the floor before the toe-off truth, and hip at 57 % -11 left the
 * limited push-off knob almost no effect: so the pre-swing keys stay nearer the textbook.
 */
import { periodicSpline, type KeyPoint, type PeriodicCurve } from './periodicSpline';

/** Toe off as a fraction of the cycle (stance about 62 %, Perry). */
export const TOE_OFF_PHASE = 0.62;

const keys = (pairs: ReadonlyArray<readonly [number, number]>): KeyPoint[] =>
  pairs.map(([percent, value]) => ({ at: percent / 100, value }));

export const HEALTHY_HIP_KEYS: KeyPoint[] = keys([
  [0, 23.4],
  [10, 19.1],
  [20, 10.5],
  [30, 2.6],
  [40, -9.4],
  [51, -13.6],
  [57, -9.0],
  [62, -2.5],
  [70, 12.5],
  [77, 22.1],
  [85, 28.0],
  [93, 27.5],
]);

export const HEALTHY_KNEE_KEYS: KeyPoint[] = keys([
  [0, 4.8],
  [6, 12.7],
  [13, 17.8],
  [22, 15.3],
  [31, 12.5],
  [40, 4.1],
  [47, 7.1],
  [55, 21.1],
  [62, 39.2],
  [67, 52.8],
  [72, 63.0],
  [78, 58.0],
  [85, 41.0],
  [92, 18.0],
  [97, 7.0],
]);

export const HEALTHY_ANKLE_KEYS: KeyPoint[] = keys([
  [0, 6.0],
  [7, -5.0],
  [15, -0.8],
  [30, 3.8],
  [44, 9.7],
  [51, 11.6],
  [57, -0.8],
  [62, -18.2],
  [67, -14.1],
  [73, -6.0],
  [80, 0],
  [90, 0],
]);

/** Joint-angle curves of one leg over its own gait cycle (degrees). */
export interface JointCurves {
  /** Thigh against the downward vertical, + = knee in front of the hip. */
  hip: PeriodicCurve;
  /** Knee flexion (thigh angle minus shank angle), 0 = straight. */
  knee: PeriodicCurve;
  /** Ankle, + = dorsiflexion (foot angle = shank angle + ankle). */
  ankle: PeriodicCurve;
}

export function healthyCurves(): JointCurves {
  return {
    hip: periodicSpline(HEALTHY_HIP_KEYS),
    knee: periodicSpline(HEALTHY_KNEE_KEYS),
    ankle: periodicSpline(HEALTHY_ANKLE_KEYS),
  };
}
