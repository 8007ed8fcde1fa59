/**
 * Pose estimation in Node (CLI, tests, benchmarks): catalogue models from models/ on the wasm backend.
 * Import from here only in Node; the browser entry point is ../browser.ts.
 */
import { dirname, sep } from 'node:path';
import { createRequire } from 'node:module';
import { selectBackend, type BackendName, type BackendSelection } from '../backend';
import { createEstimator, DEFAULT_MODEL, poseModel, type EstimatorOptions, type PoseEstimator } from '../models';
import { DEFAULT_MODELS_DIR, fileSystemModelHandler, modelFilePath } from './modelLoader';

export { DEFAULT_MODELS_DIR, fileSystemModelHandler, ModelFilesMissingError, modelFilePath } from './modelLoader';

/** tfjs-backend-wasm's dist folder (with the three .wasm binaries), found by Node's resolver. */
export function nodeWasmFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm')) + sep;
}

/** Selects wasm (or cpu, or the forced backend) for Node. */
export function selectNodeBackend(force?: BackendName): Promise<BackendSelection> {
  return selectBackend({ force, wasmPaths: nodeWasmFolder() });
}

/** Paths of a model's weight files (JSON) in `modelsDir`; throws "run npm install" when one is missing. */
export function modelPaths(key: string, modelsDir = DEFAULT_MODELS_DIR): string[] {
  const info = poseModel(key);
  return info.files.map((file) => modelFilePath(file, info.label, modelsDir));
}

export interface NodePoseEstimatorOptions extends EstimatorOptions {
  /** Catalogue key (src/pose/models/catalog.ts); default DEFAULT_MODEL. */
  model?: string;
  /** Default: the project's models/. */
  modelsDir?: string;
  /** Default: the best working backend (wasm here). */
  backend?: BackendName;
}

/** Backend selection plus an estimator loaded from disk. */
export async function createNodePoseEstimator(
  options: NodePoseEstimatorOptions = {},
): Promise<{ estimator: PoseEstimator; backend: BackendSelection }> {
  const { model = DEFAULT_MODEL, modelsDir = DEFAULT_MODELS_DIR, backend: force, ...estimatorOptions } = options;
  modelPaths(model, modelsDir); // fail early, naming the missing file
  const backend = await selectNodeBackend(force);
  const info = poseModel(model);
  const estimator = await createEstimator(model, (file) => fileSystemModelHandler(modelFilePath(file, info.label, modelsDir)), estimatorOptions);
  return { estimator, backend };
}
