/**
 * The live pose worker: a catalogue pose model (src/pose/models; MoveNet Lightning unless the page
 * asks for another) on camera frames, off the main thread so the video, the overlay and the
 * recorder stay smooth. Whatever the model's layout, it answers in COCO-17 (looked up by name),
 * the live view's layout: the overlay, the live checks and the live gait read that. The page sends one ImageBitmap at a time and waits for
 * the answer before the next (frames that arrive meanwhile are dropped on the page side), so this
 * worker never queues work. Protocol: LivePoseRequest / LivePoseResponse in ./livePose.ts.
 */
/// <reference lib="webworker" />
import { createBrowserPoseEstimator } from '../pose/browser';
import { poseModel, type PoseEstimator } from '../pose/models';
import { cocoIndexIn, toCoco, type LivePoseRequest, type LivePoseResponse } from './livePose';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Shoulders, hips and knees: fewer than 3 of them above 0.3 means nobody was found. Single-pose
 * MoveNet then still looks where the person last was (its crop region), which keeps it blind to
 * someone re-entering elsewhere; reset() makes it look at the whole frame again.
 */
const BODY_KEYPOINTS = [5, 6, 11, 12, 13, 14];
const MIN_BODY_KEYPOINTS = 3;

/** Brightness is measured on a thumbnail this wide: plenty for a mean, and nearly free. */
const LUMA_THUMB_WIDTH = 32;

let estimator: PoseEstimator | null = null;
/** For each COCO-17 keypoint, its index in the model's layout (-1: the model has none). */
let cocoIndex: number[] = [];
let thumb: OffscreenCanvasRenderingContext2D | null = null;

function post(message: LivePoseResponse): void {
  self.postMessage(message);
}

async function init(model: string): Promise<void> {
  try {
    const loaded = await createBrowserPoseEstimator({ model });
    estimator = loaded.estimator;
    cocoIndex = cocoIndexIn(estimator.keypointNames);
    post({ type: 'ready', backend: loaded.backend.detail, model: poseModel(model).label });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Mean luma (Rec. 601: 0.299 R + 0.587 G + 0.114 B), 0-255. */
function meanLuma(bitmap: ImageBitmap): number {
  const width = LUMA_THUMB_WIDTH;
  const height = Math.max(1, Math.round((bitmap.height / bitmap.width) * width));
  if (!thumb || thumb.canvas.height !== height) thumb = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!thumb) return NaN;
  thumb.drawImage(bitmap, 0, 0, width, height);
  const { data } = thumb.getImageData(0, 0, width, height);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  return sum / (data.length / 4);
}

async function estimate(request: Extract<LivePoseRequest, { type: 'frame' }>): Promise<void> {
  const { bitmap, t, id } = request;
  try {
    if (!estimator) {
      post({ type: 'skipped', id });
      return;
    }
    const started = performance.now();
    const keypoints = toCoco(await estimator.estimate(bitmap, t * 1000), cocoIndex);
    const inferenceMs = performance.now() - started;
    if (BODY_KEYPOINTS.filter((i) => keypoints[i][2] >= 0.3).length < MIN_BODY_KEYPOINTS) estimator.reset();
    post({ type: 'pose', id, t, keypoints, width: bitmap.width, height: bitmap.height, meanLuma: meanLuma(bitmap), inferenceMs });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    bitmap.close();
  }
}

self.onmessage = (event: MessageEvent<LivePoseRequest>) => {
  const request = event.data;
  if (request.type === 'init') void init(request.model);
  else if (request.type === 'frame') void estimate(request);
  else if (request.type === 'reset') estimator?.reset();
};
