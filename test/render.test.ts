/**
 * The pure rasterizer of the synthetic walker (src/synth/render): shapes land where asked, the
 * side-view figure is drawn where its keypoints are (body colours there, background elsewhere,
 * the far side shaded), and the front-view walker grows with its height.
 */
import { describe, expect, it } from 'vitest';
import { KP } from '../src/core/format/poseTrack';
import { synthesizeWalk } from '../src/synth';
import {
  createRaster,
  drawCapsule,
  drawFrontViewWalker,
  drawWalkFrame,
  drawScene,
  FAR_SIDE_SHADE,
  facingOf,
  nearSideOf,
  PALETTE,
  pixelAt,
  renderWalkFrame,
  shade,
  type Raster,
  type Rgb,
} from '../src/synth/render';

const sameColour = (a: Rgb, b: Rgb) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

function countPixels(raster: Raster, colour: Rgb): number {
  let n = 0;
  for (let y = 0; y < raster.height; y++) for (let x = 0; x < raster.width; x++) if (sameColour(pixelAt(raster, x, y), colour)) n++;
  return n;
}

describe('raster primitives', () => {
  it('RGBA rasters are opaque; RGB ones have three bytes a pixel', () => {
    const rgba = createRaster(4, 3, 4);
    expect(rgba.data).toHaveLength(48);
    expect([...rgba.data.filter((_, i) => i % 4 === 3)]).toEqual(new Array(12).fill(255));
    expect(createRaster(4, 3).data).toHaveLength(36);
    expect(() => createRaster(0, 3)).toThrow(/positive integers/);
  });

  it('a disc covers pi r^2 pixels around its centre, anti-aliased only at the edge', () => {
    const raster = createRaster(100, 100);
    const red: Rgb = [255, 0, 0];
    drawCapsule(raster, [50.5, 50.5], [50.5, 50.5], 20, red);
    expect(pixelAt(raster, 50, 50)).toEqual(red);
    expect(pixelAt(raster, 50 + 19, 50)).toEqual(red);
    expect(pixelAt(raster, 50 + 21, 50)).toEqual([0, 0, 0]);
    const full = countPixels(raster, red);
    expect(full / (Math.PI * 20 * 20)).toBeGreaterThan(0.93);
    expect(full / (Math.PI * 20 * 20)).toBeLessThan(1.01);
    const edge = pixelAt(raster, 50 + 20, 50); // the boundary pixel (centre exactly r away) is half covered
    expect(edge[0]).toBeGreaterThan(0);
    expect(edge[0]).toBeLessThan(255);
  });

  it('a capsule spans its segment and nothing beyond its radius', () => {
    const raster = createRaster(100, 40, 4);
    drawCapsule(raster, [10, 20], [90, 20], 5, [0, 200, 0]);
    for (const x of [10, 30, 50, 70, 89]) expect(pixelAt(raster, x, 20)).toEqual([0, 200, 0]);
    expect(pixelAt(raster, 50, 28)).toEqual([0, 0, 0]);
    expect(pixelAt(raster, 97, 20)).toEqual([0, 0, 0]);
  });
});

