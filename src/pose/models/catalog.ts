/**
 * Every pose model the app, the workers and the CLI can use, by key. Pure data (each family's code
 * is imported by ./factory.ts only when one of its models is used), so the home page and
 * vite.config.ts (which serves and precaches the weight files) read it without tfjs. Its imports
 * carry their .ts extension for Vite's config loader.
 *
 * A new model of a known family is its PoseModelInfo in the family's folder and one line here; a new
 * family is a folder beside ./movenet and ./blazepose (info.ts, estimator.ts) and one line in
 * ./factory.ts.
 */
import { BLAZEPOSE_FULL, BLAZEPOSE_HEAVY, BLAZEPOSE_LITE } from './blazepose/info.ts';
import { MOVENET_LIGHTNING, MOVENET_MULTIPOSE, MOVENET_THUNDER } from './movenet/info.ts';
import type { PoseModelInfo } from './types.ts';
import { chooseDefaultModel } from './defaultModel.ts';
import { MODEL_MEASUREMENTS } from './measurements.ts';

export const POSE_MODELS: readonly PoseModelInfo[] = [
  MOVENET_LIGHTNING,
  MOVENET_THUNDER,
  MOVENET_MULTIPOSE,
  BLAZEPOSE_LITE,
  BLAZEPOSE_FULL,
  BLAZEPOSE_HEAVY,
];

/** The model that finds everyone in view, for scouting. */
export const SCOUT_MODEL = MOVENET_MULTIPOSE.key;
/** The models that follow one person: what the app, the live camera and the CLI track with. */
export const TRACKING_MODELS: readonly PoseModelInfo[] = POSE_MODELS.filter((m) => !m.multiPerson);
/** The default tracking model, chosen from the measurements by the rule in ./defaultModel.ts (docs/models.md). */
export const DEFAULT_MODEL: string = chooseDefaultModel(MODEL_MEASUREMENTS) ?? MOVENET_LIGHTNING.key;

/** The catalogue entry for `key`; throws a message listing the keys when there is none. */
export function poseModel(key: string): PoseModelInfo {
  const info = POSE_MODELS.find((m) => m.key === key || m.id === key);
  if (!info) throw new Error(`Unknown pose model "${key}": use one of ${POSE_MODELS.map((m) => m.key).join(', ')}.`);
  return info;
}

/** True when `key` names a model that follows one person (one the user may choose). */
export function isTrackingModel(key: unknown): key is string {
  return typeof key === 'string' && TRACKING_MODELS.some((m) => m.key === key);
}
