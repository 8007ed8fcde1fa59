import type { Direction, Side, Walking } from '../../core/format/report';

/** A number for people: fixed decimals, a real minus sign, '–' for unknown. */
export function fmt(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = value.toFixed(decimals);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

export function fmtRange(low: number | null, high: number | null, unit: string): string {
  const u = unit === 'deg' ? '°' : unit === '%' ? ' %' : ` ${unit}`;
  const n = (v: number) => fmt(v, Number.isInteger(v) ? 0 : 2);
  if (low !== null && high !== null) return `${n(low)} to ${n(high)}${u}`;
  if (low !== null) return `at least ${n(low)}${u}`;
  if (high !== null) return `at most ${n(high)}${u}`;
  return '–';
}

export function directionWords(direction: Direction): string {
  return direction === 'left-to-right' ? 'left to right' : 'right to left';
}

/** e.g. "forward, left to right". */
export function walkingWords(walking: Walking, direction: Direction): string {
  return `${walking}, ${directionWords(direction)}`;
}

export function sideWords(side: Side | 'both'): string {
  return side === 'both' ? 'Both legs' : side === 'left' ? 'Left leg' : 'Right leg';
}

export function percent(fraction: number, decimals = 0): string {
  return `${fmt(fraction * 100, decimals)} %`;
}
