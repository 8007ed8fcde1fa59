/**
 * How far to trust a number: the standard uncertainty of a mean over gait cycles, from
 *   - the spread over cycles (SD / sqrt(n): the random part, which more steps shrink), and
 *   - the measured error of the pose model in use (the part that more steps do not shrink: a
 *     keypoint placed off the joint centre, events read a little early or late),
 * combined in quadrature (JCGM 100:2008, "GUM", sec. 5.1). With a single cycle the spread is
 * unknown, so a typical healthy cycle-to-cycle SD stands in for it.
 *
 * A value is judged against a limit only when it clears the limit by more than this uncertainty;
 * closer than that it is "borderline" (src/core/metrics/judge.ts).
 */
import type { GaitPoseTrack } from '../format/poseTrack';

/** Measured error of one pose source: per-frame joint-angle error (deg) and event timing error (s). */
export interface PoseModelError {
  id: string;
  hipDeg: number;
  kneeDeg: number;
  trunkDeg: number;
  /** Ankle angle error (deg): models without feet never use it (no ankle is measured). */
  ankleDeg: number;
  /** Error of differences on one ankle curve (range, push-off excursion; deg): the foot's offset cancels there. */
  ankleRangeDeg: number;
  /** Error of the peak swing knee flexion of the leg farther from the camera (deg; FAR_LEG_SWING_KNEE_DEG). */
  farLegSwingKneeDeg: number;
  eventS: number;
  source: string;
}

/**
 * Per pose model. MoveNet figures: median per-frame angle errors on the rendered fixture walks
 * (fixtures/README.md: Lightning hip 1.3-4.6, knee 1.9-6.5 deg, with biases up to +6 deg on the
 * near knee; Thunder under 4 deg in the e2e walks), rounded up to cover the bias, and the event
 * error of the ankle-based detector on the 12 healthy motion-capture walks at 30 fps with
 * MoveNet-like noise (mean |error| 18-22 ms). Tracks from elsewhere get the 2D-video errors of
 * Stenum et al. 2021 (OpenPose vs markers: hip 4.0, knee 5.6 deg MAE). Motion capture projected to
 * a side view is nearly exact in its angles; its events come from the same ankle-based detector.
 *
 * BlazePose (heels and toes: the ankle is measured): median per-frame errors of the whole analysis
 * on the four rendered fixture walks with feet (healthy, backward, flat-foot, forefoot), tracked by
 * the app in Chromium (fixtures/tracks/; scripts/eval-feet-analysis.ts --load=fixtures/tracks),
 * rounded up to cover the largest walk's. On the renders whose walker pushes off over its toes
 * without sliding (src/synth/footContact.ts), its shoe drawn with a heel counter, collar and toe
 * box (src/synth/render/sideWalker.ts), the foot's offset found in each stance (ankle.ts): full hip
 * 1.9-3.0, knee 2.9-4.5, ankle 4.0-6.4 deg (biases 1.2-4.1), events 3-18 ms median |error| per
 * walk; lite hip 2.4-4.3, knee 4.4-6.9, ankle 10.5-22.1 (biases 7.6-21.7: lite reads the shoe's
 * foot line far too toe-up), events 3-25 ms. With
 * the earlier, round shoe full needed knee 4.8, ankle 8.2 and events up to 53 ms (its walker's foot
 * still slid): the full model keeps those larger figures, as BlazePose has not been measured
 * on real video with foot truth. test/feetBlazePose.test.ts holds these to the tracks. Differences
 * on one ankle curve (its range, the push-off excursion) are free of the offset but BlazePose reads
 * them smaller than the rigid foot does, beyond the toe tip's own 6.1-9.4 deg (which the ranges
 * allow for): by up to 19 deg, full and lite alike, on those walks.
 * Heavy was not measured (351 ms a frame): it takes full's figures, but for the far leg's swing
 * knee (FAR_LEG_SWING_KNEE_DEG, measured on the CLI's tracks). The
 * trunk was not measured: Lightning's 3 deg.
 */
/**
 * The far leg's swing, per pose model: a side camera sees the leg farther from it through the near
 * one at mid-swing, and every model measured places that knee too straight there, so the far leg's
 * peak swing knee flexion reads low by far more than the per-frame knee error says. Measured per
 * side against the walker's truth on the rendered fixture walks (identical legs; the far leg's mean
 * over its cycles, per walk; scripts as in docs/models.md) and, without truth, as the far leg's
 * shortfall against the near leg on the real sports2d-demo.mp4 walk:
 *
 *   model       rendered walks: far leg's error (RMS)        near leg's   real walk: far - near
 *   lite        -18..-33 (26) in the app, -19..-44 (29) CLI  -10..+4      too few steps
 *   full        -9..-19 (15) in the app, -10..-23 (17) CLI   -8..-1       -18 in the app, -34 CLI
 *   heavy       -4..-18 (8), CLI                             -2..+2       -7, CLI
 *   Lightning   -12..-2 (7), CLI                             -3..+8       -19, CLI
 *   Thunder     -3..+7 (3.5), CLI                            +4..+9       -9, CLI
 *
 * The figure is the larger of the renders' RMS and the real walk's shortfall (the CLI's 34 for
 * full is one cycle read at 18 deg: the spread over cycles carries that), rounded up. A track from
 * an unknown 2D model takes the largest (19); projected motion capture hides no leg.
 */
