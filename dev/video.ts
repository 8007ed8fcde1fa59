/**
 * Dev harness for the video pipeline (not part of the app): pick a file, watch the progress, read
 * a summary of the pose track and of the gait report. For scripts (Playwright, benchmarks):
 *
 *   window.gaitDev.processVideoFile(blob, name, options)  // the real API
 *   window.gaitDev.analyzeTrack(track)
 *   window.gaitDev.benchmarkDecode(blob, name, { cropSize })
 *   window.gaitDev.run(file, { model, decodeOnly })       // what the page does: resolves to the summary
 *   window.gaitDev.last                                   // promise of the latest run's summary
 *
 * Setting files on the input (page.setInputFiles('#file', path)) starts a run too.
 */
import { analyzeTrack } from '../src/core/analyze';
import { benchmarkDecode, processVideoFile, type ProcessVideoOptions, type ProcessVideoResult } from '../src/video/processVideo';
import { VideoInputError, type PipelineProgress } from '../src/contracts';

interface RunSummary {
  ok: boolean;
  error?: { code: string; message: string; hint?: string };
  [key: string]: unknown;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fileInput = byId<HTMLInputElement>('file');
const modelSelect = byId<HTMLSelectElement>('model');
const decodeOnly = byId<HTMLInputElement>('decode-only');
const cancelButton = byId<HTMLButtonElement>('cancel');
const progressBar = byId<HTMLProgressElement>('progress');
const statusLine = byId<HTMLParagraphElement>('status');
const backendLine = byId<HTMLParagraphElement>('backend');
const errorLine = byId<HTMLParagraphElement>('error');
const summaryBlock = byId<HTMLPreElement>('summary');

let controller: AbortController | null = null;

function showProgress(p: PipelineProgress & { backend?: string }): void {
  progressBar.max = Math.max(1, p.framesTotal);
  progressBar.value = p.framesDone;
  const eta = p.etaS === null ? '…' : `${p.etaS.toFixed(1)} s left`;
  statusLine.textContent = `${p.stage}: ${p.framesDone} / ${p.framesTotal} frames, ${p.fps.toFixed(1)} frames/s, ${eta}`;
  if (p.backend) backendLine.textContent = `Backend: ${p.backend}`;
}

function summarise(result: ProcessVideoResult, wallS: number): RunSummary {
  const summary: RunSummary = {
    ok: true,
    info: result.info,
    backend: result.backend,
    model: result.model,
    warnings: result.warnings,
    frames: result.track.frames.length,
    personId: result.personId,
    people: result.people.map((p) => ({ id: p.id, walkingScore: Number(p.walkingScore.toFixed(3)), description: p.description })),
    timing: { ...result.timing, pageWallS: wallS, realTimeFactor: result.info.durationS / result.timing.wallS },
    tensors: result.tensors,
    memory: result.memory,
  };
  try {
    const report = analyzeTrack(result.track);
    summary.report = {
      direction: report.direction,
      walking: report.walking,
      setting: report.setting,
      cadence: report.summary.cadence,
      cycles: { left: report.sides.left.cycles.length, right: report.sides.right.cycles.length },
      heelStrikes: { left: report.sides.left.heelStrikes, right: report.sides.right.heelStrikes },
      quality: { detectedFraction: report.quality.detectedFraction, meanKeypointScore: report.quality.meanKeypointScore, sideView: report.quality.sideView },
      flags: report.flags.map((flag) => flag.id),
    };
  } catch (error) {
    summary.reportError = error instanceof Error ? { name: error.name, code: (error as { code?: string }).code, message: error.message } : String(error);
  }
  return summary;
}

async function run(file: Blob & { name?: string }, options: { model?: 'lightning' | 'thunder'; decodeOnly?: boolean; personId?: number } = {}): Promise<RunSummary> {
  controller?.abort();
  const ownController = new AbortController();
  controller = ownController;
  cancelButton.disabled = false;
  errorLine.textContent = '';
  summaryBlock.textContent = '';
  progressBar.value = 0;
  const name = file.name ?? 'video';
  const started = performance.now();
  let summary: RunSummary;
  try {
    if (options.decodeOnly) {
      statusLine.textContent = 'Decoding…';
      const plain = await benchmarkDecode(file, name, { signal: ownController.signal });
      const withFullImage = await benchmarkDecode(file, name, { fullImageEvery: 8, signal: ownController.signal });
      const cropped = await benchmarkDecode(file, name, { cropSize: 192, signal: ownController.signal });
      const canvasCropped = await benchmarkDecode(file, name, { cropSize: 192, cropMethod: 'canvas', signal: ownController.signal });
      summary = { ok: true, decode: plain, decodeAndFullImageEvery8: withFullImage, decodeAndCrop192: cropped, decodeAndCanvasCrop192: canvasCropped };
      statusLine.textContent = `Decoded ${plain.frames} frames at ${plain.fps.toFixed(1)} frames/s.`;
    } else {
      const progressLog: unknown[] = [];
      let lastStage = '';
      let events = 0;
      const onProgress: ProcessVideoOptions['onProgress'] = (p) => {
        showProgress(p);
        // A sample of what the UI receives: each stage's first event and every 20th after.
        if (p.stage !== lastStage || ++events % 20 === 0) progressLog.push({ ...p, atS: Number(((performance.now() - started) / 1000).toFixed(2)) });
        lastStage = p.stage;
      };
      const processOptions: ProcessVideoOptions = { model: options.model ?? 'lightning', signal: ownController.signal, onProgress };
      if (options.personId !== undefined && lastResult) {
        processOptions.people = lastResult.people;
        processOptions.personId = options.personId;
      }
      const result = await processVideoFile(file, name, processOptions);
      lastResult = result;
      lastTrack = result.track;
      summary = summarise(result, (performance.now() - started) / 1000);
      summary.progressLog = progressLog;
      statusLine.textContent = `Done: ${result.track.frames.length} frames in ${result.timing.wallS.toFixed(1)} s.`;
    }
  } catch (error) {
    const code = error instanceof VideoInputError ? error.code : 'internal';
    const hint = error instanceof VideoInputError ? error.hint : undefined;
    summary = { ok: false, error: { code, message: error instanceof Error ? error.message : String(error), ...(hint ? { hint } : {}) } };
    errorLine.textContent = `[${code}] ${summary.error!.message}${hint ? ` — ${hint}` : ''}`;
    statusLine.textContent = 'Failed.';
  } finally {
    if (controller === ownController) controller = null;
    cancelButton.disabled = controller === null;
  }
  summaryBlock.textContent = JSON.stringify(summary, null, 2);
  return summary;
}

let lastResult: ProcessVideoResult | null = null;
let lastTrack: ProcessVideoResult['track'] | null = null;

const gaitDev = {
  processVideoFile,
  analyzeTrack,
  benchmarkDecode,
  run,
  last: Promise.resolve<RunSummary | null>(null),
  cancel: () => controller?.abort(),
  get track() {
    return lastTrack;
  },
};
(window as unknown as { gaitDev: typeof gaitDev }).gaitDev = gaitDev;

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) gaitDev.last = run(file, { model: modelSelect.value as 'lightning' | 'thunder', decodeOnly: decodeOnly.checked });
});
cancelButton.addEventListener('click', () => controller?.abort());
document.body.dataset.ready = 'true';
