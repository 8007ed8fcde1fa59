/**
 * BlazePose in Node (tests, CLI later): the detector and landmark weights from models/ through the
 * fs IOHandler, on the backend the caller selected (../node's selectNodeBackend: wasm here).
 */
import { DEFAULT_MODELS_DIR, fileSystemModelHandler, modelFilePath } from '../node/modelLoader';
import { BLAZEPOSE_DETECTOR_FILE, BLAZEPOSE_LANDMARK_FILES, type BlazePoseModelName } from './constants';
import { createBlazePoseEstimator, type BlazePoseEstimator } from './estimator';

/** Paths of the detector's and the landmark model's JSON; throws "run npm install" when missing. */
export function blazePoseModelPaths(model: BlazePoseModelName, modelsDir = DEFAULT_MODELS_DIR): { detector: string; landmark: string } {
  return {
    detector: modelFilePath(BLAZEPOSE_DETECTOR_FILE, 'BlazePose', modelsDir),
    landmark: modelFilePath(BLAZEPOSE_LANDMARK_FILES[model], 'BlazePose', modelsDir),
  };
}

export async function createNodeBlazePoseEstimator(options: { model?: BlazePoseModelName; modelsDir?: string; smoothing?: boolean } = {}): Promise<BlazePoseEstimator> {
  const model = options.model ?? 'full';
  const paths = blazePoseModelPaths(model, options.modelsDir);
  return createBlazePoseEstimator({
    model,
    smoothing: options.smoothing,
    detectorModelUrl: fileSystemModelHandler(paths.detector),
    landmarkModelUrl: fileSystemModelHandler(paths.landmark),
  });
}
