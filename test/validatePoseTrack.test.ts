import { describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, type GaitPoseTrack, type Keypoint } from '../src/core/format/poseTrack';
import {
  MIN_TRACK_DURATION_S,
  MIN_TRACK_FRAMES,
  parsePoseTrack,
} from '../src/core/format/validatePoseTrack';

/** A valid track: `frames` frames at `fps`, every keypoint detected somewhere in the image. */
function makeTrack(frames = 60, fps = 30): GaitPoseTrack {
  return {
    format: 'gait-pose-track',
    version: 1,
    fps,
    width: 1280,
    height: 720,
    source: { kind: 'synthetic', name: 'test walker', model: 'none' },
    keypointNames: [...KEYPOINT_NAMES],
    frames: Array.from({ length: frames }, (_, i) => ({
      t: i / fps,
      keypoints: KEYPOINT_NAMES.map((_, k): Keypoint => [100 + 10 * k + i, 200 + 20 * k, 0.8]),
    })),
  };
}

/** Parse a modified copy of a valid track and return the error (failing the test if it parsed). */
function errorOf(modify: (track: any) => void, track: GaitPoseTrack = makeTrack()): string {
  const copy = structuredClone(track);
  modify(copy);
  const result = parsePoseTrack(copy);
  if (result.ok) throw new Error('expected the track to be rejected');
  return result.error;
}

describe('parsePoseTrack accepts', () => {
  it('a valid track given as a JSON string', () => {
    const track = makeTrack();
    const result = parsePoseTrack(JSON.stringify(track));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.track).toEqual(track);
  });

  it('a valid parsed object, returned as is', () => {
    const track = makeTrack();
    const result = parsePoseTrack(track);
    expect(result).toEqual({ ok: true, track });
    if (result.ok) expect(result.track).toBe(track);
  });

  it('missing keypoints written as [null, null, 0], and numbers with score 0', () => {
    const track = makeTrack();
    track.frames[3].keypoints[5] = [null, null, 0];
    track.frames[4].keypoints[6] = [12, 34, 0];
    expect(parsePoseTrack(JSON.stringify(track)).ok).toBe(true);
  });

  it('a track without "source" and with extra fields (ignored)', () => {
    const track: any = makeTrack();
    delete track.source;
    track.comment = 'from another tool';
    track.frames[0].extra = 1;
    expect(parsePoseTrack(track).ok).toBe(true);
  });

  it('uneven frame times, as phones record them', () => {
    const track = makeTrack();
    track.frames.forEach((frame, i) => (frame.t = i / 30 + (i % 2) * 0.004));
    expect(parsePoseTrack(track).ok).toBe(true);
  });

  it('a 10-minute 60 fps track (36,000 frames)', () => {
    const track = makeTrack(36_000, 60);
    expect(parsePoseTrack(track).ok).toBe(true);
  });
});

