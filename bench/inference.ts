/**
 * Pose-model inference speed in Node: median time of one `estimate()` call (pixels in, keypoints
 * out, so the RGBA-to-tensor copy is included) on a 640x480 frame of the rendered walker
 * (./benchFrame.ts), after a warm-up. Run alone with `npx tsx bench/inference.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { BackendName } from '../src/pose/backend';
import type { RawImage } from '../src/contracts';
import { createNodePoseEstimator } from '../src/pose/node';
import { benchFrame, confidentKeypoints } from './benchFrame';

export interface InferenceBenchOptions {
  models?: string[];
  /** Default: the best working backend (wasm in Node). */
  backend?: BackendName;
  width?: number;
  height?: number;
  warmupFrames?: number;
  frames?: number;
}

export interface InferenceFigures {
  model: string;
  backend: string;
  width: number;
  height: number;
  /** Reading the weights and building the graph. */
  loadMs: number;
  /** The first frame, which compiles/allocates what later frames reuse. */
  firstFrameMs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  frames: number;
  /** Keypoints found with a score above 0.5, of `keypoints`: the model saw the walker. */
  found: number;
  keypoints: number;
}

export async function benchmarkInference(options: InferenceBenchOptions = {}): Promise<InferenceFigures[]> {
  const { models = ['lightning', 'thunder'], width = 640, height = 480, warmupFrames = 5, frames = 30 } = options;
  const frame: RawImage = { ...benchFrame(width, height), channels: 4 };
  const results: InferenceFigures[] = [];

  for (const model of models) {
    const loadStart = performance.now();
    const { estimator, backend } = await createNodePoseEstimator({ model, backend: options.backend });
    const loadMs = performance.now() - loadStart;
    try {
      let found = 0;
      const firstFrameMs = await timeOnce(async () => (found = confidentKeypoints(await estimator.estimate(frame))));
      for (let i = 1; i < warmupFrames; i++) await estimator.estimate(frame);
      const times: number[] = [];
      for (let i = 0; i < frames; i++) times.push(await timeOnce(() => estimator.estimate(frame)));
      times.sort((a, b) => a - b);
      results.push({
        model,
        backend: backend.detail,
        width,
        height,
        loadMs,
        firstFrameMs,
        medianMs: quantile(times, 0.5),
        p90Ms: quantile(times, 0.9),
        minMs: times[0],
        frames,
        found,
        keypoints: estimator.keypointNames.length,
      });
    } finally {
      estimator.dispose();
    }
  }
  return results;
}

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function formatInferenceTable(results: InferenceFigures[]): string {
  const rows = [
    ['model', 'backend', 'input', 'load ms', 'first ms', 'median ms', 'p90 ms', 'min ms', 'fps (median)', 'sure of'],
    ...results.map((r) => [
      r.model,
      r.backend,
      `${r.width}x${r.height}`,
      r.loadMs.toFixed(0),
      r.firstFrameMs.toFixed(0),
      r.medianMs.toFixed(1),
      r.p90Ms.toFixed(1),
      r.minMs.toFixed(1),
      (1000 / r.medianMs).toFixed(1),
      `${r.found}/${r.keypoints}`,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ')).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const withMultipose = process.argv.includes('--multipose');
  const results = await benchmarkInference({ models: withMultipose ? ['lightning', 'thunder', 'multipose'] : undefined });
  console.log(`MoveNet inference per frame (${results[0]?.frames} frames after warm-up, Node ${process.versions.node})`);
  console.log(formatInferenceTable(results));
}
