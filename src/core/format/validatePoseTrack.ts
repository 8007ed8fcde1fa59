/**
 * Reading a gait-pose-track v1 or v2 file (docs/formats.md) from an untrusted source: a file the user
 * picked, an import from another tool, a paste. It never throws; on failure it says what is wrong
 * and where, in words a user can act on. Frames and keypoints are counted from 0, as in the JSON
 * arrays ("frame 12" is frames[12]).
 *
 * Fast on long tracks: one pass of plain loops, no allocation per frame or keypoint on the success
 * path (a 10-minute 60 fps track has 36,000 frames x 17 keypoints).
 */

import {
  type GaitPoseTrack,
  KEYPOINT_COUNT,
  KEYPOINT_NAMES,
  POSE_TRACK_FORMAT,
  POSE_TRACK_VERSION,
  POSE_TRACK_VERSION_NAMED,
} from './poseTrack';
import { POINT_NAMES, REQUIRED_POINTS } from './bodyPoints';

/**
 * The shortest track worth analysing: one full stride. A stride takes about 1.0-1.2 s at normal
 * cadence (100-120 steps/min, docs/design.md, section 5), so anything under 1 s cannot hold one.
 */
export const MIN_TRACK_DURATION_S = 1.0;
/** And at least this many frames (a 1 s track at 8 fps would be too coarse for events). */
export const MIN_TRACK_FRAMES = 10;
/** Stride time quoted in the message for a too-short track. */
export const TYPICAL_STRIDE_S = 1.2;

export const SOURCE_KINDS = ['video', 'webcam', 'synthetic', 'mocap', 'import'] as const;

export type ParsePoseTrackResult = { ok: true; track: GaitPoseTrack } | { ok: false; error: string };

const KEYPOINT_SHAPE = 'expected [x, y, score] with numbers, or [null, null, 0] when not detected';

/**
 * Check a gait-pose-track v1 document: a JSON string, or an already parsed value (which is returned
 * as the track itself, not copied, when it is valid).
 */
