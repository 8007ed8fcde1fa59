/**
 * Browser side of the inference benchmark: `window.gaitBench.inference()` times a pose model's
 * `estimate()` on one backend, on a canvas showing the rendered walker (../benchFrame.ts) (so the pixel upload that a real
 * frame costs is included), after a warm-up. One backend per page load: tfjs keeps the weights in
 * the backend that was active when the model loaded.
 */
import type { BackendName } from '../../src/pose/backend';
import { createBrowserPoseEstimator } from '../../src/pose/browser';
import { benchFrame } from '../benchFrame';

export interface PageInferenceRequest {
  model: string;
  backend: BackendName;
  warmupFrames: number;
  frames: number;
  /** Stop measuring after this long (at least 3 frames): software GPU backends take seconds a frame. */
  budgetMs: number;
  width: number;
  height: number;
}

export type PageInferenceResult =
  | { ok: true; model: string; backend: BackendName; detail: string; loadMs: number; firstFrameMs: number; timesMs: number[] }
  | { ok: false; model: string; backend: BackendName; error: string };

async function inference(request: PageInferenceRequest): Promise<PageInferenceResult> {
  const { model, backend, warmupFrames, frames, budgetMs, width, height } = request;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const frame = benchFrame(width, height);
  canvas.getContext('2d')!.putImageData(new ImageData(frame.data, width, height), 0, 0);

  let loaded;
  const loadStart = performance.now();
  try {
    // allowSoftwareGpu: measure webgl/webgpu even on SwiftShader, which the app itself refuses.
    loaded = await createBrowserPoseEstimator({ model, backend, allowSoftwareGpu: true });
  } catch (error) {
    return { ok: false, model, backend, error: error instanceof Error ? error.message : String(error) };
  }
  const loadMs = performance.now() - loadStart;
  const { estimator } = loaded;
  try {
    let clock = 0;
    const timeOne = async (): Promise<number> => {
      clock += 1000 / 30;
      const start = performance.now();
      await estimator.estimate(canvas, clock);
      return performance.now() - start;
    };
    const firstFrameMs = await timeOne();
    for (let i = 1; i < warmupFrames; i++) await timeOne();
    const timesMs: number[] = [];
    const started = performance.now();
    for (let i = 0; i < frames && (i < 3 || performance.now() - started < budgetMs); i++) timesMs.push(await timeOne());
    return { ok: true, model, backend, detail: loaded.backend.detail, loadMs, firstFrameMs, timesMs };
  } finally {
    estimator.dispose();
  }
}

declare global {
  interface Window {
    gaitBench: { inference: typeof inference; ready: true };
  }
}

window.gaitBench = { inference, ready: true };
