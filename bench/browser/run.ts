/**
 * Browser benchmarks in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
 *  - MoveNet per-frame inference (median after warm-up) for Lightning and Thunder on every tfjs
 *    backend: wasm, webgl (SwiftShader here: forced with allowSoftwareGpu), webgpu (when an
 *    adapter exists), cpu (Lightning, a few frames);
 *  - end to end: a 30 fps fixture walk through the app's own video pipeline
 *    (`window.gaitDev.processVideoFile` on dev/video.html: decode, scout, track, in a worker),
 *    as a multiple of real time, beside the bare inference time.
 * The pages are built with the app's Vite config (production code, no dev-server re-optimising)
 * and served by `vite preview` on port 5189; the server and browser are closed at the end.
 * Prints figures and ratios only, never pass/fail. Run alone with `npx tsx bench/browser/run.ts`.
 */
import { execFileSync } from 'node:child_process';
import { TRACKING_MODELS } from '../../src/pose/models/catalog';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import type { BackendName } from '../../src/pose/backend';
import type { PageInferenceRequest, PageInferenceResult } from './page';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = 5189;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const VIDEO_HARNESS = 'dev/video.html';
/** The longest fixture walk (8 s, 240 frames at 30 fps): the least dominated by start-up. */
const VIDEO_FIXTURE = 'fixtures/walks/treadmill.mp4';
/** Lightning also runs on the fixture looped 8 times (64 s, 1920 frames): steady speed, and tensor counts over thousands of frames. */
const LONG_LOOPS = 8;
/**
 * `--webgpu-swiftshader` (or GAIT_BENCH_WEBGPU_SWIFTSHADER=1) lets headless Chromium offer its
 * software WebGPU adapter; it works but compiles for about a minute and runs ~10 s a frame here,
 * so by default WebGPU is measured only where Chromium offers an adapter by itself.
 */
const WEBGPU_SWIFTSHADER = process.argv.includes('--webgpu-swiftshader') || process.env.GAIT_BENCH_WEBGPU_SWIFTSHADER === '1';

const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  // Let WebGL fall back to SwiftShader (software) instead of failing, so webgl can be measured.
  '--enable-unsafe-swiftshader',
  ...(WEBGPU_SWIFTSHADER ? ['--enable-unsafe-webgpu'] : []),
];

interface Plan {
  backend: BackendName;
  models: string[];
  warmupFrames: number;
  frames: number;
  budgetMs: number;
}

/** Software GPU and plain-JS backends are slow here: fewer frames keep the run to about a minute. */
const PLANS: Plan[] = [
  { backend: 'wasm', models: TRACKING_MODELS.map((m) => m.key), warmupFrames: 5, frames: 30, budgetMs: 20_000 },
  { backend: 'webgl', models: ['lightning', 'thunder'], warmupFrames: 2, frames: 10, budgetMs: 10_000 },
  { backend: 'webgpu', models: ['lightning', 'thunder'], warmupFrames: 1, frames: 10, budgetMs: 10_000 },
  { backend: 'cpu', models: ['lightning'], warmupFrames: 1, frames: 3, budgetMs: 5_000 },
];

export interface BrowserInferenceFigure {
  model: string;
  backend: BackendName;
  /** What ran (e.g. "webgl (ANGLE (Google, Vulkan 1.3.0 (SwiftShader ...)))"), or why not. */
  detail: string;
  ok: boolean;
  loadMs?: number;
  firstFrameMs?: number;
  medianMs?: number;
  frames?: number;
}

export interface BrowserVideoFigure {
  model: string;
  /** Workers that tracked (processVideoFile's `workers`; 1 = one worker). */
  workers: number;
  backend: string;
  fixture: string;
  durationS: number;
  frames: number;
  /** processVideoFile from call to result, seen by the page (worker start and model load included). */
  wallS: number;
  realTimeMultiple: number;
  /** The worker's own split of that time. */
  loadS: number;
  scoutS: number;
  trackS: number;
  trackingFps: number;
  inferenceMsPerFrame: number;
  /** Decoding alone (benchmarkDecode: demux + WebCodecs, no model), video seconds per wall second. */
  decodeRealTime?: number;
  /** tf.memory().numTensors in the worker before and after the job, and the range sampled during it. */
  tensors?: { before: number; after: number; min: number; max: number };
}

