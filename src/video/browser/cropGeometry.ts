/**
 * Where a crop box lands on the model's square input: the part of the box inside the frame is
 * drawn, scaled by size/box.width horizontally and size/box.height vertically; what lies outside
 * the frame stays black (SourceFrame.crop's contract in src/contracts/frames.ts). Pure arithmetic, no DOM.
 */
import type { Box } from '../../contracts';

export interface CropPlacement {
  /** Source rectangle in frame (display) pixels, inside the frame. */
  source: Box;
  /** Destination rectangle in the size x size output. */
  target: Box;
}

/** null when the box does not overlap the frame at all (the output is all black). */
export function placeCrop(box: Box, frameWidth: number, frameHeight: number, size: number): CropPlacement | null {
  if (!(box.width > 0 && box.height > 0)) return null;
  const left = Math.max(0, box.x);
  const top = Math.max(0, box.y);
  const right = Math.min(frameWidth, box.x + box.width);
  const bottom = Math.min(frameHeight, box.y + box.height);
  if (right <= left || bottom <= top) return null;
  const scaleX = size / box.width;
  const scaleY = size / box.height;
  return {
    source: { x: left, y: top, width: right - left, height: bottom - top },
    target: {
      x: (left - box.x) * scaleX,
      y: (top - box.y) * scaleY,
      width: (right - left) * scaleX,
      height: (bottom - top) * scaleY,
    },
  };
}
