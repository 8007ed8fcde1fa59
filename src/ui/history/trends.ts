/**
 * Trends of one person's key numbers across their saved sessions (pure: no DOM, no IndexedDB):
 * each number over time with its uncertainty where the report carried one and the healthy band,
 * and the running share of backward walking against the suggested 10-25 % of forward time.
 */
import { REFERENCE, type ReferenceRange } from '../../core/reference';
import { backwardShare, ROW_SPECS, SUGGESTED_BACKWARD_PERCENT_OF_FORWARD, type RowSpec, type SessionKeyNumbers } from './sessionSummary';

/** A session's owner when none was given (one-person use). */
export const DEFAULT_PERSON = 'me';

export interface PersonSession {
  createdAt: number;
  person?: string;
  keyNumbers: SessionKeyNumbers;
}

export function personOf(s: { person?: string }): string {
  return s.person?.trim() || DEFAULT_PERSON;
}

/** Everyone with a saved session, in order of first appearance (oldest first), "me" included when used. */
export function peopleOf(sessions: readonly { person?: string; createdAt: number }[]): string[] {
  return [...new Set([...sessions].sort((a, b) => a.createdAt - b.createdAt).map(personOf))];
}

export interface TrendPoint {
  /** Milliseconds since the epoch (the session's date). */
  t: number;
  value: number;
  /** Standard uncertainty, when the report carried one. */
  uncertainty: number | null;
}

export interface TrendSeries {
  key: string;
  label: string;
  unit: string;
  decimals: number;
  /** Healthy range (low, high; either may be open), or null where none is judged. */
  band: { low: number | null; high: number | null } | null;
  points: TrendPoint[];
}

/** Stride time's healthy band follows from the cadence's: stride time = 120 / cadence (s). */
function strideBand(cadence: ReferenceRange): { low: number | null; high: number | null } {
  return { low: cadence.high ? 120 / cadence.high : null, high: cadence.low ? 120 / cadence.low : null };
}

/** Healthy bands of the rows that are not key numbers of KEY_NUMBERS (those carry their own). */
const BANDS: Record<string, { low: number | null; high: number | null }> = {
  cadence: REFERENCE.cadence,
  strideTime: strideBand(REFERENCE.cadence),
  'stancePercent.left': REFERENCE.stancePercent,
  'stancePercent.right': REFERENCE.stancePercent,
};

function bandOf(spec: RowSpec): { low: number | null; high: number | null } | null {
  const band = spec.reference ?? BANDS[spec.key];
  return band ? { low: band.low, high: band.high } : null;
}

/**
 * The key numbers with a healthy band, each as a series over one person's sessions (oldest first);
 * the ankle ones have points only from sessions with feet (none: nothing to draw).
 */
export function trendSeries(sessions: readonly PersonSession[]): TrendSeries[] {
  const ordered = [...sessions].sort((a, b) => a.createdAt - b.createdAt);
  return ROW_SPECS.flatMap((spec) => {
    const band = bandOf(spec);
    if (!band) return [];
    const points = ordered.flatMap((s) => {
      const value = spec.get(s.keyNumbers);
      if (value === null || !Number.isFinite(value)) return [];
      const u = s.keyNumbers.uncertainty?.[spec.key];
      return [{ t: s.createdAt, value, uncertainty: typeof u === 'number' && Number.isFinite(u) ? u : null }];
    });
    return [{ key: spec.key, label: spec.label, unit: spec.unit, decimals: spec.decimals, band, points }];
  });
}

/**
 * Backward walking as % of forward walking, running over the sessions up to each date (the
 * suggestion is about the time spent overall, not in one recording); points where nothing was
 * walked forwards yet are left out.
 */
export function backwardTrend(sessions: readonly PersonSession[]): TrendSeries {
  const ordered = [...sessions].sort((a, b) => a.createdAt - b.createdAt);
  const points: TrendPoint[] = [];
  ordered.forEach((s, i) => {
    const share = backwardShare(ordered.slice(0, i + 1).map((x) => x.keyNumbers));
    if (share.percentOfForward !== null) points.push({ t: s.createdAt, value: share.percentOfForward, uncertainty: null });
  });
  const { low, high } = SUGGESTED_BACKWARD_PERCENT_OF_FORWARD;
  return { key: 'backwardShare', label: 'Walking backwards, running total', unit: '% of forward time', decimals: 0, band: { low, high }, points };
}