export interface BrowserFigures {
  chromium: string;
  inference: BrowserInferenceFigure[];
  video: BrowserVideoFigure[];
  /** Why the end-to-end figure is missing, when it is. */
  videoNote?: string;
}

export async function benchmarkBrowser(options: { videoModels?: string[]; inference?: boolean; looped?: boolean; rounds?: number } = {}): Promise<BrowserFigures> {
  const videoModels = options.videoModels ?? TRACKING_MODELS.map((m) => m.key);
  const outDir = mkdtempSync(join(tmpdir(), 'gait-bench-browser-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    const harness = existsSync(join(ROOT, VIDEO_HARNESS));
    await buildPages(outDir, harness);
    server = await preview({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: PORT, strictPort: true, open: false },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BENCH_CHROMIUM_ARGS });
    const figures: BrowserFigures = { chromium: browser.version(), inference: [], video: [] };

    for (const plan of options.inference === false ? [] : PLANS) {
      for (const model of plan.models) {
        const figure = await measureInference(browser, { model, backend: plan.backend, warmupFrames: plan.warmupFrames, frames: plan.frames, budgetMs: plan.budgetMs, width: 640, height: 480 });
        figures.inference.push(figure);
        // A backend that cannot start for one model will not for the other.
        if (!figure.ok) break;
      }
    }

    if (!harness) figures.videoNote = `${VIDEO_HARNESS} not there yet (the browser video pipeline's dev harness)`;
    else if (!existsSync(join(ROOT, VIDEO_FIXTURE))) figures.videoNote = `${VIDEO_FIXTURE} not there yet`;
    else {
      const clips = [
        ...videoModels.map((model) => ({ model, path: join(ROOT, VIDEO_FIXTURE), label: VIDEO_FIXTURE.split('/').pop()! })),
        ...(videoModels.includes('lightning') && options.looped !== false ? loopedClip(outDir).map((clip) => ({ model: 'lightning' as const, ...clip })) : []),
      ];
      // One worker and the default (one per core) alternate on each clip: this VM's speed jumps
      // between two levels, so the two are measured back to back on each clip.
      const cores = await coresSeenByPage(browser);
      outer: for (const { model, path, label } of clips) {
        const order = cores > 1 ? [1, cores] : [1];
        for (const workers of Array.from({ length: options.rounds ?? 1 }, () => order).flat()) {
          try {
            figures.video.push(await measureVideo(browser, model, path, label, workers));
          } catch (error) {
            figures.videoNote = `end-to-end ${model} (${workers} workers) failed: ${error instanceof Error ? error.message : error}`;
            break outer;
          }
        }
      }
    }
    return figures;
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function buildPages(outDir: string, withHarness: boolean): Promise<void> {
  const input: Record<string, string> = { bench: join(ROOT, 'bench/browser/index.html') };
  if (withHarness) input.video = join(ROOT, VIDEO_HARNESS);
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, rollupOptions: { input } },
  });
}

