/**
 * The pure part of the history: the key numbers kept with each saved session, the running share
 * of backward walking, and the rows of a side-by-side comparison. No DOM, no IndexedDB, so it
 * runs (and is tested) in Node.
 */
import { reportHasFeet, type FlagId, type GaitReport, type Severity, type Side, type Walking } from '../../core/format/report';
import { changeBetween, type ChangeVerdict } from '../../core/metrics/change';
import { keyNumber, type KeyNumberId } from '../../core/metrics/keyNumbers';
import type { ReferenceRange } from '../../core/reference';

const SIDES = ['left', 'right'] as const;

/**
 * The ankle key numbers kept per side with a session, by their id in KEY_NUMBERS (label, unit,
 * decimals and healthy range come from there): how a push-off develops over time. Only reports of
 * tracks with heels and toes (BlazePose) have them; sessions saved before, and MoveNet ones, do not.
 */
export const SESSION_ANKLE_NUMBERS = ['peakPushOffPlantarflexion', 'ankleRange'] as const satisfies readonly KeyNumberId[];
export type SessionAnkleNumberId = (typeof SESSION_ANKLE_NUMBERS)[number];

/** The ankle numbers of a session: each per side, absent where its report had no feet. */
export type SessionAnkleNumbers = { [K in SessionAnkleNumberId]?: Record<Side, number | null> };

/** The numbers a history list shows and a comparison lines up; null where the report has none. */
export interface SessionKeyNumbers extends SessionAnkleNumbers {
  /** Steps per minute. */
  cadence: number | null;
  /** Mean stride time, seconds. */
  strideTime: number | null;
  stancePercent: Record<Side, number | null>;
  /** Most negative hip flexion (extension is negative), degrees. */
  peakHipExtension: Record<Side, number | null>;
  peakSwingKneeFlexion: Record<Side, number | null>;
  flagsCount: number;
  /** The main pass's walking direction (the report's `walking`). */
  walking: Walking;
  /** Seconds of analysed walking, forward and backward. */
  forwardSeconds: number;
  backwardSeconds: number;
  /**
   * Standard uncertainty of the numbers above, by compare-row key (e.g. 'cadence',
   * 'peakHipExtension.left'); absent in sessions saved before reports carried uncertainties.
   */
  uncertainty?: Record<string, number | null>;
}

export function keyNumbers(report: GaitReport): SessionKeyNumbers {
  let forwardSeconds = 0;
  let backwardSeconds = 0;
  for (const pass of report.passes) {
    const seconds = Math.max(0, pass.end - pass.start);
    if (pass.walking === 'backward') backwardSeconds += seconds;
    else forwardSeconds += seconds;
  }
  const kv = report.summary.keyValues;
  const su = report.summary.uncertainty;
  const ku = report.summary.keyValueUncertainty;
  const feet = reportHasFeet(report);
  // Per-side key numbers by their KEY_NUMBERS id: hip and knee always, the ankle only with feet.
  const sideIds: readonly KeyNumberId[] = ['peakHipExtension', 'peakSwingKneeFlexion', ...(feet ? SESSION_ANKLE_NUMBERS : [])];
  const uncertainty: Record<string, number | null> | undefined = su && ku
    ? {
        cadence: su.cadence,
        strideTime: su.strideTime,
        'stancePercent.left': su.stancePercent.left,
        'stancePercent.right': su.stancePercent.right,
        ...Object.fromEntries(sideIds.flatMap((id) => SIDES.map((side) => [`${id}.${side}`, ku[side][id] ?? null]))),
      }
    : undefined;
  const ankle: SessionAnkleNumbers = feet
    ? Object.fromEntries(SESSION_ANKLE_NUMBERS.map((id) => [id, { left: kv.left[id] ?? null, right: kv.right[id] ?? null }]))
    : {};
  return {
    cadence: report.summary.cadence,
    strideTime: report.summary.strideTime?.mean ?? null,
    stancePercent: { left: report.summary.stancePercent.left, right: report.summary.stancePercent.right },
    peakHipExtension: { left: kv.left.peakHipExtension, right: kv.right.peakHipExtension },
    peakSwingKneeFlexion: { left: kv.left.peakSwingKneeFlexion, right: kv.right.peakSwingKneeFlexion },
    ...ankle,
    flagsCount: report.flags.length,
    walking: report.walking,
    forwardSeconds: round(forwardSeconds, 2),
    backwardSeconds: round(backwardSeconds, 2),
    ...(uncertainty ? { uncertainty } : {}),
  };
}