describe('parsePoseTrack rejects, saying what and where', () => {
  it('text that is not JSON', () => {
    const result = parsePoseTrack('{"format": "gait-pose-track", ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^The file is not JSON: /);
  });

  it('NaN in the text, with a hint', () => {
    const text = JSON.stringify(makeTrack()).replace('0.8]', 'NaN]');
    const result = parsePoseTrack(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('write a keypoint that was not detected as [null, null, 0]');
  });

  it('an empty file', () => {
    expect(parsePoseTrack('  ')).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('JSON that is not an object', () => {
    expect(parsePoseTrack('[1, 2]')).toEqual({
      ok: false,
      error: 'The file is not a gait-pose-track object: found an array.',
    });
    expect(parsePoseTrack(null)).toMatchObject({ ok: false, error: expect.stringContaining('found null') });
    expect(parsePoseTrack(42)).toMatchObject({ ok: false, error: expect.stringContaining('the number 42') });
  });

  it('a wrong or missing format', () => {
    expect(errorOf((t) => (t.format = 'gait-report'))).toMatch(
      /^expected format "gait-pose-track", found "gait-report" \(this is an analysis report/,
    );
    expect(errorOf((t) => (t.format = 'openpose'))).toBe('expected format "gait-pose-track", found "openpose"');
    expect(errorOf((t) => delete t.format)).toBe('missing "format": expected format "gait-pose-track"');
  });

  it('an unsupported or malformed version', () => {
    expect(errorOf((t) => (t.version = 3))).toBe(
      'unsupported version 3 of gait-pose-track: this app reads versions 1 and 2 (written by a newer version of the app?)',
    );
    expect(errorOf((t) => (t.version = '1'))).toBe('"version" must be the number 1, found "1"');
    expect(errorOf((t) => delete t.version)).toBe('missing "version": expected 1');
  });

  it.each(['fps', 'width', 'height'])('a missing or non-positive %s', (key) => {
    expect(errorOf((t) => delete t[key])).toMatch(new RegExp(`^missing "${key}"`));
    expect(errorOf((t) => (t[key] = 0))).toMatch(new RegExp(`^"${key}" .* must be a positive number, found 0$`));
    expect(errorOf((t) => (t[key] = -30))).toContain('found -30');
    expect(errorOf((t) => (t[key] = '30'))).toContain('found "30"');
    expect(errorOf((t) => (t[key] = Infinity))).toContain('found Infinity');
  });

  it('a malformed source', () => {
    expect(errorOf((t) => (t.source = 'walk.mp4'))).toMatch(/^"source" must be an object/);
    expect(errorOf((t) => (t.source.kind = 'camera'))).toBe(
      'source.kind must be one of "video", "webcam", "synthetic", "mocap", "import"; found "camera"',
    );
    expect(errorOf((t) => (t.source.name = 7))).toBe('source.name must be a string, found 7');
  });

  it('keypoint names that are not the 17 MoveNet names in order, naming the first mismatch', () => {
    expect(errorOf((t) => ([t.keypointNames[3], t.keypointNames[4]] = [t.keypointNames[4], t.keypointNames[3]]))).toMatch(
      /^keypointNames\[3\] is "right_ear", expected "left_ear": the names must be the 17 MoveNet \(COCO\) keypoints in order: nose, left_eye, /,
    );
    expect(errorOf((t) => t.keypointNames.push('left_heel'))).toMatch(/^keypointNames has 18 names, expected the 17/);
    expect(errorOf((t) => t.keypointNames.pop())).toMatch(/^keypointNames has 16 names/);
    expect(errorOf((t) => delete t.keypointNames)).toMatch(/^missing "keypointNames"/);
    expect(errorOf((t) => (t.keypointNames = 'coco'))).toMatch(/^"keypointNames" must be an array/);
  });

  it('frames that are missing, not an array or empty', () => {
    expect(errorOf((t) => delete t.frames)).toMatch(/^missing "frames"/);
    expect(errorOf((t) => (t.frames = {}))).toBe('"frames" must be an array, found an object');
    expect(errorOf((t) => (t.frames = []))).toBe('"frames" is empty: the track has no frames');
  });

  it('a frame that is not an object or has no numeric time', () => {
    expect(errorOf((t) => (t.frames[7] = [1, 2]))).toMatch(/^frame 7 is not an object/);
    expect(errorOf((t) => delete t.frames[7].t)).toBe('frame 7 has no numeric "t" (its time in seconds)');
    expect(errorOf((t) => (t.frames[7].t = '0.23'))).toBe('frame 7 has no numeric "t" (its time in seconds)');
    expect(errorOf((t) => (t.frames[7].t = NaN))).toBe('frame 7: time NaN is not a finite number');
  });

  it('frame times that do not increase', () => {
    expect(errorOf((t) => (t.frames[5].t = 0.3))).toBe('frame 6: time 0.2 s is not after frame 5 (0.3 s)');
    expect(errorOf((t) => (t.frames[6].t = t.frames[5].t))).toMatch(/^frame 6: time 0\.1666\d* s is not after frame 5/);
  });

  it('a frame with the wrong number of keypoints', () => {
    expect(errorOf((t) => t.frames[9].keypoints.splice(15))).toBe('frame 9 has 15 keypoints, expected 17');
    expect(errorOf((t) => delete t.frames[9].keypoints)).toMatch(/^frame 9 has no "keypoints" array/);
  });

  it('a keypoint that is not [x, y, score]', () => {
    const shape = 'expected [x, y, score] with numbers, or [null, null, 0] when not detected';
    expect(errorOf((t) => (t.frames[2].keypoints[13] = [1, 2]))).toBe(
      `frame 2, keypoint 13 (left_knee): ${shape}; found [1,2]`,
    );
    expect(errorOf((t) => (t.frames[2].keypoints[13] = [1, '2', 0.5]))).toBe(
      `frame 2, keypoint 13 (left_knee): ${shape}; found [1,"2",0.5]`,
    );
    expect(errorOf((t) => (t.frames[2].keypoints[13] = { x: 1, y: 2, score: 0.5 }))).toContain(shape);
    expect(errorOf((t) => (t.frames[2].keypoints[13] = [null, 5, 0]))).toContain(shape);
    expect(errorOf((t) => (t.frames[2].keypoints[13] = [1, 2, null]))).toContain(shape);
  });

  it('a score outside 0-1', () => {
    expect(errorOf((t) => (t.frames[2].keypoints[0][2] = 1.5))).toBe('frame 2, keypoint 0 (nose): score 1.5 is outside 0-1');
    expect(errorOf((t) => (t.frames[2].keypoints[0][2] = -0.1))).toContain('score -0.1 is outside 0-1');
  });

  it('a missing position with a positive score', () => {
    expect(errorOf((t) => (t.frames[2].keypoints[16] = [null, null, 0.4]))).toBe(
      'frame 2, keypoint 16 (right_ankle): x and y are null but the score is 0.4; a keypoint that was not detected is [null, null, 0]',
    );
  });

  it('non-finite numbers in a parsed object', () => {
    expect(errorOf((t) => (t.frames[2].keypoints[1][0] = Infinity))).toBe(
      'frame 2, keypoint 1 (left_eye): Infinity is not a finite number',
    );
    expect(errorOf((t) => (t.frames[2].keypoints[1][1] = NaN))).toBe('frame 2, keypoint 1 (left_eye): NaN is not a finite number');
    expect(errorOf((t) => (t.frames[2].keypoints[1][2] = NaN))).toBe(
      'frame 2, keypoint 1 (left_eye): the score NaN is not a finite number',
    );
  });

  it('a track shorter than one stride', () => {
    expect(MIN_TRACK_DURATION_S).toBe(1);
    expect(MIN_TRACK_FRAMES).toBe(10);
    const short = parsePoseTrack(makeTrack(19, 30)); // 0.6 s
    expect(short).toEqual({
      ok: false,
      error:
        'the track is 0.60 s long (19 frames); at least one full stride (about 1.2 s) is needed: 1 s and 10 frames or more',
    });
    expect(parsePoseTrack(makeTrack(31, 30)).ok).toBe(true); // exactly 1.0 s
    expect(parsePoseTrack(makeTrack(9, 8)).ok).toBe(false); // 1.0 s but only 9 frames
    expect(parsePoseTrack(makeTrack(1, 30))).toMatchObject({ error: expect.stringContaining('(1 frame);') });
  });

  it('a track in which nobody was detected', () => {
    const error = errorOf((t) => {
      for (const frame of t.frames) frame.keypoints = frame.keypoints.map(() => [null, null, 0]);
      t.frames[0].keypoints[0] = [5, 5, 0]; // a position with zero confidence is no detection either
    });
    expect(error).toBe('no keypoint was detected in any frame: nobody in view?');
  });

  it('never throws, even on hostile input', () => {
    const hostile = { format: 'gait-pose-track', version: 1, fps: 30, width: 1, height: 1, keypointNames: [...KEYPOINT_NAMES] };
    Object.defineProperty(hostile, 'frames', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(parsePoseTrack(hostile)).toEqual({ ok: false, error: 'The track could not be read: boom' });
    expect(parsePoseTrack(undefined)).toMatchObject({ ok: false });
  });
});

describe('gait-pose-track v2: any named layout with hips, knees and ankles', () => {
  // BlazePose's 33 landmarks (pose-detection's names), which add heels and foot index.
  const BLAZEPOSE = [
    'nose', 'left_eye_inner', 'left_eye', 'left_eye_outer', 'right_eye_inner', 'right_eye', 'right_eye_outer', 'left_ear', 'right_ear',
    'mouth_left', 'mouth_right', 'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
    'left_pinky', 'right_pinky', 'left_index', 'right_index', 'left_thumb', 'right_thumb', 'left_hip', 'right_hip', 'left_knee',
    'right_knee', 'left_ankle', 'right_ankle', 'left_heel', 'right_heel', 'left_foot_index', 'right_foot_index',
  ];
  const v2 = (names: string[]) => ({
    format: 'gait-pose-track',
    version: 2,
    fps: 30,
    width: 640,
    height: 480,
    keypointNames: names,
    frames: Array.from({ length: 40 }, (_, i) => ({ t: i / 30, keypoints: names.map((_, k) => [100 + k, 200 + i, 0.9]) })),
  });

  it('accepts a BlazePose-33 track and any order of names', () => {
    expect(parsePoseTrack(v2(BLAZEPOSE)).ok).toBe(true);
    expect(parsePoseTrack(v2(['right_ankle', 'left_ankle', 'right_knee', 'left_knee', 'right_hip', 'left_hip'])).ok).toBe(true);
  });

  it('says which leg points a layout lacks', () => {
    const r = parsePoseTrack(v2(BLAZEPOSE.filter((n) => n !== 'left_knee')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/lacks left_knee/);
  });

  it('rejects duplicate names and frames whose keypoint count does not match the names', () => {
    const dup = parsePoseTrack(v2([...BLAZEPOSE, 'left_hip']));
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatch(/appears twice/);
    const doc = v2(BLAZEPOSE);
    doc.frames[3].keypoints.pop();
    const r = parsePoseTrack(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/frame 3 has 32 keypoints, expected 33/);
  });

  it('keeps v1 to the 17 COCO keypoints in order', () => {
    const r = parsePoseTrack({ ...v2(BLAZEPOSE), version: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/keypointNames\[1\]/);
  });
});
