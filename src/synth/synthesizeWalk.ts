/**
 * The synthetic walker: a 2D sagittal kinematic model of a walking person that produces a
 * gait-pose-track v1 track whose joint angles and gait events are known exactly.
 *
 * How it works: the legs are driven by segment angles over the gait cycle (gaitCurves.ts, changed
 * by the pathology knobs), the lowest sole point of either foot rests on the floor every frame,
 * and the hip progresses at the speed that keeps the stance foot planted (strideModel.ts). Truth
 * angles are computed from the clean keypoints with the docs/design.md definitions (truthAngles.ts);
 * truth events are the curves' events (initial contact at 0 %, final contact at 62 %).
 *
 * Image fitting, overground: if the walk would leave the frame and `bodyHeightPx` is not given,
 * the walker is made SMALLER to fit the requested width (down to a quarter of the image height);
 * if it still does not fit, or `bodyHeightPx` was given, the image is made WIDER (rounded up to a
 * multiple of 16 px). `truth.fit` and `track.width` say what happened.
 */
import { FOOT_KEYPOINT_NAMES, FOOT_KEYPOINTS } from '../core/format/footKeypoints';
import { KEYPOINT_NAMES, KP, POSE_TRACK_VERSION, POSE_TRACK_VERSION_NAMED, type Keypoint, type PoseFrame } from '../core/format/poseTrack';
import type { Direction, Side, SideAngles } from '../core/format/report';
import { LEG_LENGTH_FRACTION } from './anthropometry';
import { bodyPose, type BodyPoint } from './bodyPose';
import { strideTimeAtPhase, cyclePhase as legCyclePhase } from './gaitTiming';
import type { LegAngles } from './legKinematics';
import { applyNoise, resolveNoise } from './noise';
import { resolvePathology } from './pathology';
import { deriveSeed, mulberry32 } from './random';
import { buildStrideModel, type StrideModel } from './strideModel';
import type { StrikePattern } from './strikePattern';
import { frameAngles } from './truthAngles';
import type { FootTruth, SynthOptions, SyntheticWalk, TruthCycle, TruthPass, WalkTruth } from './types';

const SIDES: readonly Side[] = ['left', 'right'];

/** Horizontal reach of the body beyond the hip (feet, hands, nose), in body heights. */
const BODY_REACH = 0.4;
/** Far-side landmarks are drawn this far (body heights) behind the near side in a side view. */
const FAR_SIDE_OFFSET = 0.01;
/** Leg amplitude at the middle of a turn (the walker steps round in place). */
const TURN_LEG_AMPLITUDE = 0.4;
/** Posture the legs shrink towards while stepping round in a turn. */
const TURN_NEUTRAL: LegAngles = { hip: 8, knee: 12, ankle: 2 };

/** Side-view scores (near side, far side); facing the camera every keypoint scores FRONT_SCORE. */
const FRONT_SCORE = 0.8;
const SIDE_VIEW_SCORES: Record<string, [number, number]> = {
  eye: [0.85, 0.45],
  ear: [0.8, 0.15],
  shoulder: [0.85, 0.65],
  elbow: [0.8, 0.55],
  wrist: [0.75, 0.5],
  hip: [0.85, 0.7],
  knee: [0.87, 0.68],
  ankle: [0.85, 0.62],
  heel: [0.8, 0.55],
  foot_index: [0.8, 0.55],
};
/**
 * A sole point touches the floor within this height (fraction of body height: 0.26 px for a 264 px
 * walker). The walker with feet puts its stance feet exactly on the floor (footContact.ts), so
 * contact begins and ends within a fraction of a millisecond of where the tolerance is set.
 */
