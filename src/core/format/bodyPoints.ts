/**
 * The body points the analysis uses, looked up by NAME in a track's `keypointNames`, the way
 * tfjs-models' pose-detection looks keypoints up per model (`util.getKeypointIndexByName`). Any
 * layout works that names at least both hips, knees and ankles: COCO-17 (all MoveNet tracks),
 * BlazePose-33 (adds heels and foot index), OpenPose BODY_25 and COCO-WholeBody (big toes), ...
 * This is the only module of the core that knows keypoint names or positions: every other stage
 * works on the canonical columns below (src/core/clean/columns.ts).
 */

/** Canonical body points, in column order. */
export const BODY_POINTS = [
  'nose',
  'leftEar',
  'rightEar',
  'leftShoulder',
  'rightShoulder',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
  'leftHeel',
  'rightHeel',
  'leftToe',
  'rightToe',
] as const;

export type BodyPoint = (typeof BODY_POINTS)[number];

/** Column index of each body point. */
export const P = Object.fromEntries(BODY_POINTS.map((name, i) => [name, i])) as { readonly [K in BodyPoint]: number };

/**
 * The names each body point goes by, first match wins: COCO / MoveNet / BlazePose use
 * `left_foot_index` for the toe tip (BlazePose), OpenPose BODY_25 and COCO-WholeBody `left_big_toe`.
 */
export const POINT_NAMES: Readonly<Record<BodyPoint, readonly string[]>> = {
  nose: ['nose'],
  leftEar: ['left_ear'],
  rightEar: ['right_ear'],
  leftShoulder: ['left_shoulder'],
  rightShoulder: ['right_shoulder'],
  leftHip: ['left_hip'],
  rightHip: ['right_hip'],
  leftKnee: ['left_knee'],
  rightKnee: ['right_knee'],
  leftAnkle: ['left_ankle'],
  rightAnkle: ['right_ankle'],
  leftHeel: ['left_heel'],
  rightHeel: ['right_heel'],
  leftToe: ['left_foot_index', 'left_big_toe'],
  rightToe: ['right_foot_index', 'right_big_toe'],
};

/** What a gait analysis cannot do without. */
export const REQUIRED_POINTS: readonly BodyPoint[] = ['leftHip', 'rightHip', 'leftKnee', 'rightKnee', 'leftAnkle', 'rightAnkle'];

/** Hips, knees and ankles as column indices. */
export const LEG_POINTS: readonly number[] = REQUIRED_POINTS.map((p) => P[p]);

/** Each side's roles as column indices: the one table every stage uses to walk a leg. */
export const SIDE_POINTS = {
  left: { shoulder: P.leftShoulder, hip: P.leftHip, knee: P.leftKnee, ankle: P.leftAnkle, heel: P.leftHeel, toe: P.leftToe },
  right: { shoulder: P.rightShoulder, hip: P.rightHip, knee: P.rightKnee, ankle: P.rightAnkle, heel: P.rightHeel, toe: P.rightToe },
} as const;

/** The points that change sides when the legs are mislabelled (knees, ankles and the feet). */
export const LEG_PAIRS: readonly (readonly [number, number])[] = [
  [P.leftKnee, P.rightKnee],
  [P.leftAnkle, P.rightAnkle],
  [P.leftHeel, P.rightHeel],
  [P.leftToe, P.rightToe],
];

export interface BodyLayout {
  /** For each canonical body point, its index in the track's keypoints, or -1 where the layout has none. */
  index: readonly number[];
  /** Required points the layout lacks (empty when the track can be analysed). */
  missing: BodyPoint[];
  /** Whether heels and toes are present on both sides (foot-based events and the ankle angle). */
  hasFeet: boolean;
}

/** For each point, its index in the track's keypoints by the first of its names found, or -1. */
function indexByName<K extends string>(keypointNames: readonly string[], points: readonly K[], names: Readonly<Record<K, readonly string[]>>): number[] {
  const position = new Map<string, number>();
  keypointNames.forEach((name, i) => {
    if (!position.has(name)) position.set(name, i);
  });
  return points.map((point) => {
    for (const name of names[point]) {
      const i = position.get(name);
      if (i !== undefined) return i;
    }
    return -1;
  });
}

export function resolveLayout(keypointNames: readonly string[]): BodyLayout {
  const index = indexByName(keypointNames, BODY_POINTS, POINT_NAMES);
  const missing = REQUIRED_POINTS.filter((p) => index[P[p]] < 0);
  const hasFeet = (['leftHeel', 'rightHeel', 'leftToe', 'rightToe'] as const).every((p) => index[P[p]] >= 0);
  return { index, missing, hasFeet };
}

/**
 * What a stick figure draws beyond the analysis' body points (eyes, elbows, wrists), named as COCO,
 * MoveNet and BlazePose name them. The drawing looks every point up here, never by position.
 */
export const FIGURE_POINT_NAMES = {
  ...POINT_NAMES,
  leftEye: ['left_eye'],
  rightEye: ['right_eye'],
  leftElbow: ['left_elbow'],
  rightElbow: ['right_elbow'],
  leftWrist: ['left_wrist'],
  rightWrist: ['right_wrist'],
} as const satisfies Record<string, readonly string[]>;

export type FigurePoint = keyof typeof FIGURE_POINT_NAMES;

/** Index of each figure point in a track's keypoints, -1 where the layout has none. */
export type FigureLayout = Readonly<Record<FigurePoint, number>>;

export function resolveFigure(keypointNames: readonly string[]): FigureLayout {
  const points = Object.keys(FIGURE_POINT_NAMES) as FigurePoint[];
  const index = indexByName(keypointNames, points, FIGURE_POINT_NAMES);
  return Object.fromEntries(points.map((p, k) => [p, index[k]])) as Record<FigurePoint, number>;
}
