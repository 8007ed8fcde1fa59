/**
 * Runs once before the suite: checks that the production build exists (the web server serves
 * dist/) and makes the fake webcam's y4m clip from a fixture walk with ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_TMP, FAKE_WEBCAM_Y4M, ROOT, WEBCAM_SOURCE_MP4 } from './paths';

export default function globalSetup(): void {
  if (!existsSync(join(ROOT, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run test:e2e` (it builds first) or `npx vite build`.');
  }
  mkdirSync(E2E_TMP, { recursive: true });
  if (existsSync(WEBCAM_SOURCE_MP4) && !isFresh(FAKE_WEBCAM_Y4M, WEBCAM_SOURCE_MP4)) makeWebcamClip();
}

function isFresh(output: string, input: string): boolean {
  return existsSync(output) && statSync(output).mtimeMs >= statSync(input).mtimeMs;
}

/**
 * Chromium's fake capture device plays a y4m (raw I420) in a loop at the clip's own size and
 * frame rate. Written to a temporary name first so an interrupted run leaves no half file.
 */
function makeWebcamClip(): void {
  const partial = `${FAKE_WEBCAM_Y4M}.partial.y4m`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', WEBCAM_SOURCE_MP4, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', partial], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync('mv', [partial, FAKE_WEBCAM_Y4M]);
}
