/**
 * Phone-style clips made from the fixture walks with ffmpeg, each with its truth (issue 11, item 3):
 * slow motion (a high-frame-rate original, and the same clip exported slowed down to 30 fps
 * playback), rotated by the container, a true portrait frame, long stretches of nobody around a
 * walk, and a long 1080p clip. Used by test/cli.video.test.ts, test/e2e/phone.spec.ts and
 * scripts/measure-long-clip.ts. Needs ffmpeg with libx264.
 *
 * Slow motion is rendered, not interpolated or retimed: re-rendering a fixture's own walker
 * (its truth file's `synth` options) at 240 fps gives every frame a true pose, and the truth
 * (events, angles) comes from the same synthesizeWalk call, so it is exact at that rate. Retiming
 * the 30 fps file to 240 fps timestamps would make the person walk 8 times as fast (864 steps/min),
 * not a walk; interpolating frames would invent poses the truth does not hold.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesizeWalk } from '../src/synth';
import { drawWalkFrame } from '../src/synth/render';
import { encodeFrames, H264 } from './encodeFrames';
import { fixtureTruth, type FixtureTruth } from './fixtureTruth';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function readFixtureTruth(name: string): FixtureTruth {
  return JSON.parse(readFileSync(join(FIXTURES, 'walks', `${name}.truth.json`), 'utf8'));
}

export function ffmpeg(...args: string[]): void {
  const run = spawnSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args], { encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed: ${run.error?.message ?? run.stderr}`);
}

/** Fast H.264 for derived clips (their pixels are the fixture's; quality is not what they test). */
const X264_FAST = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-threads', '2'];

/**
 * The fixture walk `name` rendered again at `fps` (its own walker, seed and cadence), `durationS`
 * long, H.264 like the fixtures. The truth is the synthesizer's at that rate.
 */
export async function renderWalkAt(name: string, fps: number, durationS: number, out: string): Promise<FixtureTruth> {
  const synth = { ...readFixtureTruth(name).synth, fps, durationS };
  const { truth } = synthesizeWalk(synth);
  const frameCount = truth.clean.frames.length;
  await encodeFrames(out, { width: truth.width, height: truth.height, fps }, frameCount, (i, raster) => drawWalkFrame(raster, truth, i), H264);
  return fixtureTruth(`${name}-${fps}fps`, out, synth, truth);
}

/**
 * A slow-motion export: the same frames, their timestamps stretched `factor` times (what a phone
 * writes when a 240 fps clip is saved to play back at 30 fps). No re-encoding.
 */
export function slowedExport(input: string, factor: number, out: string): void {
  ffmpeg('-itsscale', String(factor), '-i', input, '-c', 'copy', '-an', out);
}

/**
 * The clip as a phone stores a portrait or upside-down recording: the coded frames turned, and the
 * container's rotation (the `rotate` tag, which ffmpeg 5.1 writes as a display matrix) turning them
 * back for display, so the upright picture and its truth stay the fixture's. Which way to turn the
 * coded frames for each tag was checked by decoding: the upright first frame then differs from the
 * fixture's by 0.1-0.2 grey levels of 255 (26 with the turn the other way).
 */
export function rotatedByContainer(input: string, rotation: 90 | 180 | 270, out: string): void {
  const turn = { 90: 'transpose=1', 180: 'hflip,vflip', 270: 'transpose=2' }[rotation];
  const coded = `${out}.coded.mp4`;
  ffmpeg('-i', input, '-vf', turn, ...X264_FAST, coded);
  // Set on a stream copy: ffmpeg 5.1 drops the tag when it encodes.
  ffmpeg('-i', coded, '-c', 'copy', '-metadata:s:v:0', `rotate=${rotation}`, out);
  rmSync(coded);
}

/**
 * A true portrait (9:16) frame from the treadmill fixture, whose walker stays in the middle:
 * 270 x 480 around it (its keypoints span x 431-532 of 960), the walker 55 % of the frame height.
 */
export const PORTRAIT_CROP = { width: 270, height: 480, x: 345 };
export function portraitTreadmill(out: string): void {
  const { width, height, x } = PORTRAIT_CROP;
  ffmpeg('-i', join(FIXTURES, 'walks/treadmill.mp4'), '-vf', `crop=${width}:${height}:${x}:0`, ...X264_FAST, out);
}

/**
 * `emptyS` seconds of the empty scene (fixtures/bad/nobody.mp4, looped), the walk, then `emptyS`
 * of the empty scene again; truth times are the walk's shifted by `emptyS`.
 */
export function withEmptyStretches(walk: string, emptyS: number, out: string): void {
  const empty = join(FIXTURES, 'bad/nobody.mp4');
  ffmpeg(
    '-stream_loop', '-1', '-t', String(emptyS), '-i', empty,
    '-i', walk,
    '-stream_loop', '-1', '-t', String(emptyS), '-i', empty,
    '-filter_complex', '[0:v]setpts=PTS-STARTPTS[a];[1:v]setpts=PTS-STARTPTS[b];[2:v]setpts=PTS-STARTPTS[c];[a][b][c]concat=n=3:v=1:a=0,fps=30[v]',
    '-map', '[v]', ...X264_FAST, out,
  );
}

/**
 * The truth of a walk placed `offsetS` into a clip of `frameCount` frames (after an empty
 * stretch): its events and angle times moved later.
 */
export function shiftedTruth(truth: FixtureTruth, offsetS: number, frameCount: number): FixtureTruth {
  const shift = (xs: number[]) => xs.map((t) => Math.round((t + offsetS) * 1e4) / 1e4);
  const side = (s: 'left' | 'right') => ({ heelStrikes: shift(truth.events[s].heelStrikes), toeOffs: shift(truth.events[s].toeOffs) });
  return { ...truth, frameCount, events: { left: side('left'), right: side('right') }, angles: { ...truth.angles, t: shift(truth.angles.t) } };
}

/**
 * A long clip: the walk looped for `durationS` at `height`p (16:9; the 2:1 fixture scaled to the
 * width and padded). Kept in `dir` and reused when it exists (making 10 minutes takes minutes).
 */
export function longLoopedClip(walk: string, durationS: number, height: number, dir: string): string {
  const width = Math.round((height * 16) / 9 / 2) * 2;
  const out = join(dir, `long-${durationS}s-${height}p.mp4`);
  if (existsSync(out)) return out;
  mkdirSync(dir, { recursive: true });
  const scaledHeight = Math.round(width / 2 / 2) * 2;
  ffmpeg(
    '-stream_loop', '-1', '-t', String(durationS), '-i', walk,
    '-vf', `scale=${width}:${scaledHeight},pad=${width}:${height}:0:${Math.round((height - scaledHeight) / 4) * 2}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '26', '-pix_fmt', 'yuv420p', '-threads', '2', out,
  );
  return out;
}
