/**
 * Runs the browser video pipeline on files in headless Chromium (Debian's /usr/bin/chromium) through
 * the dev harness (dev/video.html) and prints each run's summary as JSON: decoding, backend,
 * timing, tensor counts, and the gait report's key numbers.
 *
 *   npx tsx scripts/try-video-in-chromium.ts [--decode-only] [--model thunder] [--port 5183]
 *       [--cancel-after-s S] FILE...
 *
 * Starts its own Vite dev server (or, with --built-dir, a preview server of a build) on --port and
 * stops it (and the browser) at the end.
 */
import { chromium } from 'playwright-core';
import { createServer, preview } from 'vite';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'decode-only': { type: 'boolean', default: false },
    model: { type: 'string', default: 'lightning' },
    port: { type: 'string', default: '5183' },
    'timeout-s': { type: 'string', default: '600' },
    /** Cancel the first run this many seconds after it starts; the other files then check recovery. */
    'cancel-after-s': { type: 'string' },
    /** Serve this built folder (vite build with dev/video.html as an input) instead of the dev server. */
    'built-dir': { type: 'string' },
  },
});
if (positionals.length === 0) {
  console.error('usage: npx tsx scripts/try-video-in-chromium.ts [--decode-only] [--model lightning|thunder] FILE...');
  process.exit(2);
}

const root = resolve(import.meta.dirname, '..');
const port = Number(values.port);
// HMR off: other people's edits in the checkout must not reload the page mid-run.
const server = values['built-dir']
  ? await preview({ root, build: { outDir: resolve(values['built-dir']) }, preview: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' })
  : await createServer({ root, server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null }, logLevel: 'warn' });
if ('listen' in server) await server.listen();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`[page ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.setDefaultTimeout(Number(values['timeout-s']) * 1000);
  await page.goto(`http://127.0.0.1:${values.port}/dev/video.html`);
  await page.waitForSelector('body[data-ready="true"]');
  if (values.model === 'thunder') await page.selectOption('#model', 'thunder');
  if (values['decode-only']) await page.check('#decode-only');
  for (const file of positionals) {
    await page.setInputFiles('#file', resolve(file));
    if (values['cancel-after-s'] !== undefined && file === positionals[0]) {
      await page.waitForTimeout(Number(values['cancel-after-s']) * 1000);
      const cancelledAt = Date.now();
      await page.click('#cancel');
      await page.evaluate(() => (window as unknown as { gaitDev: { last: Promise<unknown> } }).gaitDev.last);
      console.error(`cancel took effect in ${Date.now() - cancelledAt} ms`);
    }
    const summary = await page.evaluate(() => (window as unknown as { gaitDev: { last: Promise<unknown> } }).gaitDev.last);
    console.log(JSON.stringify({ file, summary }, null, 2));
  }
} finally {
  await browser.close();
  if ('close' in server) await server.close();
  else await (server as { httpServer: { close(): void } }).httpServer.close();
}
