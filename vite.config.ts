import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig({
  plugins: [moveNetModels()],
  resolve: {
    alias: {
      '@mediapipe/pose': fileURLToPath(new URL('./src/pose/mediapipe-pose-stub.ts', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
