/**
 * The rows of the metrics table: spatiotemporal numbers and key angles per side, each beside its
 * healthy reference range (src/core/reference.ts) and whether it lies inside it.
 */
import type { CycleKeyValues, GaitReport, Side } from '../../core/format/report';
import { REFERENCE, type ReferenceRange } from '../../core/reference';

export type RangeStatus = 'ok' | 'low' | 'high' | 'none';

export interface MetricCell {
  value: number | null;
  /** Shown after the value, e.g. '± 0.02'. */
  extra?: string;
  status: RangeStatus;
}

export interface MetricRow {
  group: 'Timing' | 'Symmetry' | 'Angles';
  label: string;
  unit: string;
  decimals: number;
  /** Per side, or one value for both legs. */
  cells: Record<Side, MetricCell> | { both: MetricCell };
  reference: ReferenceRange | null;
  note?: string;
}

export function rangeStatus(value: number | null, reference: ReferenceRange | null): RangeStatus {
  if (value === null || !reference) return 'none';
  if (reference.low !== null && value < reference.low) return 'low';
  if (reference.high !== null && value > reference.high) return 'high';
  return 'ok';
}

export const STATUS_WORDS: Record<RangeStatus, string> = {
  ok: 'in range',
  low: 'below range',
  high: 'above range',
  none: '',
};

const swingReference: ReferenceRange = {
  low: 100 - (REFERENCE.stancePercent.high ?? 62),
  high: 100 - (REFERENCE.stancePercent.low ?? 58),
  unit: '%',
  source: REFERENCE.stancePercent.source,
};

const ANGLE_ROWS: readonly [keyof CycleKeyValues, string, string, ReferenceRange | null, number, string?][] = [
  ['hipAtInitialContact', 'Hip at heel strike', '°', REFERENCE.hipAtInitialContact, 1],
  ['peakHipExtension', 'Peak hip extension (end of stance)', '°', REFERENCE.peakHipExtension, 1, 'negative = behind the body'],
  ['kneeAtInitialContact', 'Knee at heel strike', '°', REFERENCE.kneeAtInitialContact, 1],
  ['loadingResponseKneePeak', 'Knee bend after heel strike (loading)', '°', REFERENCE.loadingResponseKneePeak, 1],
  ['kneeAtToeOff', 'Knee at toe off', '°', REFERENCE.kneeAtToeOff, 1],
  ['peakSwingKneeFlexion', 'Peak knee bend in swing', '°', REFERENCE.peakSwingKneeFlexion, 1],
  ['terminalSwingKneeMin', 'Knee before heel strike (straightest)', '°', REFERENCE.terminalSwingKneeMin, 1, 'negative = past straight'],
  ['minStanceKneeFlexion', 'Straightest knee in stance', '°', REFERENCE.minStanceKneeFlexion, 1],
  ['hipRange', 'Hip range of motion', '°', null, 1],
  ['kneeRange', 'Knee range of motion', '°', null, 1],
  ['meanTrunkLean', 'Trunk lean (mean)', '°', REFERENCE.trunkLean, 1, '+ = forward'],
  ['stepReachLegLengths', 'Foot ahead of hip at heel strike', 'leg lengths', REFERENCE.stepReachLegLengths, 2],
];

function both(value: number | null, reference: ReferenceRange | null, extra?: string): { both: MetricCell } {
  return { both: { value, status: rangeStatus(value, reference), extra } };
}

function perSide(get: (side: Side) => number | null, reference: ReferenceRange | null): Record<Side, MetricCell> {
  const cell = (side: Side): MetricCell => ({ value: get(side), status: rangeStatus(get(side), reference) });
  return { left: cell('left'), right: cell('right') };
}

export function metricRows(report: GaitReport): MetricRow[] {
  const s = report.summary;
  const rows: MetricRow[] = [
    { group: 'Timing', label: 'Cadence', unit: 'steps/min', decimals: 0, cells: both(s.cadence, REFERENCE.cadence), reference: REFERENCE.cadence },
    {
      group: 'Timing',
      label: 'Stride time',
      unit: 's',
      decimals: 2,
      cells: both(s.strideTime?.mean ?? null, null, s.strideTime ? `± ${s.strideTime.sd.toFixed(2)}` : undefined),
      reference: null,
    },
    { group: 'Timing', label: 'Step time', unit: 's', decimals: 2, cells: perSide((side) => s.stepTime[side]?.mean ?? null, null), reference: null },
    { group: 'Timing', label: 'Stance', unit: '% of cycle', decimals: 1, cells: perSide((side) => s.stancePercent[side], REFERENCE.stancePercent), reference: REFERENCE.stancePercent },
    { group: 'Timing', label: 'Swing', unit: '% of cycle', decimals: 1, cells: perSide((side) => s.swingPercent[side], swingReference), reference: swingReference },
    { group: 'Timing', label: 'Double support', unit: '% of cycle', decimals: 1, cells: both(s.doubleSupportPercent, null), reference: null },
    { group: 'Timing', label: 'Stride-to-stride variability (CV)', unit: '%', decimals: 1, cells: both(s.strideTimeCv, null), reference: null },
  ];
  if (s.strideLength) {
    rows.push({
      group: 'Timing',
      label: 'Stride length',
      unit: 'm',
      decimals: 2,
      cells: both(s.strideLength.meters, null),
      reference: null,
      note: s.strideLength.method === 'treadmill-speed' ? 'from the treadmill speed' : 'scaled by body height',
    });
  }
  if (s.speedMps !== null) rows.push({ group: 'Timing', label: 'Walking speed', unit: 'm/s', decimals: 2, cells: both(s.speedMps, null), reference: null });
  const symmetry: [keyof GaitReport['summary']['symmetry'], string][] = [
    ['stepTime', 'Step time'],
    ['stanceTime', 'Stance time'],
    ['hipRange', 'Hip range'],
    ['peakSwingKneeFlexion', 'Peak swing knee bend'],
  ];
  for (const [key, label] of symmetry) {
    rows.push({
      group: 'Symmetry',
      label: `${label}: left-right difference`,
      unit: '%',
      decimals: 1,
      cells: both(s.symmetry[key], REFERENCE.symmetryIndex),
      reference: REFERENCE.symmetryIndex,
    });
  }
  for (const [key, label, unit, reference, decimals, note] of ANGLE_ROWS) {
    rows.push({ group: 'Angles', label, unit, decimals, cells: perSide((side) => s.keyValues[side][key], reference), reference, note });
  }
  return rows;
}
