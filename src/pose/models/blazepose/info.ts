/**
 * BlazePose (Bazarevsky et al. 2020, "BlazePose: On-device Real-time Body Pose tracking";
 * MediaPipe Pose's GHUM landmark models) as pose-detection's tfjs runtime runs it, as the
 * catalogue lists it: lite, full and heavy landmark models behind one person detector, 33 named
 * landmarks including both heels and foot indices (the tip of the toes). Pure data: the code that
 * runs them is ./estimator.ts, imported by ../factory.ts only when a BlazePose model is used.
 */
import type { PoseModelInfo } from '../types';

export type BlazePoseModelName = 'lite' | 'full' | 'heavy';
export const BLAZEPOSE_MODEL_NAMES: readonly BlazePoseModelName[] = ['lite', 'full', 'heavy'];

/** Graph-model JSON files in models/ (each with its .bin beside it; fetched by scripts/fetch-models.mjs). */
export const BLAZEPOSE_DETECTOR_FILE = 'blazepose-detector.json';

/**
 * Input sizes of the two networks (measured on the human-models files; pose-detection's
 * constants agree): the person detector looks at the whole image letterboxed to 224 x 224, the
 * landmark model at a 256 x 256 crop around the person (the region of interest, rotated upright,
 * 1.25 x the body's extent), which it then follows from frame to frame by itself.
 */
export const BLAZEPOSE_DETECTOR_INPUT = 224;
export const BLAZEPOSE_LANDMARK_INPUT = 256;

/**
 * The crop around the walker the pipeline gives BlazePose. It is letterboxed to 224 for the
 * detector, and the landmark model cuts its own 256 px region (1.25 x the body) from it, so the crop
 * is made larger than 256 to keep the person's detail for that second cut. Measured with
 * scripts/model-table.ts on the rendered healthy-feet and forefoot-feet walks, BlazePose full
 * (following across crops): 256 px gave hip / knee median errors of 2.2 / 3.5 and 2.1 / 3.3 deg,
 * 384 px 1.6 / 3.1 deg over both (worst knee 3.8), at the same cost per frame.
 * Resetting the model before every crop instead (as MoveNet needs) ran the detector on every frame:
 * 3.0 / 4.7 deg on healthy-feet at twice the time (whole frames: 1.4 / 2.8).
 */
export const BLAZEPOSE_CROP = 384;

/** The 33 landmarks in BlazePose's order (pose-detection's keypoint names). */
export const BLAZEPOSE_KEYPOINT_NAMES = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

const SUMMARIES: Record<BlazePoseModelName, string> = {
  lite: 'sees the feet (ankle angle, heel strike, toe off, strike pattern); about as fast as Lightning, less precise',
  full: 'sees the feet (ankle angle, heel strike, toe off, strike pattern); about twice the time of Lightning',
  heavy: 'sees the feet, the most precise BlazePose; several times slower than real time without a GPU',
};

function blazePose(name: BlazePoseModelName): PoseModelInfo {
  return {
    key: `blazepose-${name}`,
    id: `blazepose-${name}`,
    label: `BlazePose ${name}`,
    summary: SUMMARIES[name],
    // The landmark model first: messages about a missing model name it.
    files: [`blazepose-${name}.json`, BLAZEPOSE_DETECTOR_FILE],
    keypointNames: BLAZEPOSE_KEYPOINT_NAMES,
    cropSize: BLAZEPOSE_CROP,
    followsAcrossCrops: true,
    multiPerson: false,
    family: 'blazepose',
  };
}

export const BLAZEPOSE_LITE = blazePose('lite');
export const BLAZEPOSE_FULL = blazePose('full');
export const BLAZEPOSE_HEAVY = blazePose('heavy');
