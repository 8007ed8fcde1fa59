/**
 * Draws the live skeleton over the camera view: the canvas covers the <video>, which shows the
 * picture with object-fit: contain, so the keypoints get the same fit. No pose: a clear canvas.
 */
import type { LivePose } from '../../capture/livePose';
import { drawSkeleton } from '../results/skeleton';

export function drawPoseOverlay(canvas: HTMLCanvasElement, pose: LivePose | null): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(canvas.clientHeight * ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!pose || !width || !height) return;
  const scale = Math.min(width / pose.width, height / pose.height);
  const view = { scale, offsetX: (width - pose.width * scale) / 2, offsetY: (height - pose.height * scale) / 2 };
  drawSkeleton(ctx, { t: pose.t, keypoints: pose.keypoints }, view, Math.max(2, 4 * ratio * Math.min(1, width / (800 * ratio)) + 1));
}
