import {
  PHASE_NAMES,
  SIDES,
  type CycleKeyValues,
  type GaitCycle,
  type GaitReport,
  type PhaseName,
  type Walking,
} from '../format/report';
import { analysedKindReports } from '../format/walkingKinds';
import { KEY_NUMBERS } from '../metrics/keyNumbers';

const PHASE_COLUMN: Record<PhaseName, string> = {
  stance: 'stance',
  preSwing: 'pre_swing',
  swing: 'swing',
  terminalSwing: 'terminal_swing',
};

/** Key values with their CSV column names (units in the name), from the key-number registry. */
const KEY_VALUE_COLUMNS: readonly [keyof CycleKeyValues, string][] = KEY_NUMBERS.map((k) => [k.id, k.csvColumn]);

/** Hip (thigh vs vertical) and knee ranges within each phase: what the phase-range chart shows. */
const PHASE_ANGLE_COLUMNS: readonly ['hipFlexion' | 'kneeFlexion', string][] = [
  ['hipFlexion', 'hip'],
  ['kneeFlexion', 'knee'],
];

export const CYCLES_CSV_HEADER: readonly string[] = [
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
  ...KEY_VALUE_COLUMNS.map(([, column]) => column),
  ...PHASE_NAMES.flatMap((p) =>
    PHASE_ANGLE_COLUMNS.flatMap(([, joint]) => [`${PHASE_COLUMN[p]}_${joint}_min_deg`, `${PHASE_COLUMN[p]}_${joint}_max_deg`]),
  ),
];

function cycleRow(cycle: GaitCycle, index: number, walking: Walking): (number | string | null)[] {
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
    ...KEY_VALUE_COLUMNS.map(([key]) => cycle.keyValues[key]),
    ...PHASE_NAMES.flatMap((p) =>
      PHASE_ANGLE_COLUMNS.flatMap(([angle]) => {
        const summary = cycle.phaseAngles[p][angle];
        return [summary?.min ?? null, summary?.max ?? null];
      }),
    ),
  ];
}

/**
 * One row per gait cycle: forward walking first, then backward walking (each kind analysed on its
 * own, never pooled), left side first, each side's cycles in time order (`cycle` counts per kind and
 * side from 0).
 */
export function cyclesCsvRows(report: GaitReport): (number | string | null)[][] {
  return analysedKindReports(report).flatMap(({ walking, sides }) => SIDES.flatMap((side) => sides[side].cycles.map((c, i) => cycleRow(c, i, walking))));
}