async function openPage(browser: Browser, path: string, global: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/${path}`);
  await page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] !== undefined, global, { timeout: 60_000 });
  return page;
}

async function measureInference(browser: Browser, request: PageInferenceRequest): Promise<BrowserInferenceFigure> {
  const page = await openPage(browser, 'bench/browser/index.html', 'gaitBench');
  try {
    const result: PageInferenceResult = await page.evaluate((r) => window.gaitBench.inference(r), request);
    if (!result.ok) {
      // selectBackend's message lists every attempt; keep this backend's reason.
      const reason = result.error.match(new RegExp(`${request.backend}: ([^;)]*)`))?.[1] ?? result.error;
      return { model: request.model, backend: request.backend, ok: false, detail: reason };
    }
    const sorted = [...result.timesMs].sort((a, b) => a - b);
    return {
      model: result.model,
      backend: result.backend,
      ok: true,
      detail: result.detail,
      loadMs: result.loadMs,
      firstFrameMs: result.firstFrameMs,
      medianMs: median(sorted),
      frames: sorted.length,
    };
  } finally {
    await page.context().close();
  }
}

/** The parts of `processVideoFile`'s result the benchmark reads (src/video/processVideo.ts). */
interface VideoRunSummary {
  backend: string;
  model: string;
  durationS: number;
  frames: number;
  timing: { loadS: number; scoutS: number; trackS: number; trackingFps: number; inferenceMsPerFrame: number };
  pageWallS: number;
  decodeRealTime: number | null;
  tensors: { before: number; after: number; samples: number[] } | null;
}

/** The fixture looped with ffmpeg (stream copy, timestamps continued); none if ffmpeg fails. */
function loopedClip(dir: string): { path: string; label: string }[] {
  const path = join(dir, 'treadmill-looped.mp4');
  try {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', String(LONG_LOOPS - 1), '-i', join(ROOT, VIDEO_FIXTURE), '-c', 'copy', path]);
    return [{ path, label: `treadmill.mp4 looped ${LONG_LOOPS}x` }];
  } catch {
    return [];
  }
}

async function coresSeenByPage(browser: Browser): Promise<number> {
  const page = await openPage(browser, VIDEO_HARNESS, 'gaitDev');
  try {
    return await page.evaluate(() => navigator.hardwareConcurrency || 1);
  } finally {
    await page.context().close();
  }
}

async function measureVideo(browser: Browser, model: string, path: string, label: string, workers: number): Promise<BrowserVideoFigure> {
  const page = await openPage(browser, VIDEO_HARNESS, 'gaitDev');
  try {
    // The fixture reaches the page as if the user had picked the file: bytes, then a Blob.
    await page.route('**/__bench_fixture__.mp4', (route) =>
      route.fulfill({ body: readFileSync(path), contentType: 'video/mp4' }),
    );
    const name = path.split('/').pop()!;
    const run: VideoRunSummary = await page.evaluate(
      async ({ m, fileName, w }) => {
        interface Dev {
          processVideoFile(b: Blob, n: string, o?: object): Promise<{
            backend: string; model: string; info: { durationS: number }; track: { frames: unknown[] };
            timing: VideoRunSummary['timing']; tensors?: VideoRunSummary['tensors'];
          }>;
          benchmarkDecode?(b: Blob, n: string, o?: object): Promise<{ realTimeFactor: number }>;
        }
        const dev = (window as unknown as { gaitDev: Dev }).gaitDev;
        const blob = await (await fetch('/__bench_fixture__.mp4')).blob();
        const start = performance.now();
        const r = await dev.processVideoFile(blob, fileName, { model: m, workers: w });
        const pageWallS = (performance.now() - start) / 1000;
        const decode = dev.benchmarkDecode && w === 1 ? await dev.benchmarkDecode(blob, fileName, {}) : null;
        // Only the figures cross back (the track itself is large).
        return {
          backend: r.backend, model: r.model, durationS: r.info.durationS, frames: r.track.frames.length,
          timing: r.timing, pageWallS, decodeRealTime: decode ? decode.realTimeFactor : null, tensors: r.tensors ?? null,
        };
      },
      { m: model, fileName: name, w: workers },
    );
    return {
      model: run.model,
      workers,
      backend: run.backend,
      fixture: label,
      durationS: run.durationS,
      frames: run.frames,
      wallS: run.pageWallS,
      realTimeMultiple: run.durationS / run.pageWallS,
      loadS: run.timing.loadS,
      scoutS: run.timing.scoutS,
      trackS: run.timing.trackS,
      trackingFps: run.timing.trackingFps,
      inferenceMsPerFrame: run.timing.inferenceMsPerFrame,
      decodeRealTime: run.decodeRealTime ?? undefined,
      tensors: run.tensors
        ? { before: run.tensors.before, after: run.tensors.after, min: Math.min(...run.tensors.samples, run.tensors.before), max: Math.max(...run.tensors.samples, run.tensors.after) }
        : undefined,
    };
  } finally {
    await page.context().close();
  }
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function formatBrowserFigures(f: BrowserFigures): string {
  const lines = [`MoveNet inference in headless Chromium ${f.chromium} (640x480 canvas in, keypoints out; median after warm-up):`];
  const rows = [['model', 'backend', 'load ms', 'first ms', 'median ms', 'fps', 'x real time (30 fps)', 'frames', 'what ran']];
  for (const r of f.inference) {
    if (!r.ok) {
      rows.push([r.model, r.backend, '-', '-', '-', '-', '-', '-', r.backend === 'webgpu' && /adapter|navigator\.gpu/i.test(r.detail) ? `no adapter (${r.detail}; --webgpu-swiftshader to try the software one)` : `not working: ${r.detail}`]);
      continue;
    }
    const fps = 1000 / r.medianMs!;
    rows.push([r.model, r.backend, r.loadMs!.toFixed(0), r.firstFrameMs!.toFixed(0), r.medianMs!.toFixed(1), fps.toFixed(1), (fps / 30).toFixed(2), String(r.frames), r.detail]);
  }
  lines.push(table(rows));
  lines.push('');
  if (f.video.length === 0) {
    lines.push(`End-to-end video in headless Chromium: not measured (${f.videoNote ?? 'no result'}).`);
    return lines.join('\n');
  }
  lines.push('End-to-end uploaded video in headless Chromium (processVideoFile: demux, WebCodecs decode, MultiPose scouting, tracking every frame, in a worker):');
  const videoRows = [['model', 'workers', 'backend', 'clip', 'frames', 'wall s', 'x real time', 'load s', 'scout s', 'track s', 'track fps', 'model ms/frame', 'bare inference ms', 'wall ms/frame', 'overhead', 'decode alone', 'tensors before/after (min-max during)']];
  for (const v of f.video) {
    const bare = f.inference.find((r) => r.ok && v.model.endsWith(r.model) && v.backend.startsWith(r.backend));
    const perFrameMs = (v.wallS * 1000) / v.frames;
    videoRows.push([
      v.model,
      String(v.workers),
      v.backend,
      `${v.fixture} (${v.durationS.toFixed(1)} s, 30 fps)`,
      String(v.frames),
      v.wallS.toFixed(1),
      `${v.realTimeMultiple.toFixed(2)}x`,
      v.loadS.toFixed(1),
      v.scoutS.toFixed(1),
      v.trackS.toFixed(1),
      v.trackingFps.toFixed(1),
      v.inferenceMsPerFrame.toFixed(1),
      bare ? bare.medianMs!.toFixed(1) : '-',
      perFrameMs.toFixed(1),
      bare ? `${(perFrameMs / bare.medianMs!).toFixed(2)}x bare` : '-',
      v.decodeRealTime !== undefined ? `${v.decodeRealTime.toFixed(1)}x real time` : '-',
      v.tensors ? `${v.tensors.before}/${v.tensors.after} (${v.tensors.min}-${v.tensors.max})` : '-',
    ]);
  }
  lines.push(table(videoRows));
  lines.push('  x real time = clip seconds / wall seconds (above 1 = faster than real time); overhead = wall time per frame / bare inference time.');
  lines.push('  The bare figure is MoveNet on a whole 640x480 frame; the pipeline gives it a crop around the walker (model ms/frame), so its model time can be lower.');
  for (const v of f.video) {
    const trackingOnly = v.durationS / v.trackS;
    lines.push(`  ${v.model}, ${v.workers} worker${v.workers > 1 ? 's' : ''}, ${v.fixture}: ${v.realTimeMultiple.toFixed(2)}x real time end to end; tracking stage alone ${trackingOnly.toFixed(2)}x; scouting (MultiPose) ${((100 * v.scoutS) / v.wallS).toFixed(0)} % of the wall time.`);
  }
  for (const n of f.video.filter((v) => v.workers > 1)) {
    const one = f.video.find((v) => v.workers === 1 && v.model === n.model && v.fixture === n.fixture);
    if (one) lines.push(`  ${n.model}, ${n.fixture}: ${n.workers} workers ${n.realTimeMultiple.toFixed(2)}x vs 1 worker ${one.realTimeMultiple.toFixed(2)}x real time = ${(n.realTimeMultiple / one.realTimeMultiple).toFixed(2)}x the single-worker speed.`);
  }
  if (f.videoNote) lines.push(f.videoNote);
  return lines.join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => (cell ?? '').padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatBrowserFigures(await benchmarkBrowser()));
}