export function parsePoseTrack(input: string | unknown): ParsePoseTrackResult {
  try {
    return parseUnsafe(input);
  } catch (error) {
    // Only reachable through exotic inputs (getters that throw, proxies): still never throw.
    return fail(`The track could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(error: string): ParsePoseTrackResult {
  return { ok: false, error };
}

function parseUnsafe(input: unknown): ParsePoseTrackResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.trim() === '') return fail('The file is empty.');
    try {
      value = JSON.parse(input);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const hint = /\b(NaN|-?Infinity)\b/.test(input)
        ? ' (NaN and Infinity are not allowed in JSON; write a keypoint that was not detected as [null, null, 0])'
        : '';
      return fail(`The file is not JSON: ${message}${hint}`);
    }
  }
  if (!isPlainObject(value)) {
    return fail(`The file is not a gait-pose-track object: found ${describe(value)}.`);
  }
  const doc = value;

  if (!('format' in doc)) return fail(`missing "format": expected format "${POSE_TRACK_FORMAT}"`);
  if (doc.format !== POSE_TRACK_FORMAT) {
    const hint =
      doc.format === 'gait-report'
        ? ' (this is an analysis report; open the pose track it was made from, or view the report itself)'
        : '';
    return fail(`expected format "${POSE_TRACK_FORMAT}", found ${preview(doc.format)}${hint}`);
  }

  if (!('version' in doc)) return fail(`missing "version": expected ${POSE_TRACK_VERSION}`);
  if (typeof doc.version !== 'number') {
    return fail(`"version" must be the number ${POSE_TRACK_VERSION}, found ${preview(doc.version)}`);
  }
  if (doc.version !== POSE_TRACK_VERSION && doc.version !== POSE_TRACK_VERSION_NAMED) {
    const newer = doc.version > POSE_TRACK_VERSION_NAMED ? ' (written by a newer version of the app?)' : '';
    return fail(
      `unsupported version ${preview(doc.version)} of ${POSE_TRACK_FORMAT}: this app reads versions ${POSE_TRACK_VERSION} and ${POSE_TRACK_VERSION_NAMED}${newer}`,
    );
  }

  const sizes: [string, string][] = [
    ['fps', 'the nominal frame rate in frames per second'],
    ['width', 'the image width in pixels'],
    ['height', 'the image height in pixels'],
  ];
  for (const [key, meaning] of sizes) {
    const v = doc[key];
    if (v === undefined) return fail(`missing "${key}" (${meaning}, a positive number)`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      return fail(`"${key}" (${meaning}) must be a positive number, found ${preview(v)}`);
    }
  }

  const sourceError = checkSource(doc.source);
  if (sourceError) return fail(sourceError);

  const namesError = doc.version === POSE_TRACK_VERSION ? checkKeypointNames(doc.keypointNames) : checkNamedLayout(doc.keypointNames);
  if (namesError) return fail(namesError);
  const names = doc.keypointNames as string[];
  const count = names.length;

  const frames = doc.frames;
  if (frames === undefined) return fail('missing "frames" (an array of {"t": seconds, "keypoints": [...]})');
  if (!Array.isArray(frames)) return fail(`"frames" must be an array, found ${describe(frames)}`);
  if (frames.length === 0) return fail('"frames" is empty: the track has no frames');

  let anyDetected = false;
  let previousT = 0;
  for (let i = 0; i < frames.length; i++) {
    const frame: unknown = frames[i];
    if (!isPlainObject(frame)) {
      return fail(`frame ${i} is not an object like {"t": 0.033, "keypoints": [...]}: found ${describe(frame)}`);
    }
    const t = frame.t;
    if (typeof t !== 'number') return fail(`frame ${i} has no numeric "t" (its time in seconds)`);
    if (!Number.isFinite(t)) return fail(`frame ${i}: time ${String(t)} is not a finite number`);
    if (i > 0 && !(t > previousT)) {
      return fail(`frame ${i}: time ${String(t)} s is not after frame ${i - 1} (${String(previousT)} s)`);
    }
    previousT = t;

    const keypoints = frame.keypoints;
    if (!Array.isArray(keypoints)) {
      return fail(`frame ${i} has no "keypoints" array (${count} entries of [x, y, score])`);
    }
    if (keypoints.length !== count) {
      return fail(`frame ${i} has ${keypoints.length} keypoints, expected ${count}`);
    }
    for (let k = 0; k < count; k++) {
      const kp: unknown = keypoints[k];
      if (!Array.isArray(kp) || kp.length !== 3) return fail(`${where(i, k, names)}: ${KEYPOINT_SHAPE}; found ${preview(kp)}`);
      const x: unknown = kp[0];
      const y: unknown = kp[1];
      const score: unknown = kp[2];
      if (typeof score !== 'number') return fail(`${where(i, k, names)}: ${KEYPOINT_SHAPE}; found ${preview(kp)}`);
      if (!Number.isFinite(score)) return fail(`${where(i, k, names)}: the score ${String(score)} is not a finite number`);
      if (score < 0 || score > 1) return fail(`${where(i, k, names)}: score ${String(score)} is outside 0-1`);
      if (x === null && y === null) {
        if (score !== 0) {
          return fail(
            `${where(i, k, names)}: x and y are null but the score is ${String(score)}; a keypoint that was not detected is [null, null, 0]`,
          );
        }
        continue;
      }
      if (typeof x !== 'number' || typeof y !== 'number') {
        return fail(`${where(i, k, names)}: ${KEYPOINT_SHAPE}; found ${preview(kp)}`);
      }
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        return fail(`${where(i, k, names)}: ${String(Number.isFinite(x) ? y : x)} is not a finite number`);
      }
      if (score > 0) anyDetected = true;
    }
  }

  const first = frames[0] as { t: number };
  const duration = previousT - first.t;
  if (duration < MIN_TRACK_DURATION_S || frames.length < MIN_TRACK_FRAMES) {
    return fail(
      `the track is ${duration.toFixed(2)} s long (${frames.length} frame${frames.length === 1 ? '' : 's'}); ` +
        `at least one full stride (about ${TYPICAL_STRIDE_S} s) is needed: ` +
        `${MIN_TRACK_DURATION_S} s and ${MIN_TRACK_FRAMES} frames or more`,
    );
  }
  if (!anyDetected) return fail('no keypoint was detected in any frame: nobody in view?');

  return { ok: true, track: doc as unknown as GaitPoseTrack };
}

/** Where a keypoint is, for messages (built only when one is needed). */
function where(frame: number, keypoint: number, names: readonly string[]): string {
  return `frame ${frame}, keypoint ${keypoint} (${names[keypoint]})`;
}

function checkSource(source: unknown): string | null {
  if (source === undefined) return null;
  if (!isPlainObject(source)) {
    return `"source" must be an object like {"kind": "video", "name": "walk.mp4"}, found ${describe(source)}`;
  }
  if (!(SOURCE_KINDS as readonly unknown[]).includes(source.kind)) {
    return `source.kind must be one of ${SOURCE_KINDS.map((k) => `"${k}"`).join(', ')}; found ${preview(source.kind)}`;
  }
  for (const key of ['name', 'model']) {
    const v = source[key];
    if (v !== undefined && typeof v !== 'string') return `source.${key} must be a string, found ${preview(v)}`;
  }
  return null;
}

function checkKeypointNames(names: unknown): string | null {
  const expected = `the ${KEYPOINT_COUNT} MoveNet (COCO) keypoints in order: ${KEYPOINT_NAMES.join(', ')}`;
  if (names === undefined) return `missing "keypointNames": expected ${expected}`;
  if (!Array.isArray(names)) return `"keypointNames" must be an array of ${expected}; found ${describe(names)}`;
  const common = Math.min(names.length, KEYPOINT_COUNT);
  for (let k = 0; k < common; k++) {
    if (names[k] !== KEYPOINT_NAMES[k]) {
      return `keypointNames[${k}] is ${preview(names[k])}, expected "${KEYPOINT_NAMES[k]}": the names must be ${expected}`;
    }
  }
  if (names.length !== KEYPOINT_COUNT) {
    return `keypointNames has ${names.length} names, expected ${expected}`;
  }
  return null;
}

/** Version 2: any layout of unique names that includes both hips, knees and ankles. */
function checkNamedLayout(names: unknown): string | null {
  const required = REQUIRED_POINTS.map((p) => POINT_NAMES[p][0]);
  const expected = `an array of unique keypoint names that includes ${required.join(', ')}`;
  if (names === undefined) return `missing "keypointNames": expected ${expected}`;
  if (!Array.isArray(names)) return `"keypointNames" must be ${expected}; found ${describe(names)}`;
  const seen = new Set<string>();
  for (let k = 0; k < names.length; k++) {
    const name: unknown = names[k];
    if (typeof name !== 'string' || name === '') return `keypointNames[${k}] must be a non-empty string, found ${preview(name)}`;
    if (seen.has(name)) return `keypointNames[${k}] "${name}" appears twice: each keypoint needs its own name`;
    seen.add(name);
  }
  const missing = required.filter((n) => !seen.has(n));
  if (missing.length) return `keypointNames lacks ${missing.join(', ')}: a gait analysis needs both hips, knees and ankles`;
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${preview(value)}`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${preview(value)}`;
}

/** Short JSON-ish rendering of a value for a message (NaN and Infinity shown as such). */
function preview(value: unknown): string {
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (value === undefined) text = 'nothing';
  else {
    try {
      text =
        JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ??
        String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
