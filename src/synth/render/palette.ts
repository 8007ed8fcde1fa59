/**
 * Colours of the drawn person and scene. MoveNet needs to see a body (measured, see
 * docs/toolchain.md "MoveNet on synthetic figures"): skin-coloured head and hands, a shirt and trousers
 * in contrasting colours, sleeves that contrast with the shirt, shoes. The far side of the body is
 * drawn darker, as it is in real side-view footage, so that left and right limbs differ.
 */
import type { Rgb } from './raster';

export const PALETTE = {
  skin: [224, 172, 130],
  hair: [60, 40, 30],
  eye: [35, 25, 20],
  shirt: [40, 90, 200],
  sleeve: [200, 50, 50],
  trousers: [70, 78, 100],
  shoe: [20, 20, 20],
  sole: [235, 235, 230],
  /** Thin rim around limbs: keeps the near leg separable from the far one where they cross. */
  rim: [25, 25, 30],
  wallTop: [212, 216, 210],
  wallBottom: [182, 190, 184],
  floor: [138, 128, 112],
  floorLine: [95, 88, 78],
} as const satisfies Record<string, Rgb>;

/** The far side's limbs: this fraction of the near side's brightness. */
export const FAR_SIDE_SHADE = 0.72;
