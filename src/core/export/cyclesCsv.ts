import {
  PHASE_NAMES,
  SIDES,
  reportHasFeet,
  type GaitCycle,
  type GaitReport,
  type JointAngleName,
  type PhaseName,
  type Walking,
} from '../format/report';
import { analysedKindReports } from '../format/walkingKinds';
import { keyNumbersFor } from '../metrics/keyNumbers';

const PHASE_COLUMN: Record<PhaseName, string> = {
  stance: 'stance',
  preSwing: 'pre_swing',
  swing: 'swing',
  terminalSwing: 'terminal_swing',
};

/** Hip (thigh vs vertical), knee and, with feet, ankle ranges within each phase: what the phase-range chart shows. */
const PHASE_ANGLE_COLUMNS: readonly [JointAngleName, string][] = [
  ['hipFlexion', 'hip'],
  ['kneeFlexion', 'knee'],
  ['ankleFlexion', 'ankle'],
];

/** The columns for a track with or without feet: key values from the key-number registry (units in the name). */
function columns(feet: boolean) {
  return {
    keyValues: keyNumbersFor(feet).map((k) => [k.id, k.csvColumn] as const),
    phaseAngles: PHASE_ANGLE_COLUMNS.filter(([angle]) => feet || angle !== 'ankleFlexion'),
    feet,
  };
}
type Columns = ReturnType<typeof columns>;

function header(cols: Columns): readonly string[] {
  return [
    'walking',
    'side',
    'pass',
    'cycle',
    'start_s',
    'end_s',
    'duration_s',
    'opposite_heel_strike_s',
    'toe_off_s',
    'shank_vertical_s',
    'stance_pct',
    ...PHASE_NAMES.flatMap((p) => [`${PHASE_COLUMN[p]}_start_s`, `${PHASE_COLUMN[p]}_end_s`]),
    ...cols.keyValues.map(([, column]) => column),
    ...PHASE_NAMES.flatMap((p) => cols.phaseAngles.flatMap(([, joint]) => [`${PHASE_COLUMN[p]}_${joint}_min_deg`, `${PHASE_COLUMN[p]}_${joint}_max_deg`])),
    ...(cols.feet ? ['strike_pattern', 'foot_strike_angle_deg'] : []),
  ];
}

/** The columns of a report without feet; `cyclesCsvHeader` gives a report's own (ankle and strike columns where measured). */
export const CYCLES_CSV_HEADER: readonly string[] = header(columns(false));

export function cyclesCsvHeader(report: GaitReport): readonly string[] {
  return header(columns(reportHasFeet(report)));
}

function cycleRow(cycle: GaitCycle, index: number, walking: Walking, cols: Columns): (number | string | null)[] {
  return [
    walking,
    cycle.side,
    cycle.pass,
    index,
    cycle.start,
    cycle.end,
    cycle.end - cycle.start,
    cycle.oppositeHeelStrike,
    cycle.toeOff,
    cycle.shankVertical,
    cycle.stancePercent,
    ...PHASE_NAMES.flatMap((p) => cycle.phases[p]),
    ...cols.keyValues.map(([key]) => cycle.keyValues[key] ?? null),
    ...PHASE_NAMES.flatMap((p) =>
      cols.phaseAngles.flatMap(([angle]) => {
        const summary = cycle.phaseAngles[p][angle];
        return [summary?.min ?? null, summary?.max ?? null];
      }),
    ),
    ...(cols.feet ? [cycle.strike?.pattern ?? null, cycle.strike?.footAngle ?? null] : []),
  ];
}

/**
 * One row per gait cycle: forward walking first, then backward walking (each kind analysed on its
 * own, never pooled), left side first, each side's cycles in time order (`cycle` counts per kind and
 * side from 0).
 */
export function cyclesCsvRows(report: GaitReport): (number | string | null)[][] {
  const cols = columns(reportHasFeet(report));
  return analysedKindReports(report).flatMap(({ walking, sides }) => SIDES.flatMap((side) => sides[side].cycles.map((c, i) => cycleRow(c, i, walking, cols))));
}
