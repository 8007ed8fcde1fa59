/**
 * Node-only: a tfjs IOHandler that reads a graph model (JSON + weight files) from disk, since
 * tfjs-core's own loaders speak HTTP and IndexedDB only (the fs loader lives in tfjs-node, which
 * cannot be installed here). Kept out of the browser bundle: nothing outside src/pose/node imports it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from '@tensorflow/tfjs-core';

/** The project's models/ folder, filled by `npm install` (scripts/fetch-models.mjs). */
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));

export class ModelFilesMissingError extends Error {}

/** Path of a graph model's JSON in `modelsDir`; throws a "run npm install" error naming `family` when it or its weights are missing. */
export function modelFilePath(jsonFile: string, family: string, modelsDir = DEFAULT_MODELS_DIR): string {
  const jsonPath = resolve(modelsDir, jsonFile);
  const binPath = jsonPath.replace(/\.json$/, '.bin');
  for (const path of [jsonPath, binPath]) {
    if (!existsSync(path)) {
      throw new ModelFilesMissingError(
        `${family} weights missing: ${path} does not exist. Run \`npm install\` (or \`npm run fetch-models\`) ` +
          'to download them into models/.',
      );
    }
  }
  return jsonPath;
}

/** An IOHandler that loads the graph model at `jsonPath` and the weight files it lists beside it. */
export function fileSystemModelHandler(jsonPath: string): io.IOHandler {
  return {
    async load() {
      const modelJson = JSON.parse(await readFile(jsonPath, 'utf8')) as io.ModelJSON;
      return io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const weightSpecs = manifest.flatMap((group) => group.weights);
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          for (const path of group.paths) {
            const bytes = await readFile(join(dirname(jsonPath), path));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
          }
        }
        return [weightSpecs, buffers];
      });
    },
  };
}