const FOOT_CONTACT_TOLERANCE = 0.001;
/** Index of each foot keypoint in a track with feet (after the 17 MoveNet keypoints). */
const FOOT_INDEX: Record<Side, { heel: number; footIndex: number }> = {
  left: { heel: KEYPOINT_NAMES.length + FOOT_KEYPOINT_NAMES.indexOf(FOOT_KEYPOINTS.left.heel), footIndex: KEYPOINT_NAMES.length + FOOT_KEYPOINT_NAMES.indexOf(FOOT_KEYPOINTS.left.footIndex) },
  right: { heel: KEYPOINT_NAMES.length + FOOT_KEYPOINT_NAMES.indexOf(FOOT_KEYPOINTS.right.heel), footIndex: KEYPOINT_NAMES.length + FOOT_KEYPOINT_NAMES.indexOf(FOOT_KEYPOINTS.right.footIndex) },
};
const UPPER_BODY = [
  KP.nose,
  KP.leftEye,
  KP.rightEye,
  KP.leftEar,
  KP.rightEar,
  KP.leftShoulder,
  KP.rightShoulder,
  KP.leftElbow,
  KP.rightElbow,
  KP.leftWrist,
  KP.rightWrist,
];

interface Segment {
  kind: 'pass' | 'turn';
  start: number;
  end: number;
  /** Pass index (passes only). */
  pass: number;
  /** +1 facing right in the image, -1 facing left (for a turn: before it). */
  facing: number;
}

const directionOf = (sign: number): Direction => (sign > 0 ? 'left-to-right' : 'right-to-left');

