/**
 * The neutral contracts between the adapters at the edge (video decoding, pose estimation,
 * tracking, capture) and the pipelines and views above them. This folder imports nothing but
 * `src/core` (the lowest layer), so no adapter has to import another to share a type:
 *
 *   core  <-  contracts  <-  pose | video decoders | tracking  <-  pipeline, capture  <-  cli, ui
 *
 * test/layers.test.ts keeps it so.
 *
 * The video pipeline (one implementation, src/pose/trackBuilder.ts, for the app's worker and the CLI):
 *   1. scout:  MultiPose on a frame every ~1 s (closer where needed) finds everyone in view and
 *              tracks them (ids); the person who walks is picked by default (src/tracking), the
 *              user may pick another.
 *   2. track:  single-pose MoveNet (Lightning or Thunder) on EVERY frame, each frame cropped around
 *              the chosen person (so a second person or a mirror cannot take over), keypoints mapped
 *              back to full-frame pixels -> gait-pose-track v1.
 */
export type { RawImage, PoseInput } from './image';
export type { Box, SourceFrame, FrameSourceInfo, FrameSource, FrameRequest } from './frames';
export type { PersonSample, PersonCandidate } from './people';
export type { PipelineStage, PipelineProgress } from './progress';
export { VideoInputError, type VideoErrorCode } from './errors';
