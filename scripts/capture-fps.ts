/**
 * How many of the camera's frames a recording keeps, idle and with cores kept busy: Chromium's fake
 * camera plays the webcam test's clip (test/e2e globalSetup makes it), dev/capture-fps.ts records
 * it with each recorder, with and without the live pose loop, and reads the file back.
 *
 *   npx tsx scripts/capture-fps.ts [--seconds 10] [--spinners 1] [--recorders webcodecs,mediarecorder] [--pose 0,0.5]
 *
 * Prints one line per run: camera frames (MediaStreamTrack.stats), frames the <video> presented,
 * frames recorded, recorded fps and the largest gap. Figures, never pass/fail.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { FAKE_WEBCAM_Y4M, ROOT } from '../test/e2e/helpers/paths';
import type { MeasureOptions, MeasureResult } from '../dev/capture-fps';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    spinners: { type: 'string', default: '0,1' },
    recorders: { type: 'string', default: 'webcodecs,mediarecorder' },
    // e.g. webcodecs:vp8,mediarecorder:video/webm;codecs=vp9 (a recorder with one format)
    pose: { type: 'string', default: '0,0.5' },
    port: { type: 'string', default: '5296' },
  },
});
if (!existsSync(FAKE_WEBCAM_Y4M)) throw new Error(`${FAKE_WEBCAM_Y4M} is missing: run the webcam e2e test once (its globalSetup makes it).`);

const server = await createServer({ root: ROOT, server: { port: Number(values.port), strictPort: true, host: '127.0.0.1', hmr: false, watch: null }, logLevel: 'warn' });
await server.listen();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${FAKE_WEBCAM_Y4M}`],
});

try {
  for (const spinners of values.spinners.split(',').map(Number)) {
    const load = Array.from({ length: spinners }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    try {
      for (const recorder of values.recorders.split(',')) {
        for (const poseShare of values.pose.split(',').map(Number)) {
          const page = await browser.newPage();
          await page.goto(`http://127.0.0.1:${values.port}/dev/capture-fps.html`);
          await page.waitForFunction(() => 'captureFps' in window, undefined, { timeout: 120_000 });
          const options: MeasureOptions = { recorder, seconds: Number(values.seconds), poseShare };
          const r = await page.evaluate(
            (o) => (window as unknown as { captureFps: { measure(o: MeasureOptions): Promise<MeasureResult> } }).captureFps.measure(o),
            options,
          );
          const fps = r.recordedSpanS > 0 ? (r.recordedFrames - 1) / r.recordedSpanS : 0;
          console.log(
            `load ${spinners} | ${recorder.padEnd(24)} ${r.mimeType.padEnd(10)} | pose ${poseShare ? `${poseShare * 100}%` : 'off'} (${r.poses} poses, ${r.poseStatus})` +
              ` | camera ${r.cameraFrames ?? '?'} frames (${r.cameraFrames !== null ? (r.cameraFrames / r.seconds).toFixed(1) : '?'} fps, settings ${r.settingsFps})` +
              ` | presented ${r.presentedFrames} | recorded ${r.recordedFrames} over ${r.recordedSpanS.toFixed(2)} s = ${fps.toFixed(1)} fps, max gap ${r.maxGapMs.toFixed(0)} ms ${r.recorderCounts}\n    gaps > 50 ms: ${r.gaps || 'none'}`,
          );
          await page.close();
        }
      }
    } finally {
      load.forEach((child) => child.kill('SIGKILL'));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
