import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL, poseModel, POSE_MODELS, SCOUT_MODEL } from './src/pose/models/catalog.ts';

const MODELS_DIR = fileURLToPath(new URL('./models/', import.meta.url));
/** The weight files of every catalogue model (each JSON with its .bin), never fetch-models' .partial-* files or the README. */
const MODEL_FILES = new Set(POSE_MODELS.flatMap((m) => m.files.flatMap((json) => [json, json.replace(/\.json$/, '.bin')])));
/** Precached for offline use at the first visit: the default model and the scout. Other models are cached when first used. */
const PRECACHED_MODELS = [poseModel(DEFAULT_MODEL), poseModel(SCOUT_MODEL)].flatMap((m) => m.files.map((json) => json.replace(/\.json$/, '')));

/**
 * Serves models/ (the pose models' weights that `npm install` fetches; git-ignored) at `<base>models/`
 * in dev and copies the same files into the build, so the app loads its models from its own
 * origin. A plugin rather than `publicDir: 'models'`, which would put the files at the site root,
 * ship the README, and hide a missing download until the app fails in a user's browser: here a
 * build without the weights stops with the fix in the message.
 */
function poseModels(): Plugin {
  const modelFiles = () => (existsSync(MODELS_DIR) ? readdirSync(MODELS_DIR).filter((name) => MODEL_FILES.has(name)) : []);
  const missingMessage = 'Pose model weights missing in models/: run `npm install` (or `npm run fetch-models`).';
  return {
    name: 'gait:pose-models',
    configureServer(server) {
      // Registered directly, so it answers before Vite's own middlewares (no transforms on .json).
      server.middlewares.use(`${server.config.base}models/`, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
        if (!MODEL_FILES.has(name)) return next();
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
      const missing = [...MODEL_FILES].filter((name) => !files.includes(name));
      if (missing.length) this.error(`${missingMessage} Missing: ${missing.join(', ')}`);
      for (const name of files) {
        this.emitFile({ type: 'asset', fileName: `models/${name}`, source: readFileSync(join(MODELS_DIR, name)) });
      }
    },
  };
}

/**
 * Offline after the first visit: a service worker (Workbox, generated at build time) precaches the
 * app shell, the wasm backends, the default model's and the scout's weights and the demo walk; the
 * other models' weights (BlazePose: up to 34 MB) are cached the first time they are used, so a
 * first visit does not download models the user may never choose. Registered by a script file
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
      globPatterns: ['*.{js,html,svg,png,ico}', 'assets/**/*.{js,css,wasm,json,svg,png,mp4}', ...PRECACHED_MODELS.map((name) => `models/${name}.{json,bin}`)],
      // The MoveNet weights are up to ~12.5 MB (Thunder's .bin); Workbox skips files over 2 MB by default.
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      navigateFallback: 'index.html',
      runtimeCaching: [{ urlPattern: /\/models\/[a-z0-9-]+\.(json|bin)$/, handler: 'CacheFirst', options: { cacheName: 'gait-models' } }],
    },
  });
}

export default defineConfig({
  plugins: [poseModels(), offline()],
  resolve: {
    alias: {
      '@mediapipe/pose': fileURLToPath(new URL('./src/pose/mediapipe-pose-stub.ts', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
