/**
 * Pose estimation in the browser (page or Web Worker): picks the fastest working backend and loads
 * MoveNet from the app's own origin (`<base>/models/`, served and built by the Vite plugin in
 * vite.config.ts), so nothing is fetched from a model hub or CDN.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend, type BackendName, type BackendSelection, type WasmPaths } from './backend';
import { createPoseEstimator, MOVENET_MODELS, type MoveNetModelName, type PoseEstimator, type PoseEstimatorOptions } from './detector';

/** The wasm binaries, emitted by Vite as assets of the app (dev and build alike). */
export const BROWSER_WASM_PATHS: WasmPaths = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};

/** URL of a MoveNet model's JSON on the app's origin, honouring Vite's `base`. */
export function moveNetModelUrl(model: MoveNetModelName): string {
  return `${import.meta.env.BASE_URL}models/${MOVENET_MODELS[model].file}`;
}

export interface BrowserPoseEstimatorOptions extends Omit<PoseEstimatorOptions, 'modelUrl'> {
  /** Force a backend (benchmarks); default: the fastest that works. */
  backend?: BackendName;
  /** Accept webgl/webgpu on a software renderer (normally skipped as slower than wasm). */
  allowSoftwareGpu?: boolean;
  /** Default: moveNetModelUrl(model). */
  modelUrl?: string;
}

/** Backend selection plus a MoveNet estimator loaded from the app's origin. */
export async function createBrowserPoseEstimator(
  options: BrowserPoseEstimatorOptions = {},
): Promise<{ estimator: PoseEstimator; backend: BackendSelection }> {
  const model = options.model ?? 'lightning';
  const backend = await selectBackend({
    force: options.backend,
    allowSoftwareGpu: options.allowSoftwareGpu,
    wasmPaths: BROWSER_WASM_PATHS,
  });
  const estimator = await createPoseEstimator({ ...options, model, modelUrl: options.modelUrl ?? moveNetModelUrl(model) });
  return { estimator, backend };
}
