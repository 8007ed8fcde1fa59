export type { DetectedPose, EstimatorOptions, ModelFileLocator, PoseEstimator, PoseModelInfo } from './types';
export { DEFAULT_MODEL, isTrackingModel, POSE_MODELS, poseModel, SCOUT_MODEL, TRACKING_MODELS } from './catalog';
export { createEstimator } from './factory';
export { timedEstimator } from './timed';
