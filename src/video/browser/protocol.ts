/**
 * Messages between the page (src/video/processVideo.ts) and the video worker (src/video/worker.ts).
 * Types only: both sides import this file, neither pulls in the other's code.
 */
import type { GaitPoseTrack, PoseFrame } from '../../core/format/poseTrack';
import type { TrackSpan } from '../../pose/spans';
import type { FrameSourceInfo, PersonCandidate, PipelineProgress, VideoErrorCode } from '../../contracts';

/** A tracking model's catalogue key (src/pose/models/catalog.ts), e.g. 'lightning' or 'blazepose-full'. */
export type PoseModelChoice = string;

export interface ProcessRequest {
  type: 'process';
  file: Blob;
  name: string;
  model: PoseModelChoice;
  people?: PersonCandidate[];
  personId?: number;
  sourceKind?: 'video' | 'webcam';
  /**
   * Ports to helper workers (each sent a ServeSpansRequest with the other end): tracking is split
   * into spans (src/pose/spans.ts), this worker tracking the first, each helper one of the others.
   * Used only where inference runs on the CPU (wasm): GPU backends would share one GPU.
   */
  spanPorts?: MessagePort[];
}

/** Become a helper: track the spans asked for on `port` (SpanJob in, SpanReply out). */
export interface ServeSpansRequest {
  type: 'serve-spans';
  port: MessagePort;
  /** Loaded at once, while the lead worker scouts. */
  model: PoseModelChoice;
}

/** On a helper's port: track one span of the file. */
export interface SpanJob {
  type: 'track-span';
  file: Blob;
  name: string;
  model: PoseModelChoice;
  span: TrackSpan;
  person: PersonCandidate | null;
}

/** A helper's answers on its port: frames done (in batches), the span's frames, or an error. */
export type SpanReply = { type: 'span-frames'; count: number } | { type: 'span-done'; frames: PoseFrame[] } | ErrorMessage;

/** Decode every frame (and optionally crop it as tracking would) without any model: decoder speed. */
export interface DecodeBenchmarkRequest {
  type: 'decode-benchmark';
  file: Blob;
  name: string;
  /** Crop each frame to this square size (192 = Lightning's input) as tracking does; 0: decode only. */
  cropSize: number;
  /** How to crop (default 'auto': from the frame's planes where possible). */
  cropMethod?: 'auto' | 'planes' | 'canvas';
  /** Also draw and read back the whole frame on every n-th frame (scouting's image cost). */
  fullImageEvery?: number;
}

export interface CancelRequest {
  type: 'cancel';
}

export type WorkerRequest = ProcessRequest | DecodeBenchmarkRequest | ServeSpansRequest | CancelRequest;

export interface WorkerTiming {
  /** From the request to the result, model loading included. */
  wallS: number;
  /** Backend selection and model loading (0 when the worker had them already). */
  loadS: number;
  scoutS: number;
  trackS: number;
  /** Frames tracked per second of the tracking stage. */
  trackingFps: number;
  /** Mean time inside the single-pose model per call (crop excluded). */
  inferenceMsPerFrame: number;
  /** Mean time inside MultiPose per scouted frame. */
  scoutMsPerFrame: number;
}

/** tf.memory().numTensors at points of the job: a leak shows as growth between them. */
export interface TensorCounts {
  /** Before the job (models loaded). */
  before: number;
  /** After the job. */
  after: number;
  /** During tracking, every 100 model calls. */
  samples: number[];
}

/**
 * The worker's model memory during a job, sampled with the tensor counts (every 100 model calls):
 * flat samples over a long video mean the model's memory does not grow with its length. (Chromium
 * gives workers no performance.memory: scripts/measure-long-clip.ts measures the processes.)
 */
export interface MemoryUse {
  /** The tfjs wasm backend's linear memory (it only grows, so its last value is its peak), MB; null on other backends. */
  wasmHeapMB: number[] | null;
  peakWasmHeapMB: number | null;
}

/** The worker's answer to a ProcessRequest; processVideoFile resolves with it (less `type`). */
export interface ProcessResultMessage {
  type: 'result';
  track: GaitPoseTrack;
  people: PersonCandidate[];
  personId: number | null;
  /** The tfjs backend in use, e.g. "wasm (SIMD, 1 thread)". */
  backend: string;
  /** e.g. 'movenet-lightning'. */
  model: string;
  info: FrameSourceInfo;
  /** Things to show beside the result, e.g. a file that was cut off and analysed in part. */
  warnings: string[];
  timing: WorkerTiming;
  /** Workers that tracked (1, or 1 + the helpers used). */
  workers: number;
  /** tf.memory().numTensors before, during and after the job (flat = no leak). */
  tensors: TensorCounts;
  memory: MemoryUse;
}

export interface DecodeBenchmarkResultMessage {
  type: 'decode-result';
  info: FrameSourceInfo;
  frames: number;
  seconds: number;
  fps: number;
  /** Video seconds decoded per wall-clock second. */
  realTimeFactor: number;
  firstTimestamps: number[];
  /** Mean time per crop (0 without cropping). */
  cropMsPerFrame: number;
  /** Mean time to draw and read back a whole frame (null unless asked for). */
  fullImageMs: number | null;
  /** On every 10th frame: the crop against a canvas-drawn crop of the same box (RGB values 0-255). */
  cropCheck: { frames: number; meanAbsDiff: number; worstMeanAbsDiff: number } | null;
}

export interface ProgressMessage {
  type: 'progress';
  progress: PipelineProgress & { backend?: string };
}

export interface ErrorMessage {
  type: 'error';
  /** 'internal' for anything that is not a problem with the input (a bug, a model that will not load). */
  code: VideoErrorCode | 'internal';
  message: string;
  hint?: string;
}

export type WorkerResponse = ProcessResultMessage | DecodeBenchmarkResultMessage | ProgressMessage | ErrorMessage;
