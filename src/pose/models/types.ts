/**
 * What every pose model offers the pipeline, whatever its family (MoveNet, BlazePose, ...): one
 * interface for the estimator, one description of the model (PoseModelInfo, pure data, so pages
 * can list models without loading tfjs), and how the weight files are found.
 */
import type { io } from '@tensorflow/tfjs-core';
import type { Keypoint } from '../../core/format/poseTrack';
import type { PoseInput } from '../../contracts';

export interface DetectedPose {
  /** The model's keypoints in its layout's order (PoseModelInfo.keypointNames); never null here, the score says how sure. */
  keypoints: [x: number, y: number, score: number][];
  /** The person's score (mean keypoint score for single-pose models). */
  score: number;
  /** Multi-person models only: a track id that follows one person across frames. */
  id?: number;
}

export interface PoseEstimator {
  /** The catalogue key, e.g. 'lightning' or 'blazepose-full'. */
  readonly model: string;
  /** For GaitPoseTrack.source.model, e.g. 'movenet-lightning'. */
  readonly modelId: string;
  /** The names of the keypoints `estimate` returns, in order: the pose track's layout. */
  readonly keypointNames: readonly string[];
  /** The square input the model looks at: crops are made at this size so the model does not resize again. */
  readonly cropSize: number;
  /** See PoseModelInfo.followsAcrossCrops. */
  readonly followsAcrossCrops: boolean;
  /**
   * The most confident person's keypoints (pixels, y down), one per keypointNames entry; a frame
   * where nobody is found gives every keypoint as [null, null, 0]. Feed frames in order.
   * @param timestampMs the frame's media time (for models that follow a person between frames).
   */
  estimate(frame: PoseInput, timestampMs?: number): Promise<Keypoint[]>;
  /** Every person found (one at most for single-person models), most confident first. */
  estimateAll(frame: PoseInput, timestampMs?: number): Promise<DetectedPose[]>;
  /** Forget the previous frames (crop region, tracks): call on a new clip, after seeking, or before an unrelated crop. */
  reset(): void;
  /** Free the model's weights. */
  dispose(): void;
}

/** Where a weight file (a graph model's JSON, its .bin beside it) is: a URL on the app's origin, or a Node IOHandler. */
export type ModelFileLocator = (jsonFile: string) => string | io.IOHandler;

export interface EstimatorOptions {
  /**
   * pose-detection's temporal keypoint filter. Off by default: the analysis filters the whole
   * track itself with zero lag, and a causal filter's lag would shift heel-strike and toe-off times.
   */
  smoothing?: boolean;
  /** Multi-person models: input size (longer side, a multiple of 32). */
  multiPoseMaxDimension?: number;
}

/** A model family's code, loaded only when one of its models is used (a dynamic import). */
export interface PoseModelModule {
  createEstimator(info: PoseModelInfo, locate: ModelFileLocator, options: EstimatorOptions): Promise<PoseEstimator>;
}

/** One model, as the catalogue (./catalog.ts) lists it. */
export interface PoseModelInfo {
  /** Catalogue key, used in the app's choice, the CLI's --model and messages between workers. */
  key: string;
  /** Recorded in GaitPoseTrack.source.model. */
  id: string;
  /** Short name for people, e.g. "MoveNet Lightning". */
  label: string;
  /** Plain words: what it is good for. */
  summary: string;
  /** Graph-model JSON files it needs in models/ (each with its .bin beside it). */
  files: readonly string[];
  /** Its keypoint layout, by name (a pose track's keypointNames). */
  keypointNames: readonly string[];
  /** See PoseEstimator.cropSize. */
  cropSize: number;
  /**
   * True for a model that finds its own region of interest from the previous frame's landmarks and
   * copes with the crop around the walker moving a little between frames (BlazePose): it is reset
   * only when the crop jumps. False for one whose remembered region is only valid for the same
   * image (MoveNet): it is reset before every crop.
   */
  followsAcrossCrops: boolean;
  /** True for a model that finds everyone in view (scouting), false for one that follows one person. */
  multiPerson: boolean;
  /** The family whose code runs it (./factory.ts loads that code only when it is used). */
  family: PoseModelFamily;
}

export type PoseModelFamily = 'movenet' | 'blazepose';
