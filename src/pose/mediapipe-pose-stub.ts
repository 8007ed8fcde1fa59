/**
 * Stand-in for `@mediapipe/pose`, which pose-detection imports for BlazePose's MediaPipe runtime.
 * We only use MoveNet through tfjs, so this runtime is never called; the real package is a
 * non-ESM script that Vite 8 cannot bundle (see docs/toolchain.md).
 */
export class Pose {
  constructor() {
    throw new Error('The MediaPipe BlazePose runtime is not bundled; use MoveNet.');
  }
}
export const POSE_CONNECTIONS: [number, number][] = [];
export const VERSION = 'stub';