export function synthesizeWalk(options: SynthOptions = {}): SyntheticWalk {
  const fps = options.fps ?? 30;
  if (!(fps >= 24 && fps <= 240)) throw new Error('fps must be between 24 and 240');
  const cadence = options.cadence ?? 110;
  if (!(cadence >= 40 && cadence <= 200)) throw new Error('cadence must be between 40 and 200 steps/min');
  const setting = options.setting ?? 'overground';
  const walking = options.walking ?? 'forward';
  const direction = options.direction ?? 'left-to-right';
  const framing = options.framing ?? 'full';
  const turn = options.turn ?? false;
  if (turn && setting !== 'overground') throw new Error('a turn needs setting "overground"');
  const turnDuration = turn ? (options.turnDurationS ?? 1.5) : 0;
  if (turn && !(turnDuration >= 0.8 && turnDuration <= 3)) throw new Error('turnDurationS must be between 0.8 and 3');
  const seed = options.seed ?? 1;
  const strideTime = 120 / cadence;
  const startPhase = options.startPhase ?? 0.25;
  const withFeet = options.feet ?? false;
  const strike: StrikePattern = options.strike ?? 'heel';

  let passDuration: number;
  if (options.durationS !== undefined) {
    passDuration = turn ? (options.durationS - turnDuration) / 2 : options.durationS;
  } else {
    const cycles = options.cycles ?? (setting === 'treadmill' ? 8 : 4);
    if (!(cycles > 0)) throw new Error('cycles must be positive');
    passDuration = cycles * strideTime;
  }
  if (!(passDuration > 0)) throw new Error('durationS too short');
  const totalDuration = turn ? 2 * passDuration + turnDuration : passDuration;

  const pathology = resolvePathology(options.pathology);
  const model = buildStrideModel(pathology, walking, strike, withFeet);
  const strideLength = Math.abs(model.strideLength); // body heights per stride

  // Directions: travel sign in the image and the way the person faces.
  const travel0 = direction === 'left-to-right' ? 1 : -1;
  const facing0 = walking === 'forward' ? travel0 : -travel0;
  const segments: Segment[] = [{ kind: 'pass', start: 0, end: passDuration, pass: 0, facing: facing0 }];
  if (turn) {
    segments.push({ kind: 'turn', start: passDuration, end: passDuration + turnDuration, pass: -1, facing: facing0 });
    segments.push({ kind: 'pass', start: passDuration + turnDuration, end: totalDuration, pass: 1, facing: -facing0 });
  }

  const geometry = fitImage(options, setting, framing, (strideLength * passDuration) / strideTime, turn ? (strideLength * turnDuration) / (4 * strideTime) : 0, travel0);
  const { width, height, bodyHeight: H, floorY, startX } = geometry;

  const times = frameTimes(fps, totalDuration, options.variableFrameRate ?? false, deriveSeed(seed, 'frame-times'));
  const scoreNoise = mulberry32(deriveSeed(seed, 'scores'));
  const u0 = startPhase;
  const strideTimeAt = (t: number) => u0 + t / strideTime;
  const progression = (u: number) => model.strideLength * u + model.progressionDeviation(u);

  const hipX = hipPositionFunction(segments, model, progression, strideTimeAt, H, startX, setting, strideLength / strideTime, turnDuration);

  const n = times.length;
  const cleanFrames: PoseFrame[] = new Array(n);
  const emptyFoot = () => ({ heel: new Array(n), toe: new Array(n), toeTip: new Array(n), heelKeypoint: new Array(n) });
  const feet: WalkTruth['clean']['feet'] = { left: emptyFoot(), right: emptyFoot() };
  const ankleTruth: FootTruth['ankle'] = { left: new Array(n), right: new Array(n) };
  const footAngleTruth: FootTruth['footAngle'] = { left: new Array(n), right: new Array(n) };
  const emptySide = (): SideAngles => ({ hipFlexion: new Array(n), hipFlexionTrunk: new Array(n), kneeFlexion: new Array(n) });
  const angles = { left: emptySide(), right: emptySide(), trunkLean: new Array<number | null>(n) };
  const phase: WalkTruth['phase'] = { left: new Array(n), right: new Array(n) };
  const nearSide: Side[] = new Array(n);
  const withTrunk = framing === 'full';

  let segmentIndex = 0;
  for (let i = 0; i < n; i++) {
    const t = times[i];
    while (segmentIndex < segments.length - 1 && t >= segments[segmentIndex].end) segmentIndex++;
    const segment = segments[segmentIndex];
    const u = strideTimeAt(t);
    const tau = segment.kind === 'turn' ? (t - segment.start) / (segment.end - segment.start) : 0;
    // Leg amplitude shrinks towards a neutral stance while stepping round in a turn.
    const amplitude = 1 - (1 - TURN_LEG_AMPLITUDE) * Math.sin(Math.PI * tau) ** 2;
    const legAngles = (side: Side): LegAngles => {
      const a = model.legAngles(side, u);
      if (amplitude === 1) return a;
      return {
        hip: TURN_NEUTRAL.hip + amplitude * (a.hip - TURN_NEUTRAL.hip),
        knee: TURN_NEUTRAL.knee + amplitude * (a.knee - TURN_NEUTRAL.knee),
        ankle: TURN_NEUTRAL.ankle + amplitude * (a.ankle - TURN_NEUTRAL.ankle),
      };
    };
    const pose = bodyPose(
      { legs: { left: legAngles('left'), right: legAngles('right') }, trunkLean: model.trunkLean(u) },
      model.dims,
    );
    // Heading: 0 = facing +x, pi = facing -x; a turn swings it through pi/2 (facing the camera).
    const heading0 = segment.facing > 0 ? 0 : Math.PI;
    const heading =
      segment.kind === 'turn'
        ? heading0 + (segment.facing > 0 ? 1 : -1) * Math.PI * (1 - Math.cos(Math.PI * tau)) * 0.5
        : heading0;
    const cosH = Math.cos(heading);
    const sinH = Math.sin(heading);
    // The person's right side faces the camera when facing +x (right = forward x up).
    const near: Side = cosH >= 0 ? 'right' : 'left';
    nearSide[i] = near;
    const x0 = hipX(u, segmentIndex, tau);
    const project = (p: BodyPoint, side: Side | null): [number, number] => {
      const farShift = side !== null && side !== near ? -FAR_SIDE_OFFSET * cosH : 0;
      return [x0 + H * (p.forward * cosH - p.lateral * sinH + farShift), floorY - H * p.up];
    };
    const visibility = Math.abs(cosH);
    const keypoints: Keypoint[] = pose.keypoints.map((p, k) => {
      const side = keypointSide(k);
      const [x, y] = project(p, side);
      return [x, y, score(KEYPOINT_CLASS[k], side, near, visibility, scoreNoise)];
    });
    if (!withTrunk) for (const k of UPPER_BODY) keypoints[k] = [null, null, 0];
    for (const side of SIDES) {
      feet[side].heel[i] = project(pose.feet[side].heel, side);
      feet[side].toe[i] = project(pose.feet[side].toe, side);
      feet[side].toeTip[i] = project(pose.feet[side].toeTip, side);
      feet[side].heelKeypoint[i] = project(pose.feet[side].heelKeypoint, side);
    }
    if (withFeet) {
      for (const name of FOOT_KEYPOINT_NAMES) {
        const side: Side = name.startsWith('left') ? 'left' : 'right';
        const [x, y] = name === FOOT_KEYPOINTS[side].heel ? feet[side].heelKeypoint[i] : feet[side].toeTip[i];
        keypoints.push([x, y, score(name.slice(name.indexOf('_') + 1), side, near, visibility, scoreNoise)]);
      }
    }
    cleanFrames[i] = { t, keypoints };

    if (segment.kind === 'pass') {
      const a = frameAngles(keypoints, segment.facing, withTrunk);
      for (const side of SIDES) {
        angles[side].hipFlexion[i] = a[side].hipFlexion;
        angles[side].hipFlexionTrunk[i] = a[side].hipFlexionTrunk;
        angles[side].kneeFlexion[i] = a[side].kneeFlexion;
        phase[side][i] = model.cyclePhase(side, u);
        const leg = legAngles(side);
        ankleTruth[side][i] = leg.ankle;
        footAngleTruth[side][i] = leg.hip - leg.knee + leg.ankle;
      }
      angles.trunkLean[i] = a.trunkLean;
    } else {
      for (const side of SIDES) {
        angles[side].hipFlexion[i] = null;
        angles[side].hipFlexionTrunk[i] = null;
        angles[side].kneeFlexion[i] = null;
        phase[side][i] = null;
        ankleTruth[side][i] = null;
        footAngleTruth[side][i] = null;
      }
      angles.trunkLean[i] = null;
    }
  }

  const passes: TruthPass[] = segments
    .filter((s) => s.kind === 'pass')
    .map((s) => ({
      index: s.pass,
      start: s.start,
      end: s.end,
      direction: directionOf(walking === 'forward' ? s.facing : -s.facing),
      walking,
      facing: directionOf(s.facing),
    }));
  const { events, cycles } = truthEvents(model, passes, u0, strideTime, totalDuration);

  const noiseOptions = options.noise;
  const noise = noiseOptions ? resolveNoise(noiseOptions, deriveSeed(seed, 'noise')) : null;
  const footKeypoints = withFeet ? { left: [FOOT_INDEX.left.heel, FOOT_INDEX.left.footIndex], right: [FOOT_INDEX.right.heel, FOOT_INDEX.right.footIndex] } : undefined;
  const noisy = noise ? applyNoise(cleanFrames, noise, H, nearSide, footKeypoints) : null;
  const footTruth: FootTruth = {
    ankle: ankleTruth,
    footAngle: footAngleTruth,
    ...footContacts(model, passes, u0, strideTime, totalDuration),
    pattern: walking === 'backward' ? 'forefoot' : strike,
    contactToleranceFrac: FOOT_CONTACT_TOLERANCE,
    keypointFootOffsetDeg: keypointFootOffset(model),
  };
  const frames = noisy ? noisy.frames : cleanFrames.map((f) => ({ t: f.t, keypoints: f.keypoints.map((k) => [...k] as Keypoint) }));

  const rightStep = model.timing.rightOffset * strideTime;
  const truth: WalkTruth = {
    setting,
    walking,
    direction,
    framing,
    cadence,
    strideTime,
    stepTime: { left: strideTime - rightStep, right: rightStep },
    stancePercent: 100 * model.toeOffPhase,
    bodyHeightPx: H,
    legLengthPx: LEG_LENGTH_FRACTION * H,
    strideLengthPx: strideLength * H,
    speedPxPerS: (strideLength * H) / strideTime,
    width,
    height,
    floorY,
    fit: { widthEnlarged: geometry.widthEnlarged, walkerShrunk: geometry.walkerShrunk },
    passes,
    angles,
    phase,
    events,
    cycles,
    swappedFrames: noisy ? noisy.swappedFrames : [],
    droppedFrames: noisy ? noisy.droppedFrames : [],
    pathology,
    noise,
    consistency: model.consistency,
    feet: footTruth,
    clean: { frames: cleanFrames, feet },
  };
  return {
    track: {
      format: 'gait-pose-track',
      // Version 2 (a named layout) when the track carries the feet.
      version: withFeet ? POSE_TRACK_VERSION_NAMED : POSE_TRACK_VERSION,
      fps,
      width,
      height,
      // No hints about direction, setting or events here: the analysis must find them in the data.
      source: { kind: 'synthetic', name: 'synthetic-walker', model: 'synthetic', seed },
      keypointNames: withFeet ? [...KEYPOINT_NAMES, ...FOOT_KEYPOINT_NAMES] : [...KEYPOINT_NAMES],
      frames,
    },
    truth,
  };
}

