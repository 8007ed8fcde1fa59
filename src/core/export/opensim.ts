/**
 * OpenSim-ready exports, so a walk analysed here can go on into OpenSim-based pipelines (Sports2D,
 * Pose2Sim, myogait and OpenCap exchange the same two files):
 *
 * - `.trc` (Track Row Column, Motion Analysis Corporation's marker format that OpenSim reads for
 *   inverse kinematics): the keypoints over time, one "marker" per keypoint, named as in the track.
 *   Header as OpenSim documents it: `PathFileType 4 (X/Y/Z) <file>`, then the line
 *   `DataRate CameraRate NumFrames NumMarkers Units OrigDataRate OrigDataStartFrame OrigNumFrames` and
 *   its values, then `Frame# Time <marker> <marker> ...` (each name over its three columns) and
 *   `X1 Y1 Z1 X2 ...`; tab-separated; one row per frame, frame numbers from 1, time in seconds.
 *   OpenSim's axes: X forward, Y up, Z to the side. The image's x becomes X and its y, turned
 *   upwards, Y (measured from the image's bottom edge); Z is 0 (a single side view has no depth).
 *   A keypoint not seen (score below the analysis's gate) is `NaN`, which OpenSim treats as a
 *   missing marker. Units are metres when a scale is known (body height or treadmill speed, see
 *   `metresPerPixel`), else `px`: pixel coordinates, which OpenSim cannot scale a model to, but which
 *   other tools (and a later scaling step) can use.
 * - `.mot` (OpenSim's motion/storage format): the joint angles over time. Header `<name>`,
 *   `version=1`, `nRows`, `nColumns`, `inDegrees=yes` (and our `gaitEvents=detected|edited`), `endheader`, then a tab-separated row of
 *   column labels starting with `time`, then one row per frame. Coordinate names and signs follow
 *   the Rajagopal et al. 2016 full-body model (also OpenCap's LaiUhlrich2022): `hip_flexion_r`
 *   (+ flexion), `knee_angle_r` (+ flexion) and, where the track has heels and toes, `ankle_angle_r`
 *   (+ dorsiflexion), so the file drives that model's legs directly. Our
 *   hip angle is the thigh against the vertical (Stenum et al. 2021), which equals the model's hip
 *   flexion with the pelvis upright; the thigh-against-trunk angle and trunk lean come as extra
 *   columns (`hip_flexion_trunk_r`, `trunk_lean`), which OpenSim ignores when it loads the motion on
 *   a model. Unknown values are `NaN`.
 */
import type { GaitPoseTrack } from '../format/poseTrack';
import { SIDE_POINTS } from '../format/bodyPoints';
import { reportHasFeet, SIDES, type GaitReport, type Side } from '../format/report';
import { toColumns } from '../clean/columns';
import { MIN_KEYPOINT_SCORE } from '../clean/gate';
import { legLengthPx, LEG_LENGTH_PER_BODY_HEIGHT } from '../view/bodyScale';
import { median } from '../util/stats';
import { leastSquaresSlope } from '../util/slope';

export interface PixelScale {
  /** Metres per image pixel. */
  metresPerPixel: number;
  method: 'body-height' | 'treadmill-speed';
}

/**
 * Metres per pixel, when the report's options give a scale:
 * - body height: leg length (hip to knee to ankle, median over frames) is 0.491 of body height
 *   (Winter 2009), the same scale the analysis uses for overground stride length;
 * - treadmill belt speed: in stance the foot moves backwards with the belt, so the belt speed over
 *   the ankle's median horizontal speed in mid-stance (pixels per second; a line fitted per stance, median over stances) gives metres
 *   per pixel. On the synthetic walker (6 seeds) this is 2.5 % off the drawn scale on clean tracks
 *   (the ankle rolls a little over the foot in stance) and up to 5 % with MoveNet-like noise;
 *   body height is within 0.3 %.
 * Null without either (or when the track gives no usable measure).
 */
