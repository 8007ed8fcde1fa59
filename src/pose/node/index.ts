/**
 * Pose estimation in Node (CLI, tests, benchmarks): MoveNet from models/ on the wasm backend.
 * Import from here only in Node; the browser entry point is ../browser.ts.
 */
import { dirname, sep } from 'node:path';
import { createRequire } from 'node:module';
import { selectBackend, type BackendName, type BackendSelection } from '../backend';
import { createPoseEstimator, type MoveNetModelName, type PoseEstimator, type PoseEstimatorOptions } from '../detector';
import { DEFAULT_MODELS_DIR, fileSystemModelHandler, moveNetModelPath } from './modelLoader';

export { DEFAULT_MODELS_DIR, fileSystemModelHandler, ModelFilesMissingError, moveNetModelPath } from './modelLoader';

/** tfjs-backend-wasm's dist folder (with the three .wasm binaries), found by Node's resolver. */
export function nodeWasmFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm')) + sep;
}

/** Selects wasm (or cpu, or the forced backend) for Node. */
export function selectNodeBackend(force?: BackendName): Promise<BackendSelection> {
  return selectBackend({ force, wasmPaths: nodeWasmFolder() });
}

export interface NodePoseEstimatorOptions extends Omit<PoseEstimatorOptions, 'modelUrl'> {
  /** Default: the project's models/. */
  modelsDir?: string;
  /** Default: the best working backend (wasm here). */
  backend?: BackendName;
}

/** Backend selection plus a MoveNet estimator loaded from disk. */
export async function createNodePoseEstimator(
  options: NodePoseEstimatorOptions = {},
): Promise<{ estimator: PoseEstimator; backend: BackendSelection }> {
  const model: MoveNetModelName = options.model ?? 'lightning';
  const jsonPath = moveNetModelPath(model, options.modelsDir ?? DEFAULT_MODELS_DIR);
  const backend = await selectNodeBackend(options.backend);
  const estimator = await createPoseEstimator({ ...options, model, modelUrl: fileSystemModelHandler(jsonPath) });
  return { estimator, backend };
}
