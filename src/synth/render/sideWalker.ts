/**
 * The synthetic walker seen from the side, drawn from its clean keypoints and sole points:
 * capsule limbs, a shirted trunk, a head with hair, eye and nose, shoes. Back to front: far arm,
 * far leg, pelvis, trunk, head, near leg, near arm; the far limbs are shaded darker.
 *
 * Shoes: the MoveNet-only walks keep the round capsule shoe they were rendered with (byte-identical
 * videos); the walks with feet get a shoe outline (drawShoe). On the round shoe BlazePose full found
 * 49 of 56 true events within 1 frame and read the forefoot landings about 20 deg too toe-up (ankle
 * 4.2-6.9 deg per walk, forefoot strikes 0 of 7 right); on the outline 58 of 59, ankle 5.0-5.9,
 * forefoot strikes 3 of 7 (BlazePose lite did worse on it: ankle 10.4-21.2 against 7.1-14.6).
 * Drawn once from a low walking shoe's proportions and measured, not tuned to the score.
 */
import { KEYPOINT_COUNT, KP, type Keypoint } from '../../core/format/poseTrack';
import type { Side } from '../../core/format/report';
import type { WalkTruth } from '../types';
import { FAR_SIDE_SHADE, PALETTE } from './palette';
import { drawCapsule, drawConvexPolygon, shade, type Point, type Raster, type Rgb } from './raster';

export interface SideViewFigure {
  /** 17 keypoints in MoveNet order, image pixels (scores ignored). */
  keypoints: readonly Keypoint[];
  /**
   * Heel and forefoot sole points per side, image pixels, and where the walk has foot keypoints
   * the tip of the toes (which bend at the forefoot point on the floor); without it the shoe is
   * drawn rigid.
   */
  feet: Record<Side, { heel: Point; toe: Point; toeTip?: Point }>;
  /** Standing body height in pixels: sets the thickness of limbs, trunk and head. */
  bodyHeightPx: number;
}

/** Limb and body sizes as fractions of body height (radii; Winter-like proportions). */
const SIZE = {
  thigh: 0.05,
  shank: 0.038,
  pelvis: 0.07,
  trunk: 0.078,
  neck: 0.028,
  head: 0.06,
  upperArm: 0.03,
  forearm: 0.024,
  hand: 0.024,
  shoeUpper: 0.03,
  sole: 0.017,
  /** The shoe reaches this far beyond the forefoot contact point (toes). */
  toeCap: 0.03,
  rim: 0.006,
  /** How far the muscle bulk behind thigh and shank is offset from the bone line. */
  muscle: 0.012,
} as const;

/** The figure of frame `i` of a synthetic walk (its noise-free keypoints). */
export function sideFigureAt(truth: WalkTruth, i: number): SideViewFigure {
  const frame = truth.clean.frames[i];
  if (!frame) throw new Error(`no frame ${i} (the walk has ${truth.clean.frames.length})`);
  // Walks with foot keypoints get toes that bend; the MoveNet-only walks keep their rigid shoes.
  const withToes = frame.keypoints.length > KEYPOINT_COUNT;
  const foot = (side: Side) => ({
    heel: truth.clean.feet[side].heel[i],
    toe: truth.clean.feet[side].toe[i],
    ...(withToes ? { toeTip: truth.clean.feet[side].toeTip[i] } : {}),
  });
  return { keypoints: frame.keypoints, feet: { left: foot('left'), right: foot('right') }, bodyHeightPx: truth.bodyHeightPx };
}

/** Which way the figure faces in the image (+1 right, -1 left): nose ahead of the ears. */
export function facingOf(keypoints: readonly Keypoint[]): 1 | -1 {
  const nose = at(keypoints, KP.nose);
  const ears = midpoint(at(keypoints, KP.leftEar), at(keypoints, KP.rightEar));
  return nose[0] >= ears[0] ? 1 : -1;
}

/**
 * The side nearer the camera. A person facing right in the image shows the camera their right
 * side (the synthetic walker's convention: right = forward x up).
 */
export function nearSideOf(keypoints: readonly Keypoint[]): Side {
  return facingOf(keypoints) > 0 ? 'right' : 'left';
}