export function metresPerPixel(track: GaitPoseTrack, report: GaitReport): PixelScale | null {
  const c = toColumns(track);
  const height = report.options.bodyHeightM;
  if (height && height > 0) {
    const leg = legLengthPx(c);
    if (Number.isFinite(leg) && leg > 0) return { metresPerPixel: (height * LEG_LENGTH_PER_BODY_HEIGHT) / leg, method: 'body-height' };
  }
  const speed = report.options.treadmillSpeedMps;
  if (speed && speed > 0 && report.setting === 'treadmill') {
    const speeds: number[] = [];
    for (const side of SIDES) {
      const ankle = SIDE_POINTS[side].ankle;
      for (const cycle of report.sides[side].cycles) {
        // Middle half of stance: the foot is flat on the belt, away from contact and push-off.
        const [a, b] = cycle.phases.stance;
        const from = a + (b - a) / 4;
        const to = b - (b - a) / 4;
        // Least-squares slope of the ankle's x over that stretch (robust to per-frame jitter).
        const ts: number[] = [];
        const xs: number[] = [];
        for (let i = 0; i < c.t.length; i++) {
          if (c.t[i] >= from && c.t[i] <= to) ts.push(c.t[i] - from), xs.push(c.x[ankle][i]);
        }
        const slope = leastSquaresSlope(ts, xs);
        if (Number.isFinite(slope)) speeds.push(Math.abs(slope));
      }
    }
    const pxPerS = speeds.length >= 2 ? median(speeds) : NaN;
    if (Number.isFinite(pxPerS) && pxPerS > 0) return { metresPerPixel: speed / pxPerS, method: 'treadmill-speed' };
  }
  return null;
}

const num = (v: number, decimals: number): string => (Number.isFinite(v) ? v.toFixed(decimals) : 'NaN');

/** The keypoints over time as an OpenSim `.trc` file (see the header of this file). */
export function trcText(track: GaitPoseTrack, report: GaitReport, fileName: string): string {
  const scale = metresPerPixel(track, report);
  const s = scale?.metresPerPixel ?? 1;
  const units = scale ? 'm' : 'px';
  const decimals = scale ? 5 : 2;
  const names = track.keypointNames;
  const n = track.frames.length;
  const rate = num(track.fps, 3);
  const lines = [
    `PathFileType\t4\t(X/Y/Z)\t${fileName}`,
    'DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames',
    [rate, rate, n, names.length, units, rate, 1, n].join('\t'),
    ['Frame#', 'Time', ...names.map((name) => `${name}\t\t`)].join('\t').replace(/\t+$/, ''),
    ['', '', ...names.map((_, m) => `X${m + 1}\tY${m + 1}\tZ${m + 1}`)].join('\t'),
  ];
  track.frames.forEach((frame, i) => {
    const cells = [String(i + 1), num(frame.t, 5)];
    for (const [x, y, score] of frame.keypoints) {
      const seen = x !== null && y !== null && score >= MIN_KEYPOINT_SCORE;
      cells.push(seen ? num(x * s, decimals) : 'NaN', seen ? num((track.height - y) * s, decimals) : 'NaN', seen ? num(0, decimals) : 'NaN');
    }
    lines.push(cells.join('\t'));
  });
  return `${lines.join('\n')}\n`;
}

/** `.mot` columns: OpenSim coordinate names (Rajagopal 2016) and where each value comes from. */
const MOT_COLUMNS: readonly { label: (side: Side) => string; value: (report: GaitReport, side: Side, i: number) => number | null; feet?: true }[] = [
  { label: (side) => `hip_flexion_${side[0]}`, value: (r, side, i) => r.frames.angles[side].hipFlexion[i] },
  { label: (side) => `knee_angle_${side[0]}`, value: (r, side, i) => r.frames.angles[side].kneeFlexion[i] },
  // Rajagopal's ankle_angle_r is + dorsiflexion, as ours; only where the track had feet.
  { label: (side) => `ankle_angle_${side[0]}`, value: (r, side, i) => r.frames.angles[side].ankleFlexion?.[i] ?? null, feet: true },
  { label: (side) => `hip_flexion_trunk_${side[0]}`, value: (r, side, i) => r.frames.angles[side].hipFlexionTrunk[i] },
];

/** The joint angles over time as an OpenSim `.mot` file (see the header of this file). */
export function motText(report: GaitReport, name: string, extra: readonly `${string}=${string}`[] = []): string {
  const columns = MOT_COLUMNS.filter((col) => !col.feet || reportHasFeet(report));
  const labels = ['time', ...columns.flatMap((col) => (['right', 'left'] as const).map((side) => col.label(side))), 'trunk_lean'];
  const t = report.frames.t;
  const rows = t.map((time, i) => {
    const values = columns.flatMap((col) => (['right', 'left'] as const).map((side) => col.value(report, side, i)));
    return [num(time, 5), ...values.map((v) => num(v ?? NaN, 3)), num(report.frames.trunkLean[i] ?? NaN, 3)].join('\t');
  });
  const header = [
    name,
    'version=1',
    `nRows=${t.length}`,
    `nColumns=${labels.length}`,
    'inDegrees=yes',
    // Whether the gait events behind the phases were corrected by hand (OpenSim ignores extra keys).
    `gaitEvents=${report.options.events ? 'edited' : 'detected'}`,
    ...extra.map((line) => line.replace(/[\r\n]+/g, ' ')),
    'endheader',
  ];
  return `${[...header, labels.join('\t'), ...rows].join('\n')}\n`;
}