function keypointSide(k: number): Side | null {
  if (k === KP.nose) return null;
  return k % 2 === 1 ? 'left' : 'right'; // MoveNet order: left landmarks have odd indices
}

const KEYPOINT_CLASS = ['nose', 'eye', 'eye', 'ear', 'ear', 'shoulder', 'shoulder', 'elbow', 'elbow', 'wrist', 'wrist', 'hip', 'hip', 'knee', 'knee', 'ankle', 'ankle'];

function score(keypointClass: string, side: Side | null, near: Side, visibility: number, uniform: () => number): number {
  const jitter = (uniform() - 0.5) * 0.06;
  if (side === null) return clampScore(0.85 + jitter);
  const [nearScore, farScore] = SIDE_VIEW_SCORES[keypointClass];
  const sideView = side === near ? nearScore : farScore;
  return clampScore(FRONT_SCORE + (sideView - FRONT_SCORE) * visibility + jitter);
}

function clampScore(s: number): number {
  return Math.min(0.99, Math.max(0.02, s));
}

/** Frame times: uniform, or with intervals jittered by up to +-25 % (strictly increasing). */
function frameTimes(fps: number, duration: number, variable: boolean, seed: number): number[] {
  const times: number[] = [];
  const uniform = mulberry32(seed);
  const dt = 1 / fps;
  let t = 0;
  for (let i = 0; t < duration - 1e-9; i++) {
    times.push(t);
    t = variable ? t + dt * (1 + 0.25 * (2 * uniform() - 1)) : (i + 1) * dt;
  }
  return times;
}