export function drawSideViewWalker(raster: Raster, figure: SideViewFigure): void {
  const { keypoints, bodyHeightPx: H } = figure;
  const near = nearSideOf(keypoints);
  const far: Side = near === 'left' ? 'right' : 'left';
  const facing = facingOf(keypoints);
  const colours = (side: Side) => {
    const f = side === near ? 1 : FAR_SIDE_SHADE;
    return {
      trousers: shade(PALETTE.trousers, f),
      sleeve: shade(PALETTE.sleeve, f),
      skin: shade(PALETTE.skin, f),
      shoe: shade(PALETTE.shoe, f),
      sole: shade(PALETTE.sole, f),
    };
  };

  const hips = midpoint(at(keypoints, KP.leftHip), at(keypoints, KP.rightHip));
  const shoulders = midpoint(at(keypoints, KP.leftShoulder), at(keypoints, KP.rightShoulder));

  drawArm(raster, keypoints, far, H, colours(far));
  drawLeg(raster, keypoints, figure.feet[far], far, facing, H, colours(far));

  // Pelvis (trousers), then the shirt from just above the hips to the shoulders.
  const up = unit([shoulders[0] - hips[0], shoulders[1] - hips[1]]);
  drawCapsule(raster, hips, along(hips, up, 0.03 * H), SIZE.pelvis * H, PALETTE.trousers);
  drawCapsule(raster, along(hips, up, 0.07 * H), along(shoulders, up, -0.02 * H), SIZE.trunk * H, PALETTE.shirt);

  drawHead(raster, keypoints, shoulders, facing, H);

  drawLeg(raster, keypoints, figure.feet[near], near, facing, H, colours(near));
  drawArm(raster, keypoints, near, H, colours(near));
}

interface SideColours {
  trousers: Rgb;
  sleeve: Rgb;
  skin: Rgb;
  shoe: Rgb;
  sole: Rgb;
}

function drawLeg(raster: Raster, keypoints: readonly Keypoint[], foot: { heel: Point; toe: Point; toeTip?: Point }, side: Side, facing: 1 | -1, H: number, c: SideColours): void {
  const [hipK, kneeK, ankleK] = side === 'left' ? [KP.leftHip, KP.leftKnee, KP.leftAnkle] : [KP.rightHip, KP.rightKnee, KP.rightAnkle];
  const hip = at(keypoints, hipK);
  const knee = at(keypoints, kneeK);
  const ankle = at(keypoints, ankleK);
  const rim = SIZE.rim * H;
  // Muscle bulk sits behind the bones (hamstrings, calf): a leg drawn symmetric about the bone
  // line makes MoveNet put the knee in front of the joint (about 5 deg too much knee flexion).
  const thighBack = behind(hip, knee, facing);
  const shankBack = behind(knee, ankle, facing);
  const point = (a: Point, b: Point, f: number, back: Point, d: number): Point => [
    a[0] + f * (b[0] - a[0]) + back[0] * d * H,
    a[1] + f * (b[1] - a[1]) + back[1] * d * H,
  ];
  drawLimb(
    raster,
    [
      [hip, knee, SIZE.thigh * H],
      [point(hip, knee, 0.1, thighBack, SIZE.muscle), point(hip, knee, 0.75, thighBack, SIZE.muscle), SIZE.thigh * H],
      [knee, knee, 0.9 * SIZE.thigh * H],
      [knee, ankle, SIZE.shank * H],
      [point(knee, ankle, 0.2, shankBack, SIZE.muscle), point(knee, ankle, 0.5, shankBack, SIZE.muscle), SIZE.shank * 1.05 * H],
    ],
    c.trousers,
    rim,
  );

  const { heel, toe } = foot;
  const along_ = unit([toe[0] - heel[0], toe[1] - heel[1]]);
  let normal: Point = [along_[1], -along_[0]];
  if (normal[0] * (ankle[0] - heel[0]) + normal[1] * (ankle[1] - heel[1]) < 0) normal = [-normal[0], -normal[1]];
  if (foot.toeTip) drawShoe(raster, { heel, toe, toeTip: foot.toeTip }, along_, normal, H, c);
  else drawRigidShoe(raster, heel, toe, ankle, along_, normal, H, c);
}

