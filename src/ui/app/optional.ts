/**
 * The parts of the app that other modules provide, loaded on demand: the results view (chart.js),
 * the camera, the video pipeline (tfjs, mediabunny) and the demo walk. Loading them lazily keeps
 * the first page light. The results view and the demo walk go through `import.meta.glob`, so the
 * shell still builds where they are missing (it then shows a placeholder or disables the demo).
 */
import type { ProcessVideoOptions, ProcessVideoResult } from '../../video/processVideo';

export type { ProcessVideoOptions, ProcessVideoResult };
export type ProcessVideoFile = (file: Blob, name: string, o?: ProcessVideoOptions) => Promise<ProcessVideoResult>;

const resultsModules = import.meta.glob('../results/results.ts');
const demoUrls = import.meta.glob<string>('../../../fixtures/walks/healthy-ltr.mp4', { query: '?url', import: 'default' });

function only<T>(modules: Record<string, () => Promise<T>>): (() => Promise<T>) | null {
  const loaders = Object.values(modules);
  return loaders.length ? loaders[0] : null;
}

/** The video pipeline (tfjs, mediabunny and the worker: loaded on first use). */
export async function loadProcessVideo(): Promise<ProcessVideoFile> {
  return (await import('../../video/processVideo')).processVideoFile;
}

/** Defines <gait-results>; false in a build without it. */
export async function loadResultsElement(): Promise<boolean> {
  const load = only(resultsModules);
  if (!load) return false;
  await load();
  return true;
}

/** Defines <gait-camera> (loaded when the user chooses to film). */
export async function loadCameraElement(): Promise<boolean> {
  await import('../camera/camera');
  return true;
}

/** URL of the demo walk on the app's own origin, or null in a build without it. */
export async function demoVideoUrl(): Promise<string | null> {
  const load = only(demoUrls);
  return load ? load() : null;
}