interface ImageGeometry {
  width: number;
  height: number;
  bodyHeight: number;
  floorY: number;
  startX: number;
  widthEnlarged: boolean;
  walkerShrunk: boolean;
}

/** Chooses body size, floor line, image width and start position (see the module comment). */
function fitImage(
  options: SynthOptions,
  setting: 'treadmill' | 'overground',
  framing: 'full' | 'legs-only',
  passTravel: number,
  turnOvershoot: number,
  travelSign: number,
): ImageGeometry {
  const requestedWidth = options.width ?? 1280;
  const height = options.height ?? 720;
  if (!(requestedWidth >= 64 && height >= 64)) throw new Error('image width and height must be at least 64 px');
  // Legs-only: hips about 8 % from the top with the floor near the bottom (hip height ~0.53 H).
  const hipTop = 0.08 * height;
  const defaultBody = framing === 'full' ? 0.75 * height : (0.97 * height - hipTop) / 0.53;
  const margin = 0.02 * requestedWidth;
  // Span of hip positions in body heights, plus a little for the within-stride speed variation.
  const span = setting === 'overground' ? passTravel + turnOvershoot + 0.05 : 0.05;
  const needed = (body: number) => body * (span + 2 * BODY_REACH) + 2 * margin;
  let bodyHeight = options.bodyHeightPx ?? defaultBody;
  if (!(bodyHeight > 0)) throw new Error('bodyHeightPx must be positive');
  let walkerShrunk = false;
  if (setting === 'overground' && options.bodyHeightPx === undefined && needed(bodyHeight) > requestedWidth) {
    bodyHeight = Math.max(0.25 * height, (requestedWidth - 2 * margin) / (span + 2 * BODY_REACH));
    walkerShrunk = true;
  }
  let width = requestedWidth;
  if (setting === 'overground' && needed(bodyHeight) > requestedWidth) width = Math.ceil(needed(bodyHeight) / 16) * 16;
  const floorY = options.floorY ?? (framing === 'full' ? 0.94 * height : hipTop + 0.53 * bodyHeight);
  const edge = margin + BODY_REACH * bodyHeight;
  const startX =
    options.startX ?? (setting === 'treadmill' ? width / 2 : travelSign > 0 ? edge : width - edge);
  return { width, height, bodyHeight, floorY, startX, widthEnlarged: width > requestedWidth, walkerShrunk };
}

