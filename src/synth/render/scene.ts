/** The plain scene behind the walker: a softly graded wall, a floor and the floor line. */
import { PALETTE } from './palette';
import { fillRows, type Raster, type Rgb } from './raster';

/** Fills the raster with the scene; `floorY` is the image row of the floor line (where soles rest). */
export function drawScene(raster: Raster, floorY: number): void {
  const lineTop = Math.round(floorY);
  const { wallTop, wallBottom, floor, floorLine } = PALETTE;
  fillRows(raster, (y): Rgb => {
    if (y >= lineTop && y < lineTop + 2) return floorLine;
    if (y >= lineTop + 2) return floor;
    const f = lineTop > 0 ? y / lineTop : 0;
    return [mix(wallTop[0], wallBottom[0], f), mix(wallTop[1], wallBottom[1], f), mix(wallTop[2], wallBottom[2], f)];
  });
}

function mix(a: number, b: number, f: number): number {
  return Math.round(a + (b - a) * f);
}
