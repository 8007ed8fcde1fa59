/**
 * The key numbers as a CSV, one row per kind of walking, number and side: the value, its standard
 * uncertainty, the healthy range it is judged against (forward ranges for forward walking,
 * time-reversed ones for backward walking) and the verdict (in range, borderline, out of range).
 * What a physio pastes into a spreadsheet or a clinical note.
 */
import { reportHasFeet, SIDES, type GaitReport, type Side, type Summary, type Walking } from '../format/report';
import { analysedKindReports } from '../format/walkingKinds';
import { keyNumbersFor, referenceFor } from '../metrics/keyNumbers';
import { judge } from '../metrics/judge';
import { BACKWARD_REFERENCE, REFERENCE, type ReferenceRange } from '../reference';

export const NUMBERS_CSV_HEADER: readonly string[] = ['walking', 'measure', 'unit', 'side', 'value', 'uncertainty', 'healthy_low', 'healthy_high', 'verdict', 'cycles', 'pose_model'];

type Row = (string | number | null)[];

function row(walking: Walking, measure: string, unit: string, side: Side | 'both', value: number | null, u: number | null | undefined, range: ReferenceRange | null, cycles: number, model: string): Row {
  return [walking, measure, unit, side, value, u ?? null, range?.low ?? null, range?.high ?? null, judge(value, u, range), cycles, model];
}

function kindRows(walking: Walking, s: Summary, cycles: Record<Side, number>, feet: boolean): Row[] {
  const u = s.uncertainty;
  const model = u?.poseModel.id ?? '';
  const n = cycles.left + cycles.right;
  const backward = walking === 'backward';
  const rows: Row[] = [
    row(walking, 'cadence', 'steps/min', 'both', s.cadence, u?.cadence, backward ? (BACKWARD_REFERENCE.cadence ?? null) : REFERENCE.cadence, n, model),
    row(walking, 'stride time', 's', 'both', s.strideTime?.mean ?? null, u?.strideTime, null, n, model),
    ...SIDES.map((side) => row(walking, 'stance', '% of cycle', side, s.stancePercent[side], u?.stancePercent[side], backward ? null : REFERENCE.stancePercent, cycles[side], model)),
    row(walking, 'double support', '% of cycle', 'both', s.doubleSupportPercent, u?.doubleSupportPercent, null, n, model),
    row(walking, 'step time symmetry index', '%', 'both', s.symmetry.stepTime, u?.symmetry.stepTime, REFERENCE.symmetryIndex, n, model),
    row(walking, 'stance time symmetry index', '%', 'both', s.symmetry.stanceTime, u?.symmetry.stanceTime, REFERENCE.symmetryIndex, n, model),
  ];
  for (const k of keyNumbersFor(feet)) {
    for (const side of SIDES) {
      rows.push(row(walking, k.label, k.unit === '°' ? 'deg' : k.unit, side, s.keyValues[side][k.id] ?? null, s.keyValueUncertainty?.[side]?.[k.id], referenceFor(k, walking), cycles[side], model));
    }
  }
  return rows;
}

export function numbersCsvRows(report: GaitReport): Row[] {
  return analysedKindReports(report).flatMap((r) => kindRows(r.walking, r.summary, { left: r.sides.left.cycles.length, right: r.sides.right.cycles.length }, reportHasFeet(report)));
}
