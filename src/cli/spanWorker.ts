/**
 * A worker thread of the CLI: loads the pose model once, then tracks spans of videos (src/pose/spans.ts)
 * on request, each decoded by its own ffmpeg. Messages: ./spanPool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PoseFrame } from '../core/format/poseTrack';
import { VideoInputError, type PersonCandidate } from '../contracts';
import { createNodePoseEstimator } from '../pose/node';
import { trackSpan } from '../pose/trackBuilder';
import { batchedFrameCounter, type TrackSpan } from '../pose/spans';
import { openVideoFile } from '../video/node/ffmpegSource';
import { inCaptureTime } from '../video/shared/captureTime';

export interface SpanJob {
  type: 'track';
  path: string;
  /** A slow-motion export's factor, as given to the main thread's source. */
  slowedBy?: number;
  span: TrackSpan;
  person: PersonCandidate | null;
}

export type SpanWorkerMessage =
  | { type: 'ready' }
  | { type: 'frames'; count: number }
  | { type: 'done'; frames: PoseFrame[] }
  | { type: 'error'; code: string | null; message: string; hint?: string };

const port = parentPort!;
const { model } = workerData as { model: string };
const post = (message: SpanWorkerMessage) => port.postMessage(message);
const loading = createNodePoseEstimator({ model });
loading.then(
  () => post({ type: 'ready' }),
  (error: unknown) => post({ type: 'error', code: null, message: error instanceof Error ? error.message : String(error) }),
);

port.on('message', async (job: SpanJob) => {
  try {
    const { estimator } = await loading;
    // In the camera's time and thinned like the main thread's source, so the spans' frames match.
    const source = inCaptureTime(await openVideoFile(job.path), { slowedBy: job.slowedBy });
    try {
      const counter = batchedFrameCounter((count) => post({ type: 'frames', count }));
      const frames = await trackSpan(source, estimator, job.person, { fromS: job.span.trackFromS, toS: job.span.toS, onFrame: counter.frameDone });
      counter.flush();
      post({ type: 'done', frames });
    } finally {
      source.close();
    }
  } catch (error) {
    if (error instanceof VideoInputError) post({ type: 'error', code: error.code, message: error.message, hint: error.hint });
    else post({ type: 'error', code: null, message: error instanceof Error ? error.message : String(error) });
  }
});
