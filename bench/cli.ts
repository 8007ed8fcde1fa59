/**
 * The CLI's speed (`gait video`, Node: ffmpeg decoding, MoveNet on wasm): one worker against
 * --jobs N (one per core) on the same clip, back to back, as multiples of real time; and what the
 * decoding alone costs by output format (the rgb24 pipe the source uses, yuv420p, no output).
 * Prints figures only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runVideoCommand } from '../src/cli/video';
import { SpanPool } from '../src/cli/spanPool';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURE = join(ROOT, 'fixtures/walks/treadmill.mp4');
const LOOPS = 4;

export interface CliFigure {
  jobs: number;
  videoS: number;
  wallS: number;
  realTime: number;
  /** CPU seconds (this process's threads and its ffmpeg children) per second of video. */
  cpuPerVideoS: number;
}

export interface PixelFigure {
  trackingPixels: 'rgb24' | 'yuv420p';
  wallS: number;
  realTime: number;
  /** Time the pipeline waited for decoded frames, and spent cropping. */
  decodeWaitS: number;
  cropS: number;
}

export interface DecodeFigure {
  clip: string;
  format: string;
  frames: number;
  wallS: number;
  msPerFrame: number;
}

export async function benchmarkCli(): Promise<{ clip: string; runs: CliFigure[]; pixels: PixelFigure[]; decode: DecodeFigure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'gait-bench-cli-'));
  try {
    const clip = join(dir, 'treadmill-looped.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', String(LOOPS - 1), '-i', FIXTURE, '-c', 'copy', clip]);
    const big = join(dir, 'treadmill-1920x960.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', FIXTURE, '-vf', 'scale=1920:960', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', big]);
    const cores = availableParallelism();
    const runs: CliFigure[] = [];
    // Warm-up (models loaded, files cached), then 1 and N alternating twice: this VM's speed jumps.
    for (const jobs of [cores, 1, cores, 1, cores]) {
      const pool = new SpanPool(jobs, 'lightning');
      try {
        const cpuStart = cpuSeconds();
        const started = performance.now();
        const result = await runVideoCommand(clip, { model: 'lightning', analysis: {}, progress: false, tracker: pool.forFile(clip) }, () => undefined);
        const wallS = (performance.now() - started) / 1000;
        const cpuS = cpuSeconds() - cpuStart;
        runs.push({ jobs, videoS: result.timing.videoS, wallS, realTime: result.timing.videoS / wallS, cpuPerVideoS: cpuS / result.timing.videoS });
      } finally {
        pool.close();
      }
    }
    // The tracking pass's pixels: rgb24 (what the source read before) against yuv420p, one worker.
    const pixels: PixelFigure[] = [];
    for (const trackingPixels of ['rgb24', 'yuv420p', 'rgb24', 'yuv420p'] as const) {
      let timing = '';
      const started = performance.now();
      const result = await runVideoCommand(big, { model: 'lightning', analysis: {}, progress: false, trackingPixels }, (line) => {
        if (line.startsWith('timing')) timing = line;
      });
      const wallS = (performance.now() - started) / 1000;
      const decodeS = Number(/decode ([\d.]+) s/.exec(timing)?.[1] ?? NaN);
      pixels.push({ trackingPixels, wallS, realTime: result.timing.videoS / wallS, decodeWaitS: decodeS, cropS: result.timing.cropS });
    }
    const decode: DecodeFigure[] = [];
    for (const [label, path] of [['960x480', FIXTURE], ['1920x960', big]] as const) {
      for (const format of ['rgb24', 'yuv420p', 'none']) decode.push(await timeDecode(label, path, format));
    }
    return { clip: `treadmill.mp4 looped ${LOOPS}x (${(8 * LOOPS).toFixed(0)} s, 30 fps, 960x480)`, runs: runs.slice(1), pixels, decode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CPU seconds used so far by this process (all its threads) and by its finished child processes
 * (ffmpeg), from /proc (Linux); this process alone elsewhere.
 */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // not Linux
  }
  return (own.user + own.system) / 1e6 + children;
}

/** ffmpeg decoding the clip to a pipe in this pixel format (or to nothing), read and dropped. */
function timeDecode(clip: string, path: string, format: string): Promise<DecodeFigure> {
  const output = format === 'none' ? ['-f', 'null', '-'] : ['-f', 'rawvideo', '-pix_fmt', format, 'pipe:1'];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const ffmpeg = spawn('ffmpeg', ['-v', 'error', '-nostdin', '-i', path, '-map', '0:v:0', ...output], { stdio: ['ignore', 'pipe', 'inherit'] });
    ffmpeg.stdout.resume();
    ffmpeg.on('error', reject);
    ffmpeg.on('close', () => {
      const wallS = (performance.now() - started) / 1000;
      resolve({ clip, format, frames: 240, wallS, msPerFrame: (1000 * wallS) / 240 });
    });
  });
}

export function formatCliFigures(f: Awaited<ReturnType<typeof benchmarkCli>>): string {
  const lines = [`CLI (gait video, Node, ffmpeg + MoveNet Lightning on wasm) on ${f.clip}, alternating runs:`];
  for (const r of f.runs) lines.push(`  --jobs ${r.jobs}: ${r.videoS.toFixed(1)} s of video in ${r.wallS.toFixed(1)} s = ${r.realTime.toFixed(2)}x real time; ${r.cpuPerVideoS.toFixed(2)} CPU s per video s`);
  const of = (jobs: number) => f.runs.filter((r) => r.jobs === jobs);
  const best = (jobs: number) => Math.max(...of(jobs).map((r) => r.realTime));
  const cpu = (jobs: number) => Math.min(...of(jobs).map((r) => r.cpuPerVideoS));
  const n = Math.max(...f.runs.map((r) => r.jobs));
  if (n > 1) {
    lines.push(`  best of each: --jobs ${n} ${best(n).toFixed(2)}x vs --jobs 1 ${best(1).toFixed(2)}x real time = ${(best(n) / best(1)).toFixed(2)}x the single-worker speed`);
    // On a machine shared with other work the wall-clock ratio says little; the CPU cost says what
    // the split adds (second model, overlaps, second ffmpeg), so what N idle cores could give.
    lines.push(`  CPU per video second: --jobs ${n} ${cpu(n).toFixed(2)} s vs --jobs 1 ${cpu(1).toFixed(2)} s (${((cpu(n) / cpu(1) - 1) * 100).toFixed(0)} % more work for the split)`);
  }
  lines.push('CLI on treadmill.mp4 scaled to 1920x960 (8 s), --jobs 1, by the pixels read for tracking:');
  for (const p of f.pixels) lines.push(`  ${p.trackingPixels.padEnd(7)} ${p.realTime.toFixed(2)}x real time (${p.wallS.toFixed(1)} s); waiting for frames ${p.decodeWaitS.toFixed(1)} s, cropping ${p.cropS.toFixed(1)} s`);
  lines.push('Decoding alone (ffmpeg to a pipe that is read and dropped; 240 frames):');
  for (const d of f.decode) lines.push(`  ${d.clip} ${d.format.padEnd(7)} ${d.msPerFrame.toFixed(2)} ms/frame`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatCliFigures(await benchmarkCli()));
}