/** The MoveNet-only walks' shoe: a white sole along heel -> toe, a dark upper from the ankle down to the sole. */
function drawRigidShoe(raster: Raster, heel: Point, toe: Point, ankle: Point, along_: Point, normal: Point, H: number, c: SideColours): void {
  const soleR = SIZE.sole * H;
  const upperR = SIZE.shoeUpper * H;
  const toeTip = along(toe, along_, SIZE.toeCap * H);
  drawCapsule(raster, along(heel, normal, soleR), along(toeTip, normal, soleR), soleR, c.sole);
  const upperToe = along(along(toeTip, normal, 2 * soleR), along_, -0.3 * upperR);
  const upperHeel = along(along(heel, normal, 2 * soleR + 0.2 * upperR), along_, 0.5 * upperR);
  drawCapsule(raster, upperHeel, along(upperToe, normal, 0.1 * upperR), 0.8 * upperR, c.shoe);
  // The collar sits at the ankle joint, not above it (MoveNet puts the ankle where trousers meet shoe).
  const collar = along(ankle, normal, -0.45 * upperR);
  drawCapsule(raster, collar, upperHeel, upperR, c.shoe);
  drawCapsule(raster, collar, along(collar, along_, 0.6 * upperR), upperR * 0.9, c.shoe);
}

/**
 * Outline of a low walking shoe seen from the side, in the foot's frame: u along the sole from the
 * heel contact point towards the forefoot point, v up from the sole, fractions of body height (a
 * 1.7 m person: 26 cm from heel to toe tip, 3.5 cm of heel behind the heel contact point, the
 * collar 7.5 cm up at the back; Winter's foot, anthropometry.ts). The rear part is rigid with the
 * foot; the toe box follows the toes, which bend at the forefoot point.
 */
const SHOE = {
  /** Sole thickness, at the heel and under the toes. */
  soleHeel: 0.012,
  soleToe: 0.007,
  /** The back of the heel, behind the heel contact point. */
  heelBack: -0.018,
  /**
   * The upper (heel counter, collar, instep, forefoot) as convex pieces of corners (u, v), the
   * forefoot point at u = footLength.
   */
  upper: (footLength: number): Array<Array<[number, number]>> => [
    [[-0.018, 0], [-0.02, 0.03], [-0.012, 0.044], [0.012, 0.048], [0.05, 0.046], [0.05, 0]],
    // Each piece reaches 0.004 into the one before, so no seam of background shows between them.
    [[0.046, 0], [0.046, 0.0466], [footLength - 0.032, 0.032], [footLength - 0.032, 0]],
    [[footLength - 0.036, 0], [footLength - 0.036, 0.0334], [footLength, 0.024], [footLength, 0]],
  ],
  /** Toe box height over the toes, at the forefoot point and at the tip. */
  toeBoxRoot: 0.024,
  toeBoxTip: 0.012,
} as const;

/** A shoe with a heel counter, collar, instep and a toe box that bends with the toes (the walks with feet). */
function drawShoe(raster: Raster, foot: { heel: Point; toe: Point; toeTip: Point }, along_: Point, normal: Point, H: number, c: SideColours): void {
  const at_ = (u: number, v: number): Point => along(along(foot.heel, along_, u * H), normal, v * H);
  const toeAlong = unit([foot.toeTip[0] - foot.toe[0], foot.toeTip[1] - foot.toe[1]]);
  let toeNormal: Point = [toeAlong[1], -toeAlong[0]];
  if (toeNormal[0] * normal[0] + toeNormal[1] * normal[1] < 0) toeNormal = [-toeNormal[0], -toeNormal[1]];
  const onToes = (w: number, v: number): Point => along(along(foot.toe, toeAlong, w * H), toeNormal, v * H);
  const toeLength = Math.hypot(foot.toeTip[0] - foot.toe[0], foot.toeTip[1] - foot.toe[1]) / H;
  const footLength = Math.hypot(foot.toe[0] - foot.heel[0], foot.toe[1] - foot.heel[1]) / H;
  // Upper, then the sole over its lower edge: rear part, then the toe box.
  for (const piece of SHOE.upper(footLength)) drawConvexPolygon(raster, piece.map(([u, v]) => at_(u, v)), c.shoe);
  drawConvexPolygon(raster, [onToes(0, 0), onToes(0, SHOE.toeBoxRoot), onToes(toeLength - 0.008, SHOE.toeBoxTip), onToes(toeLength, 0.6 * SHOE.toeBoxTip), onToes(toeLength, 0)], c.shoe);
  // The toe box over the forefoot point's corner, wherever the toes bend.
  drawCapsule(raster, at_(footLength - SHOE.toeBoxRoot / 2, SHOE.toeBoxRoot / 2), at_(footLength - SHOE.toeBoxRoot / 2, SHOE.toeBoxRoot / 2), (SHOE.toeBoxRoot / 2) * H, c.shoe);
  drawConvexPolygon(raster, [at_(SHOE.heelBack, 0), at_(SHOE.heelBack - 0.002, SHOE.soleHeel), at_(footLength, SHOE.soleToe), at_(footLength, 0)], c.sole);
  drawConvexPolygon(raster, [onToes(0, 0), onToes(0, SHOE.soleToe), onToes(toeLength, SHOE.soleToe), onToes(toeLength, 0)], c.sole);
}

