/** The one way to make a pose estimator: the model by catalogue key, its weights found by `locate`. */
import { poseModel } from './catalog';
import type { EstimatorOptions, ModelFileLocator, PoseEstimator, PoseModelFamily, PoseModelModule } from './types';

/** Each family's code, loaded when one of its models is first used (a separate chunk in the app). */
const FAMILIES: Record<PoseModelFamily, () => Promise<PoseModelModule>> = {
  movenet: () => import('./movenet/estimator'),
  blazepose: () => import('./blazepose/estimator'),
};

export async function createEstimator(key: string, locate: ModelFileLocator, options: EstimatorOptions = {}): Promise<PoseEstimator> {
  const info = poseModel(key);
  const family = await FAMILIES[info.family]();
  return family.createEstimator(info, locate, options);
}