/**
 * Walking backwards lengthens the hamstrings, calves and hip flexors; it is suggested for
 * 10-25 % of the time spent walking forwards (docs/design.md, section 8).
 */
export const SUGGESTED_BACKWARD_PERCENT_OF_FORWARD = { low: 10, high: 25 } as const;

export interface BackwardShare {
  forwardSeconds: number;
  backwardSeconds: number;
  /** Backward time as % of forward time (the suggestion's measure); null with no forward walking. */
  percentOfForward: number | null;
  /** Where that stands against the suggestion; 'none' when nothing was recorded. */
  status: 'none' | 'below' | 'within' | 'above';
}

export function backwardShare(sessions: readonly Pick<SessionKeyNumbers, 'forwardSeconds' | 'backwardSeconds'>[]): BackwardShare {
  const forwardSeconds = round(sessions.reduce((s, k) => s + k.forwardSeconds, 0), 2);
  const backwardSeconds = round(sessions.reduce((s, k) => s + k.backwardSeconds, 0), 2);
  if (forwardSeconds + backwardSeconds <= 0) return { forwardSeconds, backwardSeconds, percentOfForward: null, status: 'none' };
  if (forwardSeconds <= 0) return { forwardSeconds, backwardSeconds, percentOfForward: null, status: 'above' };
  const percentOfForward = round((100 * backwardSeconds) / forwardSeconds, 1);
  const { low, high } = SUGGESTED_BACKWARD_PERCENT_OF_FORWARD;
  const status = percentOfForward < low ? 'below' : percentOfForward > high ? 'above' : 'within';
  return { forwardSeconds, backwardSeconds, percentOfForward, status };
}

/** One line of a side-by-side comparison: session A, session B and B minus A. */
export interface CompareRow {
  key: string;
  label: string;
  unit: string;
  a: number | null;
  b: number | null;
  /** b - a, rounded to the row's precision; null when either is missing. */
  difference: number | null;
  /** Decimals to show. */
  decimals: number;
  /** Minimal detectable change (95 %) from both sessions' uncertainties; null when unknown. */
  mdc: number | null;
  /** Whether B - A exceeds what measurement noise explains. */
  verdict: ChangeVerdict;
}

export interface RowSpec {
  key: string;
  label: string;
  unit: string;
  decimals: number;
  get: (k: SessionKeyNumbers) => number | null;
  /** The healthy range of the key number (KEY_NUMBERS) the row shows; absent for the other rows. */
  reference?: ReferenceRange | null;
  /** Whether a session has the row's number at all (the ankle: only with feet); absent = every session. */
  has?: (k: SessionKeyNumbers) => boolean;
}

const SIDE_LABEL: Record<Side, string> = { left: 'left', right: 'right' };

/**
 * A key number of KEY_NUMBERS per side, its label (unless given), unit, decimals and healthy range
 * from its declaration there.
 */
function keyNumberRows(
  id: KeyNumberId,
  get: (k: SessionKeyNumbers, side: Side) => number | null,
  options: { label?: string; has?: RowSpec['has'] } = {},
): RowSpec[] {
  const spec = keyNumber(id);
  return SIDES.map((side) => ({
    key: `${id}.${side}`,
    label: `${options.label ?? spec.label}, ${SIDE_LABEL[side]}`,
    unit: spec.unit,
    decimals: spec.decimals,
    reference: spec.reference,
    get: (k: SessionKeyNumbers) => get(k, side),
    ...(options.has ? { has: options.has } : {}),
  }));
}

