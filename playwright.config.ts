/**
 * End-to-end tests (test/e2e/*.spec.ts) in Debian's Chromium against the production build served
 * by `vite preview` (offline support and the service worker exist only there). Run with
 * `npm run test:e2e`, which builds first. Never `npx playwright install`: the browser is
 * /usr/bin/chromium (apt package `chromium`; `npm test` installs it when missing: scripts/test-deps.mjs).
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';
import { E2E_PORT, FAKE_WEBCAM_Y4M } from './test/e2e/helpers/paths';

const chromium = { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] };

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Two shared cores: one browser at a time; pose estimation of a whole video takes a while.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 6 * 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/helpers/globalSetup.ts',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    launchOptions: chromium,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'app',
      testIgnore: ['**/webcam.spec.ts'],
    },
    {
      // getUserMedia plays a y4m made from a fixture walk (globalSetup), camera permission granted.
      name: 'webcam',
      testMatch: '**/webcam.spec.ts',
      use: {
        launchOptions: {
          ...chromium,
          args: [
            ...CHROMIUM_ARGS,
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            `--use-file-for-fake-video-capture=${FAKE_WEBCAM_Y4M}`,
          ],
        },
      },
    },
  ],
  webServer: {
    // The production build; `npm run test:e2e` runs `vite build` first.
    command: `npx vite preview --host 127.0.0.1 --port ${E2E_PORT} --strictPort`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
