/** Raw pixels (the CLI's decoded frames, crops) as the tensors the pose models take. */
import * as tf from '@tensorflow/tfjs-core';
import type { PoseInput, RawImage } from '../../contracts';

/** True for raw pixels (RawImage), which tfjs needs as a tensor (rawImageToTensor). */
export function isRawImage(frame: PoseInput): frame is RawImage {
  const candidate = frame as Partial<RawImage>;
  return (
    !(frame instanceof tf.Tensor) &&
    typeof candidate.channels === 'number' &&
    (candidate.data instanceof Uint8Array || candidate.data instanceof Uint8ClampedArray)
  );
}

/** Raw RGB(A) pixels as the int32 [height, width, 3] tensor pose-detection takes; the caller disposes it. */
export function rawImageToTensor({ data, width, height, channels }: RawImage): tf.Tensor3D {
  if (data.length !== width * height * channels) {
    throw new Error(`RawImage of ${width}x${height}x${channels} needs ${width * height * channels} bytes, got ${data.length}.`);
  }
  // Dropping alpha in a JS loop costs ~2 ms at 640x480; tf.slice on the wasm backend costs ~15.
  const rgb = new Int32Array(width * height * 3);
  for (let from = 0, to = 0; to < rgb.length; from += channels, to += 3) {
    rgb[to] = data[from];
    rgb[to + 1] = data[from + 1];
    rgb[to + 2] = data[from + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}

/** Runs `work` on the frame as pose-detection takes it, disposing any tensor made for it. */
export async function withModelInput<T>(frame: PoseInput, work: (input: PoseInput | tf.Tensor3D) => Promise<T>): Promise<T> {
  const input = isRawImage(frame) ? rawImageToTensor(frame) : frame;
  try {
    return await work(input);
  } finally {
    if (input !== frame) (input as tf.Tensor).dispose();
  }
}
