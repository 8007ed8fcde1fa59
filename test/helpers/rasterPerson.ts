/**
 * Draws a plain standing person, seen from the front, into raw RGBA pixels (no canvas in Node).
 * Solid-colour capsules in the colours MoveNet needs to see a body: skin-coloured head, neck and
 * hands, a shirt with sleeves in a contrasting colour, dark trousers, black shoes, on a grey
 * background. `truth` gives where each drawn joint is, in pixels, for loose checks.
 */
import { KP } from '../../src/core/format/poseTrack';

type Rgb = [number, number, number];
type Point = [number, number];

const SKIN: Rgb = [224, 172, 130];
const HAIR: Rgb = [60, 40, 30];
const SHIRT: Rgb = [40, 90, 200];
const SLEEVE: Rgb = [200, 50, 50];
const TROUSERS: Rgb = [50, 50, 60];
const SHOE: Rgb = [15, 15, 15];
const BACKGROUND: Rgb = [150, 160, 150];

export interface RasterPerson {
  width: number;
  height: number;
  data: Uint8Array;
  /** Drawn joint centres by KP index (only the joints the figure has). */
  truth: Partial<Record<number, Point>>;
}

export function drawStandingPerson(width = 640, height = 480): RasterPerson {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...BACKGROUND, 255], i * 4);

  // Proportions relative to the figure's height, centred horizontally.
  const s = height * 0.85;
  const cx = width / 2;
  const top = height * 0.07;
  const at = (dx: number, dy: number): Point => [cx + dx * s, top + dy * s];

  const head = at(0, 0.07);
  const [lShoulder, rShoulder] = [at(0.11, 0.2), at(-0.11, 0.2)]; // person's left is image right
  const [lElbow, rElbow] = [at(0.15, 0.36), at(-0.15, 0.36)];
  const [lWrist, rWrist] = [at(0.16, 0.5), at(-0.16, 0.5)];
  const [lHip, rHip] = [at(0.07, 0.52), at(-0.07, 0.52)];
  const [lKnee, rKnee] = [at(0.075, 0.73), at(-0.075, 0.73)];
  const [lAnkle, rAnkle] = [at(0.075, 0.93), at(-0.075, 0.93)];

  const capsule = (a: Point, b: Point, radius: number, colour: Rgb) =>
    fill(data, width, height, colour, (x, y) => distanceToSegment([x, y], a, b) <= radius * s);

  // Back to front.
  for (const [hip, knee, ankle] of [[lHip, lKnee, lAnkle], [rHip, rKnee, rAnkle]] as const) {
    capsule(hip, knee, 0.045, TROUSERS);
    capsule(knee, ankle, 0.035, TROUSERS);
    capsule([ankle[0], ankle[1] + 0.02 * s], [ankle[0] + Math.sign(ankle[0] - cx) * 0.03 * s, ankle[1] + 0.025 * s], 0.025, SHOE);
  }
  fill(data, width, height, SHIRT, (x, y) => insideQuad([x, y], [rShoulder, lShoulder, lHip, rHip], 0.03 * s));
  capsule(at(0, 0.12), at(0, 0.19), 0.025, SKIN); // neck
  for (const [shoulder, elbow, wrist] of [[lShoulder, lElbow, lWrist], [rShoulder, rElbow, rWrist]] as const) {
    capsule(shoulder, elbow, 0.032, SLEEVE);
    capsule(elbow, wrist, 0.025, SKIN);
    capsule(wrist, [wrist[0], wrist[1] + 0.03 * s], 0.028, SKIN); // hand
  }
  capsule(head, head, 0.065, SKIN);
  fill(data, width, height, HAIR, (x, y) => Math.hypot(x - head[0], y - head[1]) <= 0.067 * s && y < head[1] - 0.03 * s);
  for (const side of [-1, 1]) capsule(at(side * 0.025, 0.065), at(side * 0.025, 0.065), 0.008, HAIR); // eyes

  return {
    width,
    height,
    data,
    truth: {
      [KP.nose]: head,
      [KP.leftShoulder]: lShoulder, [KP.rightShoulder]: rShoulder,
      [KP.leftElbow]: lElbow, [KP.rightElbow]: rElbow,
      [KP.leftWrist]: lWrist, [KP.rightWrist]: rWrist,
      [KP.leftHip]: lHip, [KP.rightHip]: rHip,
      [KP.leftKnee]: lKnee, [KP.rightKnee]: rKnee,
      [KP.leftAnkle]: lAnkle, [KP.rightAnkle]: rAnkle,
    },
  };
}

function fill(data: Uint8Array, width: number, height: number, colour: Rgb, inside: (x: number, y: number) => boolean) {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (inside(x + 0.5, y + 0.5)) data.set(colour, (y * width + x) * 4);
    }
  }
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Inside a convex quad (any winding), or within `margin` of its edges. */
function insideQuad(p: Point, quad: Point[], margin: number): boolean {
  let sign = 0;
  let inside = true;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i];
    const b = quad[(i + 1) % quad.length];
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) inside = false;
    }
  }
  return inside || quad.some((a, i) => distanceToSegment(p, a, quad[(i + 1) % quad.length]) <= margin);
}
