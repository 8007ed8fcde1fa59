/**
 * The frame the inference benchmarks time every model on: the rendered synthetic walker with feet
 * (as in the fixture walks), mid-stride, RGBA. A drawn figure that one model family does not see as
 * a person would time only its detector, so the benchmarks also count the keypoints found.
 */
import { synthesizeWalk } from '../src/synth';
import { renderWalkFrame } from '../src/synth/render';

export function benchFrame(width: number, height: number): { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const { truth } = synthesizeWalk({ feet: true, width, height, fps: 30, bodyHeightPx: Math.round(0.8 * height), durationS: 1, cadence: 100, seed: 3 });
  const raster = renderWalkFrame(truth, 10, 4);
  return { data: new Uint8ClampedArray(raster.data), width, height };
}

/** Keypoints a model is sure of (score above 0.5): near 17 (MoveNet) or 33 (BlazePose) when it sees the walker. */
export function confidentKeypoints(keypoints: readonly (readonly [number | null, number | null, number])[]): number {
  return keypoints.filter(([x, , score]) => x !== null && score > 0.5).length;
}
