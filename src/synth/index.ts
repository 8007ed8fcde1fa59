/**
 * Synthetic walker: ground truth for the analysis core (pure TypeScript, no DOM, no Node imports).
 *
 *   const { track, truth } = synthesizeWalk({ cadence: 110, direction: 'right-to-left',
 *     noise: MOVENET_LIKE_NOISE, pathology: { side: 'left', hipExtensionDeficitDeg: 10 } });
 */
export { synthesizeWalk } from './synthesizeWalk';
export type { Framing, SynthOptions, SyntheticWalk, TruthCycle, TruthPass, WalkerOptions, WalkTruth } from './types';
export { MOVENET_LIKE_NOISE, applyNoise, resolveNoise } from './noise';
export type { NoiseOptions, NoisyTrack, ResolvedNoise } from './noise';
export { DEFAULT_STIFF_KNEE_PEAK_DEG, MAX_CROUCH_DEG, resolvePathology } from './pathology';
export type { PathologyOptions, ResolvedPathology } from './pathology';
export { buildStrideModel } from './strideModel';
export type { StrideConsistency, StrideModel } from './strideModel';
export { HEALTHY_ANKLE_KEYS, HEALTHY_HIP_KEYS, HEALTHY_KNEE_KEYS, TOE_OFF_PHASE, healthyCurves } from './gaitCurves';
export type { JointCurves } from './gaitCurves';
export { frameAngles } from './truthAngles';
export type { FrameAngles } from './truthAngles';
export { bodyDimensions, LEG_LENGTH_FRACTION } from './anthropometry';
export type { BodyDimensions } from './anthropometry';
export { mulberry32, gaussianSource, deriveSeed } from './random';
export { composeWalks } from './composeWalks';
export type { ComposedWalk } from './composeWalks';
