/**
 * Picks the fastest tfjs backend that really works here, and says why the others did not.
 *
 * Order: webgpu, webgl, wasm (SIMD; threads when cross-origin isolated), cpu. Two traps:
 * - `tf.setBackend()` returns false on failure and silently keeps the previous backend, so every
 *   candidate is checked by its return value *and* by running a tiny op with a known answer.
 * - A GPU backend on a software renderer (SwiftShader, llvmpipe, a WebGPU fallback adapter) works
 *   but is ~10x slower than wasm (MoveNet Lightning: 228 ms vs 27 ms per frame in headless
 *   Chromium, see docs/toolchain.md), so it is refused unless asked for by name.
 * The webgl, wasm and cpu packages are imported on demand: Node never loads webgl, and the browser
 * bundle keeps each in its own chunk.
 */
import * as tf from '@tensorflow/tfjs-core';
// Static, unlike the other backends: pose-detection imports it statically anyway (a dynamic import
// could not split it off), and it registers nothing where WebGPU is missing, Node included.
import '@tensorflow/tfjs-backend-webgpu';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Fastest first. */
export const BROWSER_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
/** tfjs-node cannot be installed here (it downloads libtensorflow), so Node has wasm and cpu. */
export const NODE_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

/** Where the three tfjs-backend-wasm binaries are: a folder prefix ending in '/', or one URL each. */
export type WasmPaths =
  | string
  | {
      'tfjs-backend-wasm.wasm': string;
      'tfjs-backend-wasm-simd.wasm': string;
      'tfjs-backend-wasm-threaded-simd.wasm': string;
    };

export interface BackendOptions {
  /** Use exactly this backend (benchmarks); selection throws if it does not work. */
  force?: BackendName;
  /** Candidates in order of preference; default: NODE_BACKENDS in Node, else BROWSER_BACKENDS. */
  candidates?: readonly BackendName[];
  /** Required for wasm in a bundled browser app (see browser.ts); optional in Node (node/index.ts). */
  wasmPaths?: WasmPaths;
  /** Accept webgl/webgpu on a software renderer (normally refused as slower than wasm). */
  allowSoftwareGpu?: boolean;
}

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** On success what runs (e.g. "wasm (SIMD, 1 thread)"); on failure why it was not used. */
  detail: string;
}

export interface BackendSelection {
  backend: BackendName;
  /** Human-readable description of the chosen backend, e.g. "webgl (ANGLE (NVIDIA ...))". */
  detail: string;
  /** Every candidate tried, in order, up to and including the chosen one. */
  attempts: BackendAttempt[];
}

export const isNode = (): boolean =>
  typeof process !== 'undefined' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

/** Renderer names of the software rasterisers Chromium and Mesa fall back to. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

class BackendUnavailable extends Error {}

export async function selectBackend(options: BackendOptions = {}): Promise<BackendSelection> {
  const candidates = options.force ? [options.force] : (options.candidates ?? (isNode() ? NODE_BACKENDS : BROWSER_BACKENDS));
  const allowSoftwareGpu = options.allowSoftwareGpu ?? options.force !== undefined;
  const attempts: BackendAttempt[] = [];
  for (const backend of candidates) {
    try {
      const detail = await activate(backend, options.wasmPaths, allowSoftwareGpu);
      await confirmArithmetic();
      attempts.push({ backend, ok: true, detail });
      return { backend, detail, attempts };
    } catch (error) {
      // A backend that initialised but failed the check stays registered; the next successful
      // setBackend replaces it as the active one.
      attempts.push({ backend, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  const reasons = attempts.map((attempt) => `${attempt.backend}: ${attempt.detail}`).join('; ');
  throw new Error(`No tfjs backend works here (${reasons}).`);
}

async function activate(backend: BackendName, wasmPaths: WasmPaths | undefined, allowSoftwareGpu: boolean): Promise<string> {
  switch (backend) {
    case 'webgpu': {
      if (isNode()) throw new BackendUnavailable('not available in Node');
      const adapterNote = await probeWebGpuAdapter(allowSoftwareGpu);
      await setBackendChecked('webgpu');
      return `webgpu (${adapterNote})`;
    }
    case 'webgl': {
      if (isNode()) throw new BackendUnavailable('not available in Node');
      // Probe the renderer on a throw-away context first, so a software one is never initialised.
      const renderer = webglRenderer();
      if (renderer === undefined) throw new BackendUnavailable('no WebGL context');
      if (!allowSoftwareGpu && renderer !== null && SOFTWARE_RENDERER.test(renderer)) {
        throw new BackendUnavailable(`software renderer (${renderer}), slower than wasm`);
      }
      await import('@tensorflow/tfjs-backend-webgl');
      await setBackendChecked('webgl');
      return `webgl (${renderer ?? 'renderer hidden'})`;
    }
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // Must precede the backend's first initialisation; later calls are harmless. (Not guarded by
      // tf.findBackend: that call itself starts initialising a registered backend.)
      if (wasmPaths !== undefined) wasm.setWasmPaths(wasmPaths);
      await setBackendChecked('wasm');
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const threads = wasm.getThreadsCount();
      return `wasm (${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'})`;
    }
    case 'cpu': {
      await import('@tensorflow/tfjs-backend-cpu');
      await setBackendChecked('cpu');
      return 'cpu (plain JavaScript, slow)';
    }
  }
}

/**
 * `tf.setBackend` only returns false and logs the cause with console.warn; capture that text so the
 * selection can say why a backend failed.
 */
async function setBackendChecked(backend: BackendName): Promise<void> {
  const warnings: string[] = [];
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  let ok: boolean;
  try {
    ok = await tf.setBackend(backend);
    await tf.ready();
  } finally {
    console.warn = originalWarn;
  }
  if (!ok || tf.getBackend() !== backend) {
    const cause = warnings
      .filter((line) => !line.startsWith('Initialization of backend'))
      .map((line) => line.split('\n')[0])
      .join(' ')
      .trim();
    throw new BackendUnavailable(`initialisation failed${cause ? `: ${cause}` : ''}`);
  }
}

/** Runs a tiny matrix product with a known result on the active backend. */
async function confirmArithmetic(): Promise<void> {
  const product = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[4], [5], [6]])));
  const [value] = await product.data();
  product.dispose();
  if (value !== 32) throw new BackendUnavailable(`test computation gave ${value} instead of 32`);
}

interface WebGpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

async function probeWebGpuAdapter(allowSoftwareGpu: boolean): Promise<string> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<WebGpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) throw new BackendUnavailable('navigator.gpu is missing (WebGPU not supported or disabled)');
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new BackendUnavailable('no WebGPU adapter');
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  if (fallback && !allowSoftwareGpu) throw new BackendUnavailable('only a software (fallback) WebGPU adapter');
  const info = adapter.info;
  return [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'adapter';
}

/**
 * The unmasked GL renderer of a throw-away context: undefined when no WebGL context can be made,
 * null when the browser hides the name.
 */
function webglRenderer(): string | null | undefined {
  try {
    const canvas =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = debugInfo ? gl.getParameter(debugInfo.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : null;
  } catch {
    return undefined;
  }
}
