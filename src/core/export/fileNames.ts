import type { GaitReport } from '../format/report';

export type ExportKind = 'report-json' | 'frames-csv' | 'cycles-csv' | 'numbers-csv' | 'track-json' | 'charts-png';

const SUFFIX: Record<ExportKind, string> = {
  'report-json': 'report.json',
  'frames-csv': 'frames.csv',
  'cycles-csv': 'cycles.csv',
  'numbers-csv': 'key-numbers.csv',
  'track-json': 'pose-track.json',
  'charts-png': 'charts.png',
};

/** A file-name-safe stem from the source's name: extension dropped, anything odd turned into '-'. */
export function sourceStem(name: string | undefined): string {
  const withoutExtension = (name ?? '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const stem = withoutExtension
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: 'å' -> 'a'
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return stem || 'walk';
}

/** `YYYY-MM-DD` in local time. */
function isoDate(when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

/** e.g. `gait-2026-11-21-my-walk-frames.csv`. `when` is passed in so the name is reproducible. */
export function exportFileName(report: Pick<GaitReport, 'source'>, kind: ExportKind, when: Date): string {
  return `gait-${isoDate(when)}-${sourceStem(report.source?.name)}-${SUFFIX[kind]}`;
}
