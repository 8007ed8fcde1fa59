/**
 * Pose estimation in the browser (page or Web Worker): picks the fastest working backend and loads
 * a catalogue model from the app's own origin (`<base>/models/`, served and built by the Vite
 * plugin in vite.config.ts), so nothing is fetched from a model hub or CDN.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { selectBackend, type BackendName, type BackendSelection, type WasmPaths } from './backend';
import { createEstimator, DEFAULT_MODEL, type EstimatorOptions, type PoseEstimator } from './models';

/** The wasm binaries, emitted by Vite as assets of the app (dev and build alike). */
export const BROWSER_WASM_PATHS: WasmPaths = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};

/** URL of a weight file in models/ on the app's origin, honouring Vite's `base`. */
export const appModelUrl = (jsonFile: string): string => `${import.meta.env.BASE_URL}models/${jsonFile}`;

export interface BrowserPoseEstimatorOptions extends EstimatorOptions {
  /** Catalogue key (src/pose/models/catalog.ts); default DEFAULT_MODEL. */
  model?: string;
  /** Force a backend (benchmarks); default: the fastest that works. */
  backend?: BackendName;
  /** Accept webgl/webgpu on a software renderer (normally skipped as slower than wasm). */
  allowSoftwareGpu?: boolean;
}

/** Backend selection plus an estimator loaded from the app's origin. */
export async function createBrowserPoseEstimator(
  options: BrowserPoseEstimatorOptions = {},
): Promise<{ estimator: PoseEstimator; backend: BackendSelection }> {
  const { model = DEFAULT_MODEL, backend: force, allowSoftwareGpu, ...estimatorOptions } = options;
  const backend = await selectBackend({ force, allowSoftwareGpu, wasmPaths: BROWSER_WASM_PATHS });
  const estimator = await createEstimator(model, appModelUrl, estimatorOptions);
  return { estimator, backend };
}
