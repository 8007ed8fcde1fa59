/**
 * The parts of the app that other modules provide, loaded on demand: the results view (chart.js),
 * the camera, the video pipeline (tfjs, mediabunny) and the demo walk. Loading them lazily keeps
 * the first page light, and `import.meta.glob` lets the shell build while a part is missing (the
 * glob is then empty and the shell shows a placeholder or a clear message instead).
 */
import type { GaitPoseTrack } from '../../core/format/poseTrack';
import type { FrameSourceInfo, PersonCandidate, PipelineProgress } from '../../video/types';

/** The contract of src/video/processVideo.ts (see /work/notes/session2.md). */
export interface ProcessVideoOptions {
  model?: 'lightning' | 'thunder';
  people?: PersonCandidate[];
  personId?: number;
  signal?: AbortSignal;
  onProgress?: (p: PipelineProgress & { backend?: string }) => void;
  sourceKind?: 'video' | 'webcam';
}

export interface ProcessVideoResult {
  track: GaitPoseTrack;
  people: PersonCandidate[];
  personId: number | null;
  backend: string;
  model: string;
  info: FrameSourceInfo;
  timing: { wallS: number; trackingFps: number; inferenceMsPerFrame: number };
}

export type ProcessVideoFile = (file: Blob, name: string, o?: ProcessVideoOptions) => Promise<ProcessVideoResult>;

const processVideoModules = import.meta.glob<{ processVideoFile: ProcessVideoFile }>('../../video/processVideo.ts');
const resultsModules = import.meta.glob('../results/results.ts');
const cameraModules = import.meta.glob('../camera/camera.ts');
const demoUrls = import.meta.glob<string>('../../../fixtures/walks/healthy-ltr.mp4', { query: '?url', import: 'default' });

function only<T>(modules: Record<string, () => Promise<T>>): (() => Promise<T>) | null {
  const loaders = Object.values(modules);
  return loaders.length ? loaders[0] : null;
}

/** The video pipeline, or null in a build without it. */
export async function loadProcessVideo(): Promise<ProcessVideoFile | null> {
  const load = only(processVideoModules);
  return load ? (await load()).processVideoFile : null;
}

/** Defines <gait-results>; false in a build without it. */
export async function loadResultsElement(): Promise<boolean> {
  const load = only(resultsModules);
  if (!load) return false;
  await load();
  return true;
}

/** Defines <gait-camera>; false in a build without it. */
export async function loadCameraElement(): Promise<boolean> {
  const load = only(cameraModules);
  if (!load) return false;
  await load();
  return true;
}

/** URL of the demo walk on the app's own origin, or null in a build without it. */
export async function demoVideoUrl(): Promise<string | null> {
  const load = only(demoUrls);
  return load ? load() : null;
}