/**
 * Hip x in the image over time. Passes: progression along the facing direction (constant mean
 * speed plus the model's small within-stride variation). Treadmill: the hip stays put except for
 * that variation (the belt carries the stance foot back). Turn: the walker slows to a stop
 * (speed ~ cos^2), turns, and accelerates back the other way, velocity continuous throughout.
 */
function hipPositionFunction(
  segments: Segment[],
  model: StrideModel,
  progression: (u: number) => number,
  strideTimeAt: (t: number) => number,
  H: number,
  startX: number,
  setting: 'treadmill' | 'overground',
  speedBodyHeightsPerS: number,
  turnDuration: number,
): (u: number, segmentIndex: number, tau: number) => number {
  const deviation = model.progressionDeviation;
  if (setting === 'treadmill') {
    const facing = segments[0].facing;
    return (u) => startX + facing * H * deviation(u);
  }
  // Position at the start of each segment.
  const startPositions: number[] = [startX];
  const pass0 = segments[0];
  const uStart0 = strideTimeAt(pass0.start);
  const xEndPass0 = startX + pass0.facing * H * (progression(strideTimeAt(pass0.end)) - progression(uStart0));
  if (segments.length > 1) {
    startPositions.push(xEndPass0);
    startPositions.push(xEndPass0); // the turn brings the walker back to where it started turning
  }
  const travelSign0 = pass0.facing * Math.sign(model.strideLength);
  return (u, segmentIndex, tau) => {
    const segment = segments[segmentIndex];
    const x0 = startPositions[segmentIndex];
    if (segment.kind === 'pass') {
      return x0 + segment.facing * H * (progression(u) - progression(strideTimeAt(segment.start)));
    }
    const s = 2 * Math.PI * tau;
    const travelled = tau <= 0.5 ? tau / 2 + Math.sin(s) / (4 * Math.PI) : 0.5 - tau / 2 - Math.sin(s) / (4 * Math.PI);
    const uA = strideTimeAt(segment.start);
    const uB = strideTimeAt(segment.end);
    const fade = Math.cos(Math.PI * tau) ** 2;
    const sway =
      tau <= 0.5
        ? segment.facing * H * (deviation(u) - deviation(uA)) * fade
        : -segment.facing * H * (deviation(u) - deviation(uB)) * fade;
    return x0 + travelSign0 * speedBodyHeightsPerS * H * turnDuration * travelled + sway;
  };
}

/** Truth events and cycles inside the straight passes. */
function truthEvents(
  model: StrideModel,
  passes: TruthPass[],
  u0: number,
  strideTime: number,
  totalDuration: number,
): { events: WalkTruth['events']; cycles: WalkTruth['cycles'] } {
  const timeOfPhase = (side: Side, p: number) => (strideTimeAtPhase(model.timing, side, p) - u0) * strideTime;
  const passOf = (t: number) => passes.findIndex((p) => t >= p.start - 1e-12 && t <= p.end + 1e-12);
  const uEnd = u0 + totalDuration / strideTime;
  const allHeelStrikes: Record<Side, number[]> = { left: [], right: [] };
  const events: WalkTruth['events'] = { left: { heelStrikes: [], toeOffs: [] }, right: { heelStrikes: [], toeOffs: [] } };
  const cycles: WalkTruth['cycles'] = { left: [], right: [] };
  const firstCycle = (side: Side) => Math.floor(legCyclePhase(model.timing, side, u0)) - 1;
  const lastCycle = (side: Side) => Math.floor(legCyclePhase(model.timing, side, uEnd)) + 1;
  for (const side of SIDES) {
    for (let k = firstCycle(side); k <= lastCycle(side); k++) allHeelStrikes[side].push(timeOfPhase(side, k));
  }
  for (const side of SIDES) {
    const other: Side = side === 'left' ? 'right' : 'left';
    for (let k = firstCycle(side); k <= lastCycle(side); k++) {
      const start = timeOfPhase(side, k);
      const toeOff = timeOfPhase(side, k + model.toeOffPhase);
      const end = timeOfPhase(side, k + 1);
      if (passOf(start) >= 0) events[side].heelStrikes.push(start);
      if (passOf(toeOff) >= 0) events[side].toeOffs.push(toeOff);
      const pass = passOf(start);
      if (pass < 0 || passOf(end) !== pass) continue;
      const oppositeHeelStrike = allHeelStrikes[other].find((t) => t > start && t < end);
      if (oppositeHeelStrike === undefined) continue;
      const cycle: TruthCycle = {
        side,
        pass,
        start,
        end,
        oppositeHeelStrike,
        toeOff,
        shankVertical: timeOfPhase(side, k + model.shankVerticalPhase[side]),
      };
      cycles[side].push(cycle);
    }
  }
  return { events, cycles };
}

