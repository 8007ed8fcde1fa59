/** Where the e2e suite finds things; shared by playwright.config.ts, globalSetup and the specs. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WALKS_DIR = join(ROOT, 'fixtures/walks');
export const BAD_DIR = join(ROOT, 'fixtures/bad');
/** `vite preview` of the production build (E2E ports are 5187-5189, see notes). */
export const E2E_PORT = Number(process.env.GAIT_E2E_PORT ?? 5187);
/** Scratch files made by globalSetup (not in the repo). */
export const E2E_TMP = join(tmpdir(), `gait-e2e-${process.getuid?.() ?? 'user'}`);
/** The fake webcam's clip: fixtures/walks/healthy-ltr.mp4 converted to y4m by globalSetup. */
export const WEBCAM_SOURCE_MP4 = join(WALKS_DIR, 'healthy-ltr.mp4');
export const FAKE_WEBCAM_Y4M = join(E2E_TMP, 'webcam-healthy-ltr.y4m');
/** Screenshots for people to look at (git-ignored with the rest of test-results/). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
