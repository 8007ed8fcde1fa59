import { jointAnglesOfReport, ANGLE_NAMES, SIDES, type GaitReport, type JointAngleName } from '../format/report';

/** Column names of the angle columns, e.g. `left_hip_flexion_deg`. */
const ANGLE_COLUMN: Record<JointAngleName, string> = {
  hipFlexion: 'hip_flexion_deg',
  hipFlexionTrunk: 'hip_flexion_trunk_deg',
  kneeFlexion: 'knee_flexion_deg',
  ankleFlexion: 'ankle_dorsiflexion_deg',
};

function header(angles: readonly JointAngleName[]): readonly string[] {
  return ['frame', 't_s', ...SIDES.flatMap((side) => angles.map((a) => `${side}_${ANGLE_COLUMN[a]}`)), 'trunk_lean_deg', 'left_phase', 'right_phase'];
}

/** The columns of a report without feet; `framesCsvHeader` gives a report's own (the ankle where measured). */
export const FRAMES_CSV_HEADER: readonly string[] = header(ANGLE_NAMES);

export function framesCsvHeader(report: GaitReport): readonly string[] {
  return header(jointAnglesOfReport(report));
}

/** One row per frame of the report: time, each side's joint angles, trunk lean and gait phase. */
export function framesCsvRows(report: GaitReport): (number | string | null)[][] {
  const { t, angles, trunkLean, phase } = report.frames;
  const names = jointAnglesOfReport(report);
  return t.map((time, i) => [
    i,
    time,
    ...SIDES.flatMap((side) => names.map((a) => angles[side][a]?.[i] ?? null)),
    trunkLean[i] ?? null,
    phase.left[i] ?? null,
    phase.right[i] ?? null,
  ]);
}