/** The keypoint foot line (heel keypoint -> toe tip) against the sole of the unbent foot, degrees (+ heel keypoint higher). */
function keypointFootOffset(model: StrideModel): number {
  const d = model.dims;
  const along = d.heelBack + d.heelKeypointBack + d.toeFront + d.toeLength;
  return (Math.atan2(d.heelKeypointUp, along) * 180) / Math.PI;
}

/**
 * Contact events from the foot itself: around each of the curves' contact times (0 % and final
 * contact), the instant the leg's lowest sole point (heel, forefoot or the tip of the toes) crosses
 * the contact tolerance, found by a 1 ms scan and bisection on the model's continuous pose. Straight
 * passes only.
 */
function footContacts(
  model: StrideModel,
  passes: TruthPass[],
  u0: number,
  strideTime: number,
  totalDuration: number,
): Pick<FootTruth, 'contacts' | 'strikes'> {
  const heights = (side: Side, t: number) => {
    const u = u0 + t / strideTime;
    const pose = bodyPose({ legs: { left: model.legAngles('left', u), right: model.legAngles('right', u) }, trunkLean: 0 }, model.dims);
    return { heel: pose.feet[side].heel.up, toe: pose.feet[side].toe.up, toeTip: pose.feet[side].toeTip.up };
  };
  const onFloor = (side: Side, t: number) => {
    const h = heights(side, t);
    return Math.min(h.heel, h.toe, h.toeTip) <= FOOT_CONTACT_TOLERANCE;
  };
  const inPass = (t: number) => passes.some((p) => t >= p.start && t <= p.end);
  const crossing = (side: Side, a: number, b: number): number => {
    // onFloor differs at a and b: bisect to 0.01 ms.
    const atA = onFloor(side, a);
    for (let k = 0; k < 20; k++) {
      const mid = (a + b) / 2;
      if (onFloor(side, mid) === atA) a = mid;
      else b = mid;
    }
    return (a + b) / 2;
  };
  const contacts: FootTruth['contacts'] = { left: { initialContacts: [], finalContacts: [] }, right: { initialContacts: [], finalContacts: [] } };
  const strikes: FootTruth['strikes'] = { left: [], right: [] };
  const step = 0.001;
  const window = 0.15 * strideTime;
  for (const side of SIDES) {
    for (let k = Math.floor(model.cyclePhase(side, u0)) - 1; ; k++) {
      const curveContact = (strideTimeAtPhase(model.timing, side, k) - u0) * strideTime;
      if (curveContact - window > totalDuration) break;
      const curveFinal = (strideTimeAtPhase(model.timing, side, k + model.toeOffPhase) - u0) * strideTime;
      // Initial contact: the first off -> on change after the curve contact - window.
      let found: number | null = null;
      for (let t = curveContact - window; t < curveContact + window; t += step) {
        if (!onFloor(side, t) && onFloor(side, t + step)) {
          found = crossing(side, t, t + step);
          break;
        }
      }
      if (found !== null && inPass(found)) {
        contacts[side].initialContacts.push(found);
        const h = heights(side, found);
        const u = u0 + found / strideTime;
        const leg = model.legAngles(side, u);
        strikes[side].push({ t: found, footAngleDeg: leg.hip - leg.knee + leg.ankle, firstContact: h.heel <= h.toe ? 'heel' : 'forefoot' });
      }
      // Final contact: the first on -> off change after the curve final contact - window.
      found = null;
      for (let t = curveFinal - window; t < curveFinal + window; t += step) {
        if (onFloor(side, t) && !onFloor(side, t + step)) {
          found = crossing(side, t, t + step);
          break;
        }
      }
      if (found !== null && inPass(found)) contacts[side].finalContacts.push(found);
    }
  }
  return { contacts, strikes };
}