function drawArm(raster: Raster, keypoints: readonly Keypoint[], side: Side, H: number, c: SideColours): void {
  const [shoulderK, elbowK, wristK] =
    side === 'left' ? [KP.leftShoulder, KP.leftElbow, KP.leftWrist] : [KP.rightShoulder, KP.rightElbow, KP.rightWrist];
  const shoulder = at(keypoints, shoulderK);
  const elbow = at(keypoints, elbowK);
  const wrist = at(keypoints, wristK);
  const rim = SIZE.rim * H;
  const direction = unit([wrist[0] - elbow[0], wrist[1] - elbow[1]]);
  drawLimb(raster, [[elbow, wrist, SIZE.forearm * H], [wrist, along(wrist, direction, 0.035 * H), SIZE.hand * H]], c.skin, rim);
  // Short sleeve: shoulder to three quarters of the way to the elbow.
  const sleeveEnd: Point = [shoulder[0] + 0.75 * (elbow[0] - shoulder[0]), shoulder[1] + 0.75 * (elbow[1] - shoulder[1])];
  drawLimb(raster, [[shoulder, sleeveEnd, SIZE.upperArm * H]], c.sleeve, rim);
}

function drawHead(raster: Raster, keypoints: readonly Keypoint[], shoulders: Point, facing: 1 | -1, H: number): void {
  const nose = at(keypoints, KP.nose);
  const ears = midpoint(at(keypoints, KP.leftEar), at(keypoints, KP.rightEar));
  const eyes = midpoint(at(keypoints, KP.leftEye), at(keypoints, KP.rightEye));
  const r = SIZE.head * H;
  // The skull's centre lies a little ahead of and above the ear.
  const centre: Point = [ears[0] + facing * 0.015 * H, ears[1] - 0.012 * H];
  drawCapsule(raster, shoulders, [ears[0] - facing * 0.01 * H, ears[1] + 0.02 * H], SIZE.neck * H, PALETTE.skin);
  drawCapsule(raster, centre, centre, r, PALETTE.skin);
  drawCapsule(raster, nose, nose, 0.014 * H, PALETTE.skin);
  // Hair: over the top and back of the skull.
  drawCapsule(raster, [centre[0] - facing * 0.012 * H, centre[1] - 0.012 * H], [centre[0] - facing * 0.02 * H, centre[1] + 0.005 * H], r * 0.93, PALETTE.hair);
  drawCapsule(raster, [centre[0] + facing * 0.01 * H, centre[1] - 0.01 * H], [centre[0] + facing * 0.01 * H, centre[1] - 0.01 * H], r * 0.8, PALETTE.skin);
  drawCapsule(raster, ears, ears, 0.012 * H, shade(PALETTE.skin, 0.85));
  drawCapsule(raster, eyes, eyes, 0.007 * H, PALETTE.eye);
}

/** Capsules joined into one limb with a dark rim around their union (not across the joints). */
function drawLimb(raster: Raster, capsules: ReadonlyArray<readonly [Point, Point, number]>, colour: Rgb, rim: number): void {
  for (const [a, b, r] of capsules) drawCapsule(raster, a, b, r, PALETTE.rim);
  for (const [a, b, r] of capsules) drawCapsule(raster, a, b, Math.max(0.5, r - rim), colour);
}

/** Unit vector perpendicular to a -> b, pointing to the back of a figure facing `facing`. */
function behind(a: Point, b: Point, facing: 1 | -1): Point {
  const d = unit([b[0] - a[0], b[1] - a[1]]);
  const n: Point = [d[1], -d[0]];
  return n[0] * facing > 0 ? [-n[0], -n[1]] : n;
}

function at(keypoints: readonly Keypoint[], k: number): Point {
  const [x, y] = keypoints[k];
  if (x === null || y === null) throw new Error(`keypoint ${k} is missing: the side-view figure needs all 17`);
  return [x, y];
}

function midpoint(a: Point, b: Point): Point {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

function unit(v: Point): Point {
  const length = Math.hypot(v[0], v[1]);
  return length > 0 ? [v[0] / length, v[1] / length] : [0, -1];
}

function along(p: Point, direction: Point, distance: number): Point {
  return [p[0] + direction[0] * distance, p[1] + direction[1] * distance];
}
