/** The same estimator with the time spent in its model calls reported (the worker's and the CLI's timings). */
import type { PoseEstimator } from './types';

export function timedEstimator(estimator: PoseEstimator, record: (ms: number) => void): PoseEstimator {
  const measure = async <T>(call: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await call();
    } finally {
      record(performance.now() - start);
    }
  };
  return {
    model: estimator.model,
    modelId: estimator.modelId,
    keypointNames: estimator.keypointNames,
    cropSize: estimator.cropSize,
    followsAcrossCrops: estimator.followsAcrossCrops,
    estimate: (frame, timestampMs) => measure(() => estimator.estimate(frame, timestampMs)),
    estimateAll: (frame, timestampMs) => measure(() => estimator.estimateAll(frame, timestampMs)),
    reset: () => estimator.reset(),
    dispose: () => estimator.dispose(),
  };
}
