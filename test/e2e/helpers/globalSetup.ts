/**
 * Runs once before the suite: checks that the production build exists (the web server serves
 * dist/) and makes the fake webcam's y4m clip from a fixture walk with ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_TMP, FAKE_WEBCAM_Y4M, ROOT, WEBCAM_SOURCE_MP4 } from './paths';

export default function globalSetup(): void {
  if (!existsSync(join(ROOT, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run test:e2e` (it builds first) or `npx vite build`.');
  }
  mkdirSync(E2E_TMP, { recursive: true });
  if (existsSync(WEBCAM_SOURCE_MP4) && !isFresh(FAKE_WEBCAM_Y4M, WEBCAM_SOURCE_MP4, fileURLToPath(import.meta.url))) makeWebcamClip();
}

/** The output is newer than every input (this file included: the filter may change). */
function isFresh(output: string, ...inputs: string[]): boolean {
  return existsSync(output) && inputs.every((input) => statSync(output).mtimeMs >= statSync(input).mtimeMs);
}

/**
 * Chromium's fake capture device plays a y4m (raw I420) in a loop at the clip's frame rate. It
 * scales the picture to the size getUserMedia settles on without keeping the aspect ratio, so the
 * 2:1 fixture is letterboxed to a camera's 1280x720 first (the app asks for 1280x720), with the
 * fixture's own wall and floor colours above and below: a real camera's picture, not a stretched
 * one. Written to a temporary name first so an interrupted run leaves no half file.
 */
const WEBCAM_FILTER = [
  'scale=1280:640',
  'pad=1280:720:0:40:color=0xd2d7d1', // the fixture's wall colour
  'drawbox=x=0:y=680:w=1280:h=40:color=0x897f70:t=fill', // its floor colour
].join(',');

function makeWebcamClip(): void {
  const partial = `${FAKE_WEBCAM_Y4M}.partial.y4m`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', WEBCAM_SOURCE_MP4, '-vf', WEBCAM_FILTER, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', partial], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync('mv', [partial, FAKE_WEBCAM_Y4M]);
}