describe('the side-view walker', () => {
  const walk = synthesizeWalk({ width: 960, height: 480, bodyHeightPx: 264, cadence: 96, durationS: 3, seed: 3 });
  const { truth } = walk;
  const background = createRaster(truth.width, truth.height);
  drawScene(background, truth.floorY);

  it('faces the way it walks; the right side is the near side when facing right', () => {
    const keypoints = truth.clean.frames[10].keypoints;
    expect(facingOf(keypoints)).toBe(1);
    expect(nearSideOf(keypoints)).toBe('right');
    const rtl = synthesizeWalk({ width: 960, height: 480, bodyHeightPx: 264, durationS: 2, direction: 'right-to-left' });
    expect(nearSideOf(rtl.truth.clean.frames[10].keypoints)).toBe('left');
  });

  // (Frame 63 was one of them until the walker's terminal swing changed: its mid-trunk point now falls on the anti-aliased edge of the arm.)
  it.each([0, 17, 40, 61])('frame %i: body colours at the keypoints, background away from the figure', (i) => {
    const raster = renderWalkFrame(truth, i);
    const kp = truth.clean.frames[i].keypoints;
    const colourAt = (k: number) => pixelAt(raster, kp[k][0]!, kp[k][1]!);
    const H = truth.bodyHeightPx;
    // Near (right) knee and thigh: trousers, unshaded (only the near arm is drawn over the near leg,
    // and its hand can hide the hip itself).
    expect(colourAt(KP.rightKnee)).toEqual(PALETTE.trousers);
    const [hip, knee] = [kp[KP.rightHip], kp[KP.rightKnee]];
    expect(pixelAt(raster, hip[0]! + 0.5 * (knee[0]! - hip[0]!), hip[1]! + 0.5 * (knee[1]! - hip[1]!))).toEqual(PALETTE.trousers);
    // Mid-trunk: the shirt or the near arm's sleeve/skin in front of it, never background.
    const trunk: [number, number] = [(kp[KP.rightHip][0]! + kp[KP.rightShoulder][0]!) / 2, (kp[KP.rightHip][1]! + kp[KP.rightShoulder][1]!) / 2];
    expect([PALETTE.shirt, PALETTE.sleeve, PALETTE.skin, PALETTE.rim].some((c) => sameColour(pixelAt(raster, ...trunk), c))).toBe(true);
    // Head: skin or hair around the ear.
    expect([PALETTE.skin, PALETTE.hair, shade(PALETTE.skin, 0.85)].some((c) => sameColour(colourAt(KP.rightEar), c))).toBe(true);
    // Shoes on the feet.
    const heel = truth.clean.feet.right.heel[i];
    const nearHeel = pixelAt(raster, heel[0], heel[1] - 0.01 * H);
    expect([PALETTE.sole, PALETTE.shoe].some((c) => sameColour(nearHeel, c))).toBe(true);
    // Background a little above the head and far ahead of the walker.
    const above: [number, number] = [kp[KP.nose][0]!, kp[KP.nose][1]! - 0.15 * H];
    expect(pixelAt(raster, ...above)).toEqual(pixelAt(background, ...above));
    const ahead: [number, number] = [Math.min(truth.width - 1, kp[KP.rightHip][0]! + 0.6 * H), kp[KP.rightHip][1]!];
    expect(pixelAt(raster, ...ahead)).toEqual(pixelAt(background, ...ahead));
  });

  it('the far leg is shaded darker where it is not hidden by the near one', () => {
    // A frame where the knees are far apart (more than two thigh widths).
    const i = truth.clean.frames.findIndex((f) => Math.abs(f.keypoints[KP.leftKnee][0]! - f.keypoints[KP.rightKnee][0]!) > 0.15 * truth.bodyHeightPx);
    expect(i).toBeGreaterThanOrEqual(0);
    const raster = renderWalkFrame(truth, i);
    const knee = truth.clean.frames[i].keypoints[KP.leftKnee];
    expect(pixelAt(raster, knee[0]!, knee[1]!)).toEqual(shade(PALETTE.trousers, FAR_SIDE_SHADE));
  });

  it('frames differ as the walker moves, and the same frame renders identically twice', () => {
    const a = renderWalkFrame(truth, 5);
    const same = (x: Raster, y: Raster) => Buffer.from(x.data).equals(Buffer.from(y.data));
    expect(same(renderWalkFrame(truth, 5), a)).toBe(true);
    expect(same(renderWalkFrame(truth, 35), a)).toBe(false);
  });

  it('refuses a raster of another size than the walk', () => {
    expect(() => drawWalkFrame(createRaster(640, 480), truth, 0)).toThrow(/raster is 640 x 480, the walk is 960 x 480/);
  });
});

describe('the front-view walker (bad input: a walk towards the camera)', () => {
  const draw = (heightPx: number, phase = 0.1) => {
    const raster = createRaster(640, 480);
    drawScene(raster, 400);
    drawFrontViewWalker(raster, { centreX: 320, floorY: 460, heightPx, phase });
    return raster;
  };

  it('stands in the middle with shirt, skin and trousers, and grows as it approaches', () => {
    const small = draw(200);
    const large = draw(300);
    expect(pixelAt(large, 320, 460 - 0.65 * 300)).toEqual(PALETTE.shirt);
    expect(pixelAt(large, 320, 460 - 300 + 0.075 * 300 + 0.02 * 300)).toEqual(PALETTE.skin);
    const scene = createRaster(640, 480);
    drawScene(scene, 400);
    expect(pixelAt(large, 20, 20)).toEqual(pixelAt(scene, 20, 20));
    expect(pixelAt(large, 600, 300)).toEqual(pixelAt(scene, 600, 300));
    const ratio = countPixels(large, PALETTE.shirt) / countPixels(small, PALETTE.shirt);
    expect(ratio).toBeGreaterThan(1.5 ** 2 * 0.9);
    expect(ratio).toBeLessThan(1.5 ** 2 * 1.1);
  });

  it('the legs alternate: a foot is lifted at one phase and the other foot half a cycle later', () => {
    const lowestTrousers = (raster: Raster, x0: number, x1: number) => {
      for (let y = raster.height - 1; y >= 0; y--) for (let x = x0; x < x1; x++) if (sameColour(pixelAt(raster, x, y), PALETTE.trousers)) return y;
      return -1;
    };
    const a = draw(300, 0.25);
    const b = draw(300, 0.75);
    // Person's left leg is on the image's right (x > 320).
    expect(lowestTrousers(a, 321, 400)).toBeGreaterThan(lowestTrousers(a, 240, 320) + 10);
    expect(lowestTrousers(b, 240, 320)).toBeGreaterThan(lowestTrousers(b, 321, 400) + 10);
  });
});