const FAR_LEG_SWING_KNEE_DEG = { lite: 29, full: 19, heavy: 9, lightning: 19, thunder: 9, video2d: 19 } as const;

export const POSE_MODEL_ERRORS: Record<string, PoseModelError> = {
  'movenet-lightning': { id: 'movenet-lightning', hipDeg: 3.5, kneeDeg: 5, trunkDeg: 3, ankleDeg: NaN, ankleRangeDeg: NaN, farLegSwingKneeDeg: FAR_LEG_SWING_KNEE_DEG.lightning, eventS: 0.022, source: 'MoveNet Lightning on the rendered fixture walks (angles) and on 12 healthy motion-capture walks with MoveNet-like noise (events)' },
  'movenet-thunder': { id: 'movenet-thunder', hipDeg: 3, kneeDeg: 4, trunkDeg: 2.5, ankleDeg: NaN, ankleRangeDeg: NaN, farLegSwingKneeDeg: FAR_LEG_SWING_KNEE_DEG.thunder, eventS: 0.02, source: 'MoveNet Thunder on the rendered fixture walks (angles) and on 12 healthy motion-capture walks with MoveNet-like noise (events)' },
  'blazepose-lite': { id: 'blazepose-lite', hipDeg: 4.5, kneeDeg: 8, trunkDeg: 3, ankleDeg: 23, ankleRangeDeg: 19, farLegSwingKneeDeg: FAR_LEG_SWING_KNEE_DEG.lite, eventS: 0.045, source: 'BlazePose lite on the four rendered fixture walks with feet (median per-frame hip 2.4-4.3, knee 4.4-6.9, ankle 10.5-22.1 deg; events 3-25 ms; earlier renders: knee up to 7.6, events 44 ms)' },
  'blazepose-full': { id: 'blazepose-full', hipDeg: 3, kneeDeg: 5, trunkDeg: 3, ankleDeg: 10, ankleRangeDeg: 19, farLegSwingKneeDeg: FAR_LEG_SWING_KNEE_DEG.full, eventS: 0.055, source: 'BlazePose full on the four rendered fixture walks with feet (median per-frame hip 1.9-3.0, knee 2.9-4.5, ankle 4.0-6.4 deg; events 3-18 ms; earlier renders: knee up to 4.8, ankle 9.1, events 53 ms)' },
  'blazepose-heavy': { id: 'blazepose-heavy', hipDeg: 3, kneeDeg: 5, trunkDeg: 3, ankleDeg: 10, ankleRangeDeg: 19, farLegSwingKneeDeg: FAR_LEG_SWING_KNEE_DEG.heavy, eventS: 0.055, source: 'BlazePose heavy: the figures of BlazePose full on the rendered fixture walks with feet, but for the far leg\'s swing knee (measured for heavy: 9 deg)' },
  mocap: { id: 'mocap', hipDeg: 1, kneeDeg: 1, trunkDeg: 1, ankleDeg: 1, ankleRangeDeg: 1, farLegSwingKneeDeg: 1, eventS: 0.018, source: 'motion capture projected to a side view; ankle-based events on 12 healthy walks at 30 fps (mean |error| 13-20 ms)' },
  'video-2d': { id: 'video-2d', hipDeg: 4, kneeDeg: 5.6, trunkDeg: 3, ankleDeg: 7, ankleRangeDeg: 5, farLegSwingKneeDeg: FAR_LEG_SWING_KNEE_DEG.video2d, eventS: 0.025, source: 'Stenum et al. 2021 (2D video vs markers: hip 4.0, knee 5.6, ankle ~7 deg MAE; step times within ~0.02 s)' },
};

export function poseModelError(source: GaitPoseTrack['source'] | undefined): PoseModelError {
  const model = source?.model ?? '';
  if (POSE_MODEL_ERRORS[model]) return POSE_MODEL_ERRORS[model];
  if (/thunder/i.test(model)) return POSE_MODEL_ERRORS['movenet-thunder'];
  if (/blazepose/i.test(model)) return POSE_MODEL_ERRORS['blazepose-full'];
  if (/movenet|lightning/i.test(model)) return POSE_MODEL_ERRORS['movenet-lightning'];
  if (source?.kind === 'mocap' || source?.kind === 'synthetic') return POSE_MODEL_ERRORS.mocap;
  return POSE_MODEL_ERRORS['video-2d'];
}

/**
 * Standard uncertainty of the mean of `values` (one per cycle).
 * @param modelU the pose model's error for this number (same unit)
 * @param typicalSd a healthy cycle-to-cycle SD for this number, used when only one cycle is known
 */
export function meanUncertainty(values: number[], modelU: number, typicalSd: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sd = typicalSd;
  if (n >= 2) {
    const m = values.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    // Two or three cycles estimate the SD poorly: never trust a spread smaller than half the typical.
    sd = Math.max(s, n < 4 ? typicalSd / 2 : 0);
  }
  return Math.hypot(sd / Math.sqrt(n), modelU);
}

/** Uncertainty of a difference or sum of independent quantities. */
export function combined(...parts: number[]): number {
  return Math.hypot(...parts);
}
