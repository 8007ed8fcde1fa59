/**
 * Which tracking model is the default, decided from measurements (./measurements.ts, written by
 * scripts/model-table.ts): the most accurate model among those nearly as fast as the fastest.
 *
 * Speed comes first because the app must keep up with a walk on a 2-core laptop without a GPU: the
 * fastest model (MoveNet Lightning) is the only one near real time there, and a model that takes
 * three times as long turns a 10 s walk into half a minute of waiting. "Nearly as fast" is at most
 * SPEED_ALLOWANCE times the fastest model's time per frame; among those, accuracy is the mean of
 * the hip and knee median errors on the fixture walks.
 */
export const SPEED_ALLOWANCE = 1.25;

export interface ModelMeasurement {
  /** Median over the fixture walks of the per-walk median |error| (deg) over the analysed cycles. */
  hipDeg: number;
  kneeDeg: number;
  /** Null for a model that does not see the feet. */
  ankleDeg: number | null;
  /** Share of the truth events (away from the clip's ends) found within 1 frame. */
  eventsWithin1Frame: number;
  /** Events found that match no true one within 2 frames, per walk. */
  extraEventsPerWalk: number;
  /** Tracking inference per frame (ms), in the measuring run. */
  msPerFrame: number;
  /** This model's time per frame as a multiple of the fastest model's in the same run. */
  relativeTime: number;
  /** The whole pipeline in Node, one worker, as a multiple of real time, in the measuring run. */
  realTime: number;
}

export interface ModelMeasurements {
  /** yyyy-mm-dd, and where and how it was measured. */
  measured: string;
  caption: string;
  models: Record<string, ModelMeasurement>;
}

/** The default model's key, by the rule above; null when nothing was measured. */
export function chooseDefaultModel(m: ModelMeasurements): string | null {
  const entries = Object.entries(m.models);
  if (!entries.length) return null;
  const fastest = Math.min(...entries.map(([, v]) => v.msPerFrame));
  const quick = entries.filter(([, v]) => v.msPerFrame <= SPEED_ALLOWANCE * fastest);
  quick.sort(([, a], [, b]) => a.hipDeg + a.kneeDeg - (b.hipDeg + b.kneeDeg));
  return quick[0][0];
}

/** Why the default is the default, in plain words, for the home page. */
export function defaultReason(m: ModelMeasurements, key: string): string {
  const d = m.models[key];
  if (!d) return 'it is the fastest model here.';
  const fastest = Math.min(...Object.values(m.models).map((v) => v.msPerFrame));
  const quick = Object.entries(m.models).filter(([, v]) => v.msPerFrame <= SPEED_ALLOWANCE * fastest);
  const slowest = Math.max(...Object.values(m.models).map((v) => v.relativeTime / d.relativeTime));
  const speed =
    quick.length > 1
      ? `it is one of the ${quick.length} quickest models (the others take up to ${slowest.toFixed(1)} times as long per frame) and the most accurate of them`
      : `it is the fastest (the others take up to ${slowest.toFixed(1)} times as long per frame)`;
  return `${speed}: on the test walks its hip and knee angles were within ${d.hipDeg.toFixed(1)}° and ${d.kneeDeg.toFixed(1)}° of the truth (median).`;
}

/**
 * The live camera view shows the skeleton, the phase and the cadence while filming; it drops
 * frames while the model is busy, so a slow model makes it jerky. It uses the chosen model when
 * that takes at most LIVE_MAX_RELATIVE_TIME times the fastest model's time per frame (BlazePose
 * lite and full: feet in the live view too), else the default; the recording itself is analysed
 * with the chosen model either way.
 */
export const LIVE_MAX_RELATIVE_TIME = 2.5;

export function liveModelFor(m: ModelMeasurements, chosen: string, fallback: string): string {
  const measured = m.models[chosen];
  return measured && measured.relativeTime <= LIVE_MAX_RELATIVE_TIME ? chosen : fallback;
}
