import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODELS_DIR = fileURLToPath(new URL('./models/', import.meta.url));
/** The weight files fetch-models.mjs writes (never its .partial-* files or the README). */
const MODEL_FILE = /^movenet-[a-z]+\.(json|bin)$/;

/**
 * Serves models/ (the MoveNet weights that `npm install` fetches; git-ignored) at `<base>models/`
 * in dev and copies the same files into the build, so the app loads its models from its own
 * origin. A plugin rather than `publicDir: 'models'`, which would put the files at the site root,
 * ship the README, and hide a missing download until the app fails in a user's browser: here a
 * build without the weights stops with the fix in the message.
 */
function moveNetModels(): Plugin {
  const modelFiles = () => (existsSync(MODELS_DIR) ? readdirSync(MODELS_DIR).filter((name) => MODEL_FILE.test(name)) : []);
  const missingMessage = 'MoveNet weights missing in models/: run `npm install` (or `npm run fetch-models`).';
  return {
    name: 'gait:movenet-models',
    configureServer(server) {
      // Registered directly, so it answers before Vite's own middlewares (no transforms on .json).
      server.middlewares.use(`${server.config.base}models/`, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
        if (!MODEL_FILE.test(name)) return next();
        const path = join(MODELS_DIR, name);
        if (!existsSync(path)) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end(missingMessage);
          return;
        }
        res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(path).size));
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(path).pipe(res);
      });
    },
    generateBundle() {
      const files = modelFiles();
      if (files.length === 0) this.error(missingMessage);
      for (const name of files) {
        this.emitFile({ type: 'asset', fileName: `models/${name}`, source: readFileSync(join(MODELS_DIR, name)) });
      }
    },
  };
}

/**
 * Offline after the first visit: a service worker (Workbox, generated at build time) precaches the
 * app shell, the wasm backends, the MoveNet weights and the demo walk. Registered by a script file
 * (`registerSW.js`), never an inline script, so the page's CSP needs no 'unsafe-inline' for scripts.
 * Only in the build: the dev server runs without a service worker.
 */
function offline() {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: 'script',
    manifest: {
      name: 'Gait analysis',
      short_name: 'Gait',
      description: 'Film or upload a walk; hip and knee angles per gait phase, flags and exercises. Runs on the device, offline.',
      theme_color: '#0b5cad',
      background_color: '#f6f7f9',
      display: 'standalone',
      start_url: '.',
      // The one icon ships with the app (public/): nothing is fetched from elsewhere.
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      // (The web manifest is added by the plugin itself.)
      globPatterns: ['**/*.{js,css,html,wasm,json,bin,svg,png,ico,mp4}'],
      // The MoveNet weights are up to ~12.5 MB (Thunder's .bin); Workbox skips files over 2 MB by default.
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      navigateFallback: 'index.html',
    },
  });
}

export default defineConfig({
  plugins: [moveNetModels(), offline()],
  resolve: {
    alias: {
      '@mediapipe/pose': fileURLToPath(new URL('./src/pose/mediapipe-pose-stub.ts', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
