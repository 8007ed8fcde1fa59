/**
 * Raw RGB frames drawn by the synthetic walker's rasterizer (src/synth/render), piped into ffmpeg:
 * the fixture videos (scripts/render-fixtures.ts) and the phone-style clips the tests make
 * (scripts/phoneClips.ts). Deterministic: single-threaded encoder, bit-exact muxing.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRaster, type Raster } from '../src/synth/render';

/** H.264 quality: chosen so a ~5-8 s walk is roughly 100-400 KB (a flat scene compresses well). */
export const X264_CRF = 22;

/** BT.709, limited range, tagged: browsers and ffmpeg then agree on the colours. */
export const COLOUR = ['-vf', 'scale=out_color_matrix=bt709:out_range=tv', '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];
export const H264 = [...COLOUR, '-c:v', 'libx264', '-preset', 'slow', '-crf', String(X264_CRF), '-pix_fmt', 'yuv420p', '-profile:v', 'high', '-movflags', '+faststart'];
export const HEVC = [...COLOUR, '-c:v', 'libx265', '-preset', 'medium', '-crf', '30', '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1', '-x265-params', 'log-level=error:pools=1:frame-threads=1', '-movflags', '+faststart'];
export const THEORA = [...COLOUR, '-c:v', 'libtheora', '-q:v', '5', '-pix_fmt', 'yuv420p'];

/** Frame i drawn by `drawFrame`, at `fps`, encoded with the given output arguments. */
export async function encodeFrames(
  outFile: string,
  size: { width: number; height: number; fps: number },
  frameCount: number,
  drawFrame: (i: number, raster: Raster) => void,
  outputArgs: string[],
): Promise<void> {
  const { width, height, fps } = size;
  mkdirSync(dirname(outFile), { recursive: true });
  const args = [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-framerate', String(fps), '-i', 'pipe:0',
    '-an', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-threads', '1',
    ...outputArgs, outFile,
  ];
  const ffmpeg = spawn('ffmpeg', args, { stdio: ['pipe', 'inherit', 'pipe'] });
  let stderr = '';
  ffmpeg.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<void>((resolve, reject) => {
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}) on ${outFile}: ${stderr}`))));
  });
  const raster = createRaster(width, height, 3);
  for (let i = 0; i < frameCount; i++) {
    drawFrame(i, raster);
    if (!ffmpeg.stdin.write(Buffer.from(raster.data))) await new Promise((r) => ffmpeg.stdin.once('drain', r));
  }
  ffmpeg.stdin.end();
  await done;
}
