/**
 * Export builders: pure functions from a report or track to the text of a downloadable file
 * (no DOM; the UI turns the text into a Blob and a download).
 */
import type { GaitPoseTrack } from '../format/poseTrack';
import type { GaitReport } from '../format/report';
import { toCsv } from './csv';
import { cyclesCsvHeader, cyclesCsvRows } from './cyclesCsv';
import { framesCsvHeader, framesCsvRows } from './framesCsv';
import { NUMBERS_CSV_HEADER, numbersCsvRows } from './numbersCsv';

export { csvField, toCsv, type CsvValue } from './csv';
export { CYCLES_CSV_HEADER, cyclesCsvHeader, cyclesCsvRows } from './cyclesCsv';
export { FRAMES_CSV_HEADER, framesCsvHeader, framesCsvRows } from './framesCsv';
export { NUMBERS_CSV_HEADER, numbersCsvRows } from './numbersCsv';
export { exportFileName, sourceStem, type ExportKind } from './fileNames';

export const MIME = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  png: 'image/png',
} as const;

export function framesCsv(report: GaitReport): string {
  return toCsv(framesCsvHeader(report), framesCsvRows(report));
}

export function cyclesCsv(report: GaitReport): string {
  return toCsv(cyclesCsvHeader(report), cyclesCsvRows(report));
}

/** The key numbers with their uncertainty, healthy range and verdict, per kind of walking and side. */
export function numbersCsv(report: GaitReport): string {
  return toCsv(NUMBERS_CSV_HEADER, numbersCsvRows(report));
}

/** The report as JSON (gait-report v1). */
export function reportJson(report: GaitReport): string {
  return JSON.stringify(report, null, 1);
}

/**
 * The pose track as gait-pose-track v1 JSON, field for field, so the file opens again for analysis
 * (parsePoseTrack). Only the format's own fields are written, in the documented order.
 */
export function trackJson(track: GaitPoseTrack): string {
  const out: GaitPoseTrack = {
    format: track.format,
    version: track.version,
    fps: track.fps,
    width: track.width,
    height: track.height,
    ...(track.source ? { source: track.source } : {}),
    keypointNames: track.keypointNames,
    frames: track.frames.map((f) => ({ t: f.t, keypoints: f.keypoints })),
  };
  return JSON.stringify(out);
}
