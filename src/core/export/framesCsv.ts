import { ANGLE_NAMES, SIDES, type AngleName, type GaitReport } from '../format/report';

/** Column names of the angle columns, e.g. `left_hip_flexion_deg`. */
const ANGLE_COLUMN: Record<AngleName, string> = {
  hipFlexion: 'hip_flexion_deg',
  hipFlexionTrunk: 'hip_flexion_trunk_deg',
  kneeFlexion: 'knee_flexion_deg',
};

export const FRAMES_CSV_HEADER: readonly string[] = [
  'frame',
  't_s',
  ...SIDES.flatMap((side) => ANGLE_NAMES.map((a) => `${side}_${ANGLE_COLUMN[a]}`)),
  'trunk_lean_deg',
  'left_phase',
  'right_phase',
];

/** One row per frame of the report: time, each side's joint angles, trunk lean and gait phase. */
export function framesCsvRows(report: GaitReport): (number | string | null)[][] {
  const { t, angles, trunkLean, phase } = report.frames;
  return t.map((time, i) => [
    i,
    time,
    ...SIDES.flatMap((side) => ANGLE_NAMES.map((a) => angles[side][a][i] ?? null)),
    trunkLean[i] ?? null,
    phase.left[i] ?? null,
    phase.right[i] ?? null,
  ]);
}
