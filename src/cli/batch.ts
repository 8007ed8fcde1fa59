/**
 * `gait video a.mp4 b.mp4 ... | DIR --out OUT [--jobs N]`: many videos in a row, one report per
 * file in OUT, a progress line per file on stderr. Every file is tracked in spans on N workers
 * (the main thread and N - 1 threads that keep their models between files). A file that fails is
 * reported and the rest go on; the exit code says whether any failed.
 */
import type { GaitPoseTrack } from '../core/format/poseTrack';
import type { GaitReport } from '../core/format/report';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { PipelineProgress } from '../contracts';
import { formatSummary } from './summary';
import { SpanPool } from './spanPool';
import { describeProgress, runVideoCommand, type VideoCommandOptions } from './video';

/** OUT/<file name without extension>.report.json (or .summary.txt), unique within a batch. */
export function reportPath(outDir: string, file: string, summary: boolean, taken: Set<string>): string {
  const stem = basename(file, extname(file));
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  taken.add(name);
  return join(outDir, `${name}.${summary ? 'summary.txt' : 'report.json'}`);
}

export interface BatchOptions extends Omit<VideoCommandOptions, 'progress' | 'tracker' | 'trackPath'> {
  outDir: string | null;
  jobs: number;
  summary: boolean;
  /** Single file without --out: the report goes to stdout (as before). */
  toStdout: boolean;
  trackPath?: string;
  live: boolean;
  /** Called with each file's track and report before its report is written (e.g. OpenSim files). */
  onReport?: (track: GaitPoseTrack, report: GaitReport) => void;
}

export interface BatchFileResult {
  file: string;
  ok: boolean;
  videoS: number;
  wallS: number;
  out: string | null;
  error?: string;
}

export async function runBatch(files: readonly string[], o: BatchOptions, log: (line: string) => void, write: (text: string) => void): Promise<BatchFileResult[]> {
  if (o.outDir) mkdirSync(o.outDir, { recursive: true });
  const pool = new SpanPool(o.jobs, o.model);
  const taken = new Set<string>();
  const results: BatchFileResult[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const tag = files.length > 1 ? `[${i + 1}/${files.length}] ${file}` : file;
      const started = performance.now();
      const progress = o.live ? (p: PipelineProgress) => process.stderr.write(`\r\x1b[K${tag}: ${describeProgress(p)}`) : false;
      try {
        const result = await runVideoCommand(
          file,
          { ...o, trackPath: o.trackPath, progress, tracker: pool.forFile(file, o.slowedBy) },
          files.length > 1 ? () => undefined : log,
        );
        if (o.live) process.stderr.write('\r\x1b[K');
        o.onReport?.(result.track, result.report);
        const text = o.summary ? formatSummary(result.report) : `${JSON.stringify(result.report)}\n`;
        let out: string | null = null;
        if (o.outDir) {
          out = reportPath(o.outDir, file, o.summary, taken);
          writeFileSync(out, text);
        } else write(text);
        const wallS = (performance.now() - started) / 1000;
        results.push({ file, ok: true, videoS: result.timing.videoS, wallS, out });
        if (files.length > 1 || o.outDir) log(`${tag}: ${result.timing.frames} frames, ${result.timing.videoS.toFixed(1)} s of video in ${wallS.toFixed(1)} s (${(result.timing.videoS / wallS).toFixed(2)}x real time)${out ? ` -> ${out}` : ''}`);
      } catch (error) {
        if (o.live) process.stderr.write('\r\x1b[K');
        const message = error instanceof Error ? `${error.message}${(error as { hint?: string }).hint ? ` ${(error as { hint?: string }).hint}` : ''}` : String(error);
        results.push({ file, ok: false, videoS: 0, wallS: (performance.now() - started) / 1000, out: null, error: message });
        if (files.length === 1) throw error;
        log(`${tag}: failed: ${message}`);
      }
    }
  } finally {
    pool.close();
  }
  if (files.length > 1) {
    const done = results.filter((r) => r.ok);
    const videoS = done.reduce((s, r) => s + r.videoS, 0);
    const wallS = results.reduce((s, r) => s + r.wallS, 0);
    log(`${done.length} of ${files.length} videos analysed: ${videoS.toFixed(1)} s of video in ${wallS.toFixed(1)} s (${(videoS / Math.max(wallS, 1e-9)).toFixed(2)}x real time, ${o.jobs} worker${o.jobs > 1 ? 's' : ''})`);
  }
  return results;
}