export const ROW_SPECS: RowSpec[] = [
  { key: 'cadence', label: 'Cadence', unit: 'steps/min', decimals: 1, get: (k) => k.cadence },
  { key: 'strideTime', label: 'Stride time', unit: 's', decimals: 2, get: (k) => k.strideTime },
  ...SIDES.map((side) => ({
    key: `stancePercent.${side}`,
    label: `Stance, ${SIDE_LABEL[side]}`,
    unit: '% of cycle',
    decimals: 1,
    get: (k: SessionKeyNumbers) => k.stancePercent[side],
  })),
  ...keyNumberRows('peakHipExtension', (k, side) => k.peakHipExtension[side], { label: 'Peak hip extension' }),
  ...keyNumberRows('peakSwingKneeFlexion', (k, side) => k.peakSwingKneeFlexion[side], { label: 'Peak swing knee flexion' }),
  ...SESSION_ANKLE_NUMBERS.flatMap((id) => keyNumberRows(id, (k, side) => k[id]?.[side] ?? null, { has: (k) => k[id] !== undefined })),
  { key: 'flagsCount', label: 'Patterns flagged', unit: '', decimals: 0, get: (k) => k.flagsCount },
  { key: 'forwardSeconds', label: 'Walking forward', unit: 's', decimals: 1, get: (k) => k.forwardSeconds },
  { key: 'backwardSeconds', label: 'Walking backward', unit: 's', decimals: 1, get: (k) => k.backwardSeconds },
];

/** The rows of two sessions side by side; a row only some sessions have (the ankle) where either has it. */
export function compareRows(a: SessionKeyNumbers, b: SessionKeyNumbers): CompareRow[] {
  return ROW_SPECS.filter((spec) => !spec.has || spec.has(a) || spec.has(b)).map((spec) => {
    const va = spec.get(a);
    const vb = spec.get(b);
    const difference = va === null || vb === null ? null : round(vb - va, spec.decimals);
    // Forward and backward walking are not the same measurement: no verdict across kinds.
    const sameKind = a.walking === b.walking;
    const change = sameKind ? changeBetween(va, a.uncertainty?.[spec.key], vb, b.uncertainty?.[spec.key]) : { mdc: null, verdict: 'unknown' as const };
    const mdc = change.mdc === null ? null : round(change.mdc, spec.decimals);
    return { key: spec.key, label: spec.label, unit: spec.unit, a: va, b: vb, difference, decimals: spec.decimals, mdc, verdict: change.verdict };
  });
}

/** A flag as it appears in either of two compared reports. */
export interface CompareFlagRow {
  id: FlagId;
  side: Side | 'both';
  title: string;
  a: Severity | null;
  b: Severity | null;
  /** 'new' only in B, 'gone' only in A, 'both' in both. */
  change: 'new' | 'gone' | 'both';
}

export function compareFlags(a: GaitReport, b: GaitReport): CompareFlagRow[] {
  const keyOf = (f: { id: FlagId; side: Side | 'both' }) => `${f.id}|${f.side}`;
  const rows = new Map<string, CompareFlagRow>();
  for (const f of a.flags) rows.set(keyOf(f), { id: f.id, side: f.side, title: f.title, a: f.severity, b: null, change: 'gone' });
  for (const f of b.flags) {
    const row = rows.get(keyOf(f));
    if (row) {
      row.b = f.severity;
      row.change = 'both';
    } else rows.set(keyOf(f), { id: f.id, side: f.side, title: f.title, a: null, b: f.severity, change: 'new' });
  }
  return [...rows.values()];
}

/** "12.3", "−4", "–" for null: numbers for a table cell. */
export function formatNumber(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = value.toFixed(decimals);
  // A true minus sign, as in the differences (a hyphen reads as a dash in tables).
  return Number(text) === 0 ? text.replace('-', '') : text.replace('-', '−');
}

/** A signed difference for a comparison: "+2.0", "-1.5", "0.0". */
export function formatDifference(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/** "1 min 5 s", "42 s": a duration for people. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return rest ? `${m} min ${rest} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
