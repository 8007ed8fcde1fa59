/**
 * MoveNet (Google, 2021; COCO-17 keypoints) as the catalogue lists it: Lightning (fast), Thunder
 * (more accurate) and MultiPose Lightning (everyone in view, for scouting). Pure data: the code that
 * runs them is ./estimator.ts, imported by ../factory.ts only when a MoveNet model is used.
 * (Imports carry their .ts extension: vite.config.ts reads the catalogue.)
 */
import { KEYPOINT_NAMES } from '../../../core/format/poseTrack.ts';
import type { PoseModelInfo } from '../types';

export const MOVENET_LIGHTNING: PoseModelInfo = {
  key: 'lightning',
  id: 'movenet-lightning',
  label: 'MoveNet Lightning',
  summary: 'fast; hips and knees, events from the ankles (no feet)',
  files: ['movenet-lightning.json'],
  keypointNames: KEYPOINT_NAMES,
  cropSize: 192,
  followsAcrossCrops: false,
  multiPerson: false,
  family: 'movenet',
};

export const MOVENET_THUNDER: PoseModelInfo = {
  key: 'thunder',
  id: 'movenet-thunder',
  label: 'MoveNet Thunder',
  summary: 'more accurate hips and knees, about 3 times slower; no feet',
  files: ['movenet-thunder.json'],
  keypointNames: KEYPOINT_NAMES,
  cropSize: 256,
  followsAcrossCrops: false,
  multiPerson: false,
  family: 'movenet',
};

export const MOVENET_MULTIPOSE: PoseModelInfo = {
  key: 'multipose',
  id: 'movenet-multipose-lightning',
  label: 'MoveNet MultiPose Lightning',
  summary: 'finds everyone in view (used to pick the walker)',
  files: ['movenet-multipose.json'],
  keypointNames: KEYPOINT_NAMES,
  cropSize: 256,
  followsAcrossCrops: false,
  multiPerson: true,
  family: 'movenet',
};
